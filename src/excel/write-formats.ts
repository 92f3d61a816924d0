import {
  findFreeSheetName,
  formatA1,
  HIGHLIGHT_SHEET_PREFIX,
  isHelperMarkerName,
  LIST_MARKER_NAME,
  LIST_SHEET_NAME,
  numberSheetName,
  quoteSheetName,
  sheetReferencePattern,
  writeMirrorMarkerName,
  writeValuesMarkerName,
  type CellValue,
  type FormatPlan,
  type StoplightColumnPlan,
} from "../domain";
import { AddinError, isPayloadTooLargeError } from "./addin-error";
import type { StatusColumnNote } from "./addin-api";
import { findAddinSheets, PREFIXES, snapshotSheetName, type AddinSheets, type Kind, type Registered } from "./addin-sheets";
import { intersectRects, isCovered, parseAreas, parseRangeAddress, type CellRect } from "./range-address";
import { toCellValue, type MutableGrid, type Sync, type WorkbookState } from "./read-workbook";
import { NO_TURNS, type ThreadTurns } from "./thread-turns";

/**
 * The write round trip of an explicit check: it writes only what differs from what the last check
 * wrote, so a re-check of an unchanged workbook writes nothing, and it never calls an API from
 * Microsoft's "undo support" table (no sheet delete or re-add, no visibility or name changes, no
 * Style.*): the user's Ctrl+Z keeps working. Only a sheet the add-in creates for the first time
 * is hidden (Worksheet.visibility; it clears undo on Windows and Mac, so the caller runs it apart).
 *
 * What is the add-in's own, so that re-checks diff against it and clearing removes exactly it:
 * workbook names (PM_Stoplicht_N, PM_Keuzelijst_N, PM_Toelichting_N, PM_Markeervlak_N) on the
 * ranges it formatted, each with a fingerprint of what it wrote in its comment; the conditional
 * formats those ranges carry; the hidden mirror sheets (severity per marked cell, and the cell's
 * value at check time in the mirror's value twin) and the list sheet. Those sheets are known by
 * their marker names (own-sheets.ts, addin-sheets.ts), created in the batch that creates the
 * sheet, never by their names: "PM_Markering1", "PM_Markering1_w" and "PM_Keuzelijsten" are only
 * defaults, and when a user's sheet holds one ours takes a free name, every formula the actual one.
 * A user's own data validation on a status range is kept and reported.
 */

export { DROPDOWN_NAME_PREFIX, EXPLANATION_NAME_PREFIX, HIGHLIGHT_NAME_PREFIX, snapshotSheetName, STOPLIGHT_NAME_PREFIX } from "./addin-sheets";
/** Input-message title of the add-in's status dropdown (visible to the user, and recognisable). */
export const DROPDOWN_PROMPT_TITLE = "Prestatiemonitor";
/** Excel's limit for a validation list typed as text, and for an input message. */
const MAX_LIST_TEXT = 255;

/** One queued write; a closure so that a too-large batch can be queued again in halves. */
export type WriteOp = () => void;

const STOPLIGHT_FORMULA = /^=TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)="(?:[^"]|"")*"$/;
const EXPLANATION_FORMULA = /^=AND\(OR\(.*\),LEN\(TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)\)=0\)$/;

/** A mirror sheet whose highlight rules may stand on a checked sheet, and how to spot one. */
interface MirrorMatcher {
  readonly mirror: string;
  readonly pattern: RegExp;
}

/** What one named range of the add-in should carry. */
interface Planned {
  readonly kind: Kind;
  readonly sheet: string;
  readonly address: string;
  readonly rect: CellRect;
  readonly fingerprint: string;
  readonly detail?: string;
  /** Conditional format formulas the range must carry (a kept range is checked for them). */
  readonly formulas: readonly string[];
  readonly write: (range: Excel.Range) => void;
}

export interface PlannedWrites {
  readonly ops: WriteOp[];
  readonly keptValidation: StatusColumnNote[];
  /** Sheets created by these ops that must be hidden (Worksheet.visibility: see the file comment). */
  readonly newSheets: string[];
  /** Checked sheets whose formats were left as they are because the sheet is protected. */
  readonly protectedSheets: string[];
}

/** FNV-1a, 32 bits: a short fingerprint of what a range carries, kept in its name's comment. */
function fingerprintOf(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * The kind and anchor of one of the add-in's conditional formats, or undefined for the user's own.
 * A highlight rule is one that compares a cell of one of `mirrors` with a severity: a formula that
 * refers to a user's sheet called PM_Markering1 is the user's.
 */
function classifyFormula(formula: string, mirrors: readonly MirrorMatcher[]): { kind: Kind; anchor: string } | undefined {
  const mirror = mirrors.find((m) => m.pattern.test(formula));
  if (mirror !== undefined) return { kind: "highlight", anchor: mirror.mirror };
  const stoplight = STOPLIGHT_FORMULA.exec(formula);
  if (stoplight) return { kind: "stoplight", anchor: `${stoplight[1]}${stoplight[2]}` };
  const explanation = EXPLANATION_FORMULA.exec(formula);
  if (explanation) return { kind: "explanation", anchor: `${explanation[1]}${explanation[2]}` };
  return undefined;
}

function anchorOf(entry: { kind: Kind; rect: CellRect; detail?: string | undefined }): string {
  return entry.kind === "highlight" ? (entry.detail ?? "") : formatA1(entry.rect.top, entry.rect.left);
}

/**
 * The mirrors whose rules may stand on `sheet`: our marked (or migrated) mirrors, and the mirror a
 * registered highlight name of this sheet names (an older add-in's rules, also where that sheet is
 * not ours: the rules on our registered range are).
 */
function matchMirrors(sheets: AddinSheets, registry: readonly Registered[], sheet: string): MirrorMatcher[] {
  const names = new Set(sheets.mirrors.map((m) => m.sheet));
  for (const entry of registry) if (entry.kind === "highlight" && entry.sheet === sheet && entry.detail !== undefined) names.add(entry.detail);
  return [...names].map((mirror) => ({ mirror, pattern: new RegExp(`${sheetReferencePattern(mirror)}\\$?[A-Z]{1,3}\\$?\\d+="(?:error|warning)"`, "i") }));
}

/**
 * Ops that remove everything the add-in wrote (for "Markering wissen"; an explicit removal, so it
 * may delete the add-in's own sheets). Needs `state` loaded (read-workbook).
 */
export function planRemoval(context: Excel.RequestContext, state: WorkbookState): WriteOp[] {
  const ops: WriteOp[] = [];
  const sheets = findAddinSheets(state);
  const { registry } = sheets;
  const existing = new Set(state.worksheets.items.map((ws) => ws.name));
  for (const [sheet, formats] of state.formats) {
    if (!existing.has(sheet)) continue;
    const anchors = new Set(registry.filter((r) => r.sheet === sheet).map((r) => `${r.kind}:${anchorOf(r)}`));
    const mirrors = matchMirrors(sheets, registry, sheet);
    for (const cf of formats.conditionalFormats.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      const ours = classifyFormula(custom.rule.formula, mirrors);
      if (ours && (ours.kind === "highlight" || ours.kind === "explanation" || anchors.has(`${ours.kind}:${ours.anchor}`))) ops.push(() => cf.delete());
    }
  }
  for (const entry of registry) {
    if (entry.kind === "dropdown" && existing.has(entry.sheet)) ops.push(() => context.workbook.names.getItem(entry.name).getRange().dataValidation.clear());
  }
  for (const item of state.names.items) {
    if (Object.values(PREFIXES).some((prefix) => item.name.startsWith(prefix)) || isHelperMarkerName(item.name)) ops.push(() => item.delete());
  }
  // Our helper sheets by marker (or an older add-in's by its registry), never by name.
  const helpers = new Set(sheets.helpers);
  for (const ws of state.worksheets.items) {
    if (!helpers.has(ws.name)) continue;
    // Worksheet.delete (ExcelApi 1.1, all hosts) fails on a VeryHidden sheet: unhide it first.
    ops.push(() => {
      ws.visibility = "Hidden";
      ws.delete();
    });
  }
  return ops;
}

/**
 * Ops that bring the workbook from what the last check wrote (`state`) to `plan`, writing only
 * differences. `grids` are the checked sheets as read (the markers' values at check time).
 */
export function planWrites(context: Excel.RequestContext, state: WorkbookState, plan: FormatPlan, grids: readonly MutableGrid[]): PlannedWrites {
  const keptValidation: StatusColumnNote[] = [];
  const newSheets: string[] = [];
  if (state.workbook?.readOnly === true) return { ops: [], keptValidation, newSheets, protectedSheets: [] };
  const worksheets = context.workbook.worksheets;
  const sheets = findAddinSheets(state);
  const { registry } = sheets;
  const sheetNames = new Set(state.worksheets.items.map((ws) => ws.name));
  const protectedSheets = [...state.formats.values()].filter((f) => f.protection.protected).map((f) => f.sheet);
  const locked = new Set(protectedSheets);
  // Names our new sheets must not take: every sheet's, and the mirrors registered names still name.
  const takenNames = new Set([...sheetNames, ...sheets.registeredMirrors]);
  const takeName = (candidate: (n: number) => string): string => {
    const name = findFreeSheetName(takenNames, candidate);
    takenNames.add(name);
    return name;
  };
  const addSheetOps: WriteOp[] = [];
  const ensureSheet = (name: string): void => {
    if (sheetNames.has(name)) return;
    sheetNames.add(name);
    newSheets.push(name);
    addSheetOps.push(() => {
      worksheets.add(name);
    });
  };
  const markers = planMarkers(context, state, sheets);

  const planned: Planned[] = [];
  const listSheet = sheets.list?.sheet ?? (needsListSheet(plan.stoplights) ? takeName(numberSheetName(LIST_SHEET_NAME)) : undefined);
  const listSource = planListSource(plan.stoplights, listSheet ?? LIST_SHEET_NAME);
  const contentOps: WriteOp[] = [];
  if (listSource.entries !== undefined && listSheet !== undefined) {
    ensureSheet(listSheet);
    const wanted = new Map(listSource.entries.map((entry, i) => [`${i},0`, entry as CellValue]));
    contentOps.push(...planContent(worksheets, listSheet, readOwned(state, listSheet), wanted, true));
  }
  // A list sheet without its marker (new, or an older add-in's) gets one, needed now or not.
  if (listSheet !== undefined && sheets.list?.marked !== true) markers.mark(LIST_MARKER_NAME, listSheet);

  const ourDropdowns = registry.filter((r) => r.kind === "dropdown");
  for (const stoplight of plan.stoplights) {
    const rect = parseRangeAddress(stoplight.range);
    if (!rect) continue;
    const topLeft = formatA1(rect.top, rect.left);
    const formulas = stoplight.rules.map((rule) => `=TRIM(${topLeft})="${rule.status.replace(/"/g, '""')}"`);
    planned.push({
      kind: "stoplight",
      sheet: stoplight.sheet,
      address: stoplight.range,
      rect,
      fingerprint: fingerprintOf(stoplight.rules),
      formulas,
      write: (range) => {
        stoplight.rules.forEach((rule, i) => {
          const cf = range.conditionalFormats.add("Custom");
          // Excel's "=" compares text case-insensitively; TRIM forgives stray spaces (as the CLI's copy).
          cf.custom.rule.formula = formulas[i] ?? "";
          cf.custom.format.fill.color = rule.fill;
          cf.custom.format.font.color = rule.font;
        });
      },
    });
    if (hasUserValidation(state, stoplight, rect, ourDropdowns)) {
      keptValidation.push({ sheet: stoplight.sheet, column: stoplight.range.replace(/\d+.*$/, "") });
      continue;
    }
    const prompt = truncate(stoplight.list.join(", "), MAX_LIST_TEXT);
    planned.push({
      kind: "dropdown",
      sheet: stoplight.sheet,
      address: stoplight.range,
      rect,
      fingerprint: fingerprintOf([listSource.source, prompt]),
      formulas: [],
      write: (range) => {
        range.dataValidation.clear();
        range.dataValidation.rule = { list: { inCellDropDown: true, source: listSource.source } };
        range.dataValidation.prompt = { showPrompt: true, title: DROPDOWN_PROMPT_TITLE, message: prompt };
        // Synonyms ("green", "op schema") are valid input the engine normalises: warn-free entry.
        range.dataValidation.errorAlert = { showAlert: false, style: "Information", title: DROPDOWN_PROMPT_TITLE, message: "" };
      },
    });
  }

  for (const check of plan.explanations ?? []) {
    const rect = parseRangeAddress(check.range);
    if (!rect) continue;
    planned.push({
      kind: "explanation",
      sheet: check.sheet,
      address: check.range,
      rect,
      fingerprint: fingerprintOf([check.formula, check.fill, check.border]),
      formulas: [check.formula],
      write: (range) => {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = check.formula;
        cf.custom.format.fill.color = check.fill;
        for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) cf.custom.format.borders.getItem(side).color = check.border;
      },
    });
  }

  // Marks: one mirror pair per data sheet, kept across checks (found through the highlight name),
  // else one of ours no registered name claims (a CLI copy's), else a new one under a free name.
  const ownMirrors = new Map(sheets.mirrors.map((m) => [m.sheet, m]));
  const mirrorFor = new Map<string, string>();
  for (const highlight of plan.highlights) {
    const known = registry.find((r) => r.kind === "highlight" && r.sheet === highlight.sheet)?.detail;
    if (known !== undefined && ownMirrors.has(known) && ![...mirrorFor.values()].includes(known)) mirrorFor.set(highlight.sheet, known);
  }
  for (const highlight of plan.highlights) {
    if (mirrorFor.has(highlight.sheet)) continue;
    const assigned = new Set(mirrorFor.values());
    const spare = [...ownMirrors.keys()].find((name) => !assigned.has(name) && !sheets.registeredMirrors.has(name));
    mirrorFor.set(highlight.sheet, spare ?? takeName((n) => `${HIGHLIGHT_SHEET_PREFIX}${n}`));
  }
  const twinOf = (mirror: string): string => ownMirrors.get(mirror)?.values ?? takeName(numberSheetName(snapshotSheetName(mirror)));
  const wantedMirrors = new Map<string, { snapshot: string; severities: Map<string, CellValue>; values: Map<string, CellValue> }>();
  for (const highlight of plan.highlights) {
    if (locked.has(highlight.sheet)) continue;
    const rect = parseRangeAddress(highlight.range);
    if (!rect) continue;
    const mirror = mirrorFor.get(highlight.sheet);
    if (mirror === undefined) continue;
    const snapshot = wantedMirrors.get(mirror)?.snapshot ?? twinOf(mirror);
    const grid = grids.find((g) => g.sheet === highlight.sheet);
    const severities = new Map<string, CellValue>();
    const values = new Map<string, CellValue>();
    for (const { cell, severity } of highlight.cells) {
      const at = parseRangeAddress(cell);
      if (!at) continue;
      severities.set(`${at.top},${at.left}`, severity);
      const value = grid ? (grid.values[at.top - grid.top]?.[at.left - grid.left] ?? null) : null;
      if (value !== null) values.set(`${at.top},${at.left}`, value);
    }
    wantedMirrors.set(mirror, { snapshot, severities, values });
    const topLeft = formatA1(rect.top, rect.left);
    const rules = highlight.rules.map((rule) => {
      const severity = /="(error|warning)"$/.exec(rule.formula)?.[1] ?? "error";
      // The marker clears itself once the cell no longer holds its value at check time: no stale
      // mark after an edit, and no live write to take it away.
      const formula = `=AND(${quoteSheetName(mirror)}!${topLeft}="${severity}",${topLeft}=${quoteSheetName(snapshot)}!${topLeft})`;
      return { formula, fill: rule.fill, border: rule.border };
    });
    planned.push({
      kind: "highlight",
      sheet: highlight.sheet,
      address: highlight.range,
      rect,
      detail: mirror,
      fingerprint: fingerprintOf(rules),
      formulas: rules.map((r) => r.formula),
      write: (range) => {
        for (const rule of rules) {
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = rule.formula;
          cf.custom.format.fill.color = rule.fill;
          for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) cf.custom.format.borders.getItem(side).color = rule.border;
        }
      },
    });
  }
  for (const [mirror, wanted] of wantedMirrors) {
    ensureSheet(mirror);
    ensureSheet(wanted.snapshot);
    markers.markMirror(mirror, wanted.snapshot, ownMirrors.get(mirror));
    contentOps.push(...planContent(worksheets, mirror, readOwned(state, mirror), wanted.severities, false));
    contentOps.push(...planContent(worksheets, wanted.snapshot, readOwned(state, wanted.snapshot), wanted.values, true));
  }
  // Mirrors no longer used (no findings left on their sheet): emptied, never deleted; an older
  // add-in's get their markers now, so that from here on the markers alone tell ours.
  for (const own of sheets.mirrors) {
    if (wantedMirrors.has(own.sheet)) continue;
    markers.markMirror(own.sheet, own.values, own);
    const owner = registry.find((r) => r.kind === "highlight" && r.detail === own.sheet);
    if (owner && locked.has(owner.sheet)) continue;
    for (const name of own.values !== undefined ? [own.sheet, own.values] : [own.sheet]) {
      contentOps.push(...planContent(worksheets, name, readOwned(state, name), new Map(), false));
    }
  }

  // Diff the named ranges: keep what matches, remove the rest, add what is new.
  const formulasOn = new Map<string, Set<string>>();
  for (const [sheet, formats] of state.formats) {
    formulasOn.set(sheet, new Set(formats.conditionalFormats.items.filter((cf) => !cf.customOrNullObject.isNullObject).map((cf) => cf.customOrNullObject.rule.formula)));
  }
  const kept = new Set<Registered>();
  const added: Planned[] = [];
  for (const item of planned) {
    if (locked.has(item.sheet)) continue;
    const match = registry.find(
      (r) =>
        !kept.has(r) &&
        r.kind === item.kind &&
        r.sheet === item.sheet &&
        r.fingerprint === item.fingerprint &&
        r.detail === item.detail &&
        sameRect(r.rect, item.rect) &&
        item.formulas.every((f) => formulasOn.get(item.sheet)?.has(f) === true),
    );
    if (match) kept.add(match);
    else added.push(item);
  }
  const removalOps: WriteOp[] = [];
  const doomedAnchors = new Set(registry.filter((r) => !kept.has(r) && !locked.has(r.sheet)).map((r) => `${r.sheet}\u0000${r.kind}:${anchorOf(r)}`));
  const keptAnchors = new Set([...kept].map((r) => `${r.sheet}\u0000${r.kind}:${anchorOf(r)}`));
  for (const [sheet, formats] of state.formats) {
    if (locked.has(sheet) || !sheetNames.has(sheet)) continue;
    const matchers = matchMirrors(sheets, registry, sheet);
    for (const cf of formats.conditionalFormats.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      const ours = classifyFormula(custom.rule.formula, matchers);
      if (!ours) continue;
      const key = `${sheet}\u0000${ours.kind}:${ours.anchor}`;
      // A kept range keeps its formats; anything else of ours goes (also formats of older versions).
      const mine = doomedAnchors.has(key) || ours.kind === "highlight" || ours.kind === "explanation";
      if (mine && !keptAnchors.has(key)) removalOps.push(() => cf.delete());
    }
  }
  for (const entry of registry) {
    if (kept.has(entry) || locked.has(entry.sheet)) continue;
    if (entry.kind === "dropdown" && sheetNames.has(entry.sheet)) removalOps.push(() => context.workbook.names.getItem(entry.name).getRange().dataValidation.clear());
    removalOps.push(() => context.workbook.names.getItem(entry.name).delete());
  }
  const usedNames = new Set(state.names.items.map((n) => n.name));
  const additionOps: WriteOp[] = added.map((item) => {
    const name = freshName(PREFIXES[item.kind], usedNames);
    const label = `Prestatiemonitor: ${item.kind} [${item.fingerprint}${item.detail !== undefined ? ` ${item.detail}` : ""}]`;
    return () => {
      const range = worksheets.getItem(item.sheet).getRange(item.address);
      item.write(range);
      context.workbook.names.add(name, range, label);
    };
  });
  return { ops: [...markers.removals, ...removalOps, ...addSheetOps, ...markers.additions, ...contentOps, ...additionOps], keptValidation, newSheets, protectedSheets };
}

interface MarkerPlan {
  /** Dangling markers (their sheet deleted) go first: their names may be taken again. */
  readonly removals: WriteOp[];
  /** New markers, right after the sheets are added (same batch). */
  readonly additions: WriteOp[];
  /** Marks a helper sheet with a marker name, unless that name marks a sheet already. */
  readonly mark: (name: string, sheet: string) => void;
  /** Marks a mirror and its value twin with one number, where they lack their markers. */
  readonly markMirror: (mirror: string, twin: string | undefined, own: AddinSheets["mirrors"][number] | undefined) => void;
}

/**
 * The marker names to add: each is a workbook-scoped name on the sheet's A1, added with
 * NamedItemCollection.add (not in Microsoft's undo table) and no comment (NamedItem.comment is).
 */
function planMarkers(context: Excel.RequestContext, state: WorkbookState, sheets: AddinSheets): MarkerPlan {
  const dangling = new Set(sheets.dangling.map((name) => name.toLowerCase()));
  const live = new Set(state.names.items.map((item) => item.name.toLowerCase()).filter((name) => !dangling.has(name)));
  const usedNumbers = new Set(sheets.usedNumbers);
  const removals: WriteOp[] = sheets.dangling.map((name) => () => context.workbook.names.getItem(name).delete());
  const additions: WriteOp[] = [];
  const mark = (name: string, sheet: string): void => {
    if (live.has(name.toLowerCase())) return;
    live.add(name.toLowerCase());
    additions.push(() => {
      context.workbook.names.add(name, context.workbook.worksheets.getItem(sheet).getRange("A1"));
    });
  };
  const numbers = new Map<string, number>();
  const markMirror: MarkerPlan["markMirror"] = (mirror, twin, own) => {
    let number = own?.number ?? numbers.get(mirror);
    if (number === undefined) {
      number = 1;
      while (usedNumbers.has(number)) number += 1;
      usedNumbers.add(number);
      numbers.set(mirror, number);
      mark(writeMirrorMarkerName(number - 1), mirror);
    }
    if (twin !== undefined && own?.valuesMarked !== true) mark(writeValuesMarkerName(number), twin);
  };
  return { removals, additions, mark, markMirror };
}

function sameRect(a: CellRect, b: CellRect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function freshName(prefix: string, used: Set<string>): string {
  for (let i = 1; ; i += 1) {
    const name = `${prefix}${i}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The dropdown's list source. Typed as text it is comma-separated, has no escape for a comma or
 * a leading "=", and holds at most 255 characters (Excel, all hosts): then the list goes on the
 * add-in's hidden list sheet and the source points at that range.
 */
function planListSource(stoplights: readonly StoplightColumnPlan[], listSheet: string): { source: string; entries?: readonly string[] } {
  const list = stoplights[0]?.list ?? [];
  if (!needsListSheet(stoplights)) return { source: list.join(",") };
  return { source: `=${quoteSheetName(listSheet)}!$A$1:$A$${Math.max(1, list.length)}`, entries: list };
}

function needsListSheet(stoplights: readonly StoplightColumnPlan[]): boolean {
  const list = stoplights[0]?.list ?? [];
  const unsafe = list.some((entry) => entry.includes(",") || entry.includes('"') || entry.trimStart().startsWith("="));
  return unsafe || list.join(",").length > MAX_LIST_TEXT;
}

/** What one of the add-in's own sheets holds now: "row,col" -> value (blanks left out). */
function readOwned(state: WorkbookState, sheet: string): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  const read = state.owned?.get(sheet);
  if (!read || read.cells.isNullObject) return cells;
  for (const area of read.cells.areas.items) {
    const origin = parseRangeAddress(area.address);
    if (!origin) continue;
    area.values.forEach((row, r) => {
      row.forEach((raw, c) => {
        const value = toCellValue(raw);
        if (value !== null) cells.set(`${origin.top + r},${origin.left + c}`, value);
      });
    });
  }
  return cells;
}

/**
 * Writes that turn `current` into `wanted` on one of the add-in's sheets: only differing cells, a
 * run of neighbouring cells in a row per write. With `asText`, text goes in with number format "@"
 * first: Excel would otherwise parse it as typed ("1-2" becomes a date).
 */
function planContent(worksheets: Excel.WorksheetCollection, sheet: string, current: ReadonlyMap<string, CellValue>, wanted: ReadonlyMap<string, CellValue>, asText: boolean): WriteOp[] {
  const changed = new Map<number, Map<number, CellValue>>();
  for (const key of new Set([...current.keys(), ...wanted.keys()])) {
    const now = current.get(key) ?? null;
    const next = wanted.get(key) ?? null;
    if (now === next) continue;
    const [row, col] = key.split(",").map(Number) as [number, number];
    let cols = changed.get(row);
    if (!cols) {
      cols = new Map();
      changed.set(row, cols);
    }
    cols.set(col, next);
  }
  const ops: WriteOp[] = [];
  for (const [row, cols] of changed) {
    const sorted = [...cols.keys()].sort((a, b) => a - b);
    let start = 0;
    while (start < sorted.length) {
      let end = start;
      while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] as number) + 1) end += 1;
      const first = sorted[start] as number;
      const values = sorted.slice(start, end + 1).map((col) => cols.get(col) ?? null);
      ops.push(() => {
        const range = worksheets.getItem(sheet).getRangeByIndexes(row, first, 1, values.length);
        if (asText) range.numberFormat = [values.map((v) => (typeof v === "string" ? "@" : "General"))];
        range.values = [values.map((v) => (v === null ? "" : v))];
      });
      start = end + 1;
    }
  }
  return ops;
}

/** True when a status range holds validation the add-in did not set. */
function hasUserValidation(state: WorkbookState, stoplight: StoplightColumnPlan, rect: CellRect, ours: readonly Registered[]): boolean {
  const cells = state.formats.get(stoplight.sheet)?.validationCells;
  if (!cells || cells.isNullObject) return false;
  const mine = ours.filter((r) => r.sheet === stoplight.sheet).map((r) => r.rect);
  return parseAreas(cells.address).some((area) => {
    const overlap = intersectRects(area, rect);
    return overlap !== undefined && !isCovered(overlap, mine);
  });
}

/**
 * Queues all ops and syncs once. When Excel rejects the request as too large (it then applied
 * nothing), the ops are queued again in halves, in order.
 */
export async function flushWrites(ops: readonly WriteOp[], sync: Sync, turns: ThreadTurns = NO_TURNS): Promise<void> {
  if (ops.length === 0) return;
  for (const op of ops) {
    op();
    await turns.pause();
  }
  try {
    await sync();
  } catch (error) {
    if (!isPayloadTooLargeError(error)) throw error;
    if (ops.length === 1) throw new AddinError("payload-too-large", "writeTooLarge", {}, undefined, { cause: error });
    const half = Math.ceil(ops.length / 2);
    await flushWrites(ops.slice(0, half), sync, turns);
    await flushWrites(ops.slice(half), sync, turns);
  }
}
