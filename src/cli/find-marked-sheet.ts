import type ExcelJS from "exceljs";
import { MONITORING_MARKER_NAME, splitSheetAddress } from "../domain";

/** Name of the sheet the marker name refers to, if the workbook has our Monitoring sheet. */
export function findMarkedSheet(workbook: ExcelJS.Workbook): string | undefined {
  const marker = workbook.definedNames.model.find((n) => n.name === MONITORING_MARKER_NAME);
  const range = marker?.ranges[0];
  if (range === undefined) return undefined;
  const { sheet } = splitSheetAddress(range);
  return sheet !== undefined && workbook.getWorksheet(sheet) ? sheet : undefined;
}
