/**
 * The one boundary shape between the adapters (Office.js, exceljs) and the engine:
 * a rectangular grid of cell values, as Excel's `Range.values` returns it, with the
 * sheet name, the top-left address and the grid of number formats.
 */

export type CellValue = string | number | boolean | null;
export type Grid = CellValue[][];

export interface SheetGrid {
  /** Worksheet name as the user sees it. */
  readonly sheet: string;
  /** A1 address of the grid's top-left cell, e.g. "A1" (used range may start lower). */
  readonly origin: string;
  /**
   * Values, row-major; rows may be ragged (a missing cell is blank). A check's result reads its
   * agreement texts from these row arrays for as long as it lives: to change a row, put a new row
   * array in its place (as a live edit does), never change one in place.
   */
  readonly values: Grid;
  /** Number formats (`Range.numberFormat`), same shape as `values` where known. */
  readonly formats?: readonly (readonly string[])[];
  /**
   * Merged areas as sheet A1 ranges ("A4:A6"). `values` holds a merged area's value in its
   * top-left cell only, as Excel's `Range.values` does; see `fillMergedAreas`.
   */
  readonly merges?: readonly string[];
}

/** Zero-based row/column offsets of a cell inside a grid. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Column letters for a zero-based column index: 0 -> "A", 26 -> "AA". */
export function toColumnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based column index for column letters: "A" -> 0, "AA" -> 26. */
export function toColumnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

/** Parses "B7" into zero-based sheet coordinates; undefined when it is not an A1 cell. */
export function parseA1(address: string): GridPosition | undefined {
  const match = A1_PATTERN.exec(address.trim());
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return { row: Number(match[2]) - 1, col: toColumnIndex(match[1]) };
}

/** A1 address of zero-based sheet coordinates. */
export function formatA1(row: number, col: number): string {
  return `${toColumnLetters(col)}${row + 1}`;
}

/** Splits "Blad1!A1:B2", "'Mijn blad'!$A$1" or "=Blad1!A1" into sheet name and local address. */
export function splitSheetAddress(address: string): { readonly sheet?: string; readonly local: string } {
  const text = address.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1).trim() };
}

/** Sheet coordinates (zero-based) of the grid's origin. */
export function readOrigin(grid: SheetGrid): GridPosition {
  return parseA1(grid.origin) ?? { row: 0, col: 0 };
}

/** A1 address on the sheet of a cell given by its offsets inside the grid. */
export function addressOf(grid: SheetGrid, row: number, col: number): string {
  const origin = readOrigin(grid);
  return formatA1(origin.row + row, origin.col + col);
}

/** One-based sheet row number of a grid row offset (what users see in Excel's row header). */
export function sheetRowOf(grid: SheetGrid, row: number): number {
  return readOrigin(grid).row + row + 1;
}

/** A1 range "B3:F9" spanning two grid offsets (inclusive). */
export function rangeOf(grid: SheetGrid, top: number, left: number, bottom: number, right: number): string {
  const start = addressOf(grid, top, left);
  const end = addressOf(grid, bottom, right);
  return start === end ? start : `${start}:${end}`;
}

/** The value at a grid offset; blank (null) outside a ragged row. */
export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row]?.[col] ?? null;
}

/** The number format at a grid offset; "General" where unknown. */
export function formatAt(grid: SheetGrid, row: number, col: number): string {
  return grid.formats?.[row]?.[col] ?? "General";
}

/** Widest row of the grid. */
export function widthOf(grid: SheetGrid): number {
  let width = 0;
  for (const row of grid.values) if (row.length > width) width = row.length;
  return width;
}

/** True for null, "" and whitespace-only strings. */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // A text that starts with a visible character is not blank: spares a trim() call per filled cell,
  // and every cell of every row is asked this.
  return !startsVisibly(value) && value.trim() === "";
}

/**
 * True when the text's first character is certainly not whitespace as String.prototype.trim
 * counts it (that set lies below U+0021, at U+00A0, or at U+1680 and above). A cheap test
 * before trim() or a search: charCodeAt is inlined where those are calls.
 */
export function startsVisibly(text: string): boolean {
  return text.length > 0 && isVisibleCode(text.charCodeAt(0));
}

/** True when the text's last character is certainly not whitespace (see startsVisibly). */
export function endsVisibly(text: string): boolean {
  return text.length > 0 && isVisibleCode(text.charCodeAt(text.length - 1));
}

function isVisibleCode(code: number): boolean {
  return code > 0x20 && code !== 0xa0 && code < 0x1680;
}

/** A cell's text as the user sees it (numbers in JS notation, booleans as words). */
export function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return String(value);
}

/** Excel error values as `Range.values` and exceljs report them. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** True when the value is an Excel error value such as `#REF!`. */
export function isExcelError(value: CellValue | undefined): value is string {
  if (typeof value !== "string") return false;
  // Every error value starts with "#": other texts are ruled out without trimming or upper-casing.
  if (startsVisibly(value) && value.charCodeAt(0) !== 0x23) return false;
  return EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** Sheet coordinates (zero-based, inclusive) of an A1 range "A4:A6"; undefined when it is none. */
export function parseA1Range(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [start, end = start] = range.split(":");
  const from = start === undefined ? undefined : parseA1(start);
  const to = end === undefined ? undefined : parseA1(end);
  if (!from || !to) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/**
 * The grid with every cell of a merged area holding the area's top-left value (a theme merged
 * down over its agreements holds for each of them). Rows that change are new arrays: a grid's
 * row arrays are never changed in place. The grid itself when it has no merges.
 */
export function fillMergedAreas(grid: SheetGrid): SheetGrid {
  if (grid.merges === undefined || grid.merges.length === 0) return grid;
  const origin = readOrigin(grid);
  const values = grid.values.slice();
  const copied = new Set<number>();
  for (const merge of grid.merges) {
    const area = parseA1Range(merge);
    if (!area) continue;
    const top = area.top - origin.row;
    const left = area.left - origin.col;
    const value = cellAt(grid, top, left);
    if (isBlank(value)) continue;
    for (let row = Math.max(top, 0); row <= area.bottom - origin.row && row < values.length; row++) {
      for (let col = Math.max(left, 0); col <= area.right - origin.col; col++) {
        if (row === top && col === left) continue;
        if (!copied.has(row)) {
          values[row] = [...(values[row] ?? [])];
          copied.add(row);
        }
        const line = values[row] as CellValue[];
        while (line.length < col) line.push(null);
        line[col] = value;
      }
    }
  }
  return { ...grid, values };
}
