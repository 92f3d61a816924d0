import { parseA1, parseA1Range, planNewYear, type CellValue, type Lang, type NewYearSheetPlan } from "../domain";
import type { NewYearOutcome } from "./addin-api";
import type { MutableGrid, ReadOptions } from "./read-workbook";
import { countingSync, readIntoMemory, rememberCreatedSheets, runEngineOn, writeCheck, type AdapterMemory } from "./run-check";

/**
 * "Nieuw monitoringjaar" in the add-in, inside the caller's Excel.run (mergeUndoGroup: one Ctrl+Z
 * takes it all back): the workbook is read as for a check, the columns Status Y and Toelichting Y
 * are planned once for the add-in and the CLI alike (planNewYear), their headers written after
 * last year's columns with last year's header look and column widths, and the check's own write
 * step then gives the new status column its dropdown and stoplight colours (as for every status
 * column), in the same round trip. Nothing from Microsoft's "undo not supported" table is called.
 *
 * Columns are added where only empty columns follow last year's; where something stands there the
 * action does nothing and says which sheet (Range.insert would shift the user's cells, merged areas
 * and formats: that is for the user to do). Same rule as the CLI's `nieuw-jaar`.
 */

export async function addMonitoringYear(
  context: Excel.RequestContext,
  memory: AdapterMemory,
  readOptions: ReadOptions,
  year: number,
  lang: Lang,
): Promise<NewYearOutcome> {
  const { sync, count } = countingSync(context);
  const read = await readIntoMemory(context, memory, sync, readOptions, true);
  const plan = planNewYear(await runEngineOn(read.grids, lang, memory.engine), year);
  if (plan.sheets.length === 0) return { kind: plan.alreadyPresent.length > 0 ? "present" : "no-sheet", year };
  for (const sheet of plan.sheets) {
    const grid = read.grids.find((g) => g.sheet === sheet.sheet);
    const insertAt = parseA1(`${sheet.insertAt}1`)?.col ?? 0;
    if (grid === undefined || !isFreeFrom(grid, insertAt)) return { kind: "refused", year, sheet: sheet.sheet, previousYear: sheet.previousYear };
  }

  // Last year's header look and widths: one read round trip.
  const looks = plan.sheets.map((sheet) => queueLookLoad(context, sheet));
  await sync();
  for (const [i, sheet] of plan.sheets.entries()) {
    const worksheet = context.workbook.worksheets.getItem(sheet.sheet);
    const look = looks[i];
    for (const [h, header] of sheet.headers.entries()) {
      const range = worksheet.getRange(header.cell);
      range.values = [[header.text]];
      // planNewYear gives the headers in pairs: Status, then Toelichting.
      const from = h % 2 === 0 ? look?.status : look?.explanation;
      if (from !== undefined) range.format.font.bold = from.header.format.font.bold;
      setGridCell(read.grids, sheet.sheet, header.cell, header.text);
    }
    if (look?.status !== undefined) worksheet.getRange(`${sheet.statusColumn}:${sheet.statusColumn}`).format.columnWidth = look.status.column.format.columnWidth;
    if (look?.explanation !== undefined) worksheet.getRange(`${sheet.explanationColumn}:${sheet.explanationColumn}`).format.columnWidth = look.explanation.column.format.columnWidth;
  }
  // The headers go with the check's writes: one write round trip.
  const written = await writeCheck(context, read.state, read.grids, lang, sync, memory.engine);
  memory.result = written.result;
  rememberCreatedSheets(memory, written.createdSheets);
  const { hideLater, createdSheets: _created, ...check } = written;
  return { kind: "added", year, sheets: plan.sheets.map((s) => s.sheet), check: { ...check, syncs: count() }, hideLater };
}

interface ColumnLook {
  /** Last year's header cell (format/font/bold loaded). */
  readonly header: Excel.Range;
  /** Last year's column (format/columnWidth loaded). */
  readonly column: Excel.Range;
}

function queueLookLoad(context: Excel.RequestContext, sheet: NewYearSheetPlan): { status?: ColumnLook; explanation?: ColumnLook } {
  const worksheet = context.workbook.worksheets.getItem(sheet.sheet);
  const headerRow = sheet.headers[0]?.cell.replace(/^[A-Z]+/, "") ?? "1";
  const look = (letters: string | undefined): ColumnLook | undefined => {
    if (letters === undefined) return undefined;
    const header = worksheet.getRange(`${letters}${headerRow}`);
    header.load("format/font/bold");
    const column = worksheet.getRange(`${letters}:${letters}`);
    column.load("format/columnWidth");
    return { header, column };
  };
  const status = look(sheet.copyStatusFrom);
  const explanation = look(sheet.copyExplanationFrom);
  return { ...(status !== undefined ? { status } : {}), ...(explanation !== undefined ? { explanation } : {}) };
}

/** True when no cell from column `from` (zero-based) rightwards holds anything and no merged area reaches it. */
function isFreeFrom(grid: MutableGrid, from: number): boolean {
  const start = Math.max(0, from - grid.left);
  for (const row of grid.values) {
    for (let c = start; c < row.length; c += 1) {
      const value = row[c];
      if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return false;
    }
  }
  return (grid.merges ?? []).every((merge) => (parseA1Range(merge.slice(merge.lastIndexOf("!") + 1))?.right ?? -1) < from);
}

/** The grid as it is after the write: a new row array in place of the old (see SheetGrid.values). */
function setGridCell(grids: readonly MutableGrid[], sheet: string, cell: string, value: CellValue): void {
  const grid = grids.find((g) => g.sheet === sheet);
  const at = parseA1(cell);
  if (grid === undefined || at === undefined) return;
  const r = at.row - grid.top;
  const c = at.col - grid.left;
  if (r < 0 || c < 0) return;
  while (grid.values.length <= r) grid.values.push([]);
  const row = [...(grid.values[r] ?? [])];
  while (row.length <= c) row.push(null);
  row[c] = value;
  grid.values[r] = row;
  const formats = [...(grid.formats[r] ?? [])];
  while (formats.length <= c) formats.push("General");
  while (grid.formats.length <= r) grid.formats.push([]);
  grid.formats[r] = formats;
}
