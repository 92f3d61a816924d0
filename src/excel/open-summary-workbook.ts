import { AddinError, readErrorCode } from "./addin-error";

/**
 * Opens the monitoring summary (base64 .xlsx built by src/export/summary-workbook.ts in the pane)
 * as a new workbook. Excel.createWorkbook needs ExcelApi 1.8; it can be disabled by policy or
 * unavailable (office-js #3568), and on Excel on the web the browser may block the new tab as a
 * pop-up. Those refusals come back as AddinError "create-workbook-unavailable": the pane then
 * offers the file for download instead. Our own bugs (bad arguments) are passed on as they are.
 */
export async function openSummaryWorkbook(base64: string): Promise<void> {
  try {
    await Excel.createWorkbook(base64);
  } catch (error) {
    if (readErrorCode(error) === "InvalidArgument") throw error;
    throw new AddinError("create-workbook-unavailable", "createWorkbookUnavailable", {}, undefined, { cause: error });
  }
}
