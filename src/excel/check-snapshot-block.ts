import {
  SNAPSHOT_MARKER_NAME,
  parseA1,
  readSnapshotRows,
  takeSnapshot,
  toColumnLetters,
  writeSnapshotRows,
  type CellValue,
  type CheckResult,
  type CheckSnapshot,
  type MonitoringSheetPlan,
} from "../domain";

/**
 * The check's state kept for "Wat is er veranderd" (domain: check-snapshot.ts), as a block of cells
 * to the right of the Monitoring sheet's own columns, marked by a workbook-scoped name (never found
 * by position). Written in the same action as the Monitoring sheet, so it adds no undo effect of its
 * own: that action already replaces the sheet (Worksheet.delete clears undo on every platform).
 * The name is added without a comment: NamedItem.comment clears undo on the web.
 */

/** Rows per value write: as the Monitoring sheet's blocks, well under Excel on the web's 5 MB request limit. */
const BLOCK_ROWS = 500;

/** A queued write with an estimate of its share of the request (write-monitoring-sheet.ts's SizedOp). */
export interface SnapshotOp {
  readonly bytes: number;
  readonly run: () => void;
}

/** Queues loading the previous block's marker (before the Monitoring sheet's first sync): replaced, not added twice. */
export function queueSnapshotMarkerLoad(workbook: Excel.Workbook): Excel.NamedItem {
  const marker = workbook.names.getItemOrNullObject(SNAPSHOT_MARKER_NAME);
  marker.load("name");
  return marker;
}

/**
 * The writes of the snapshot block on `sheet`, one empty column right of the plan's cells, text
 * cells as text ("@"); `marker` is the loaded previous marker (queueSnapshotMarkerLoad).
 */
export function planSnapshotWrites(
  workbook: Excel.Workbook,
  sheet: () => Excel.Worksheet,
  marker: Excel.NamedItem,
  plan: MonitoringSheetPlan,
  result: CheckResult,
  takenAt: string,
): SnapshotOp[] {
  const area = measurePlanArea(plan);
  // One empty column between the Monitoring sheet's own area (its chart included) and the block.
  const firstColumn = area.columns + 1;
  const rows = writeSnapshotRows(takeSnapshot(result, takenAt), result.lang);
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
  const ops: SnapshotOp[] = [];
  for (let top = 0; top < values.length; top += BLOCK_ROWS) {
    const block = values.slice(top, top + BLOCK_ROWS);
    const formats = block.map((row) => row.map((value) => (typeof value === "string" ? "@" : "General")));
    ops.push({
      bytes: JSON.stringify(block).length * 2 + 200,
      run: () => {
        const range = sheet().getRangeByIndexes(top, firstColumn, block.length, width);
        range.numberFormat = formats;
        range.values = block;
      },
    });
  }
  const first = toColumnLetters(firstColumn);
  const last = toColumnLetters(firstColumn + width - 1);
  ops.push({
    bytes: 200,
    run: () => {
      // PageLayout.setPrintArea (ExcelApi 1.9): the block is not printed, and "fit to one page wide" keeps the Monitoring sheet's scale.
      sheet().pageLayout.setPrintArea(`A1:${toColumnLetters(area.columns - 1)}${area.rows}`);
      if (!marker.isNullObject) marker.delete();
      workbook.names.add(SNAPSHOT_MARKER_NAME, sheet().getRange(`${first}1:${last}${values.length}`));
    },
  });
  return ops;
}

/** Columns and rows (one-based counts) the Monitoring sheet's own cells and chart take. */
function measurePlanArea(plan: MonitoringSheetPlan): { columns: number; rows: number } {
  let columns = plan.columnWidths.length;
  let rows = 1;
  for (const cell of plan.cells) {
    columns = Math.max(columns, cell.col);
    rows = Math.max(rows, cell.row);
  }
  const chartEnd = plan.chart === undefined ? undefined : parseA1(plan.chart.bottomRight);
  if (chartEnd !== undefined) {
    columns = Math.max(columns, chartEnd.col + 1);
    rows = Math.max(rows, chartEnd.row + 1);
  }
  return { columns, rows };
}

/**
 * Reads the snapshot block inside an Excel.run: one sync for the marker's formula, one for the
 * block's values. Undefined without a marker, when its sheet is gone (#REF!), or when the cells are
 * not a snapshot (edited by hand).
 */
export async function readCheckSnapshot(context: Excel.RequestContext): Promise<CheckSnapshot | undefined> {
  const marker = context.workbook.names.getItemOrNullObject(SNAPSHOT_MARKER_NAME);
  marker.load("formula");
  await context.sync();
  if (marker.isNullObject || marker.formula.includes("#REF!")) return undefined;
  const range = marker.getRange();
  range.load("values");
  await context.sync();
  return readSnapshotRows(range.values as CellValue[][]);
}
