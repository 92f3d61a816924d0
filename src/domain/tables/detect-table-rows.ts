import { isBlank, parseA1, textOf, type CellValue, type SheetGrid } from "../core/grid";
import { stripMarkup } from "../core/normalise-text";
import type { NumericTable } from "./table";

/**
 * Safety net for the agreements reader: rows of numeric tables pasted between agreement rows
 * (the seed does this) are not agreements, even when the table finder did not recognise the
 * table. A row is a table row when
 * - it lies inside a found table's range (same sheet, and its leftmost filled cell lies in the
 *   table's columns: an HTML table pasted into one activities cell does not hide its row);
 * - its first filled cell is a caption "Tabel N: titel" (or "Tabel N. titel");
 * - its first filled cell holds an HTML <table> blob (a table pasted as markup);
 * - it is a label followed only by numbers, percentages, ranges and "n.b."-like blanks, with at
 *   least one number (table body rows, and header rows of years);
 * - it is the first filled row after a caption (the table's header row, e.g. "Derden · Eigen
 *   personeel · Saldo", which holds no numbers).
 * Rows whose label is a known theme are never table rows (an agreement with a year in it).
 */

const CAPTION_PATTERN = /^tabel\s*\d+(?:\.\d+)*[a-z]?\s*[:.]/i;
const NUMBER_PATTERN = /^[-+\u2010-\u2013\u2212\uFE63\uFF0D]?\s*€?\s*\d[\d.,\s]*%?$/;
const RANGE_PATTERN = /^[-+\u2010-\u2013\u2212]?\s*\d[\d.,]*\s*%?\s*(?:-|\u2013|à|a|tot|t\/m)\s*[-+\u2010-\u2013\u2212]?\s*\d[\d.,]*\s*%?$/i;
const UNKNOWN_VALUES = new Set(["", "-", "n.b.", "nb", "nvt", "n.v.t.", "?", "x"]);
/** The longest of UNKNOWN_VALUES: longer texts are not lower-cased to be looked up (agreement prose). */
const MAX_UNKNOWN_LENGTH = Math.max(...[...UNKNOWN_VALUES].map((v) => v.length));

/** Rows and columns (zero-based, sheet coordinates) covered by a found table. */
export interface TableArea {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The areas of the found tables on one sheet. */
export function readTableAreas(tables: readonly NumericTable[], sheet: string): TableArea[] {
  const areas: TableArea[] = [];
  for (const table of tables) {
    if (table.sheet !== sheet) continue;
    const [start, end] = table.range.split(":");
    const from = start !== undefined ? parseA1(start) : undefined;
    const to = end !== undefined ? parseA1(end) : from;
    if (!from || !to) continue;
    areas.push({
      top: Math.min(from.row, to.row),
      bottom: Math.max(from.row, to.row),
      left: Math.min(from.col, to.col),
      right: Math.max(from.col, to.col),
    });
  }
  return areas;
}

/** True when the sheet cell (zero-based sheet coordinates) lies in one of the areas. */
export function isInTableArea(areas: readonly TableArea[], sheetRow: number, sheetCol: number): boolean {
  // A loop rather than some() with a closure: every row of an agreements sheet asks.
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i] as TableArea;
    if (sheetRow >= a.top && sheetRow <= a.bottom && sheetCol >= a.left && sheetCol <= a.right) return true;
  }
  return false;
}

/** True when the text is a table caption "Tabel 3: ...". */
export function isCaptionText(text: string): boolean {
  return CAPTION_PATTERN.test(stripMarkup(text));
}

/** True when the text holds an HTML table. */
export function isHtmlTableText(text: string): boolean {
  // Compiled once: a literal here would be a new RegExp for every row of a sheet.
  return HTML_TABLE_PATTERN.test(text);
}

const HTML_TABLE_PATTERN = /<table\b/i;

type CellKind = "number" | "unknown" | "text";

function classifyCell(value: CellValue): CellKind {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "text";
  const text = stripMarkup(textOf(value));
  if (text.length <= MAX_UNKNOWN_LENGTH && UNKNOWN_VALUES.has(text.toLowerCase())) return "unknown";
  if (NUMBER_PATTERN.test(text) || RANGE_PATTERN.test(text)) return "number";
  return "text";
}

/** True when the filled cells of a grid row are an optional label plus only numbers (at least one). */
export function isNumericRow(grid: SheetGrid, row: number): boolean {
  const values = grid.values[row] ?? [];
  // Every row of an agreements sheet is asked: stop at the first text cell after the label
  // instead of classifying the whole row (agreement rows are mostly text).
  let first: CellValue | undefined;
  let seenFirst = false;
  let restHasNumber = false;
  for (let col = 0; col < values.length; col++) {
    if (!(col in values)) continue;
    const value = values[col] as CellValue;
    if (isBlank(value)) continue;
    if (!seenFirst) {
      seenFirst = true;
      first = value;
      continue;
    }
    const kind = classifyCell(value);
    if (kind === "text") return false;
    if (kind === "number") restHasNumber = true;
  }
  if (!seenFirst) return false;
  return restHasNumber || (first !== undefined && classifyCell(first) === "number");
}
