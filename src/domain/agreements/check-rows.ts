import { findByYear, findExplanation, findExplanationCell, type AgreementRow } from "./agreement";
import type { FindingCode, FindingData, FindingParams, Severity } from "../findings/finding";
import type { Model, StatusDef, ThemeDef } from "../model/model";
import { normaliseStatus } from "./normalise-status";
import { isBlankAfterMarkup, stripMarkup, toMatchKey } from "../core/normalise-text";
import { parseParties, type PartiesReading } from "./parse-parties";
import { UNKNOWN_YEAR } from "./read-agreements";
import { createNameSuggester } from "../core/suggest-name";

/** Shown as the year of a status whose column named no year and no monitoring year is known. */
const NO_YEAR_LABEL = "\u2013";

interface RowContext {
  readonly row: AgreementRow;
  readonly findings: FindingData[];
}

/**
 * Adds a finding about the row. Without the field's own cell (an agreement laid out one field
 * per line may lack one) it points at the theme cell. The parts come as arguments, not as one
 * object: the rules report a finding on many rows, and the object was garbage.
 */
function addFinding(
  context: Pick<RowContext, "row" | "findings">,
  code: FindingCode,
  severity: Severity,
  cell: string | undefined,
  params?: FindingParams,
  suggestion?: string,
): void {
  const { row } = context;
  const at = cell ?? row.cells.theme;
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
  context.findings.push(data);
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
    addFinding(context, "missing-theme", "error", row.cells.theme);
    checkSubtheme(context, listAllSubthemes(model.themes));
    return;
  }
  const theme = findTheme(model, row.theme);
  if (theme) {
    checkSubtheme(context, listSubthemes(theme));
    return;
  }
  const suggestion = listThemeNames(model.themes).suggest(row.theme);
  addFinding(context, "unknown-theme", "error", row.cells.theme, { value: row.theme }, suggestion);
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
  addFinding(context, "unknown-subtheme", "warning", row.cells.subtheme, { value: row.subtheme, theme: row.theme ?? "" }, suggestion);
}

function checkParties(context: RowContext, model: Model): void {
  const { row } = context;
  const text = row.partiesText === undefined ? "" : stripMarkup(row.partiesText);
  if (text === "") {
    addFinding(context, "missing-party", "error", row.cells.parties);
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
      row.cells.parties,
      { value: part.value, first: part.first, second: part.second },
      part.suggestion,
    );
  }
  for (let i = 0; i < reading.unknown.length; i++) {
    const part = reading.unknown[i] as PartiesReading["unknown"][number];
    addFinding(context, "unknown-party", "error", row.cells.parties, { value: part.value }, part.suggestion);
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
  const { row } = context;
  const allowed = listAllowedStatuses(model.statuses);
  for (const entry of row.statuses) {
    const columnYear = entry.year;
    const shownYear = columnYear === UNKNOWN_YEAR ? (year ?? NO_YEAR_LABEL) : columnYear;
    const raw = stripMarkup(entry.raw);
    const name = entry.status;
    if (raw !== "" && name === undefined) {
      const suggestion = suggestStatus(raw, model);
      addFinding(context, "invalid-status", "error", entry.cell, { value: raw, year: shownYear, allowed }, suggestion);
    }
    const def = name === undefined ? undefined : findStatusDef(model.statuses, name);
    if (def?.needsExplanation && isBlankAfterMarkup(findExplanation(row, columnYear) ?? "")) {
      addFinding(context, "missing-explanation", "warning", findExplanationCell(row, columnYear) ?? entry.cell, {
        status: def.name,
        year: shownYear,
      });
    }
  }
  if (year === undefined) return;
  // Only when the monitoring year has a status column on this row's header.
  const inYear = statusYears.includes(year) ? findByYear(row.statuses, year) : undefined;
  const entry = inYear ?? findByYear(row.statuses, UNKNOWN_YEAR);
  if (entry !== undefined && stripMarkup(entry.raw) === "") {
    addFinding(context, "missing-status", "warning", entry.cell, { year });
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
 * Copy-paste duplicates: rows with the same normalised theme, agreement, parties (as a set) and
 * activities of every year as a row above them on the same sheet. Rows with neither an agreement
 * nor activities are reported as incomplete, not as copies.
 */
function checkDuplicates(rows: readonly AgreementRow[], model: Model, findings: FindingData[]): void {
  const firstRowByKey = new Map<string, number>();
  for (const row of rows) {
    if ((row.agreement ?? "") === "" && row.activities.length === 0) continue;
    const key = buildFullKey(row, buildShortKey(row, normaliseForDuplicates(row.agreement), model));
    const firstRow = firstRowByKey.get(key);
    if (firstRow === undefined) {
      firstRowByKey.set(key, row.row);
      continue;
    }
    addFinding({ row, findings }, "duplicate-agreement", "warning", row.cells.agreement, { firstRow });
  }
}

/**
 * The row rules (DESIGN.md "Rules"): themes and subthemes, agreement text, parties, statuses
 * and explanations per year, the monitoring year's missing statuses, copy-paste duplicates.
 * `year` is the monitoring year in force (undefined: no status is required).
 */
export function checkAgreementRows(
  rows: readonly AgreementRow[],
  model: Model,
  year: number | undefined,
  statusYears: readonly number[],
): FindingData[] {
  const findings: FindingData[] = [];
  for (const row of rows) {
    const context: RowContext = { row, findings };
    checkTheme(context, model);
    if (row.agreement === undefined || isBlankAfterMarkup(row.agreement)) {
      addFinding(context, "missing-agreement", "warning", row.cells.agreement);
    }
    checkParties(context, model);
    checkStatuses(context, model, year, statusYears);
  }
  checkDuplicates(rows, model, findings);
  return findings;
}
