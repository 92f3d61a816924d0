/**
 * Opens the monitoring summary (base64 .xlsx built by src/export/summary-workbook.ts in the pane)
 * as a new workbook. Excel.createWorkbook needs ExcelApi 1.8; on Excel on the web it opens a new
 * browser tab, which the browser may block as a pop-up: the rejection is passed on to the caller.
 */
export async function openSummaryWorkbook(base64: string): Promise<void> {
  await Excel.createWorkbook(base64);
}
