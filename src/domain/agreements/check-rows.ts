import {
  createRowSource,
  findExplanation,
  findExplanationCell,
  findFieldCell,
  hasActivities,
  StatusCells,
  type AgreementRow,
  type AgreementRowSource,
} from "./agreement";
import type { FindingCode, FindingData, FindingParamsByCode, Severity } from "../findings/finding";
import type { Model, StatusDef, ThemeDef } from "../model/model";
import { normaliseStatus } from "./normalise-status";
import { isBlankAfterMarkup, stripMarkup, toMatchKey } from "../core/normalise-text";
import { parseParties, type PartiesReading } from "./parse-parties";
import { UNKNOWN_YEAR } from "./read-agreements";
import { createNameSuggester } from "../core/suggest-name";

/** Shown as the year of a status whose column named no year and no monitoring year is known. */
const NO_YEAR_LABEL = "\u2013";

interface RowContext {
  row: AgreementRow;
  readonly findings: FindingData[];
  /** The row's status cells (checkStatuses), one reader for every row. */
  readonly statuses: StatusCells;
}

/**
 * Adds a finding about the row. Without the field's own cell (an agreement laid out one field
 * per line may lack one) it points at the theme cell. The parts come as arguments, not as one
 * object: the rules report a finding on many rows, and the object was garbage.
 */
function addFinding<C extends FindingCode>(
  context: Pick<RowContext, "row" | "findings">,
  code: C,
  severity: Severity,
  cell: string | undefined,
  params?: FindingParamsByCode[C],
  suggestion?: string,
): void {
  const { row } = context;
  const at = cell ?? findFieldCell(row, "theme");
  // One literal of the fields the finding has, so they sit inside the object: findings live as long
  // as the check, and properties added one by one went to a second, growing store. The key order
  // (code, severity, suggestion, sheet, row, cell) is the one exports have always shown.
  const { sheet, row: rowNumber } = row;
  let data: { -readonly [K in keyof FindingData]: FindingData[K] };
  if (suggestion === undefined) {
    data = at === undefined ? { code, severity, sheet, row: rowNumber } : { code, severity, sheet, row: rowNumber, cell: at };
  } else {
    data =
      at === undefined
        ? { code, severity, suggestion, sheet, row: rowNumber }
        : { code, severity, suggestion, sheet, row: rowNumber, cell: at };
  }
  if (params !== undefined) data.params = params;
  // The generic signature pairs the code with its params; the object built field by field loses that pairing.
  context.findings.push(data as FindingData);
}

const THEME_LOOKUPS = new WeakMap<Model["themes"], ReadonlyMap<string, ThemeDef>>();

/** Match key of every theme name and alias -> its theme; the first theme wins, as a linear search would. */
function buildThemeLookup(themes: Model["themes"]): ReadonlyMap<string, ThemeDef> {
  const cached = THEME_LOOKUPS.get(themes);
  if (cached) return cached;
  const lookup = new Map<string, ThemeDef>();
  for (const theme of themes) {
    for (const name of [theme.name, ...theme.aliases]) {
      const key = toMatchKey(name);
      if (!lookup.has(key)) lookup.set(key, theme);
    }
  }
  THEME_LOOKUPS.set(themes, lookup);
  return lookup;
}

function findTheme(model: Model, theme: string): ThemeDef | undefined {
  return buildThemeLookup(model.themes).get(toMatchKey(theme));
}

/** Names to check a name against: their match keys, and the "did you mean" among them. */
interface NameList {
  readonly keys: ReadonlySet<string>;
  readonly suggest: (value: string) => string | undefined;
}

function buildNameList(names: readonly string[]): NameList {
  return { keys: new Set(names.map(toMatchKey)), suggest: createNameSuggester([...new Set(names)]) };
}

/*
 * Built once per model (themes, statuses) or theme (subthemes) rather than per row: the lists are
 * the same for every row, and suggestions are memoised per distinct mistyped name with them.
 */
const THEME_NAME_LISTS = new WeakMap<Model["themes"], NameList>();
const ALL_SUBTHEME_LISTS = new WeakMap<Model["themes"], NameList>();
const SUBTHEME_LISTS = new WeakMap<readonly string[], NameList>();
const STATUS_SUGGESTERS = new WeakMap<Model["statuses"], (value: string) => string | undefined>();

function listThemeNames(themes: Model["themes"]): NameList {
  let list = THEME_NAME_LISTS.get(themes);
  if (list === undefined) {
    list = buildNameList(themes.map((t) => t.name));
    THEME_NAME_LISTS.set(themes, list);
  }
  return list;
}

/** Subthemes of every theme: for a row whose theme is missing or unknown. */
function listAllSubthemes(themes: Model["themes"]): NameList {
  let list = ALL_SUBTHEME_LISTS.get(themes);
  if (list === undefined) {
    list = buildNameList(themes.flatMap((t) => t.subthemes));
    ALL_SUBTHEME_LISTS.set(themes, list);
  }
  return list;
}

function listSubthemes(theme: ThemeDef): NameList {
  let list = SUBTHEME_LISTS.get(theme.subthemes);
  if (list === undefined) {
    list = buildNameList(theme.subthemes);
    SUBTHEME_LISTS.set(theme.subthemes, list);
  }
  return list;
}

function checkTheme(context: RowContext, model: Model): void {
  const { row } = context;
  if (row.theme === undefined) {
    addFinding(context, "missing-theme", "error", findFieldCell(row, "theme"));
    checkSubtheme(context, listAllSubthemes(model.themes));
    return;
  }
  const theme = findTheme(model, row.theme);
  if (theme) {
    checkSubtheme(context, listSubthemes(theme));
    return;
  }
  const suggestion = listThemeNames(model.themes).suggest(row.theme);
  addFinding(context, "unknown-theme", "error", findFieldCell(row, "theme"), { value: row.theme }, suggestion);
  // Check the subtheme against the theme that was probably meant, else against every theme.
  const meant = suggestion === undefined ? undefined : findTheme(model, suggestion);
  checkSubtheme(context, meant ? listSubthemes(meant) : listAllSubthemes(model.themes));
}

/** An empty subtheme is fine; so is any subtheme of a theme that lists none. */
function checkSubtheme(context: RowContext, subthemes: NameList): void {
  const { row } = context;
  if (row.subtheme === undefined || subthemes.keys.size === 0) return;
  if (subthemes.keys.has(toMatchKey(row.subtheme))) return;
  const suggestion = subthemes.suggest(row.subtheme);
  addFinding(context, "unknown-subtheme", "warning", findFieldCell(row, "subtheme"), { value: row.subtheme, theme: row.theme ?? "" }, suggestion);
}

function checkParties(context: RowContext, model: Model): void {
  const { row } = context;
  const text = row.partiesText === undefined ? "" : stripMarkup(row.partiesText);
  if (text === "") {
    addFinding(context, "missing-party", "error", findFieldCell(row, "parties"));
    return;
  }
  const reading = parseParties(text, model.parties);
  // Indexed loops here and in checkStatuses: they run for every row, and for-of allocates an
  // iterator whenever the function runs unoptimised.
  for (let i = 0; i < reading.joined.length; i++) {
    const part = reading.joined[i] as PartiesReading["joined"][number];
    addFinding(
      context,
      "party-separator",
      "warning",
      findFieldCell(row, "parties"),
      { value: part.value, first: part.first, second: part.second },
      part.suggestion,
    );
  }
  for (let i = 0; i < reading.unknown.length; i++) {
    const part = reading.unknown[i] as PartiesReading["unknown"][number];
    addFinding(context, "unknown-party", "error", findFieldCell(row, "parties"), { value: part.value }, part.suggestion);
  }
}

function suggestStatus(raw: string, model: Model): string | undefined {
  let suggest = STATUS_SUGGESTERS.get(model.statuses);
  if (suggest === undefined) {
    suggest = createNameSuggester(model.statuses.flatMap((s) => [s.name, ...s.synonyms]));
    STATUS_SUGGESTERS.set(model.statuses, suggest);
  }
  const near = suggest(raw);
  return near === undefined ? undefined : normaliseStatus(near, model.statuses);
}

const ALLOWED_STATUSES = new WeakMap<Model["statuses"], string>();

/** "groen, oranje, rood, grijs": joined once per model, not for every row. */
function listAllowedStatuses(statuses: Model["statuses"]): string {
  let allowed = ALLOWED_STATUSES.get(statuses);
  if (allowed === undefined) {
    allowed = statuses.map((s) => s.name).join(", ");
    ALLOWED_STATUSES.set(statuses, allowed);
  }
  return allowed;
}

const STATUS_DEFS = new WeakMap<Model["statuses"], ReadonlyMap<string, StatusDef>>();

/** The model's status of that name; the first wins, as a linear search would. */
function findStatusDef(statuses: Model["statuses"], name: string): StatusDef | undefined {
  let defs = STATUS_DEFS.get(statuses);
  if (defs === undefined) {
    const byName = new Map<string, StatusDef>();
    for (const status of statuses) if (!byName.has(status.name)) byName.set(status.name, status);
    defs = byName;
    STATUS_DEFS.set(statuses, defs);
  }
  return defs.get(name);
}

function checkStatuses(context: RowContext, model: Model, year: number | undefined, statusYears: readonly number[]): void {
  const { row, statuses } = context;
  const allowed = listAllowedStatuses(model.statuses);
  // Entries (with their cell addresses) are built only for a finding: see StatusCells.
  statuses.moveTo(row);
  for (let i = 0; i < statuses.count; i++) {
    const columnYear = statuses.readYear(i);
    const shownYear = columnYear === UNKNOWN_YEAR ? (year ?? NO_YEAR_LABEL) : columnYear;
    const raw = stripMarkup(statuses.readRaw(i));
    const name = statuses.readStatus(i);
    if (raw !== "" && name === undefined) {
      const suggestion = suggestStatus(raw, model);
      addFinding(context, "invalid-status", "error", statuses.readCell(i), { value: raw, year: shownYear, allowed }, suggestion);
    }
    const def = name === undefined ? undefined : findStatusDef(model.statuses, name);
    if (def?.needsExplanation && isBlankAfterMarkup(findExplanation(row, columnYear) ?? "")) {
      addFinding(context, "missing-explanation", "warning", findExplanationCell(row, columnYear) ?? statuses.readCell(i), {
        status: def.name,
        year: shownYear,
      });
    }
  }
  if (year === undefined) return;
  // Only when the monitoring year has a status column on this row's header.
  const inYear = statusYears.includes(year) ? statuses.findIndex(year) : -1;
  const index = inYear >= 0 ? inYear : statuses.findIndex(UNKNOWN_YEAR);
  if (index >= 0 && stripMarkup(statuses.readRaw(index)) === "") {
    addFinding(context, "missing-status", "warning", statuses.readCell(index), { year });
  }
}

function normaliseForDuplicates(text: string | undefined): string {
  // stripMarkup already collapses whitespace.
  return stripMarkup(text ?? "").toLowerCase();
}

/** Parties key per parties reading: readings are memoised per distinct text, and most rows repeat a few. */
const PARTIES_KEYS = new WeakMap<PartiesReading, string>();

function buildPartiesKey(reading: PartiesReading): string {
  let key = PARTIES_KEYS.get(reading);
  if (key === undefined) {
    key = [...reading.parties, ...reading.unknown.map((u) => normaliseForDuplicates(u.value))].sort().join(",");
    PARTIES_KEYS.set(reading, key);
  }
  return key;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Characters of an agreement key hashed from each end: enough to tell nearly every agreement apart. */
const HASHED_END = 32;

/**
 * A 32-bit hash (FNV-1a over UTF-16 code units) of the agreement's duplicate key
 * (normaliseForDuplicates): of its first and last HASHED_END characters that are not spaces.
 * Equal keys hash equal, so rows with different hashes are no copies, and rows whose hashes meet
 * are compared by their keys. Hashing the ends rather than the whole key keeps the rule from
 * reading every character of every agreement in script: it was a fifth of a check. For plain
 * text, nearly every agreement, the ends are lower-cased while hashing and no key is built.
 */
function hashAgreementKey(text: string | undefined): number {
  const value = text ?? "";
  // "<" and "&" may start markup, which the key leaves out. Plain text differs from its key only in
  // whitespace and case, so the key's ends are the text's ends, lower-cased: unless an end holds a
  // character beyond ASCII (lower-casing may change its length; it may be whitespace the key
  // collapses), the key need not be built.
  const plain = value.includes("<") || value.includes("&") ? undefined : hashEnds(value, true);
  return plain ?? (hashEnds(normaliseForDuplicates(value), false) as number);
}

/**
 * FNV-1a of the first and last HASHED_END characters of `text` other than ASCII whitespace, A–Z
 * lower-cased (a key has none). With `plainOnly`, undefined as soon as an end holds a character
 * beyond ASCII; without it, never undefined.
 */
function hashEnds(text: string, plainOnly: boolean): number | undefined {
  const head = mixEnd(FNV_OFFSET, text, 0, 1, plainOnly);
  return head === undefined ? undefined : mixEnd(Math.imul(head ^ 0x20, FNV_PRIME), text, text.length - 1, -1, plainOnly);
}

/** Mixes up to HASHED_END characters into `hash`, from `start` in direction `step`. */
function mixEnd(hash: number, text: string, start: number, step: 1 | -1, plainOnly: boolean): number | undefined {
  let mixed = hash;
  let taken = 0;
  for (let i = start; i >= 0 && i < text.length && taken < HASHED_END; i += step) {
    const code = text.charCodeAt(i);
    if (plainOnly && code > 0x7f) return undefined;
    if (isAsciiSpace(code)) continue;
    mixed = Math.imul(mixed ^ (code >= 0x41 && code <= 0x5a ? code + 0x20 : code), FNV_PRIME);
    taken++;
  }
  return mixed;
}

/** ASCII whitespace as \s matches it (tab to carriage return, space). */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Theme, agreement and parties (as a set: "Lefier en Woonservice" = "Woonservice, Lefier"). */
function buildShortKey(row: AgreementRow, agreementKey: string, model: Model): string {
  const parties = buildPartiesKey(parseParties(row.partiesText ?? "", model.parties));
  return `${row.sheet}\u0000${toMatchKey(row.theme ?? "")}\u0000${agreementKey}\u0000${parties}`;
}

/** The short key plus the activities of every year: what makes a row a copy of another. */
function buildFullKey(row: AgreementRow, shortKey: string): string {
  // The array is ascending by year: no sort needed.
  const activities = row.activities.map((a) => `${a.year}:${normaliseForDuplicates(a.text)}`).join("\u0001");
  return `${shortKey}\u0000${activities}`;
}

/**
 * Rows are first told apart by a hash of their agreement key alone, which nearly every row has to
 * itself: only rows whose hashes meet build the short key (theme, agreement, parties), and only
 * rows that share a short key compare activities, long texts whose keys would dominate the rule's
 * cost. The hashes sit in typed arrays, so grouping keeps no key text or map entry per row alive
 * (100k rows: megabytes for the garbage collector to copy). They are taken in the pass of the other
 * row rules, while each agreement text is at hand, rather than in a second pass over 10 MB of text.
 */
class AgreementHashes {
  readonly hashes: Int32Array;
  /** 1 for a row that can be a copy: it has an agreement or activities. */
  readonly candidates: Uint8Array;
  private readonly sorted: Int32Array;
  private count = 0;

  constructor(rows: number) {
    this.hashes = new Int32Array(rows);
    this.candidates = new Uint8Array(rows);
    this.sorted = new Int32Array(rows);
  }

  add(index: number, row: AgreementRow): void {
    // Rows with neither an agreement nor activities are reported as incomplete, not as copies.
    if ((row.agreement ?? "") === "" && !hasActivities(row)) return;
    const hash = hashAgreementKey(row.agreement);
    this.hashes[index] = hash;
    this.candidates[index] = 1;
    this.sorted[this.count++] = hash;
  }

  /** The hashes that more than one candidate row has. */
  listShared(): Set<number> {
    const count = this.count;
    const sorted = this.sorted.subarray(0, count).sort();
    const shared = new Set<number>();
    for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i] as number);
    return shared;
  }
}

/** Rows are compared in sheet order, each with the rows above it, so the findings are those of comparing full keys. */
function checkDuplicates(rows: AgreementRowSource, scan: AgreementHashes, model: Model, findings: FindingData[]): void {
  const shared = scan.listShared();
  if (shared.size === 0) return;
  const { hashes, candidates } = scan;

  // Per short key: the first row, until a second row arrives and the first is keyed in full (null).
  const firstByShortKey = new Map<string, AgreementRow | null>();
  const firstRowByFullKey = new Map<string, number>();
  for (let i = 0; i < rows.count; i++) {
    if (candidates[i] === 0 || !shared.has(hashes[i] as number)) continue;
    const row = rows.readRow(i);
    const shortKey = buildShortKey(row, normaliseForDuplicates(row.agreement), model);
    const first = firstByShortKey.get(shortKey);
    if (first === undefined) {
      firstByShortKey.set(shortKey, row);
      continue;
    }
    if (first !== null) {
      firstRowByFullKey.set(buildFullKey(first, shortKey), first.row);
      firstByShortKey.set(shortKey, null);
    }
    const fullKey = buildFullKey(row, shortKey);
    const firstRow = firstRowByFullKey.get(fullKey);
    if (firstRow === undefined) {
      firstRowByFullKey.set(fullKey, row.row);
      continue;
    }
    addFinding({ row, findings }, "duplicate-agreement", "warning", findFieldCell(row, "agreement"), { firstRow });
  }
}

/**
 * The row rules (DESIGN.md "Rules"): themes and subthemes, agreement text, parties, statuses
 * and explanations per year, the monitoring year's missing statuses, copy-paste duplicates.
 * `year` is the monitoring year in force (undefined: no status is required).
 */
export function checkAgreementRows(
  agreements: readonly AgreementRow[] | AgreementRowSource,
  model: Model,
  year: number | undefined,
  statusYears: readonly number[],
): FindingData[] {
  const findings: FindingData[] = [];
  const rows = isRowSource(agreements) ? agreements : createRowSource(agreements);
  if (rows.count === 0) return findings;
  // One context moved from row to row (no rule keeps it), and an indexed loop: this runs once per
  // check, often unoptimised, where for-of allocates an iterator result per row.
  const context: RowContext = { row: rows.visitRow(0), findings, statuses: new StatusCells() };
  const hashes = new AgreementHashes(rows.count);
  for (let i = 0; i < rows.count; i++) {
    // No rule keeps the row: it may be one view moved from row to row.
    const row = rows.visitRow(i);
    context.row = row;
    hashes.add(i, row);
    checkTheme(context, model);
    if (row.agreement === undefined || isBlankAfterMarkup(row.agreement)) {
      addFinding(context, "missing-agreement", "warning", findFieldCell(row, "agreement"));
    }
    checkParties(context, model);
    checkStatuses(context, model, year, statusYears);
  }
  checkDuplicates(rows, hashes, model, findings);
  return findings;
}

function isRowSource(rows: readonly AgreementRow[] | AgreementRowSource): rows is AgreementRowSource {
  return !Array.isArray(rows);
}
