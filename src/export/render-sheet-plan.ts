import type ExcelJS from "exceljs";
import type { MonitoringSheetPlan, PlannedCell } from "../domain";

/**
 * Renders a planned Monitoring sheet into an exceljs worksheet (the CLI copy and the summary
 * workbook). Browser-safe: no Node imports, so the pane can build the summary workbook too.
 */

const HEADER_FILL = "#D9E1F2";
const LINK_COLOR = "#0563C1";
const NOTE_COLOR = "#595959";

/** Writes the plan's cells, Excel tables (with filter buttons), frozen title rows and widths. */
export function renderSheetPlan(worksheet: ExcelJS.Worksheet, plan: MonitoringSheetPlan): void {
  plan.columnWidths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  // addTable writes the header and data values itself; cells are styled (and links set) after it.
  for (const table of plan.tables) {
    const topLeft = table.range.split(":")[0] ?? "A1";
    worksheet.addTable({
      name: table.name,
      ref: topLeft,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: table.rows.map((r) => [...r]),
    });
  }
  for (const planned of plan.cells) renderCell(worksheet.getCell(planned.row, planned.col), planned);
  for (const { row, height } of plan.rowHeights) worksheet.getRow(row).height = height;
  worksheet.views = [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 0, topLeftCell: `A${plan.freezeRows + 1}` }];
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    orientation: plan.landscape ? "landscape" : "portrait",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${plan.freezeRows}`,
  };
}

function renderCell(cell: ExcelJS.Cell, planned: PlannedCell): void {
  if (planned.link !== undefined) {
    // An internal link as a HYPERLINK formula: exceljs writes `<hyperlink>` elements with an
    // external relationship, which Excel and LibreOffice would try to open as a file.
    const text = String(planned.value);
    cell.value = { formula: `HYPERLINK("#${escapeFormulaText(planned.link)}","${escapeFormulaText(text)}")`, result: text };
    cell.font = { color: { argb: toArgb(LINK_COLOR) }, underline: true };
  } else {
    cell.value = planned.value;
  }
  switch (planned.style) {
    case "title":
      cell.font = { bold: true, size: 16 };
      break;
    case "heading":
      cell.font = { bold: true, size: 13 };
      break;
    case "label":
      cell.font = { bold: true };
      break;
    case "header":
      cell.font = { bold: true, ...(planned.font ? { color: { argb: toArgb(planned.font) } } : {}) };
      break;
    case "note":
      cell.font = { italic: true, color: { argb: toArgb(NOTE_COLOR) } };
      break;
    default:
      if (planned.font && planned.link === undefined) cell.font = { color: { argb: toArgb(planned.font) } };
  }
  if (planned.fill !== undefined) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(planned.fill) } };
  } else if (planned.style === "header") {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(HEADER_FILL) } };
  }
  if (planned.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

/** "#RRGGBB" -> exceljs' "FFRRGGBB" (an "#AARRGGBB" colour is kept as it is). */
export function toArgb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}

function escapeFormulaText(text: string): string {
  return text.replace(/"/g, '""');
}
