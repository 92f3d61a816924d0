import {
  SNAPSHOT_MARKER_NAME,
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
  let used = plan.columnWidths.length;
  for (const cell of plan.cells) used = Math.max(used, cell.col);
  const firstColumn = used + 1;
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
      if (!marker.isNullObject) marker.delete();
      workbook.names.add(SNAPSHOT_MARKER_NAME, sheet().getRange(`${first}1:${last}${values.length}`));
    },
  });
  return ops;
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
