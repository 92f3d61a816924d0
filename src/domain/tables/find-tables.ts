import type { FindingData, Severity } from "../findings/finding";
import {
  addressOf,
  cellAt,
  formatAt,
  isBlank,
  startsVisibly,
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
import { readTableAreas, type TableArea } from "./detect-table-rows";
import { matchHeaderCell } from "../agreements/match-header";

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
 * The table ends at the next caption, the first row that is not a data row (so an agreement row
 * right after a table is left to the agreement reader), or a blank row, unless one blank row sits
 * inside the table: the row after it carries on with the same columns (a data or section row, not
 * a new header).
 * A header row may leave its top-left cell blank: the labels then sit left of the first header cell.
 * A reference column ("Ref.", "Code", "Nr." header, or values that are codes such as "5.11.1",
 * "M11028") is neither a label nor a value column: it is left out.
 * Without a caption a table needs a year header or two data rows (with labels when the header has none).
 * Tables side by side (separated by an empty column) are read each on their own, also beside the
 * agreements on their sheet; found only there, a table needs a caption or rows labelled with words.
 * An HTML `<table>` blob in a cell
 * is never a table; when it sits right above an uncaptioned table with the same header, its caption
 * ("Tabel 3: …") names that table.
 */
export function findTables(sheets: readonly SheetGrid[]): TablesReading {
  const tables: NumericTable[] = [];
  const findings: FindingData[] = [];
  const firstByNumber = new Map<string, string>();
  const countByNumber = new Map<string, number>();

  const addTable = (grid: SheetGrid, draft: DraftTable): NumericTable => {
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
    return table;
  };

  for (const grid of sheets) {
    const sheetTables: NumericTable[] = [];
    for (const draft of scanSheet(grid)) sheetTables.push(addTable(grid, draft));
    // Tables beside others (or beside the agreements) share rows with them: read each band of
    // columns on its own, keeping what the whole-sheet reading did not already find.
    const bands = splitColumnBands(grid);
    if (bands.length < 2) continue;
    const areas = readTableAreas(sheetTables, grid.sheet);
    for (const band of bands) {
      const view = viewColumns(grid, band.first, band.last);
      for (const draft of scanSheet(view)) {
        // Numbers beside the agreements (a Doel · Realisatie pair past an empty column) are the
        // agreements' own: a table there has a caption or rows labelled with words.
        if (!draft.caption && !hasWordLabels(draft)) continue;
        const area = draftArea(view, draft);
        if (areas.some((a) => overlaps(a, area))) continue;
        areas.push(area);
        addTable(view, draft);
      }
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
  /** Columns of reference codes ("Ref.", "Code"): read past, never values. */
  readonly references: readonly number[];
}

interface DraftRow {
  readonly row: number;
  readonly label: string;
  readonly values: readonly TableValue[];
  /** A label-only row inside the table (a section heading). */
  readonly section?: true;
}

interface DraftTable {
  readonly caption?: DraftCaption;
  readonly header: DraftHeader;
  readonly rows: readonly DraftRow[];
  readonly lastRow: number;
}

/** "Tabel 3: titel", "Tabel 3.2 – titel", "Tabel 4a titel": the number may carry a chapter ("3.2"). */
const CAPTION_PATTERN = /^tabel\s+(\d+(?:\.\d+)*[a-z]?)(?=$|[\s:.\-–—])\s*[:.\-–—]?\s*(.*)$/i;
const YEAR_PATTERN = /^((?:19|20)\d{2})\s*(?:\*+|\([^)]*\))?$/;
const LEADING_YEAR = /^\s*(?:19|20)\d{2}/;
const MAX_CAPTION_LENGTH = 200;
const MAX_LABEL_LENGTH = 150;
const MAX_HEADER_LENGTH = 40;
/** Longer text in a value cell is prose (an agreement), not a mistyped number. */
const MAX_VALUE_TEXT_LENGTH = 30;
const MAX_BLANKS_AFTER_CAPTION = 2;
/** Blank rows a table may hold inside it (between sections); more end it. */
const MAX_BLANKS_INSIDE = 1;
/** Header of a column of reference codes: "Ref.", "Referentie", "Code", "Nr.", "§", "Paragraaf". */
const REFERENCE_HEADER_PATTERN = /^(?:ref\.?|referentie|code|nr\.?|nummer|§|paragraaf|artikel|rubriek)$/i;
/**
 * A reference code rather than a number: "5.11.1" (two or more dots), "2.3a", "M11028", "§ 4".
 * "1.234" (one dot) stays a number.
 */
const CODE_PATTERN = /^(?:§\s*\d[\d.]*[a-z]?|[A-Za-z]{1,3}\d{2,}(?:\.\d+)*[a-z]?|\d+(?:\.\d+){2,}[a-z]?|\d+(?:\.\d+)+[a-z])$/;

function isCodeText(value: CellValue): boolean {
  return typeof value === "string" && value.length <= 16 && CODE_PATTERN.test(value.trim());
}

function isReferenceHeader(value: CellValue): boolean {
  return typeof value === "string" && value.length <= 16 && REFERENCE_HEADER_PATTERN.test(stripMarkup(value));
}

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
  // Most texts (agreement prose) cannot be years: a year, or markup around it, starts the text.
  // The first character rules out nearly every text without a call (every cell of a sheet is asked).
  if (startsVisibly(value)) {
    const first = value.charCodeAt(0);
    if ((first < 0x30 || first > 0x39) && first !== 0x3c /* < */ && first !== 0x26 /* & */) return undefined;
  }
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

/**
 * The header at `row`. With `blankCorner` every filled cell is a column header and the labels sit
 * in the column left of the first one (a header row whose top-left cell is blank).
 */
function readHeader(grid: SheetGrid, row: number, blankCorner = false): DraftHeader | undefined {
  if (!mayBeHeader(grid, row)) return undefined;
  const all = cellsOf(grid, row);
  if (all.length === 0 || all.some((c) => isHtmlTableBlob(c.value))) return undefined;
  const references = all.filter((c) => isReferenceHeader(c.value)).map((c) => c.col);
  const cells = references.length === 0 ? all : all.filter((c) => !references.includes(c.col));
  const first = cells[0];
  if (!first) return undefined;
  const leftmost = all[0]?.col ?? first.col;
  let label = "";
  let labelCol = first.col;
  let columnCells = cells;
  let left = 0;
  if (blankCorner) {
    if (first.col === 0 || leftmost < first.col) return undefined;
    labelCol = first.col - 1;
    left = labelCol;
  } else if (yearOf(first.value) === undefined) {
    if (typeof first.value !== "string") return undefined;
    label = stripMarkup(first.value);
    if (label.length > MAX_LABEL_LENGTH || isNumeric(label)) return undefined;
    columnCells = cells.slice(1);
    left = Math.min(first.col, leftmost);
  } else {
    // A header without a label (the label cell is blank): labels sit left of the first year.
    if (first.col === 0) return undefined;
    labelCol = first.col - 1;
  }
  if (columnCells.length === 0) return undefined;
  if (isAgreementsHeader(all)) return undefined;
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
  return { row, labelCol, sourceCol: blankCorner ? first.col : (all[0]?.col ?? first.col), shift: 0, label, left, columns, references };
}

/**
 * The agreements reader's header row (a Status or Afspraak column beside another agreements
 * column: "Onderwerp · Actiepunt · Wie? · Doel 2022 · Realisatie 2022 · Status 2022") is never a
 * table's header, however many numbers the rows under it hold: agreements with targets and
 * realisations but no status yet would otherwise vanish into a "table". A table of its own may
 * still have Doel and Realisatie columns.
 */
function isAgreementsHeader(cells: readonly { readonly value: CellValue }[]): boolean {
  const fields = new Set<string>();
  for (const cell of cells) {
    if (typeof cell.value !== "string") continue;
    const match = matchHeaderCell(cell.value);
    if (match !== undefined) fields.add(match.field);
  }
  return fields.size >= 2 && (fields.has("status") || fields.has("agreement"));
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
  if (!header) {
    // "· Aandeel (%)" over labelled rows: one header cell, the top-left cell blank. (Rows of more
    // cells that fail as a header fail as a blank-corner header too: not asked again.)
    if (hasMoreCellsThan(grid, row, 1)) return undefined;
    const cornered = readHeader(grid, row, true);
    const corneredBody = cornered ? readBody(grid, cornered, captioned) : undefined;
    return cornered && corneredBody ? { header: cornered, ...corneredBody } : undefined;
  }
  const body = readBody(grid, header, captioned);
  if (body) return { header, ...body };
  const shifted = shiftHeaderLeft(header);
  const shiftedBody = shifted ? readBody(grid, shifted, captioned) : undefined;
  if (shifted && shiftedBody) return { header: shifted, ...shiftedBody };
  const cornered = header.label === "" ? undefined : readHeader(grid, row, true);
  const corneredBody = cornered ? readBody(grid, cornered, captioned) : undefined;
  return cornered && corneredBody ? { header: cornered, ...corneredBody } : undefined;
}

type RowReading =
  | { readonly kind: "data"; readonly label: string; readonly values: readonly TableValue[]; readonly numbers: number }
  | { readonly kind: "label-only"; readonly label: string; readonly values: readonly TableValue[] }
  | { readonly kind: "repeated-header" }
  | { readonly kind: "none" };

/** A value cell left blank: one object for all of them (table values are never changed). */
const BLANK_VALUE: TableValue = Object.freeze({ kind: "unknown" });

/** Marks a reference column in the value indexes: its cells are read past. */
const REFERENCE_INDEX = -2;

/** The index in `header.columns` of each value column, by grid column (-1: none); built once per table body. */
function listValueIndexes(header: DraftHeader): Int32Array {
  const lastCol = header.columns[header.columns.length - 1]?.col ?? 0;
  const indexes = new Int32Array(lastCol + 1).fill(-1);
  header.columns.forEach((c, i) => {
    indexes[c.col] = i;
  });
  for (const col of header.references) if (col <= lastCol) indexes[col] = REFERENCE_INDEX;
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
    if (valueIndex[col] === REFERENCE_INDEX) continue;
    if (col < firstValueCol) {
      // A reference code beside the label ("M11028", "5.11.1") is neither label nor value.
      if (isCodeText(value) && col !== header.labelCol) continue;
      if (label !== undefined || isPlainLongerThan(value, MAX_LABEL_LENGTH)) return { kind: "none" };
      label = stripMarkup(textOf(value));
      if (label.length > MAX_LABEL_LENGTH) return { kind: "none" };
      continue;
    }
    const index = valueIndex[col] ?? -1;
    if (index < 0) return { kind: "none" };
    if (isPlainLongerThan(value, MAX_VALUE_TEXT_LENGTH)) return { kind: "none" };
    const parsed = parseCellNumber(value, formatAt(grid, row, col));
    if (parsed.kind === "invalid" && isCodeText(value)) {
      // A reference code in a value column: kept (buildTable drops a column of codes), not counted.
      values[index] = parsed;
      continue;
    }
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
  let blanks = 0;
  for (let row = header.row + 1; row < grid.values.length; row += 1) {
    if (!hasMoreCellsThan(grid, row, 0)) {
      if (blanks >= MAX_BLANKS_INSIDE || !continuesAfterBlank(grid, row + 1, header, valueIndex)) break;
      blanks += 1;
      continue;
    }
    blanks = 0;
    if (readCaptionRow(grid, row)) break;
    const reading = readRow(grid, row, header, valueIndex);
    if (reading.kind === "none") break;
    if (reading.kind === "repeated-header") {
      lastRow = row;
      continue;
    }
    if (reading.kind === "label-only") {
      // A label without values (a group heading) belongs to the table only if data follows.
      pending.push({ row, label: reading.label, values: reading.values, section: true });
      continue;
    }
    rows.push(...pending, { row, label: reading.label, values: reading.values });
    pending = [];
    lastRow = row;
  }
  const firstData = rows[0];
  if (!firstData || !rows.some((r) => r.values.some((v) => v.kind === "number" || v.kind === "interval"))) return undefined;
  if (!captioned) {
    // A header without a label is a table only when its rows are labelled ones.
    if (header.label === "" && (rows.length < 2 || rows.some((r) => r.label === ""))) return undefined;
    const hasYears = header.columns.some((c) => c.year !== undefined);
    if (!hasYears && rows.length < 2) return undefined;
  }
  return { rows, lastRow };
}

/**
 * True when the row after a blank row carries the table on: a data or section row under the same
 * columns, not a caption or a new table's header.
 */
function continuesAfterBlank(grid: SheetGrid, row: number, header: DraftHeader, valueIndex: Int32Array): boolean {
  if (row >= grid.values.length || !hasMoreCellsThan(grid, row, 0) || readCaptionRow(grid, row)) return false;
  if (readHeader(grid, row)) return false;
  const reading = readRow(grid, row, header, valueIndex);
  return reading.kind === "data" || reading.kind === "label-only";
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
  const kept = listValueColumns(grid, draft);
  const columns: TableColumn[] = kept.map((i) => {
    const c = header.columns[i] as DraftHeader["columns"][number];
    return { header: c.header, ...(c.year !== undefined ? { year: c.year } : {}), column: toColumnLetters(origin.col + c.col) };
  });
  // Column letters once per table, not an address parsed and formatted per cell.
  const letters = columns.map((c) => c.column);
  const all = kept.length === header.columns.length;
  const rows: TableRow[] = draft.rows.map((r) => {
    const sheetRow = origin.row + r.row + 1;
    const rowNumber = String(sheetRow);
    const values = all ? r.values : kept.map((i) => r.values[i] ?? BLANK_VALUE);
    return { label: r.label, row: sheetRow, values, cells: letters.map((l) => l + rowNumber), ...(r.section ? { section: true as const } : {}) };
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

/**
 * The indexes of the header columns that hold values: a column whose filled cells are all
 * reference codes ("5.11.1", "M11028") is a reference column, not numbers gone wrong.
 */
function listValueColumns(grid: SheetGrid, draft: DraftTable): number[] {
  const kept: number[] = [];
  draft.header.columns.forEach((c, i) => {
    let codes = 0;
    let others = 0;
    for (const r of draft.rows) {
      const value = r.values[i];
      if (!value || value.kind === "unknown") continue;
      if (value.kind === "invalid" && isCodeText(cellAt(grid, r.row, c.col))) codes += 1;
      else others += 1;
    }
    if (codes === 0 || others > 0) kept.push(i);
  });
  return kept;
}

/** True when at least half of a draft's rows are labelled with words (not numbers or years). */
function hasWordLabels(draft: DraftTable): boolean {
  const worded = draft.rows.filter((r) => r.label !== "" && !isNumeric(r.label) && yearOf(r.label) === undefined).length;
  return worded * 2 >= draft.rows.length;
}

/** Bands of columns holding cells, separated by at least one column empty over the whole sheet. */
function splitColumnBands(grid: SheetGrid): { first: number; last: number }[] {
  let width = 0;
  for (const row of grid.values) width = Math.max(width, row.length);
  const filled = new Uint8Array(width);
  for (const row of grid.values) {
    // A column known to be filled is not asked again: most cells of a sheet are in such columns.
    for (let col = 0; col < row.length; col += 1) if (filled[col] === 0 && !isBlank(row[col] ?? null)) filled[col] = 1;
  }
  const bands: { first: number; last: number }[] = [];
  let start = -1;
  for (let col = 0; col <= width; col += 1) {
    const on = col < width && filled[col] === 1;
    if (on && start < 0) start = col;
    if (!on && start >= 0) {
      bands.push({ first: start, last: col - 1 });
      start = -1;
    }
  }
  return bands;
}

/** The grid's columns `first`…`last` as a grid of their own (its origin moved along). */
function viewColumns(grid: SheetGrid, first: number, last: number): SheetGrid {
  const origin = readOrigin(grid);
  const values = grid.values.map((row) => row.slice(first, last + 1));
  const formats = grid.formats?.map((row) => row.slice(first, last + 1));
  return {
    sheet: grid.sheet,
    origin: `${toColumnLetters(origin.col + first)}${origin.row + 1}`,
    values,
    ...(formats ? { formats } : {}),
  };
}

/** The sheet area (zero-based sheet coordinates) a draft covers. */
function draftArea(grid: SheetGrid, draft: DraftTable): TableArea {
  const origin = readOrigin(grid);
  const caption = draft.caption?.inRange ? draft.caption : undefined;
  const top = caption ? caption.row : draft.header.row;
  const left = Math.min(draft.header.labelCol, draft.header.left, caption ? caption.col : draft.header.labelCol);
  const right = Math.max(...draft.header.columns.map((c) => c.col)) + draft.header.shift;
  return { top: origin.row + top, bottom: origin.row + draft.lastRow, left: origin.col + left, right: origin.col + right };
}

function overlaps(a: TableArea, b: TableArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
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
