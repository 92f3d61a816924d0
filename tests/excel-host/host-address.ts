import { splitSheetAddress, toColumnIndex, toColumnLetters } from "../../src/domain/core/grid";

export { splitSheetAddress };

/**
 * A1 addresses for the in-memory Excel host: rectangles with zero-based inclusive bounds.
 * No Node imports: the host is bundled into the pane's browser tests too.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Column letters and indexes come from the engine's grid module: one implementation. */
export const columnLetters = toColumnLetters;
const columnIndex = toColumnIndex;


/** Parses "A1", "B2:C9", "C:C", "3:5" (dollar signs allowed). Undefined when it is not an address. */
export function parseRect(address: string): Rect | undefined {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const ends = parts.map(parseEnd);
  const a = ends[0];
  const b = ends[1] ?? a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    left: Math.min(a.col ?? 0, b.col ?? 0),
    bottom: Math.max(a.row ?? MAX_ROWS - 1, b.row ?? MAX_ROWS - 1),
    right: Math.max(a.col ?? MAX_COLUMNS - 1, b.col ?? MAX_COLUMNS - 1),
  };
}

function parseEnd(text: string): { row?: number; col?: number } | undefined {
  const cell = /^([A-Z]{1,3})(\d{1,7})$/.exec(text);
  if (cell?.[1] !== undefined && cell[2] !== undefined) return { col: columnIndex(cell[1]), row: Number(cell[2]) - 1 };
  if (/^[A-Z]{1,3}$/.test(text)) return { col: columnIndex(text) };
  if (/^\d{1,7}$/.test(text)) return { row: Number(text) - 1 };
  return undefined;
}

export function formatRect(rect: Rect): string {
  const start = `${columnLetters(rect.left)}${rect.top + 1}`;
  const end = `${columnLetters(rect.right)}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** Sheet-qualified address as Range.address returns it: quotes only when the name needs them. */
export function qualify(sheet: string, rect: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${formatRect(rect)}`;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseKey(key: string): { row: number; col: number } {
  const [row, col] = key.split(",").map(Number);
  return { row: row ?? 0, col: col ?? 0 };
}
