/**
 * Excel.run with the RunOptions the host supports, and the few host facts the adapter decides on.
 * Every option sits behind Office.context.requirements.isSetSupported, with the older behaviour
 * as the fallback (tests run both on the in-memory host).
 */

export type OfficePlatform = "web" | "windows" | "mac" | "other";

/** Office.context.requirements.isSetSupported, false outside Office. */
export function isSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined") return false;
  const context = Office.context as Office.Context | undefined;
  return context?.requirements?.isSetSupported(name, version) === true;
}

/** Where the workbook is open (Office.context.platform). */
export function readPlatform(): OfficePlatform {
  if (typeof Office === "undefined") return "other";
  const context = Office.context as Office.Context | undefined;
  switch (String(context?.platform ?? "")) {
    case "OfficeOnline":
      return "web";
    case "PC":
      return "windows";
    case "Mac":
      return "mac";
    default:
      return "other";
  }
}

/**
 * True when the user's undo survives the add-in's writes. Without requirement set ExcelUndoApiAll
 * 1.0 (older builds) most writes clear the undo stack (office-js #3788 "by design", #6170).
 */
export function isUndoSupported(): boolean {
  return isSetSupported("ExcelUndoApiAll", "1.0");
}

/**
 * Excel.run with `delayForCellEdit` (ExcelApi 1.11: wait while the user types in a cell instead of
 * failing) and, for `undoGroup`, `mergeUndoGroup` (ExcelApi 1.20: all syncs of the run are one
 * Ctrl+Z). Older hosts get a plain Excel.run; retryInEditMode covers cell-edit mode there.
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: { readonly undoGroup?: boolean } = {}): Promise<T> {
  const runOptions: Excel.RunOptions = {};
  if (isSetSupported("ExcelApi", "1.11")) runOptions.delayForCellEdit = true;
  if (options.undoGroup === true && isSetSupported("ExcelApi", "1.20")) runOptions.mergeUndoGroup = true;
  return Object.keys(runOptions).length === 0 ? Excel.run(batch) : Excel.run(runOptions, batch);
}
