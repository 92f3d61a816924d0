import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";

/**
 * The ORACLE for the own .xlsx reader: a frozen copy of the exceljs path the CLI used before
 * (src/cli/read-workbook.ts: load, readWorksheet, toCellValue, fillHoles). It is copied, not
 * imported, because that path is being replaced and must stay the yardstick after it goes.
 */
export interface OracleContents {
  readonly sheets: SheetGrid[];
  /** exceljs' view of the defined names: name -> ranges (exceljs re-renders them, e.g. "Blad1!$A$1"). */
  readonly definedNames: ReadonlyMap<string, readonly string[]>;
}

/** Excel's day zero for serial dates, as src/cli/read-workbook.ts has it. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and the 1904 date systems' day zero. */
const DAYS_1900_TO_1904 = 1462;

/** Loads the package with exceljs and reads every worksheet the way the old CLI path did. */
export async function readWithExceljs(bytes: Buffer): Promise<OracleContents> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: SheetGrid[] = [];
  const date1904 = workbook.properties.date1904 === true;
  workbook.eachSheet((worksheet) => {
    sheets.push(readOracleWorksheet(worksheet, date1904));
  });
  const definedNames = new Map<string, readonly string[]>();
  // The typings declare `model` as a bare object; it is the array of { name, ranges } the loader set.
  const model = workbook.definedNames.model as unknown as readonly { name: string; ranges: string[] }[];
  for (const entry of model) definedNames.set(entry.name, entry.ranges);
  return { sheets, definedNames };
}

/** readWorksheet of src/cli/read-workbook.ts; changed: readRawValue instead of cell.value, date1904 passed on. */
function readOracleWorksheet(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cell.isMerged && cell.master !== cell ? null : toOracleValue(readRawValue(cell), date1904);
      rowValues[colNumber - 1] = value;
      rowFormats[colNumber - 1] = cell.numFmt || "General";
    });
    values[rowNumber - 1] = fillHoles(rowValues, null);
    formats[rowNumber - 1] = fillHoles(rowFormats, "General");
  });
  return {
    sheet: worksheet.name,
    origin: "A1",
    values: fillHoles(values, []),
    formats: fillHoles(formats, []),
  };
}

/**
 * The cell's value, with one correction to the old path: exceljs' cell.value of a formula drops a
 * falsy cached result (FormulaValue._copyModel copies a field only `if (value)`), so a formula
 * whose stored result is 0 or FALSE read as null, while Excel's Range.values shows 0 / FALSE.
 * cell.result still holds the parsed result (what toOracleValue made of a formula's result before).
 */
function readRawValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return cell.value;
  // The typings narrow result to number | string | Date; it also holds booleans, { error } and undefined.
  return (cell.result as unknown as ExcelJS.CellValue | undefined) ?? null;
}

function fillHoles<T>(items: T[], blank: T): T[] {
  for (let i = 0; i < items.length; i += 1) if (!(i in items)) items[i] = blank;
  return items;
}

/**
 * toCellValue of src/cli/read-workbook.ts with one correction. The old path was wrong for date1904
 * workbooks: exceljs turns a date-formatted serial s into the Date of s + 1462 in the 1900 system
 * (utils.excelToDate), so the old path reported s + 1462, while Excel's Range.values shows s, the
 * serial as stored. The oracle subtracts the 1462 again so that it states the correct value.
 */
export function toOracleValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY - (date1904 ? DAYS_1900_TO_1904 : 0);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return value.error;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : toOracleValue(result, date1904);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("hyperlink" in value && typeof value.hyperlink === "string") return value.hyperlink;
  }
  return null;
}
