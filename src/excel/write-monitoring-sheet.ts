import type { CheckResult } from "../domain";
import { formatA1, toColumnLetters } from "../domain";
import {
  chooseMonitoringSheetName,
  planMonitoringSheet,
  type MonitoringSheetPlan,
  type PlannedCell,
} from "../domain";
import { MONITORING_MARKER_NAME } from "../domain";
import { buildMonitoringSummary } from "../domain";
import type { MonitoringOutcome } from "./addin-api";
import { planSnapshotWrites, queueSnapshotMarkerLoad } from "./check-snapshot-block";

/**
 * Writes (or replaces) the add-in's Monitoring sheet inside an open Excel.run: one sync to find
 * our previous sheet (by the workbook-level marker name) and the sheet names, then the writes in
 * as few requests as stay well under Excel on the web's 5 MB request limit: values block by block
 * (text as text: number format "@" first), formats per run of equally styled cells.
 * A user's own sheet named Monitoring is never touched: we write "Monitoring (2)".
 */
export async function writeMonitoringSheet(
  context: Excel.RequestContext,
  result: CheckResult,
  options: { readonly generatedAt?: string; readonly requestBudgetBytes?: number } = {},
): Promise<MonitoringOutcome> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const marker = workbook.names.getItemOrNullObject(MONITORING_MARKER_NAME);
  marker.load("formula");
  const snapshotMarker = queueSnapshotMarkerLoad(workbook);
  await context.sync();

  const names = worksheets.items.map((ws) => ws.name);
  const markedSheet = marker.isNullObject ? undefined : readSheetName(marker.formula);
  const own = markedSheet !== undefined && names.includes(markedSheet) ? markedSheet : undefined;
  const name = chooseMonitoringSheetName(names, own);

  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const summary = buildMonitoringSummary(result, { generatedAt });
  const plan = planMonitoringSheet(summary, result.lang);
  // Every later op goes through the proxy worksheets.add returned: one object for the new sheet,
  // which shares its name with the old one deleted in the same request.
  let added: Excel.Worksheet | undefined;
  const sheet = (): Excel.Worksheet => added ?? worksheets.getItem(name);
  const ops: SizedOp[] = [
    {
      bytes: 200,
      run: () => {
        if (!marker.isNullObject) marker.delete();
        if (own !== undefined) worksheets.getItem(own).delete();
        added = worksheets.add(name);
      },
    },
    ...planValueWrites(sheet, plan),
    ...planLayout(sheet, plan),
    ...planSnapshotWrites(workbook, sheet, snapshotMarker, plan, result, generatedAt),
    {
      bytes: 200,
      run: () => {
        workbook.names.add(MONITORING_MARKER_NAME, sheet().getRange("A1"), "Prestatiemonitor: Monitoring sheet");
        sheet().activate();
      },
    },
  ];
  await flushSized(ops, () => context.sync(), options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES);
  return { sheet: name, renamedBecauseUserSheet: name !== "Monitoring" };
}

/** Excel on the web refuses requests over 5 MB: batches aim at well under it. */
const REQUEST_BUDGET_BYTES = 1024 * 1024;
/** Rows per value write. */
const VALUE_BLOCK_ROWS = 500;

/** A queued write with an estimate of its share of the request. */
interface SizedOp {
  readonly bytes: number;
  readonly run: () => void;
}

/** Queues ops in order and syncs whenever the next one would take the request over `budget`. */
async function flushSized(ops: readonly SizedOp[], sync: () => Promise<void>, budget: number): Promise<void> {
  let queued = 0;
  for (const op of ops) {
    if (queued > 0 && queued + op.bytes > budget) {
      await sync();
      queued = 0;
    }
    op.run();
    queued += op.bytes;
  }
  if (queued > 0) await sync();
}

/** Values in blocks of rows; the text cells of a block get number format "@" first, so Excel keeps them as written. */
function planValueWrites(sheet: () => Excel.Worksheet, plan: MonitoringSheetPlan): SizedOp[] {
  // Loops, not Math.max(...cells): a plan for 100k+ agreements would overflow the call stack.
  let rows = 0;
  let cols = plan.columnWidths.length;
  for (const cell of plan.cells) {
    rows = Math.max(rows, cell.row);
    cols = Math.max(cols, cell.col);
  }
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  for (const cell of plan.cells) (values[cell.row - 1] as (string | number)[])[cell.col - 1] = cell.value;
  const ops: SizedOp[] = [];
  for (let top = 0; top < rows; top += VALUE_BLOCK_ROWS) {
    const block = values.slice(top, top + VALUE_BLOCK_ROWS);
    const formats = block.map((row) => row.map((value) => (typeof value === "string" ? "@" : "General")));
    ops.push({
      bytes: JSON.stringify(block).length + JSON.stringify(formats).length + 200,
      run: () => {
        const range = sheet().getRangeByIndexes(top, 0, block.length, cols);
        range.numberFormat = formats;
        range.values = block;
      },
    });
  }
  return ops;
}

/** Column widths, tables, cell formats (one op per run of equally styled cells in a row), panes, page layout, chart. */
function planLayout(sheet: () => Excel.Worksheet, plan: MonitoringSheetPlan): SizedOp[] {
  const ops: SizedOp[] = [];
  plan.columnWidths.forEach((width, i) => {
    const column = toColumnLetters(i);
    ops.push({ bytes: 150, run: () => (sheet().getRange(`${column}:${column}`).format.columnWidth = toPoints(width)) });
  });
  for (const table of plan.tables) {
    ops.push({
      bytes: 300,
      run: () => {
        const added = sheet().tables.add(table.range, true);
        added.name = table.name;
        added.style = "TableStyleLight9";
      },
    });
  }
  for (const run of groupStyledRuns(plan.cells)) {
    ops.push({ bytes: 400, run: () => renderCellFormat(sheet().getRange(run.address), run.cell) });
  }
  for (const { row, height } of plan.rowHeights) ops.push({ bytes: 150, run: () => (sheet().getRange(`${row}:${row}`).format.rowHeight = height) });
  ops.push({
    bytes: 500,
    run: () => {
      const ws = sheet();
      ws.freezePanes.freezeRows(plan.freezeRows);
      // PageLayout needs ExcelApi 1.9 (the manifest's minimum): landscape, one page wide.
      ws.pageLayout.orientation = plan.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      ws.pageLayout.setPrintTitleRows(`$1:$${plan.freezeRows}`);
      // Header codes as in Excel's page setup (&P page, &N pages; a literal ampersand doubled).
      const pages = ws.pageLayout.headersFooters.defaultForAllPages;
      pages.centerHeader = plan.printTitle.replace(/&/g, "&&");
      pages.centerFooter = `${plan.pageLabel} &P / &N`;
    },
  });
  const chartPlan = plan.chart;
  if (chartPlan) {
    ops.push({
      bytes: 1000,
      run: () => {
        // A native stacked bar chart of the theme x status counts, coloured like the stoplights.
        const chart = sheet().charts.add(Excel.ChartType.barStacked, sheet().getRange(chartPlan.source), Excel.ChartSeriesBy.columns);
        chart.title.text = chartPlan.title;
        chart.setPosition(chartPlan.topLeft, chartPlan.bottomRight);
        chart.legend.position = Excel.ChartLegendPosition.bottom;
        chartPlan.seriesColors.forEach((color, i) => {
          chart.series.getItemAt(i).format.fill.setSolidColor(color);
        });
      },
    });
  }
  return ops;
}

/**
 * Neighbouring cells of a row with the same look (style, fill, font, wrap) as one range; cells
 * with a link stay single (a hyperlink belongs to one cell).
 */
function groupStyledRuns(cells: readonly PlannedCell[]): { address: string; cell: PlannedCell }[] {
  const styled = cells
    .filter((c) => c.style !== undefined || c.fill !== undefined || c.font !== undefined || c.wrap === true || c.link !== undefined)
    .slice()
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const key = (c: PlannedCell): string => JSON.stringify([c.style, c.fill, c.font, c.wrap]);
  const runs: { row: number; first: number; last: number; cell: PlannedCell }[] = [];
  for (const cell of styled) {
    const last = runs[runs.length - 1];
    if (last && cell.link === undefined && last.cell.link === undefined && last.row === cell.row && last.last === cell.col - 1 && key(last.cell) === key(cell)) last.last = cell.col;
    else runs.push({ row: cell.row, first: cell.col, last: cell.col, cell });
  }
  return runs.map((run) => ({
    address: run.first === run.last ? formatA1(run.row - 1, run.first - 1) : `${formatA1(run.row - 1, run.first - 1)}:${formatA1(run.row - 1, run.last - 1)}`,
    cell: run.cell,
  }));
}

/** Sheet name in a name's formula: `=Monitoring!$A$1` or `='Monitoring (2)'!$A$1`. */
export function readSheetName(formula: string): string | undefined {
  const match = /^=?(?:'((?:[^']|'')*)'|([^!']+))!\$?[A-Za-z]/.exec(formula.trim());
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

/** Excel column width in points for a width in characters (Calibri 11: about 7 px = 5.25 pt each, plus padding). */
function toPoints(characters: number): number {
  return Math.round(characters * 5.25 + 5);
}

function renderCellFormat(range: Excel.Range, cell: PlannedCell): void {
  const font = range.format.font;
  switch (cell.style) {
    case "title":
      font.bold = true;
      font.size = 16;
      break;
    case "heading":
      font.bold = true;
      font.size = 13;
      break;
    case "label":
    case "header":
      font.bold = true;
      break;
    case "note":
      font.italic = true;
      font.color = "#595959";
      break;
    default:
      break;
  }
  if (cell.fill !== undefined) range.format.fill.color = cell.fill;
  if (cell.font !== undefined) font.color = cell.font;
  if (cell.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = Excel.VerticalAlignment.top;
  }
  if (cell.link !== undefined) {
    range.hyperlink = { documentReference: cell.link, textToDisplay: String(cell.value) };
  }
}
