import { formatA1, splitSheetAddress, type CellValue, type SheetGrid } from "../../../src/domain/core/grid";

/**
 * Compares two readings of one workbook (the oracle's and the reader's) cell by cell. Both are
 * normalised first, because "where a row ends" is not part of what Excel shows: trailing blank
 * cells and "General" formats are trimmed, and a missing cell counts as null / "General".
 * Formats are compared where the expected value is not blank.
 */

/** Numbers in date-formatted cells may differ by this much (exceljs round-trips them through Date, to the millisecond). */
export const DATE_TOLERANCE_DAYS = 1e-8;

export interface NormalGrid {
  readonly sheet: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly formats: readonly (readonly string[])[];
}

/** The grid without trailing nulls / "General" formats and without trailing empty rows. */
export function normaliseGrid(grid: SheetGrid): NormalGrid {
  const values = grid.values.map((row) => trimEnd(row, (v) => v === null));
  const formats = (grid.formats ?? []).map((row) => trimEnd(row, (f) => f === "General"));
  return { sheet: grid.sheet, values: trimEnd(values, (row) => row.length === 0), formats: trimEnd(formats, (row) => row.length === 0) };
}

function trimEnd<T>(items: readonly T[], isBlank: (item: T) => boolean): T[] {
  let end = items.length;
  // A hole in a sparse array is a missing cell: blank as well.
  while (end > 0 && (!(end - 1 in items) || isBlank(items[end - 1] as T))) end -= 1;
  return Array.from({ length: end }, (_, i) => items[i] as T);
}

/** True for a number format that shows a date or time (text in quotes, [colour]/[$-locale] and escapes do not count). */
export function isDateFormat(format: string): boolean {
  const code = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "").replace(/_./g, "");
  return /[dmyhs]/i.test(code) && !/^general$/i.test(code.trim());
}

/** Describes a value for a failure message: strings quoted (escapes visible), -0 kept visible. */
export function describeValue(value: CellValue | undefined): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  return JSON.stringify(value);
}

/**
 * Formats are equal as text, with one allowance for an oracle bug: exceljs drops every backslash
 * escape of a custom format code when it reads one (numfmt-xform.js: formatCode.replace(/[\\](.)/g,
 * "$1")), so LibreOffice's `dd\-mm\-yyyy` reads as `dd-mm-yyyy` and, worse, `0\%` (a literal
 * percent sign) as `0%` (times 100). The code as stored is what Range.numberFormat shows.
 */
export function isSameFormat(expected: string, actual: string): boolean {
  return expected === actual || expected === actual.replace(/\\(.)/g, "$1");
}

function isSameValue(expected: CellValue, actual: CellValue, format: string): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    // Excel has no -0: 0 and -0 are the same cell value, so === (not Object.is) is right here.
    if (expected === actual) return true;
    return isDateFormat(format) && Math.abs(expected - actual) <= DATE_TOLERANCE_DAYS;
  }
  return expected === actual;
}

/** The first difference between two sheet lists, as "Sheet!B7: expected .. got ..", or undefined when they agree. */
export function findFirstDifference(expected: readonly SheetGrid[], actual: readonly SheetGrid[]): string | undefined {
  const expectedNames = expected.map((s) => s.sheet);
  const actualNames = actual.map((s) => s.sheet);
  if (JSON.stringify(expectedNames) !== JSON.stringify(actualNames)) {
    return `sheets: expected ${JSON.stringify(expectedNames)} got ${JSON.stringify(actualNames)}`;
  }
  for (let i = 0; i < expected.length; i += 1) {
    const difference = findGridDifference(expected[i] as SheetGrid, actual[i] as SheetGrid);
    if (difference !== undefined) return difference;
  }
  return undefined;
}

/** The first differing cell of two grids of one sheet (values before formats, row by row). */
export function findGridDifference(expectedGrid: SheetGrid, actualGrid: SheetGrid): string | undefined {
  const expected = normaliseGrid(expectedGrid);
  const actual = normaliseGrid(actualGrid);
  const shape = checkShape(expectedGrid, "expected") ?? checkShape(actualGrid, "got");
  if (shape !== undefined) return shape;
  const rows = Math.max(expected.values.length, actual.values.length, expected.formats.length, actual.formats.length);
  for (let r = 0; r < rows; r += 1) {
    const expectedRow = expected.values[r] ?? [];
    const actualRow = actual.values[r] ?? [];
    const expectedFormats = expected.formats[r] ?? [];
    const actualFormats = actual.formats[r] ?? [];
    const cols = Math.max(expectedRow.length, actualRow.length, expectedFormats.length, actualFormats.length);
    for (let c = 0; c < cols; c += 1) {
      const format = expectedFormats[c] ?? "General";
      const want = expectedRow[c] ?? null;
      const got = actualRow[c] ?? null;
      if (!isSameValue(want, got, format)) {
        return `${expected.sheet}!${formatA1(r, c)}: expected ${describeValue(want)} got ${describeValue(got)}`;
      }
      const gotFormat = actualFormats[c] ?? "General";
      // A blank cell's format is no part of the grid: a styled cell without a value is "not a cell"
      // (merged cells, formulas never calculated), and the engine reads formats of values only.
      if (want !== null && !isSameFormat(format, gotFormat)) {
        return `${expected.sheet}!${formatA1(r, c)}: expected format ${JSON.stringify(format)} got ${JSON.stringify(gotFormat)}`;
      }
    }
  }
  return undefined;
}

/** Grid invariants the engine relies on: origin A1, no holes, formats never longer than the grid allows. */
function checkShape(grid: SheetGrid, side: string): string | undefined {
  if (grid.origin !== "A1") return `${grid.sheet}: ${side} origin ${grid.origin}, not A1`;
  for (let r = 0; r < grid.values.length; r += 1) {
    if (!(r in grid.values)) return `${grid.sheet}: ${side} grid has a hole at row ${r + 1}`;
    const row = grid.values[r] as readonly CellValue[];
    for (let c = 0; c < row.length; c += 1) {
      if (!(c in row) || row[c] === undefined) return `${grid.sheet}!${formatA1(r, c)}: ${side} grid has a hole (undefined)`;
    }
  }
  return undefined;
}

/** A range reference reduced to what it means: "'It''s'!$A$1" and "It's!A1" both become "It's!A1". */
export function normaliseReference(reference: string): string {
  const { sheet, local } = splitSheetAddress(reference);
  const address = local.replace(/\$/g, "").toUpperCase();
  return sheet === undefined ? address : `${sheet}!${address}`;
}

/** Splits a defined name's formula on the commas of a union ("A!$A$1,B!$B$2"), not on commas inside quoted sheet names. */
export function splitUnion(formula: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of formula) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * The first defined name exceljs knows that the reader lacks or reads differently, or undefined.
 * exceljs re-renders ranges (and merges adjacent cells), so both sides are compared as sets of
 * normalised references; names exceljs drops (constants, formulas) are not checked here.
 */
export function findDefinedNameDifference(
  expected: ReadonlyMap<string, readonly string[]>,
  actual: ReadonlyMap<string, string>,
): string | undefined {
  for (const [name, ranges] of expected) {
    const formula = actual.get(name);
    if (formula === undefined) return `defined name ${JSON.stringify(name)}: expected ${JSON.stringify(ranges)} got nothing`;
    const want = [...ranges].map(normaliseReference).sort();
    const got = splitUnion(formula).map(normaliseReference).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      return `defined name ${JSON.stringify(name)}: expected ${JSON.stringify(ranges)} got ${JSON.stringify(formula)}`;
    }
  }
  return undefined;
}
