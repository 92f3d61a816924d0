import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../domain";
import { InputError } from "./input-error";

/** A workbook read from disk: the exceljs object (for writing a copy) and the engine's grids. */
export interface WorkbookFile {
  readonly workbook: ExcelJS.Workbook;
  readonly sheets: SheetGrid[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptionInfo" as UTF-16LE: the stream Office puts in an OLE2 container around an encrypted xlsx. */
const ENCRYPTION_INFO_UTF16 = Buffer.from("EncryptionInfo", "utf16le");

/** Excel's day zero for serial dates (1900 date system, with Lotus' leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Reads an .xlsx file into grids. Unusable input is an InputError (the CLI's exit 2). */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const bytes = await readInputBytes(path);
  return readWorkbookBuffer(bytes, path);
}

/** Reads an .xlsx held in memory; `name` is only used in error messages. */
export async function readWorkbookBuffer(bytes: Buffer, name: string): Promise<WorkbookFile> {
  checkSignature(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError(`${name}: not a readable .xlsx workbook (damaged or truncated): ${describe(error)}`);
  }
  return { workbook, sheets: readSheets(workbook) };
}

async function readInputBytes(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new InputError(`${path}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a workbook`);
  if (!stat.isFile()) throw new InputError(`${path}: not a regular file`);
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new InputError(`${path}: cannot be read: ${describe(error)}`);
  }
}

function checkSignature(bytes: Buffer, name: string): void {
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  if (bytes.subarray(0, 8).equals(OLE2_MAGIC)) {
    if (bytes.includes(ENCRYPTION_INFO_UTF16)) {
      throw new InputError(`${name}: the workbook is password-protected; save it without a password and try again`);
    }
    throw new InputError(`${name}: an old Excel 97-2003 (.xls) file; save it as .xlsx and try again`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputError(`${name}: not an .xlsx workbook (the file is not a zip package)`);
  }
}

function readSheets(workbook: ExcelJS.Workbook): SheetGrid[] {
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(readWorksheet(worksheet));
  });
  return sheets;
}

/** The grid of one worksheet from A1 to its last used cell, as Excel's `Range.values` would show it. */
export function readWorksheet(worksheet: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Range.values shows a merged area's value in its top-left cell only.
      const value = cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value);
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

/** Fills the holes in place: the arrays are our own, and a copy per row was a visible share of reading 10k rows. */
function fillHoles<T>(items: T[], blank: T): T[] {
  for (let i = 0; i < items.length; i += 1) if (!(i in items)) items[i] = blank;
  return items;
}

/** Maps every exceljs cell value shape onto the boundary's CellValue. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return value.error;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("hyperlink" in value && typeof value.hyperlink === "string") return value.hyperlink;
  }
  return null;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
