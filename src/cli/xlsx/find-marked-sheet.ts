import { MONITORING_MARKER_NAME, splitSheetAddress } from "../../domain";

/**
 * Name of the sheet our Monitoring marker name refers to, if the workbook has our Monitoring
 * sheet (it may be "Monitoring (2)" when the user has a sheet of that name).
 */
export function findMarkedSheet(definedNames: ReadonlyMap<string, string>, sheetNames: readonly string[]): string | undefined {
  const range = definedNames.get(MONITORING_MARKER_NAME);
  if (range === undefined) return undefined;
  const { sheet } = splitSheetAddress(range.replace(/^=/, ""));
  return sheet !== undefined && sheetNames.includes(sheet) ? sheet : undefined;
}
