import { formatA1 } from "../domain";
import { isMirrorSheet, type FormatPlan, type StoplightColumnPlan } from "../domain";
import { AddinError, isPayloadTooLargeError } from "./addin-error";
import type { StatusColumnNote } from "./addin-api";
import { intersectRects, isCovered, parseAreas, parseRangeAddress, splitSheetAddress, type CellRect } from "./range-address";
import type { Sync, WorkbookState } from "./read-workbook";

/**
 * The write round trip: remove the add-in's previous formats and write the planned ones, all
 * queued before one sync (split only when Excel's payload limit forces it).
 *
 * What is the add-in's own, so that re-checks replace it and clearing removes exactly it:
 * - highlighting: conditional formats whose formula refers to a PM_Markering sheet, and those
 *   (very hidden) sheets;
 * - stoplights: workbook names PM_Stoplicht_N on each status range (Excel keeps names pointing at
 *   the same cells when rows are inserted), custom conditional formats `=TRIM(<top-left>)="word"`
 *   on such a range, and names PM_Keuzelijst_N on the ranges whose dropdown the add-in set.
 * A user's own data validation on a status range (any validation cell outside our PM_Keuzelijst
 * ranges) is kept and reported.
 */

export const STOPLIGHT_NAME_PREFIX = "PM_Stoplicht_";
export const DROPDOWN_NAME_PREFIX = "PM_Keuzelijst_";
/** Input-message title of the add-in's status dropdown (visible to the user, and recognisable). */
export const DROPDOWN_PROMPT_TITLE = "Prestatiemonitor";

/** One queued write; a closure so that a too-large batch can be queued again in halves. */
export type WriteOp = () => void;

const STOPLIGHT_FORMULA = /^=TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)="(?:[^"]|"")*"$/;

interface RegisteredRange {
  readonly name: string;
  readonly sheet: string;
  readonly rect: CellRect;
}

function readRegistry(state: WorkbookState, prefix: string): RegisteredRange[] {
  const found: RegisteredRange[] = [];
  for (const item of state.names.items) {
    if (!item.name.startsWith(prefix)) continue;
    const { sheet } = splitSheetAddress(item.formula);
    const rect = parseRangeAddress(item.formula);
    if (sheet !== undefined && rect) found.push({ name: item.name, sheet, rect });
  }
  return found;
}

function isAddinName(name: string): boolean {
  return name.startsWith(STOPLIGHT_NAME_PREFIX) || name.startsWith(DROPDOWN_NAME_PREFIX);
}

/**
 * Ops that remove everything the add-in wrote into the user's sheets (before a re-check writes
 * anew, or for "Markering wissen"). Needs `state` loaded (read-workbook).
 */
export function planRemoval(context: Excel.RequestContext, state: WorkbookState): WriteOp[] {
  const ops: WriteOp[] = [];
  const stoplights = readRegistry(state, STOPLIGHT_NAME_PREFIX);
  const existing = new Set(state.worksheets.items.map((ws) => ws.name));
  for (const [sheet, formats] of state.formats) {
    if (!existing.has(sheet)) continue;
    const tops = new Set(stoplights.filter((r) => r.sheet === sheet).map((r) => formatA1(r.rect.top, r.rect.left)));
    for (const cf of formats.conditionalFormats.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      const formula = custom.rule.formula;
      const stoplight = STOPLIGHT_FORMULA.exec(formula);
      const ours = /PM_Markering/i.test(formula) || (stoplight !== null && tops.has(`${stoplight[1]}${stoplight[2]}`));
      if (ours) ops.push(() => cf.delete());
    }
  }
  for (const dropdown of readRegistry(state, DROPDOWN_NAME_PREFIX)) {
    if (!existing.has(dropdown.sheet)) continue;
    ops.push(() => context.workbook.names.getItem(dropdown.name).getRange().dataValidation.clear());
  }
  for (const item of state.names.items) {
    if (isAddinName(item.name)) ops.push(() => item.delete());
  }
  for (const ws of state.worksheets.items) {
    if (!isMirrorSheet(ws.name)) continue;
    // Worksheet.delete (ExcelApi 1.1, all hosts) fails on a VeryHidden sheet: unhide it first.
    ops.push(() => {
      ws.visibility = "Hidden";
      ws.delete();
    });
  }
  return ops;
}

export interface PlannedWrites {
  readonly ops: WriteOp[];
  readonly keptValidation: StatusColumnNote[];
}

/** Ops that write a format plan (after planRemoval's ops in the same batch). */
export function planWrites(context: Excel.RequestContext, state: WorkbookState, plan: FormatPlan): PlannedWrites {
  const ops: WriteOp[] = [];
  const keptValidation: StatusColumnNote[] = [];
  const ourDropdowns = readRegistry(state, DROPDOWN_NAME_PREFIX);
  const worksheets = context.workbook.worksheets;

  plan.stoplights.forEach((stoplight, i) => {
    const rect = parseRangeAddress(stoplight.range);
    if (!rect) return;
    const topLeft = formatA1(rect.top, rect.left);
    ops.push(() => {
      const range = worksheets.getItem(stoplight.sheet).getRange(stoplight.range);
      for (const rule of stoplight.rules) {
        const cf = range.conditionalFormats.add("Custom");
        // Excel's "=" compares text case-insensitively; TRIM forgives stray spaces (as the CLI's copy).
        cf.custom.rule.formula = `=TRIM(${topLeft})="${rule.status.replace(/"/g, '""')}"`;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.font;
      }
      context.workbook.names.add(`${STOPLIGHT_NAME_PREFIX}${i + 1}`, range, "Prestatiemonitor: stoplight column");
    });
    if (hasUserValidation(state, stoplight, rect, ourDropdowns)) {
      keptValidation.push({ sheet: stoplight.sheet, column: stoplight.range.replace(/\d+.*$/, "") });
      return;
    }
    ops.push(() => {
      const range = worksheets.getItem(stoplight.sheet).getRange(stoplight.range);
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: stoplight.list.join(",") } };
      range.dataValidation.prompt = { showPrompt: true, title: DROPDOWN_PROMPT_TITLE, message: stoplight.list.join(", ") };
      // Synonyms ("green", "op schema") are valid input the engine normalises: warn-free entry.
      range.dataValidation.errorAlert = { showAlert: false, style: "Information", title: DROPDOWN_PROMPT_TITLE, message: "" };
      context.workbook.names.add(`${DROPDOWN_NAME_PREFIX}${i + 1}`, range, "Prestatiemonitor: status dropdown");
    });
  });

  for (const highlight of plan.highlights) {
    ops.push(() => {
      worksheets.add(highlight.mirrorSheet);
    });
    for (const row of groupByRow(highlight.cells)) {
      ops.push(() => {
        worksheets.getItem(highlight.mirrorSheet).getRange(row.address).values = [row.values];
      });
    }
    ops.push(() => {
      worksheets.getItem(highlight.mirrorSheet).visibility = "VeryHidden";
      const range = worksheets.getItem(highlight.sheet).getRange(highlight.range);
      for (const rule of highlight.rules) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.fill;
        for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
          cf.custom.format.borders.getItem(side).color = rule.border;
        }
      }
    });
  }
  return { ops, keptValidation };
}

/** True when a status range holds validation the add-in did not set. */
function hasUserValidation(state: WorkbookState, stoplight: StoplightColumnPlan, rect: CellRect, ours: readonly RegisteredRange[]): boolean {
  const cells = state.formats.get(stoplight.sheet)?.validationCells;
  if (!cells || cells.isNullObject) return false;
  const mine = ours.filter((r) => r.sheet === stoplight.sheet).map((r) => r.rect);
  return parseAreas(cells.address).some((area) => {
    const overlap = intersectRects(area, rect);
    return overlap !== undefined && !isCovered(overlap, mine);
  });
}

/** Marked cells of one mirror row as one write: "B7:F7" with "" between marked cells. */
function groupByRow(cells: readonly { readonly cell: string; readonly severity: string }[]): { address: string; values: string[] }[] {
  const rows = new Map<number, Map<number, string>>();
  for (const { cell, severity } of cells) {
    const rect = parseRangeAddress(cell);
    if (!rect) continue;
    let row = rows.get(rect.top);
    if (!row) {
      row = new Map();
      rows.set(rect.top, row);
    }
    row.set(rect.left, severity);
  }
  return [...rows.entries()].map(([row, cols]) => {
    const left = Math.min(...cols.keys());
    const right = Math.max(...cols.keys());
    const values: string[] = [];
    for (let col = left; col <= right; col += 1) values.push(cols.get(col) ?? "");
    return { address: left === right ? formatA1(row, left) : `${formatA1(row, left)}:${formatA1(row, right)}`, values };
  });
}

/**
 * Queues all ops and syncs once. When Excel rejects the request as too large (it then applied
 * nothing), the ops are queued again in halves, in order.
 */
export async function flushWrites(ops: readonly WriteOp[], sync: Sync): Promise<void> {
  if (ops.length === 0) return;
  for (const op of ops) op();
  try {
    await sync();
  } catch (error) {
    if (!isPayloadTooLargeError(error)) throw error;
    if (ops.length === 1) throw new AddinError("payload-too-large", "One write is larger than Excel's request limit.", undefined, { cause: error });
    const half = Math.ceil(ops.length / 2);
    await flushWrites(ops.slice(0, half), sync);
    await flushWrites(ops.slice(half), sync);
  }
}
