import { findOwnSheets } from "../../domain";

/**
 * Name of the sheet our Monitoring marker name refers to, if the workbook has our Monitoring
 * sheet (it may be "Monitoring (2)" when the user has a sheet of that name).
 */
export function findMarkedSheet(definedNames: ReadonlyMap<string, string>, sheetNames: readonly string[]): string | undefined {
  return findOwnSheets(definedNames, sheetNames).monitoring;
}
