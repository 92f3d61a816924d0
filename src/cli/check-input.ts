import { checkWorkbook, findOwnSheets, listOwnSheets, type CheckOptions, type CheckResult, type SheetGrid } from "../domain";

/** A workbook file as read: its sheets and its workbook-level defined names (name -> formula). */
export interface CheckInput {
  readonly sheets: readonly SheetGrid[];
  readonly definedNames: ReadonlyMap<string, string>;
}

/**
 * Checks a workbook read from a file, with the tool's own sheets known by their markers and never
 * by name (own-sheets.ts): a user's sheet called Monitoring or PM_Markering1 is data. Every command
 * that checks a file goes through here, so that all of them skip the same sheets.
 */
export function checkInputWorkbook(input: CheckInput, options: Omit<CheckOptions, "toolSheets" | "toolSheetsByMarker"> = {}): CheckResult {
  const ownSheets = listOwnSheets(
    findOwnSheets(
      input.definedNames,
      input.sheets.map((sheet) => sheet.sheet),
    ),
  );
  return checkWorkbook(input.sheets, { ...options, toolSheets: ownSheets, toolSheetsByMarker: true });
}
