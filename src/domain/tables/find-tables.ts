import type { FindingData, Severity } from "../findings/finding";
import {
  addressOf,
  cellAt,
  formatAt,
  isBlank,
  parseA1,
  rangeOf,
  readOrigin,
  sheetRowOf,
  textOf,
  toColumnLetters,
  type CellValue,
  type SheetGrid,
} from "../core/grid";
import { formatCellReference } from "../findings/messages";
import { memoiseText } from "../core/normalise-text";
import { parseCellNumber, stripMarkup } from "../core/parse-number";
import type { NumericTable, TableColumn, TableRow, TableValue } from "./table";

export interface TablesReading {
  readonly tables: readonly NumericTable[];
  /** Findings made while reading (duplicate-table-number, unparseable-number, number-as-text, cell-error in tables). */
  readonly findings: readonly FindingData[];
}

/**
 * How a table is recognised (DESIGN.md "Tables"):
 * - an optional caption row whose first cell reads "Tabel N: titel", "Tabel N titel" or "Tabel N - titel"
 *   (at most one other cell on that row, blank rows allowed before the header);
 * - a header row: a label cell, then year cells (2019…2030) or short column labels;
 * - data rows: at most one label cell left of the value columns, values under the header's columns,
 *   nothing right of the last column, at least one number, and no more text-that-is-not-a-number
 *   cells than numbers. Long text (an agreement's wording) is never a table value.
 * The table ends at a blank row, the next caption, or the first row that is not a data row, so an
 * agreement row right after a table is left to the agreement reader.
 * Without a caption a table needs a year header or two data rows. An HTML `<table>` blob in a cell
 * is never a table; when it sits right above an uncaptioned table with the same header, its caption
 * ("Tabel 3: …") names that table.
 */
export function findTables(sheets: readonly SheetGrid[]): TablesReading {
  const tables: NumericTable[] = [];
  const findings: FindingData[] = [];
  const firstByNumber = new Map<string, string>();
  const countByNumber = new Map<string, number>();

  for (const grid of sheets) {
    for (const draft of scanSheet(grid)) {
      let id: string;
      if (draft.caption) {
        const { number, row, col } = draft.caption;
        const seen = (countByNumber.get(number) ?? 0) + 1;
        countByNumber.set(number, seen);
        const captionCell = addressOf(grid, row, col);
        id = seen === 1 ? `Tabel ${number}` : `Tabel ${number} (${seen})`;
        const first = firstByNumber.get(number);
        if (first === undefined) {
          firstByNumber.set(number, formatCellReference(grid.sheet, captionCell));
        } else {
          findings.push({
            code: "duplicate-table-number",
            severity: "warning",
            sheet: grid.sheet,
            cell: captionCell,
            params: { number, first },
            table: id,
            row: sheetRowOf(grid, row),
          });
        }
      } else {
        id = formatCellReference(grid.sheet, addressOf(grid, draft.header.row, draft.header.sourceCol));
      }
      const table = buildTable(grid, draft, id);
      tables.push(table);
      findings.push(...reportCells(grid, table));
    }
  }
  return { tables, findings };
}

interface DraftCaption {
  readonly number: string;
  readonly title?: string;
  readonly row: number;
  readonly col: number;
  /** False when the caption was borrowed from an HTML blob above the header (outside the range). */
  readonly inRange: boolean;
}

interface DraftHeader {
  readonly row: number;
  /** Column of the row labels (the header label's column unless the header is shifted). */
  readonly labelCol: number;
  /** Column where the header label (or first header cell) actually is. */
  readonly sourceCol: number;
  /** 1 when the header row sits one column right of its rows (see shiftHeaderLeft), else 0. */
  readonly shift: number;
  readonly label: string;
  /** Leftmost column of the label zone. */
  readonly left: number;
  readonly columns: readonly { readonly col: number; readonly header: string; readonly year?: number }[];
}

interface DraftRow {
  readonly row: number;
  readonly label: string;
  readonly values: readonly TableValue[];
}

interface DraftTable {
  readonly caption?: DraftCaption;
  readonly header: DraftHeader;
  readonly rows: readonly DraftRow[];
  readonly lastRow: number;
}

const CAPTION_PATTERN = /^tabel\s+(\d+[a-z]?)(?=$|[\s:.\-–—])\s*[:.\-–—]?\s*(.*)$/i;
const YEAR_PATTERN = /^((?:19|20)\d{2})\s*(?:\*+|\([^)]*\))?$/;
const LEADING_YEAR = /^\s*(?:19|20)\d{2}/;
const MAX_CAPTION_LENGTH = 200;
const MAX_LABEL_LENGTH = 150;
const MAX_HEADER_LENGTH = 40;
/** Longer text in a value cell is prose (an agreement), not a mistyped number. */
const MAX_VALUE_TEXT_LENGTH = 30;
const MAX_BLANKS_AFTER_CAPTION = 2;

/** Compiled once: a literal in the functions below would be a new RegExp for every cell or row. */
const HTML_TABLE_TAG_PATTERN = /<table[\s>]/i;

function isHtmlTableBlob(value: CellValue): boolean {
  return typeof value === "string" && value.includes("<") && HTML_TABLE_TAG_PATTERN.test(value);
}

/** Cheap pre-check before stripping markup: text without tags that is already too long. */
function isPlainLongerThan(value: CellValue, length: number): boolean {
  return typeof value === "string" && value.length > length + 10 && !value.includes("<") && !value.includes("&");
}

/** Non-blank cells of a grid row, left to right. */
function cellsOf(grid: SheetGrid, row: number): { col: number; value: CellValue }[] {
  const out: { col: number; value: CellValue }[] = [];
  const values = grid.values[row] ?? [];
  for (let col = 0; col < values.length; col += 1) {
    const value = values[col] ?? null;
    if (!isBlank(value)) out.push({ col, value });
  }
  return out;
}

/** "Tabel 8: Aantal eenheden" -> number and title; undefined when the text is no caption. */
export function readCaption(text: string): { number: string; title?: string } | undefined {
  if (HTML_TABLE_TAG_PATTERN.test(text)) return undefined;
  const stripped = stripMarkup(text);
  if (stripped.length > MAX_CAPTION_LENGTH) return undefined;
  const match = CAPTION_PATTERN.exec(stripped);
  if (!match || match[1] === undefined) return undefined;
  const title = (match[2] ?? "").trim();
  return title === "" ? { number: match[1] } : { number: match[1], title };
}

/** True when a row has more than `limit` non-blank cells; stops counting early. */
function hasMoreCellsThan(grid: SheetGrid, row: number, limit: number): boolean {
  const values = grid.values[row] ?? [];
  let count = 0;
  // Indexed: every row of a sheet is asked, and for-of allocates an iterator when unoptimised.
  for (let col = 0; col < values.length; col += 1) {
    if (!isBlank(values[col] ?? null)) count += 1;
    if (count > limit) return true;
  }
  return false;
}

function readCaptionRow(grid: SheetGrid, row: number): DraftCaption | undefined {
  // Every row is tried as a caption: agreement rows fill more cells than a caption row may.
  if (hasMoreCellsThan(grid, row, 2)) return undefined;
  const cells = cellsOf(grid, row);
  const first = cells[0];
  if (!first || cells.length > 2 || typeof first.value !== "string") return undefined;
  const caption = readCaption(first.value);
  if (!caption) return undefined;
  const second = cells[1];
  let title = caption.title;
  if (second) {
    if (title !== undefined || typeof second.value !== "string") return undefined;
    title = stripMarkup(second.value);
  }
  return { number: caption.number, ...(title ? { title } : {}), row, col: first.col, inRange: true };
}

function yearOf(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1900 && value <= 2100 ? value : undefined;
  if (typeof value !== "string") return undefined;
  // Most texts (agreement prose) cannot be years: without markup a year starts the text.
  if (!LEADING_YEAR.test(value) && !value.includes("<") && !value.includes("&")) return undefined;
  return readYearText(value);
}

/** Every row's first cell is tried as a header: per distinct text once. */
const readYearText = memoiseText((text: string): number | undefined => {
  const match = YEAR_PATTERN.exec(stripMarkup(text));
  return match?.[1] === undefined ? undefined : Number(match[1]);
});

/** A header cell that reads as a (non-year) number makes the row a data row, not a header. */
const isNumeric = memoiseText((text: string): boolean => {
  const kind = parseCellNumber(text).kind;
  return kind === "number" || kind === "interval";
});

/**
 * False when `readHeader` would surely reject the row, found without allocating: every row is
 * tried as a header, and agreement rows (long prose after the label) are nearly all of them.
 */
function mayBeHeader(grid: SheetGrid, row: number): boolean {
  const values = grid.values[row] ?? [];
  let first = true;
  for (let col = 0; col < values.length; col += 1) {
    const value = values[col] ?? null;
    if (isBlank(value)) continue;
    if (isHtmlTableBlob(value)) return false;
    const isYear = yearOf(value) !== undefined;
    if (first) {
      first = false;
      // A label (text, checked by readHeader after stripping markup) unless it is a year.
      if (!isYear) {
        if (typeof value !== "string") return false;
        continue;
      }
    }
    // A column header: a year or a short text (the first cell too when it is a year).
    if (!isYear && (typeof value !== "string" || isPlainLongerThan(value, MAX_HEADER_LENGTH))) return false;
  }
  return !first;
}

function readHeader(grid: SheetGrid, row: number): DraftHeader | undefined {
  if (!mayBeHeader(grid, row)) return undefined;
  const cells = cellsOf(grid, row);
  const first = cells[0];
  if (!first || cells.some((c) => isHtmlTableBlob(c.value))) return undefined;
  let label = "";
  let labelCol = first.col;
  let columnCells = cells;
  let left = 0;
  if (yearOf(first.value) === undefined) {
    if (typeof first.value !== "string") return undefined;
    label = stripMarkup(first.value);
    if (label.length > MAX_LABEL_LENGTH || isNumeric(label)) return undefined;
    columnCells = cells.slice(1);
    left = first.col;
  } else {
    // A header without a label (the label cell is blank): labels sit left of the first year.
    if (first.col === 0) return undefined;
    labelCol = first.col - 1;
  }
  if (columnCells.length === 0) return undefined;
  const columns: { col: number; header: string; year?: number }[] = [];
  for (const cell of columnCells) {
    const year = yearOf(cell.value);
    if (year !== undefined) {
      columns.push({ col: cell.col, header: String(year), year });
      continue;
    }
    if (typeof cell.value !== "string" || isPlainLongerThan(cell.value, MAX_HEADER_LENGTH)) return undefined;
    const header = stripMarkup(cell.value);
    if (header === "" || header.length > MAX_HEADER_LENGTH || isNumeric(header)) return undefined;
    columns.push({ col: cell.col, header });
  }
  return { row, labelCol, sourceCol: first.col, shift: 0, label, left, columns };
}

/**
 * The header moved one column left: PDF pastes shift a header row one cell right of its rows
 * (the seed's shifted agreement headers), so its labels sit above the wrong columns.
 */
function shiftHeaderLeft(header: DraftHeader): DraftHeader | undefined {
  if (header.labelCol === 0 || header.columns.some((c) => c.col === 0)) return undefined;
  return {
    ...header,
    labelCol: header.labelCol - 1,
    shift: 1,
    left: Math.max(0, header.left - 1),
    columns: header.columns.map((c) => ({ ...c, col: c.col - 1 })),
  };
}

/** The header at `row` and the rows under it, trying a one-column shift when the rows do not fit. */
function readTableAt(grid: SheetGrid, row: number, captioned: boolean): { header: DraftHeader; rows: DraftRow[]; lastRow: number } | undefined {
  const header = readHeader(grid, row);
  if (!header) return undefined;
  const body = readBody(grid, header, captioned);
  if (body) return { header, ...body };
  const shifted = shiftHeaderLeft(header);
  const shiftedBody = shifted ? readBody(grid, shifted, captioned) : undefined;
  return shifted && shiftedBody ? { header: shifted, ...shiftedBody } : undefined;
}

type RowReading =
  | { readonly kind: "data"; readonly label: string; readonly values: readonly TableValue[]; readonly numbers: number }
  | { readonly kind: "label-only"; readonly label: string; readonly values: readonly TableValue[] }
  | { readonly kind: "repeated-header" }
  | { readonly kind: "none" };

/** A value cell left blank: one object for all of them (table values are never changed). */
const BLANK_VALUE: TableValue = Object.freeze({ kind: "unknown" });

/** The index in `header.columns` of each value column, by grid column (-1: none); built once per table body. */
function listValueIndexes(header: DraftHeader): Int32Array {
  const lastCol = header.columns[header.columns.length - 1]?.col ?? 0;
  const indexes = new Int32Array(lastCol + 1).fill(-1);
  header.columns.forEach((c, i) => {
    indexes[c.col] = i;
  });
  return indexes;
}

/**
 * One table row. Cells are read in place and blank values share one object: every row of every
 * table body is read, and the cell objects and per-row lookups were most of finding tables' garbage.
 */
function readRow(grid: SheetGrid, row: number, header: DraftHeader, valueIndex: Int32Array): RowReading {
  const firstValueCol = header.columns[0]?.col ?? 0;
  const lastCol = header.columns[header.columns.length - 1]?.col ?? 0;
  const values = new Array<TableValue>(header.columns.length).fill(BLANK_VALUE);
  let label: string | undefined;
  let numbers = 0;
  let invalid = 0;
  let explicitUnknown = 0;
  const cells = grid.values[row] ?? [];
  for (let col = 0; col < cells.length; col += 1) {
    const value = cells[col] ?? null;
    if (isBlank(value)) continue;
    if (col < header.left || col > lastCol || isHtmlTableBlob(value)) return { kind: "none" };
    if (col < firstValueCol) {
      if (label !== undefined || isPlainLongerThan(value, MAX_LABEL_LENGTH)) return { kind: "none" };
      label = stripMarkup(textOf(value));
      if (label.length > MAX_LABEL_LENGTH) return { kind: "none" };
      continue;
    }
    const index = valueIndex[col] ?? -1;
    if (index < 0) return { kind: "none" };
    if (isPlainLongerThan(value, MAX_VALUE_TEXT_LENGTH)) return { kind: "none" };
    const parsed = parseCellNumber(value, formatAt(grid, row, col));
    if (parsed.kind === "invalid") {
      const text = stripMarkup(parsed.text);
      if (text.length > MAX_VALUE_TEXT_LENGTH || text.split(" ").length > 4) return { kind: "none" };
      invalid += 1;
    } else if (parsed.kind === "unknown") {
      explicitUnknown += 1;
    } else {
      numbers += 1;
    }
    values[index] = parsed;
  }
  if (isRepeatedHeader(label, values, header)) return { kind: "repeated-header" };
  if (numbers > 0 && invalid <= numbers) return { kind: "data", label: label ?? "", values, numbers };
  if (numbers === 0 && invalid === 0 && label !== undefined) {
    return explicitUnknown > 0 ? { kind: "data", label, values, numbers: 0 } : { kind: "label-only", label, values };
  }
  return { kind: "none" };
}

/** A page-break copy of a year header inside the table (label and years repeated). */
function isRepeatedHeader(label: string | undefined, values: readonly TableValue[], header: DraftHeader): boolean {
  if (header.columns.some((c) => c.year === undefined)) return false;
  if ((label ?? "").toLowerCase() !== header.label.toLowerCase()) return false;
  return header.columns.every((c, i) => {
    const v = values[i];
    return v?.kind === "number" && v.value === c.year;
  });
}

function readBody(grid: SheetGrid, header: DraftHeader, captioned: boolean): { rows: DraftRow[]; lastRow: number } | undefined {
  const valueIndex = listValueIndexes(header);
  const rows: DraftRow[] = [];
  let pending: DraftRow[] = [];
  let lastRow = header.row;
  for (let row = header.row + 1; row < grid.values.length; row += 1) {
    if (!hasMoreCellsThan(grid, row, 0) || readCaptionRow(grid, row)) break;
    const reading = readRow(grid, row, header, valueIndex);
    if (reading.kind === "none") break;
    if (reading.kind === "repeated-header") {
      lastRow = row;
      continue;
    }
    if (reading.kind === "label-only") {
      // A label without values (a group heading) belongs to the table only if data follows.
      pending.push({ row, label: reading.label, values: reading.values });
      continue;
    }
    rows.push(...pending, { row, label: reading.label, values: reading.values });
    pending = [];
    lastRow = row;
  }
  const firstData = rows[0];
  if (!firstData || !rows.some((r) => r.values.some((v) => v.kind === "number" || v.kind === "interval"))) return undefined;
  if (!captioned) {
    if (header.label === "") return undefined;
    const hasYears = header.columns.some((c) => c.year !== undefined);
    if (!hasYears && rows.length < 2) return undefined;
  }
  return { rows, lastRow };
}

/** A caption inside an HTML `<table>` blob in the row above an uncaptioned header with the same label. */
function borrowCaption(grid: SheetGrid, header: DraftHeader): DraftCaption | undefined {
  const above = header.row - 1;
  if (above < 0 || header.label === "") return undefined;
  for (const { col, value } of cellsOf(grid, above)) {
    if (!isHtmlTableBlob(value)) continue;
    const html = String(value);
    if (!stripMarkup(html).toLowerCase().includes(header.label.toLowerCase())) continue;
    const source =
      /<caption[^>]*>([\s\S]*?)<\/caption>/i.exec(html)?.[1] ?? /<th[^>]*>\s*(tabel\s[\s\S]*?)<\/th>/i.exec(html)?.[1];
    if (source === undefined) continue;
    const caption = readCaption(source);
    if (caption) return { ...caption, row: above, col, inRange: false };
  }
  return undefined;
}

/**
 * The sheet's tables as drafts, top to bottom, one at a time: each is built into its table before
 * the next is read, so a large sheet's drafts never all live at once (they were garbage the
 * collector copied).
 */
function* scanSheet(grid: SheetGrid): Generator<DraftTable, void, undefined> {
  let row = 0;
  while (row < grid.values.length) {
    const caption = readCaptionRow(grid, row);
    if (caption) {
      let headerRow = row + 1;
      while (headerRow < grid.values.length && headerRow <= row + 1 + MAX_BLANKS_AFTER_CAPTION && !hasMoreCellsThan(grid, headerRow, 0)) {
        headerRow += 1;
      }
      const found = readTableAt(grid, headerRow, true);
      if (found) {
        yield { caption, ...found };
        row = found.lastRow + 1;
        continue;
      }
    } else {
      const found = readTableAt(grid, row, false);
      if (found) {
        const borrowed = borrowCaption(grid, found.header);
        yield { ...(borrowed ? { caption: borrowed } : {}), ...found };
        row = found.lastRow + 1;
        continue;
      }
    }
    row += 1;
  }
}

function buildTable(grid: SheetGrid, draft: DraftTable, id: string): NumericTable {
  const { header, caption } = draft;
  const origin = readOrigin(grid);
  const captionInRange = caption?.inRange === true;
  const top = captionInRange ? caption.row : header.row;
  const left = Math.min(header.labelCol, header.sourceCol, captionInRange ? caption.col : header.labelCol);
  // A shifted header row reaches one column further right than its value columns.
  const right = Math.max(...header.columns.map((c) => c.col)) + header.shift;
  const columns: TableColumn[] = header.columns.map((c) => ({
    header: c.header,
    ...(c.year !== undefined ? { year: c.year } : {}),
    column: toColumnLetters(origin.col + c.col),
  }));
  // Column letters once per table, not an address parsed and formatted per cell.
  const letters = columns.map((c) => c.column);
  const rows: TableRow[] = draft.rows.map((r) => {
    const sheetRow = origin.row + r.row + 1;
    const rowNumber = String(sheetRow);
    return { label: r.label, row: sheetRow, values: r.values, cells: letters.map((l) => l + rowNumber) };
  });
  return {
    id,
    ...(caption ? { number: caption.number } : {}),
    ...(caption?.title !== undefined ? { title: caption.title } : {}),
    sheet: grid.sheet,
    range: rangeOf(grid, top, left, draft.lastRow, right),
    ...(caption ? { captionCell: addressOf(grid, caption.row, caption.col) } : {}),
    headerLabel: header.label,
    headerRow: sheetRowOf(grid, header.row),
    columns,
    rows,
  };
}

/** unparseable-number, cell-error and number-as-text findings for a table's value cells. */
function reportCells(grid: SheetGrid, table: NumericTable): FindingData[] {
  const findings: FindingData[] = [];
  for (const row of table.rows) {
    row.values.forEach((value, i) => {
      const cell = row.cells[i];
      if (cell === undefined) return;
      if (value.kind === "invalid") {
        findings.push(createCellFinding(grid, table, row, cell, "unparseable-number", "error", value.text));
      } else if (value.kind === "error") {
        findings.push(createCellFinding(grid, table, row, cell, "cell-error", "error", value.text));
      } else if (value.kind === "number" && value.fromText) {
        findings.push(createCellFinding(grid, table, row, cell, "number-as-text", "info", rawTextAt(grid, cell)));
      }
    });
  }
  return findings;
}

/**
 * A finding about one value cell, keys in the order exports have always shown. Built only for a
 * finding: the table's other cells, nearly all of them, make no object.
 */
function createCellFinding(
  grid: SheetGrid,
  table: NumericTable,
  row: TableRow,
  cell: string,
  code: "unparseable-number" | "cell-error" | "number-as-text",
  severity: Severity,
  value: string,
): FindingData {
  return { sheet: grid.sheet, cell, table: table.id, row: row.row, code, severity, params: { value } };
}

function rawTextAt(grid: SheetGrid, cell: string): string {
  const origin = readOrigin(grid);
  const pos = parseA1(cell);
  return pos ? textOf(cellAt(grid, pos.row - origin.row, pos.col - origin.col)).trim() : "";
}
