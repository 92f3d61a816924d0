import {
  UNKNOWN_YEAR,
  type AgreementColumns,
  type AgreementField,
  type AgreementRow,
  type YearFigure,
  type YearStatus,
  type YearText,
} from "./agreement";
import {
  isCaptionText,
  isHtmlTableText,
  isInTableArea,
  isNumericRow,
  readTableAreas,
  type TableArea,
} from "../tables/detect-table-rows";
import type { FindingData } from "../findings/finding";
import {
  addressOf,
  cellAt,
  endsVisibly,
  formatAt,
  fillMergedAreas,
  isBlank,
  isExcelError,
  readOrigin,
  sheetRowOf,
  startsVisibly,
  textOf,
  toColumnLetters,
  type CellValue,
  type SheetGrid,
} from "../core/grid";
import { formatDateSerial } from "../core/format-date";
import { matchHeaderCell } from "./match-header";
import type { Model, StatusDef } from "../model/model";
import { normaliseStatus } from "./normalise-status";
import { findMarkupTags, toMatchKey } from "../core/normalise-text";
import { isPartiesLike } from "./parse-parties";
import { createAgreementRow, createRowCells, createYearStatus, type RowFigures } from "./build-agreement-row";
import { parseCellNumber } from "../core/parse-number";
import type { NumericTable } from "../tables/table";

export interface AgreementsReading {
  /** Sheets that have at least one agreements header. */
  readonly sheets: readonly string[];
  readonly columns: readonly AgreementColumns[];
  /** The rows in sheet order. */
  readonly agreements: readonly AgreementRow[];
  /** Years that have a status column in any agreements sheet, ascending. */
  readonly statusYears: readonly number[];
  /** Findings made while reading (repeated-header, markup-in-cell, cell-error). */
  readonly findings: readonly FindingData[];
}

export interface AgreementsReadOptions {
  /** The monitoring year asked for by the user (`--year`); the model's Monitoringjaar wins. */
  readonly year?: number | undefined;
}

export { UNKNOWN_YEAR };

/** How one header row maps grid columns (zero-based offsets) to fields. */
interface HeaderLayout {
  readonly row: number;
  /** The first grid row below the header (two rows below a header spread over two rows). */
  readonly firstDataRow: number;
  /** Absent when themes come only from heading rows ("1. Betaalbaarheid" above its agreements). */
  readonly theme?: number;
  readonly subtheme?: number;
  /** The agreement's own number (Nr., Nummer): never read as a field of the row. */
  readonly number?: number;
  readonly agreement: number;
  readonly parties: number;
  /** Planning, Termijn: recognised so that it is never read as another field. */
  readonly timing?: number;
  /**
   * A shifted header (the seed's page headers: first cell empty, "Onderwerp" over the subtheme,
   * "nr" empty): the unlabelled column left of the theme column, which then holds the theme.
   */
  readonly shiftSource?: number;
  readonly activities: ReadonlyMap<number, number>;
  readonly status: ReadonlyMap<number, number>;
  readonly explanation: ReadonlyMap<number, number>;
  /** Doel/Realisatie columns per year (a yearless one under the monitoring year, as statuses). */
  readonly target: ReadonlyMap<number, number>;
  readonly realised: ReadonlyMap<number, number>;
}

/** The fields a header may give a column per year. */
type YearField = "activities" | "status" | "explanation" | "target" | "realised";

/** A header names at least an agreement and a parties column, and three fields in all. */
const REQUIRED_HEADER_FIELDS = 3;

/** Rows below a header looked at to tell what a yearless Voortgang column holds. */
const CONTENT_SAMPLE_ROWS = 40;

function countHeaderCells(values: readonly CellValue[]): number {
  let count = 0;
  // Indexed: every row of every sheet is asked, and for-of allocates an iterator when unoptimised.
  for (let col = 0; col < values.length; col++) {
    const value = values[col];
    if (typeof value === "string" && matchHeaderCell(value) !== undefined) count += 1;
  }
  return count;
}

/** The year a cell names on its own ("2022", 2022), for a header spread over two rows. */
function readYearCell(value: CellValue): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 1900 && year <= 2200 ? year : undefined;
}

/**
 * True when most filled cells below the header in `col` are status words or phrases ("ligt op
 * schema", "vertraagd"): a yearless Voortgang column that is the status column.
 */
function holdsStatuses(grid: SheetGrid, row: number, col: number, statuses: readonly StatusDef[]): boolean {
  let filled = 0;
  let recognised = 0;
  const last = Math.min(grid.values.length - 1, row + CONTENT_SAMPLE_ROWS);
  for (let r = row + 1; r <= last; r++) {
    const value = cellAt(grid, r, col);
    if (typeof value !== "string" || isBlank(value)) continue;
    filled += 1;
    if (normaliseStatus(value, statuses) !== undefined) recognised += 1;
  }
  return filled > 0 && recognised * 2 > filled;
}

/** Reads a grid row as an agreements header, or undefined when it names no agreement and parties column. */
function readHeaderLayout(grid: SheetGrid, row: number, monitoringYear: number | undefined, statuses: readonly StatusDef[]): HeaderLayout | undefined {
  // Every row is tried as a header: rule out data rows before allocating the column maps.
  if (countHeaderCells(grid.values[row] ?? []) < REQUIRED_HEADER_FIELDS) return undefined;
  const fields = new Map<AgreementField, number>();
  const dated: Record<YearField, Map<number, number>> = {
    activities: new Map(),
    status: new Map(),
    explanation: new Map(),
    target: new Map(),
    realised: new Map(),
  };
  const yearless: Record<YearField, number[]> = { activities: [], status: [], explanation: [], target: [], realised: [] };
  let secondRow = false;
  const width = grid.values[row]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    const value = cellAt(grid, row, col);
    if (typeof value !== "string" || isBlank(value)) continue;
    const match = matchHeaderCell(value);
    if (!match) continue;
    const { field } = match;
    if (isYearField(field)) {
      // A header spread over two rows: "Status" above "2022".
      const below = match.year === undefined ? readYearCell(cellAt(grid, row + 1, col)) : undefined;
      if (below !== undefined) secondRow = true;
      const year = match.year ?? below;
      if (year === undefined) yearless[field].push(col);
      else if (!dated[field].has(year)) dated[field].set(year, col);
    } else if (!fields.has(field)) {
      fields.set(field, col);
    }
  }
  const agreement = fields.get("agreement");
  const parties = fields.get("parties");
  if (agreement === undefined || parties === undefined) return undefined;

  // A yearless Voortgang column holding status words is the status column when there is none.
  if (dated.status.size === 0 && yearless.status.length === 0) {
    const statusCol = yearless.explanation.find((col) => holdsStatuses(grid, row + (secondRow ? 1 : 0), col, statuses));
    if (statusCol !== undefined) {
      yearless.status.push(statusCol);
      yearless.explanation = yearless.explanation.filter((col) => col !== statusCol);
    }
  }

  // A yearless column belongs to the monitoring year (Model sheet, else --year); without one, to
  // the latest year this header names for activities or explanations (then statuses), else
  // UNKNOWN_YEAR.
  const headerYears = [...dated.activities.keys(), ...dated.explanation.keys()];
  const latest = headerYears.length > 0 ? Math.max(...headerYears) : undefined;
  const statusLatest = dated.status.size > 0 ? Math.max(...dated.status.keys()) : undefined;
  const defaultYear = monitoringYear ?? latest ?? statusLatest ?? UNKNOWN_YEAR;
  for (const field of ["activities", "status", "explanation", "target", "realised"] as const) {
    const col = yearless[field][0];
    if (col !== undefined && !dated[field].has(defaultYear)) dated[field].set(defaultYear, col);
  }

  const mapped = new Set<number>([...fields.values()]);
  for (const cols of Object.values(yearless)) for (const col of cols) mapped.add(col);
  for (const map of Object.values(dated)) for (const col of map.values()) mapped.add(col);
  const theme = fields.get("theme");
  const left = theme === undefined ? -1 : theme - 1;
  const shiftSource = left >= 0 && isBlank(cellAt(grid, row, left)) && !mapped.has(left) ? left : undefined;
  const subtheme = fields.get("subtheme");
  const number = fields.get("number");
  const timing = fields.get("timing");
  return {
    row,
    firstDataRow: row + (secondRow ? 2 : 1),
    agreement,
    parties,
    ...(theme !== undefined ? { theme } : {}),
    ...(subtheme !== undefined ? { subtheme } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(timing !== undefined ? { timing } : {}),
    ...(shiftSource !== undefined ? { shiftSource } : {}),
    activities: sortByYear(dated.activities),
    status: sortByYear(dated.status),
    explanation: sortByYear(dated.explanation),
    target: sortByYear(dated.target),
    realised: sortByYear(dated.realised),
  };
}

function isYearField(field: AgreementField): field is YearField {
  return field === "activities" || field === "status" || field === "explanation" || field === "target" || field === "realised";
}

function sortByYear(map: ReadonlyMap<number, number>): ReadonlyMap<number, number> {
  return new Map([...map.entries()].sort((a, b) => a[0] - b[0]));
}

/** Every grid column a header maps (including a shifted header's unlabelled theme column). */
function listMappedColumns(layout: HeaderLayout): number[] {
  const cols = [layout.agreement, layout.parties];
  for (const col of [layout.theme, layout.subtheme, layout.number, layout.timing]) if (col !== undefined) cols.push(col);
  if (layout.shiftSource !== undefined) cols.push(layout.shiftSource);
  for (const map of [layout.activities, layout.status, layout.explanation, layout.target, layout.realised]) cols.push(...map.values());
  return cols;
}

/** A cell read for an agreement: trimmed text ("" for blanks and Excel errors) and its address. */
interface ReadCell {
  readonly text: string;
  readonly cell: string;
}

/** Reads cells, reporting Excel errors and pasted markup once per cell. */
class CellReader {
  readonly findings: FindingData[] = [];
  /** Cells already reported, keyed by grid offsets (row * COLUMN_KEY_SPAN + col); only cells with a finding are kept. */
  private readonly reported = new Set<number>();
  private readonly origin: { readonly row: number; readonly col: number };
  /** Column letters per grid column, computed once: every row reads the same few columns. */
  private readonly letters: string[] = [];

  constructor(private readonly grid: SheetGrid) {
    this.origin = readOrigin(grid);
  }

  /** The column letters of a grid column. */
  lettersOf(col: number): string {
    let letters = this.letters[col];
    if (letters === undefined) {
      letters = toColumnLetters(this.origin.col + col);
      this.letters[col] = letters;
    }
    return letters;
  }

  private addressOf(row: number, col: number): string {
    return `${this.lettersOf(col)}${this.origin.row + row + 1}`;
  }

  read(row: number, col: number): ReadCell {
    return { text: this.readText(row, col), cell: this.addressOf(row, col) };
  }

  /**
   * The cell's trimmed text ("" for blanks and Excel errors), reporting errors and markup at its
   * address. Returns a string rather than a ReadCell: every data row reads about seven cells, and
   * the address is built only for a finding.
   */
  readText(row: number, col: number): string {
    const value = cellAt(this.grid, row, col);
    if (value === null || value === undefined) return "";
    if (typeof value === "number") {
      // A number in a date format (a "1-2" Excel turned into a date) reads as the date the user sees.
      return (formatDateSerial(value, formatAt(this.grid, row, col)) ?? textOf(value)).trim();
    }
    if (typeof value !== "string") return textOf(value).trim();
    // Through a CellValue: the type guard would narrow `value` itself to never below.
    const cellValue: CellValue = value;
    if (isExcelError(cellValue)) {
      if (this.isFirstReport(row, col)) {
        this.findings.push({
          code: "cell-error",
          severity: "error",
          sheet: this.grid.sheet,
          cell: this.addressOf(row, col),
          row: this.origin.row + row + 1,
          params: { value: value.trim().toUpperCase() },
        });
      }
      // An error value is treated as a blank cell by every other rule.
      return "";
    }
    // Most cells need no trimming: trim() is a call per cell where these tests are inlined.
    const text = startsVisibly(value) && endsVisibly(value) ? value : value.trim();
    if (text.includes("<")) {
      const tags = findMarkupTags(text);
      if (tags.length > 0 && this.isFirstReport(row, col)) {
        this.findings.push({
          code: "markup-in-cell",
          severity: "warning",
          sheet: this.grid.sheet,
          cell: this.addressOf(row, col),
          row: this.origin.row + row + 1,
          params: { tags: tags.map((t) => `<${t}>`).join(", ") },
        });
      }
    }
    return text;
  }

  /** A cell can be read twice (a shifted row's subtheme); its finding is reported once. */
  private isFirstReport(row: number, col: number): boolean {
    const key = row * COLUMN_KEY_SPAN + col;
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }
}

/** No activities: one array shared by every row without an activities text. */
const NO_ACTIVITIES: readonly YearText[] = Object.freeze([]);

/** Excel's column limit (16,384) rounded up: grid offsets as one number for the read-cells set. */
const COLUMN_KEY_SPAN = 20_000;

/** Builder for AgreementRow values without undefined optional properties. */
interface RowParts {
  row: number;
  theme?: ReadCell;
  subtheme?: ReadCell;
  agreement?: ReadCell;
  parties?: ReadCell;
  activities: Map<number, ReadCell>;
  statuses: Map<number, ReadCell>;
  explanations: Map<number, ReadCell>;
}

/** An agreement laid out one field per line (see readStacked), from the cells it was read from. */
function buildAgreementRow(sheet: string, parts: RowParts, model: Model): AgreementRow {
  const activities: YearText[] = [];
  const statuses: YearStatus[] = [];
  const explanations: YearText[] = [];
  let activitiesCell: string | undefined;
  let statusCell: string | undefined;
  let explanationCell: string | undefined;
  for (const [year, part] of parts.activities) {
    activitiesCell ??= part.cell;
    if (part.text !== "") activities.push({ year, text: part.text, cell: part.cell });
  }
  for (const [year, part] of parts.statuses) {
    statusCell ??= part.cell;
    statuses.push(createYearStatus(year, part.text, part.cell, model.statuses));
  }
  for (const [year, part] of parts.explanations) {
    explanationCell ??= part.cell;
    explanations.push({ year, text: part.text, cell: part.cell });
  }
  const cells = createRowCells(
    parts.theme?.cell,
    parts.subtheme?.cell,
    parts.agreement?.cell,
    parts.parties?.cell,
    activitiesCell,
    statusCell,
    explanationCell,
  );
  return createAgreementRow(
    sheet,
    parts.row,
    parts.theme?.text ?? "",
    parts.subtheme?.text ?? "",
    parts.agreement?.text ?? "",
    parts.parties?.text ?? "",
    activities,
    statuses,
    explanations,
    cells,
    model,
  );
}

/** Match keys of the model's theme names and aliases. */
function buildThemeKeys(model: Model): Set<string> {
  const keys = new Set<string>();
  for (const theme of model.themes) {
    keys.add(toMatchKey(theme.name));
    for (const alias of theme.aliases) keys.add(toMatchKey(alias));
  }
  return keys;
}

/** Longest cell text in a table header row after a caption; agreement rows usually hold longer texts. */
const MAX_TABLE_HEADER_CELL = 60;

/** A row number or list label in a margin column: "1", "1.", "2)", "(a)", "b.". */
const ROW_LABEL_PATTERN = /^\s*\(?(?:\d+|[a-z])[.)]?\s*$/i;

/** A heading's number: "2.", "2.1", "3)" followed by its name (group 1: the number). */
const HEADING_NUMBER_PATTERN = /^(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;

/** Longest text read as a theme or subtheme heading row. */
const MAX_HEADING_LENGTH = 120;

/** An agreement's own number: 1, 1.2, 2.3a, 4b. */
const AGREEMENT_NUMBER_PATTERN = /^\d+(?:[.,]\d+)*[a-z]?\.?$/i;

/** Minimum number of one-cell rows that make an agreement laid out one field per line. */
const MIN_STACKED_FIELDS = 3;

/** Reads the rows one header governs (grid rows `from`..`to`, inclusive). */
class SheetRegionReader {
  /** Rows read with the shifted layout vs. by position (to describe the header's columns). */
  shiftedRows = 0;
  plainRows = 0;
  private expectTableHeader = false;
  /** The theme (and subtheme) set by the latest heading row above. */
  private heading: { readonly theme?: ReadCell; readonly subtheme?: ReadCell } = {};
  /** The header's leftmost mapped column: heading rows start there or left of it. */
  private readonly firstColumn: number;
  private readonly yearColumns: YearColumns;
  /** The grid's origin, parsed once: every row needs it. */
  private readonly origin: { readonly row: number; readonly col: number };
  /** Column letters of the header's per-year columns, in YearColumns order. */
  private readonly activityLetters: readonly string[];
  private readonly statusLetters: readonly string[];
  private readonly explanationLetters: readonly string[];

  constructor(
    private readonly grid: SheetGrid,
    private readonly layout: HeaderLayout,
    private readonly model: Model,
    private readonly themeKeys: ReadonlySet<string>,
    private readonly tableAreas: readonly TableArea[],
    private readonly cells: CellReader,
    private readonly rows: AgreementRow[],
    /** The grid before merged areas were filled: tells a heading merged across the row. */
    private readonly rawGrid: SheetGrid,
  ) {
    this.firstColumn = Math.min(...listMappedColumns(layout));
    this.yearColumns = listYearColumns(layout);
    this.activityLetters = this.yearColumns.activityCols.map((col) => cells.lettersOf(col));
    this.statusLetters = this.yearColumns.statusCols.map((col) => cells.lettersOf(col));
    this.explanationLetters = this.yearColumns.explanationCols.map((col) => cells.lettersOf(col));
    this.origin = readOrigin(grid);
  }

  readRows(from: number, to: number): void {
    // Indexed by grid column: one lookup per filled cell instead of a search per row.
    const mapped: boolean[] = [];
    for (const col of listMappedColumns(this.layout)) mapped[col] = true;
    const scan: RowScan = { count: 0, first: 0, touchesMapped: false };
    let row = from;
    while (row <= to) {
      this.scanRow(row, mapped, scan);
      if (scan.count === 0 || !scan.touchesMapped) {
        // A heading may stand left of every mapped column.
        if (scan.count > 0 && scan.first < this.firstColumn && !this.isTableRow(row, scan.first)) this.readHeading(row, scan);
        row += 1;
        continue;
      }
      if (this.isTableRow(row, scan.first)) {
        row += 1;
        continue;
      }
      if (this.readHeading(row, scan)) {
        row += 1;
        continue;
      }
      // Only a row with one filled cell can start an agreement laid out one field per line.
      const stackedEnd = scan.count === 1 ? this.readStacked(row, to, scan.first) : undefined;
      if (stackedEnd !== undefined) {
        row = stackedEnd + 1;
        continue;
      }
      this.readPlainRow(row);
      row += 1;
    }
  }

  /** Counts the row's filled cells into `scan` without allocating: every row of a sheet is scanned. */
  private scanRow(row: number, mapped: readonly boolean[], scan: RowScan): void {
    const values = this.grid.values[row] ?? [];
    scan.count = 0;
    scan.first = 0;
    scan.touchesMapped = false;
    for (let col = 0; col < values.length; col++) {
      // The same cells as listFilledColumns.
      if (!(col in values)) continue;
      const value = values[col];
      if (value === null || value === undefined) continue;
      if (typeof value === "string" && isBlank(value)) continue;
      if (scan.count === 0) scan.first = col;
      scan.count += 1;
      if (mapped[col] === true) scan.touchesMapped = true;
    }
  }

  private listFilledColumns(row: number): number[] {
    const values = this.grid.values[row] ?? [];
    const cols: number[] = [];
    for (let col = 0; col < values.length; col++) {
      // `in`: a sparse row's holes are skipped, as forEach skipped them before.
      if (!(col in values)) continue;
      const value = values[col];
      // Only strings need trimming to tell blank; most filled cells are non-blank text.
      if (value === null || value === undefined) continue;
      if (typeof value !== "string" || !isBlank(value)) cols.push(col);
    }
    return cols;
  }

  /**
   * A theme or subtheme heading row: text only in its first cell, at or left of the header's
   * first column, numbered ("2. Duurzaamheid", "2.1 Nieuwbouw") or under a header without a theme
   * column. It sets the theme (subtheme when numbered two deep) of the rows below; it is no agreement.
   */
  private readHeading(row: number, scan: RowScan): boolean {
    const col = scan.first;
    if (scan.count > 1 && !this.isOneMergedValue(row, col)) return false;
    if (col > this.firstColumn) return false;
    const value = cellAt(this.grid, row, col);
    if (typeof value !== "string") return false;
    const text = value.trim();
    if (text.length > MAX_HEADING_LENGTH || isCaptionText(text) || isHtmlTableText(text)) return false;
    const numbered = HEADING_NUMBER_PATTERN.exec(text);
    if (!numbered && this.layout.theme !== undefined) return false;
    const name = numbered ? text.slice(numbered[0].length).trim() : text;
    if (!/\p{L}/u.test(name)) return false;
    const cell = this.cells.read(row, col);
    const depth = numbered ? (numbered[1] ?? "").split(".").filter((part) => part !== "").length : 1;
    if (depth >= 2 && this.heading.theme !== undefined) {
      this.heading = { theme: this.heading.theme, subtheme: { text: name, cell: cell.cell } };
    } else {
      this.heading = { theme: { text: name, cell: cell.cell } };
    }
    return true;
  }

  /** True when the row's filled cells are one merged cell's value spread over its area. */
  private isOneMergedValue(row: number, col: number): boolean {
    if (this.rawGrid === this.grid) return false;
    const raw = this.rawGrid.values[row] ?? [];
    let filled = 0;
    for (let c = 0; c < raw.length; c++) if (!isBlank(raw[c])) filled += 1;
    return filled === 1 && !isBlank(raw[col]);
  }

  private isKnownTheme(text: string): boolean {
    return this.themeKeys.has(toMatchKey(text));
  }

  private isTableRow(row: number, firstCol: number): boolean {
    const { origin } = this;
    const first = textOf(cellAt(this.grid, row, firstCol));
    if (isInTableArea(this.tableAreas, origin.row + row, origin.col + firstCol)) return true;
    if (isCaptionText(first)) {
      this.expectTableHeader = true;
      return true;
    }
    const knownTheme = this.isKnownTheme(first);
    if (this.expectTableHeader) {
      this.expectTableHeader = false;
      if (!knownTheme && this.isTableHeaderLike(row)) return true;
    }
    if (isHtmlTableText(first) && firstCol <= (this.layout.theme ?? this.layout.agreement)) return true;
    return !knownTheme && isNumericRow(this.grid, row);
  }

  /**
   * The row after a caption is the table's header ("Derden · Eigen personeel · Saldo") unless it
   * reads like an agreement: long texts, or known parties in the parties column.
   */
  private isTableHeaderLike(row: number): boolean {
    const texts = this.listFilledColumns(row).map((col) => textOf(cellAt(this.grid, row, col)));
    if (texts.some((text) => text.length > MAX_TABLE_HEADER_CELL)) return false;
    const parties = textOf(cellAt(this.grid, row, this.layout.parties));
    return parties === "" || !isPartiesLike(parties, this.model.parties);
  }

  /**
   * An agreement laid out one field per line (the seed's section after Tabel 1): a known theme
   * alone in the theme column, then at least two more one-cell rows in that column, at most one
   * blank row apart. Fields: theme, subtheme, agreement, parties, activities; the parties field
   * is recognised by its names (the first parties-like field from the third on), so a record
   * without an agreement text ("De woningvoorraad / Ontwikkelingen kernvoorraad / Lefier") still
   * reads right. Returns the last grid row used, or undefined when the row is not such a record.
   */
  private readStacked(row: number, to: number, col: number): number | undefined {
    if (this.layout.theme === undefined) return undefined;
    const themeColumn = this.layout.shiftSource ?? this.layout.theme;
    if (col > this.layout.theme || col < themeColumn) return undefined;
    const firstText = textOf(cellAt(this.grid, row, col));
    if (!this.isKnownTheme(firstText)) return undefined;
    const fieldRows = [row];
    let blanks = 0;
    for (let next = row + 1; next <= to; next++) {
      const cols = this.listFilledColumns(next);
      if (cols.length === 0) {
        blanks += 1;
        if (blanks > 1) break;
        continue;
      }
      if (cols.length !== 1 || cols[0] !== col) break;
      const text = textOf(cellAt(this.grid, next, col));
      const { origin } = this;
      if (
        isCaptionText(text) ||
        isHtmlTableText(text) ||
        this.isKnownTheme(text) ||
        matchHeaderCell(text)?.field === "theme" ||
        isInTableArea(this.tableAreas, origin.row + next, origin.col + col)
      ) {
        break;
      }
      fieldRows.push(next);
      blanks = 0;
    }
    if (fieldRows.length < MIN_STACKED_FIELDS) return undefined;

    const fields = fieldRows.map((r) => this.cells.read(r, col));
    const namedParties = fields.findIndex((field, index) => index >= 2 && isPartiesLike(field.text, this.model.parties));
    const partiesIndex = namedParties >= 0 ? namedParties : fields.length >= 4 ? 3 : undefined;
    const agreementFields = fields.slice(2, partiesIndex ?? 3);
    const activityFields = partiesIndex === undefined ? [] : fields.slice(partiesIndex + 1);
    const activitiesYear = [...this.layout.activities.keys()][0];
    const parts: RowParts = {
      row: sheetRowOf(this.grid, row),
      activities: new Map(),
      statuses: new Map(),
      explanations: new Map(),
    };
    if (fields[0]) parts.theme = fields[0];
    if (fields[1]) parts.subtheme = fields[1];
    const firstAgreement = agreementFields[0];
    if (firstAgreement) parts.agreement = { text: joinTexts(agreementFields), cell: firstAgreement.cell };
    const partiesField = partiesIndex === undefined ? undefined : fields[partiesIndex];
    if (partiesField) parts.parties = partiesField;
    const firstActivity = activityFields[0];
    if (firstActivity && activitiesYear !== undefined) {
      parts.activities.set(activitiesYear, { text: joinTexts(activityFields), cell: firstActivity.cell });
    }
    this.rows.push(buildAgreementRow(this.grid.sheet, parts, this.model));
    return fieldRows[fieldRows.length - 1];
  }

  /**
   * One agreement per row. Under a shifted header a row whose unlabelled first column holds
   * text is read shifted (theme there, subtheme under "Onderwerp", or under "nr" when that is
   * blank); a row that leaves it empty is read by position.
   */
  private readPlainRow(row: number): void {
    const { layout, cells } = this;
    const source = layout.shiftSource;
    const sourceValue = source === undefined ? null : cellAt(this.grid, row, source);
    // Row numbers or labels such as "1." or "(a)" in a margin column are not shifted themes.
    const shifted =
      source !== undefined && typeof sourceValue === "string" && !isBlank(sourceValue) && !ROW_LABEL_PATTERN.test(sourceValue);
    let themeCol: number | undefined;
    let subthemeCol: number | undefined;
    let themeText = "";
    let subthemeText = "";
    if (shifted && source !== undefined && layout.theme !== undefined) {
      this.shiftedRows += 1;
      themeText = cells.readText(row, source);
      themeCol = source;
      const underTheme = cells.readText(row, layout.theme);
      if (underTheme === "" && layout.subtheme !== undefined) {
        subthemeText = cells.readText(row, layout.subtheme);
        subthemeCol = layout.subtheme;
      } else {
        subthemeText = underTheme;
        subthemeCol = layout.theme;
      }
    } else {
      this.plainRows += 1;
      themeCol = layout.theme;
      if (themeCol !== undefined) themeText = cells.readText(row, themeCol);
      if (layout.subtheme !== undefined) subthemeText = cells.readText(row, layout.subtheme);
      subthemeCol = layout.subtheme;
    }
    // Under "Nr." a number (1, 1.2, 3a) is the agreement's own number, never a subtheme.
    let numberText = layout.number === undefined ? "" : cells.readText(row, layout.number);
    if (subthemeCol === layout.subtheme && AGREEMENT_NUMBER_PATTERN.test(subthemeText)) {
      if (numberText === "") numberText = subthemeText;
      subthemeText = "";
      subthemeCol = undefined;
    }
    const label = String(this.origin.row + row + 1);
    // Blank theme or subtheme cells take the heading row's above them.
    let themeCell = themeCol === undefined ? undefined : cells.lettersOf(themeCol) + label;
    let subthemeCell = subthemeCol === undefined ? undefined : cells.lettersOf(subthemeCol) + label;
    const { heading } = this;
    if (themeText === "" && heading.theme !== undefined) {
      themeText = heading.theme.text;
      themeCell = heading.theme.cell;
      if (subthemeText === "" && heading.subtheme !== undefined) {
        subthemeText = heading.subtheme.text;
        subthemeCell = heading.subtheme.cell;
      }
    }
    const agreement = cells.readText(row, layout.agreement);
    const partiesText = cells.readText(row, layout.parties);
    const columns = this.yearColumns;
    // Sized once and cut to the filled cells: push() onto [] reserved 17 slots for one entry.
    const activities = new Array<YearText>(columns.activityCols.length);
    let activityCount = 0;
    const firstActivityLetters = this.activityLetters[0];
    const activitiesCell = firstActivityLetters === undefined ? undefined : firstActivityLetters + label;
    for (let i = 0; i < columns.activityCols.length; i++) {
      const text = cells.readText(row, columns.activityCols[i] as number);
      if (text === "") continue;
      const cell = i === 0 ? (activitiesCell as string) : (this.activityLetters[i] as string) + label;
      activities[activityCount++] = { year: columns.activityYears[i] as number, text, cell };
    }
    activities.length = activityCount;
    // Most rows have no activities text: one shared empty array spares an array object per row.
    const rowActivities = activityCount === 0 ? NO_ACTIVITIES : activities;
    const statuses = new Array<YearStatus>(columns.statusCols.length);
    for (let i = 0; i < statuses.length; i++) {
      const raw = cells.readText(row, columns.statusCols[i] as number);
      statuses[i] = createYearStatus(columns.statusYears[i] as number, raw, (this.statusLetters[i] as string) + label, this.model.statuses);
    }
    const explanations = new Array<YearText>(columns.explanationCols.length);
    for (let i = 0; i < explanations.length; i++) {
      const text = cells.readText(row, columns.explanationCols[i] as number);
      explanations[i] = { year: columns.explanationYears[i] as number, text, cell: (this.explanationLetters[i] as string) + label };
    }
    const figures = this.readFigures(row, label);
    // The first status and Toelichting entries hold the same addresses as `cells`: one string each.
    const rowCells = createRowCells(
      themeCell,
      subthemeCell,
      cells.lettersOf(layout.agreement) + label,
      cells.lettersOf(layout.parties) + label,
      activitiesCell,
      statuses[0]?.cell,
      explanations[0]?.cell,
    );
    this.rows.push(
      createAgreementRow(
        this.grid.sheet,
        this.origin.row + row + 1,
        themeText,
        subthemeText,
        agreement,
        partiesText,
        rowActivities,
        statuses,
        explanations,
        rowCells,
        this.model,
        figures,
        // The agreement's own number (1, 1.2, 3a): what compare matches agreements by across versions.
        AGREEMENT_NUMBER_PATTERN.test(numberText) ? numberText.replace(/\.$/, "") : undefined,
      ),
    );
  }

  /** The row's Doel and Realisatie numbers; cells without a number (blank, "n.v.t.", words) are left out. */
  private readFigures(row: number, label: string): RowFigures | undefined {
    const { targetYears, targetCols, realisedYears, realisedCols } = this.yearColumns;
    if (targetCols.length === 0 && realisedCols.length === 0) return undefined;
    return {
      targets: this.readFigureColumns(row, label, targetYears, targetCols),
      realisations: this.readFigureColumns(row, label, realisedYears, realisedCols),
    };
  }

  private readFigureColumns(row: number, label: string, years: readonly number[], cols: readonly number[]): YearFigure[] {
    const figures: YearFigure[] = [];
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] as number;
      const value = cellAt(this.grid, row, col);
      if (value === null || isBlank(value)) continue;
      // Read through the CellReader first: an Excel error or pasted markup is reported as in any other cell.
      const text = typeof value === "string" ? this.cells.readText(row, col) : "";
      const parsed = parseCellNumber(typeof value === "string" ? text : value, formatAt(this.grid, row, col));
      if (parsed.kind !== "number") continue;
      figures.push({ year: years[i] as number, value: parsed.value, percent: parsed.percent, cell: this.cells.lettersOf(col) + label });
    }
    return figures;
  }
}

/** A row's filled cells as counted by SheetRegionReader.scanRow (one object, reused row after row). */
interface RowScan {
  count: number;
  /** Grid column of the first filled cell. */
  first: number;
  /** Whether a filled cell lies in a column the header maps. */
  touchesMapped: boolean;
}

/** A header's per-year columns as parallel arrays, ascending by year: iterated for every row. */
interface YearColumns {
  readonly activityYears: readonly number[];
  readonly activityCols: readonly number[];
  readonly statusYears: readonly number[];
  readonly statusCols: readonly number[];
  readonly explanationYears: readonly number[];
  readonly explanationCols: readonly number[];
  readonly targetYears: readonly number[];
  readonly targetCols: readonly number[];
  readonly realisedYears: readonly number[];
  readonly realisedCols: readonly number[];
}

function listYearColumns(layout: HeaderLayout): YearColumns {
  return {
    activityYears: [...layout.activities.keys()],
    activityCols: [...layout.activities.values()],
    statusYears: [...layout.status.keys()],
    statusCols: [...layout.status.values()],
    explanationYears: [...layout.explanation.keys()],
    explanationCols: [...layout.explanation.values()],
    targetYears: [...layout.target.keys()],
    targetCols: [...layout.target.values()],
    realisedYears: [...layout.realised.keys()],
    realisedCols: [...layout.realised.values()],
  };
}

function joinTexts(cells: readonly ReadCell[]): string {
  return cells
    .map((c) => c.text)
    .filter((t) => t !== "")
    .join("\n");
}

function toLetters(grid: SheetGrid, col: number | undefined): string | undefined {
  return col === undefined ? undefined : toColumnLetters(readOrigin(grid).col + col);
}

function mapLettersByYear(grid: SheetGrid, map: ReadonlyMap<number, number>): Record<number, string> {
  const result: Record<number, string> = {};
  for (const [year, col] of map) result[year] = toColumnLetters(readOrigin(grid).col + col);
  return result;
}

function describeColumns(
  grid: SheetGrid,
  layout: HeaderLayout,
  lastGridRow: number,
  readShifted: boolean,
): AgreementColumns {
  const theme = readShifted ? toLetters(grid, layout.shiftSource) : toLetters(grid, layout.theme);
  const subtheme = readShifted ? toLetters(grid, layout.theme) : toLetters(grid, layout.subtheme);
  const headerRow = sheetRowOf(grid, layout.row);
  const agreement = toLetters(grid, layout.agreement);
  const parties = toLetters(grid, layout.parties);
  return {
    sheet: grid.sheet,
    headerRow,
    firstRow: headerRow + 1,
    lastRow: Math.max(headerRow + 1, sheetRowOf(grid, lastGridRow)),
    ...(theme !== undefined ? { theme } : {}),
    ...(subtheme !== undefined ? { subtheme } : {}),
    ...(agreement !== undefined ? { agreement } : {}),
    ...(parties !== undefined ? { parties } : {}),
    activities: mapLettersByYear(grid, layout.activities),
    status: mapLettersByYear(grid, layout.status),
    explanation: mapLettersByYear(grid, layout.explanation),
  };
}

/**
 * Finds agreements sheets by their header row and reads every agreement row (DESIGN.md "The
 * workbook the tool reads"): rows before the first header are preamble; every later header
 * (page-break copy, possibly shifted) is reported as `repeated-header` and governs the rows
 * below it; rows of numeric tables are skipped (see detect-table-rows.ts).
 */
export function readAgreements(
  sheets: readonly SheetGrid[],
  model: Model,
  tables: readonly NumericTable[],
  options: AgreementsReadOptions = {},
): AgreementsReading {
  const monitoringYear = model.settings.monitoringYear ?? options.year;
  const themeKeys = buildThemeKeys(model);
  const sheetNames: string[] = [];
  const columns: AgreementColumns[] = [];
  const agreements: AgreementRow[] = [];
  const findings: FindingData[] = [];
  const statusYears = new Set<number>();

  for (const rawGrid of sheets) {
    const grid = fillMergedAreas(rawGrid);
    const layouts: HeaderLayout[] = [];
    grid.values.forEach((_, row) => {
      const layout = readHeaderLayout(grid, row, monitoringYear, model.statuses);
      if (layout) layouts.push(layout);
    });
    if (layouts.length === 0) continue;
    sheetNames.push(grid.sheet);
    const cells = new CellReader(grid);
    const tableAreas = readTableAreas(tables, grid.sheet);
    layouts.forEach((layout, index) => {
      const next = layouts[index + 1];
      const lastRow = next === undefined ? grid.values.length - 1 : next.row - 1;
      if (index > 0) {
        const firstCol = (grid.values[layout.row] ?? []).findIndex((v) => !isBlank(v));
        findings.push({
          code: "repeated-header",
          severity: "info",
          sheet: grid.sheet,
          cell: addressOf(grid, layout.row, Math.max(firstCol, 0)),
          row: sheetRowOf(grid, layout.row),
        });
      }
      // Only the tables that reach into this header's rows: every row is tested against them.
      const origin = readOrigin(grid);
      const regionAreas = tableAreas.filter(
        (a) => a.bottom >= origin.row + layout.row + 1 && a.top <= origin.row + lastRow,
      );
      const region = new SheetRegionReader(grid, layout, model, themeKeys, regionAreas, cells, agreements, rawGrid);
      region.readRows(layout.firstDataRow, lastRow);
      columns.push(describeColumns(grid, layout, lastRow, region.shiftedRows > 0 && region.shiftedRows >= region.plainRows));
      for (const year of layout.status.keys()) if (year !== UNKNOWN_YEAR) statusYears.add(year);
    });
    for (const finding of cells.findings) findings.push(finding);
  }
  return {
    sheets: sheetNames,
    columns,
    agreements,
    statusYears: [...statusYears].sort((a, b) => a - b),
    findings,
  };
}
