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

/**
 * Writes (or replaces) the add-in's Monitoring sheet inside an open Excel.run: one sync to find
 * our previous sheet (by the workbook-level marker name) and the sheet names, one sync for all
 * writes. A user's own sheet named Monitoring is never touched: we write "Monitoring (2)".
 */
export async function writeMonitoringSheet(
  context: Excel.RequestContext,
  result: CheckResult,
  options: { readonly generatedAt?: string } = {},
): Promise<MonitoringOutcome> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const marker = workbook.names.getItemOrNullObject(MONITORING_MARKER_NAME);
  marker.load("formula");
  await context.sync();

  const names = worksheets.items.map((ws) => ws.name);
  const markedSheet = marker.isNullObject ? undefined : readSheetName(marker.formula);
  const own = markedSheet !== undefined && names.includes(markedSheet) ? markedSheet : undefined;
  const name = chooseMonitoringSheetName(names, own);

  if (!marker.isNullObject) marker.delete();
  if (own !== undefined) worksheets.getItem(own).delete();
  const sheet = worksheets.add(name);
  const summary = buildMonitoringSummary(result, { generatedAt: options.generatedAt ?? new Date().toISOString() });
  renderPlan(sheet, planMonitoringSheet(summary, result.lang));
  workbook.names.add(MONITORING_MARKER_NAME, sheet.getRange("A1"), "Prestatiemonitor: Monitoring sheet");
  sheet.activate();
  await context.sync();
  return { sheet: name, renamedBecauseUserSheet: name !== "Monitoring" };
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

function renderPlan(sheet: Excel.Worksheet, plan: MonitoringSheetPlan): void {
  // Values go in one write: the smallest rectangle holding every planned cell.
  // Loops, not Math.max(...cells): a plan for 100k+ agreements would overflow the call stack.
  let rows = 0;
  let cols = plan.columnWidths.length;
  for (const cell of plan.cells) {
    rows = Math.max(rows, cell.row);
    cols = Math.max(cols, cell.col);
  }
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  for (const cell of plan.cells) (values[cell.row - 1] as (string | number)[])[cell.col - 1] = toExcelInput(cell.value);
  sheet.getRange(`A1:${formatA1(rows - 1, cols - 1)}`).values = values;

  plan.columnWidths.forEach((width, i) => {
    const column = toColumnLetters(i);
    sheet.getRange(`${column}:${column}`).format.columnWidth = toPoints(width);
  });
  for (const table of plan.tables) {
    const added = sheet.tables.add(table.range, true);
    added.name = table.name;
    added.style = "TableStyleLight9";
  }
  for (const cell of plan.cells) renderCellFormat(sheet.getCell(cell.row - 1, cell.col - 1), cell);
  for (const { row, height } of plan.rowHeights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  sheet.freezePanes.freezeRows(plan.freezeRows);
  // PageLayout needs ExcelApi 1.9 (the manifest's minimum): landscape, one page wide.
  sheet.pageLayout.orientation = plan.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  sheet.pageLayout.setPrintTitleRows(`$1:$${plan.freezeRows}`);

  if (plan.chart) {
    // A native stacked bar chart of the theme x status counts, coloured like the stoplights.
    const chart = sheet.charts.add(Excel.ChartType.barStacked, sheet.getRange(plan.chart.source), Excel.ChartSeriesBy.columns);
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.topLeft, plan.chart.bottomRight);
    chart.legend.position = Excel.ChartLegendPosition.bottom;
    plan.chart.seriesColors.forEach((color, i) => {
      chart.series.getItemAt(i).format.fill.setSolidColor(color);
    });
  }
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

/**
 * Range.values parses strings like typed input: "=..." would become a formula and "+31" a number.
 * A leading apostrophe keeps workbook text as text (Excel hides the apostrophe).
 */
function toExcelInput(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}
