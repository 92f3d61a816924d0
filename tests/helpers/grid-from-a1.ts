import { parseA1, type CellValue, type SheetGrid } from "../../src/domain/core/grid";

/**
 * Builds a SheetGrid from A1-addressed cells: `gridFromA1({ A1: "Onderwerp", C2: 3 })`.
 * The grid starts at A1 (or at `origin`) and is as large as the furthest cell.
 * `formats` gives number formats the same way (`{ B2: "0.0%" }`).
 */
export function gridFromA1(
  cells: Readonly<Record<string, CellValue>>,
  options: { sheet?: string; origin?: string; formats?: Readonly<Record<string, string>> } = {},
): SheetGrid {
  const origin = parseA1(options.origin ?? "A1");
  if (!origin) throw new Error(`bad origin ${options.origin ?? ""}`);
  let rows = 0;
  let cols = 0;
  const placed: { r: number; c: number; v: CellValue }[] = [];
  for (const [address, value] of Object.entries(cells)) {
    const pos = parseA1(address);
    if (!pos) throw new Error(`bad address ${address}`);
    const r = pos.row - origin.row;
    const c = pos.col - origin.col;
    if (r < 0 || c < 0) throw new Error(`${address} lies before the origin`);
    placed.push({ r, c, v: value });
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const { r, c, v } of placed) (values[r] as CellValue[])[c] = v;
  for (const [address, format] of Object.entries(options.formats ?? {})) {
    const pos = parseA1(address);
    if (!pos) throw new Error(`bad address ${address}`);
    const row = formats[pos.row - origin.row];
    if (row) row[pos.col - origin.col] = format;
  }
  return { sheet: options.sheet ?? "Afspraken", origin: options.origin ?? "A1", values, formats };
}

/** Builds a SheetGrid from rows of values (first row at `origin`, default A1). */
export function gridFromRows(
  rows: readonly (readonly CellValue[])[],
  options: { sheet?: string; origin?: string } = {},
): SheetGrid {
  return { sheet: options.sheet ?? "Afspraken", origin: options.origin ?? "A1", values: rows.map((r) => [...r]) };
}
