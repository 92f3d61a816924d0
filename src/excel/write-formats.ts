import { formatA1, isMirrorSheet, quoteSheetName, type CellValue, type FormatPlan, type StoplightColumnPlan } from "../domain";
import { AddinError, isPayloadTooLargeError } from "./addin-error";
import type { StatusColumnNote } from "./addin-api";
import { intersectRects, isCovered, parseAreas, parseRangeAddress, splitSheetAddress, type CellRect } from "./range-address";
import { LIST_SHEET_NAME, isOwnedSheet, toCellValue, type MutableGrid, type Sync, type WorkbookState } from "./read-workbook";
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
 * formats those ranges carry; the hidden PM_Markering sheets (severity per marked cell, and the
 * cell's value at check time in the `_w` twin) and the PM_Keuzelijsten list sheet.
 * A user's own data validation on a status range is kept and reported.
 */

export const STOPLIGHT_NAME_PREFIX = "PM_Stoplicht_";
export const DROPDOWN_NAME_PREFIX = "PM_Keuzelijst_";
export const EXPLANATION_NAME_PREFIX = "PM_Toelichting_";
export const HIGHLIGHT_NAME_PREFIX = "PM_Markeervlak_";
/** Input-message title of the add-in's status dropdown (visible to the user, and recognisable). */
export const DROPDOWN_PROMPT_TITLE = "Prestatiemonitor";
/** Excel's limit for a validation list typed as text, and for an input message. */
const MAX_LIST_TEXT = 255;

/** One queued write; a closure so that a too-large batch can be queued again in halves. */
export type WriteOp = () => void;

const STOPLIGHT_FORMULA = /^=TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)="(?:[^"]|"")*"$/;
const EXPLANATION_FORMULA = /^=AND\(OR\(.*\),LEN\(TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)\)=0\)$/;
const MIRROR_REFERENCE = /'?(PM_Markering[^'!]*)'?!/i;

type Kind = "stoplight" | "dropdown" | "explanation" | "highlight";

const PREFIXES: Readonly<Record<Kind, string>> = {
  stoplight: STOPLIGHT_NAME_PREFIX,
  dropdown: DROPDOWN_NAME_PREFIX,
  explanation: EXPLANATION_NAME_PREFIX,
  highlight: HIGHLIGHT_NAME_PREFIX,
};

interface Registered {
  readonly kind: Kind;
  readonly name: string;
  readonly sheet: string;
  readonly rect: CellRect;
  readonly fingerprint: string | undefined;
  /** The mirror sheet of a highlight area. */
  readonly detail: string | undefined;
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

const COMMENT_TAG = /\[([0-9a-f]{8})(?: ([^\]]+))?\]$/;

function readRegistry(state: WorkbookState): Registered[] {
  const found: Registered[] = [];
  for (const item of state.names.items) {
    const kind = (Object.keys(PREFIXES) as Kind[]).find((k) => item.name.startsWith(PREFIXES[k]));
    if (kind === undefined) continue;
    const { sheet } = splitSheetAddress(item.formula);
    const rect = parseRangeAddress(item.formula);
    const tag = COMMENT_TAG.exec(item.comment ?? "");
    if (sheet !== undefined && rect) found.push({ kind, name: item.name, sheet, rect, fingerprint: tag?.[1], detail: tag?.[2] });
  }
  return found;
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

/** The kind and anchor of one of the add-in's conditional formats, or undefined for the user's own. */
function classifyFormula(formula: string): { kind: Kind; anchor: string } | undefined {
  const mirror = MIRROR_REFERENCE.exec(formula);
  if (mirror?.[1] !== undefined) return { kind: "highlight", anchor: mirror[1] };
  const stoplight = STOPLIGHT_FORMULA.exec(formula);
  if (stoplight) return { kind: "stoplight", anchor: `${stoplight[1]}${stoplight[2]}` };
  const explanation = EXPLANATION_FORMULA.exec(formula);
  if (explanation) return { kind: "explanation", anchor: `${explanation[1]}${explanation[2]}` };
  return undefined;
}

function anchorOf(entry: { kind: Kind; rect: CellRect; detail?: string | undefined }): string {
  return entry.kind === "highlight" ? (entry.detail ?? "") : formatA1(entry.rect.top, entry.rect.left);
}

/** The value-at-check-time twin of a mirror sheet. */
export function snapshotSheetName(mirror: string): string {
  return `${mirror}_w`;
}

/**
 * Ops that remove everything the add-in wrote (for "Markering wissen"; an explicit removal, so it
 * may delete the add-in's own sheets). Needs `state` loaded (read-workbook).
 */
export function planRemoval(context: Excel.RequestContext, state: WorkbookState): WriteOp[] {
  const ops: WriteOp[] = [];
  const registry = readRegistry(state);
  const existing = new Set(state.worksheets.items.map((ws) => ws.name));
  for (const [sheet, formats] of state.formats) {
    if (!existing.has(sheet)) continue;
    const anchors = new Set(registry.filter((r) => r.sheet === sheet).map((r) => `${r.kind}:${anchorOf(r)}`));
    for (const cf of formats.conditionalFormats.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      const ours = classifyFormula(custom.rule.formula);
      if (ours && (ours.kind === "highlight" || ours.kind === "explanation" || anchors.has(`${ours.kind}:${ours.anchor}`))) ops.push(() => cf.delete());
    }
  }
  for (const entry of registry) {
    if (entry.kind === "dropdown" && existing.has(entry.sheet)) ops.push(() => context.workbook.names.getItem(entry.name).getRange().dataValidation.clear());
  }
  for (const item of state.names.items) {
    if (Object.values(PREFIXES).some((prefix) => item.name.startsWith(prefix))) ops.push(() => item.delete());
  }
  for (const ws of state.worksheets.items) {
    if (!isOwnedSheet(ws.name)) continue;
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
  const registry = readRegistry(state);
  const sheetNames = new Set(state.worksheets.items.map((ws) => ws.name));
  const protectedSheets = [...state.formats.values()].filter((f) => f.protection.protected).map((f) => f.sheet);
  const locked = new Set(protectedSheets);
  const addSheetOps: WriteOp[] = [];
  const ensureSheet = (name: string): void => {
    if (sheetNames.has(name)) return;
    sheetNames.add(name);
    newSheets.push(name);
    addSheetOps.push(() => {
      worksheets.add(name);
    });
  };

  const planned: Planned[] = [];
  const listSource = planListSource(plan.stoplights);
  const contentOps: WriteOp[] = [];
  if (listSource.entries !== undefined) {
    ensureSheet(LIST_SHEET_NAME);
    const wanted = new Map(listSource.entries.map((entry, i) => [`${i},0`, entry as CellValue]));
    contentOps.push(...planContent(worksheets, LIST_SHEET_NAME, readOwned(state, LIST_SHEET_NAME), wanted, true));
  }

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

  // Markers: one mirror pair per data sheet, kept across checks (found through the highlight name).
  const mirrorFor = new Map<string, string>();
  for (const highlight of plan.highlights) {
    const known = registry.find((r) => r.kind === "highlight" && r.sheet === highlight.sheet)?.detail;
    if (known !== undefined && sheetNames.has(known) && ![...mirrorFor.values()].includes(known)) mirrorFor.set(highlight.sheet, known);
  }
  const claimed = new Set(registry.filter((r) => r.kind === "highlight").map((r) => r.detail));
  for (const highlight of plan.highlights) {
    if (mirrorFor.has(highlight.sheet)) continue;
    const assigned = new Set(mirrorFor.values());
    for (let i = 1; ; i += 1) {
      const name = `PM_Markering${i}`;
      if (!assigned.has(name) && !claimed.has(name)) {
        mirrorFor.set(highlight.sheet, name);
        break;
      }
    }
  }
  const wantedMirrors = new Map<string, { severities: Map<string, CellValue>; values: Map<string, CellValue> }>();
  for (const highlight of plan.highlights) {
    if (locked.has(highlight.sheet)) continue;
    const rect = parseRangeAddress(highlight.range);
    if (!rect) continue;
    const mirror = mirrorFor.get(highlight.sheet) ?? "PM_Markering1";
    const snapshot = snapshotSheetName(mirror);
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
    wantedMirrors.set(mirror, { severities, values });
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
    ensureSheet(snapshotSheetName(mirror));
    contentOps.push(...planContent(worksheets, mirror, readOwned(state, mirror), wanted.severities, false));
    contentOps.push(...planContent(worksheets, snapshotSheetName(mirror), readOwned(state, snapshotSheetName(mirror)), wanted.values, true));
  }
  // Mirrors no longer used (no findings left on their sheet): emptied, never deleted.
  for (const name of sheetNames) {
    if (!isMirrorSheet(name) || newSheets.includes(name)) continue;
    const mirror = name.endsWith("_w") ? name.slice(0, -2) : name;
    if (wantedMirrors.has(mirror)) continue;
    const owner = registry.find((r) => r.kind === "highlight" && r.detail === mirror);
    if (owner && locked.has(owner.sheet)) continue;
    contentOps.push(...planContent(worksheets, name, readOwned(state, name), new Map(), false));
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
    for (const cf of formats.conditionalFormats.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      const ours = classifyFormula(custom.rule.formula);
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
  return { ops: [...removalOps, ...addSheetOps, ...contentOps, ...additionOps], keptValidation, newSheets, protectedSheets };
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
function planListSource(stoplights: readonly StoplightColumnPlan[]): { source: string; entries?: readonly string[] } {
  const list = stoplights[0]?.list ?? [];
  const text = list.join(",");
  const unsafe = list.some((entry) => entry.includes(",") || entry.includes('"') || entry.trimStart().startsWith("="));
  if (!unsafe && text.length <= MAX_LIST_TEXT) return { source: text };
  return { source: `=${quoteSheetName(LIST_SHEET_NAME)}!$A$1:$A$${Math.max(1, list.length)}`, entries: list };
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
