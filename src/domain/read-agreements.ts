import type { AgreementColumns, AgreementField, AgreementRow, YearStatus, YearText } from "./agreement";
import {
  isCaptionText,
  isHtmlTableText,
  isInTableArea,
  isNumericRow,
  readTableAreas,
  type TableArea,
} from "./detect-table-rows";
import type { FindingData } from "./finding";
import {
  addressOf,
  cellAt,
  isBlank,
  isExcelError,
  readOrigin,
  sheetRowOf,
  textOf,
  toColumnLetters,
  type CellValue,
  type SheetGrid,
} from "./grid";
import { matchHeaderCell } from "./match-header";
import type { Model } from "./model";
import { normaliseStatus } from "./normalise-status";
import { findMarkupTags, stripMarkup, toMatchKey } from "./normalise-text";
import { isPartiesLike, parseParties } from "./parse-parties";
import type { NumericTable } from "./table";

export interface AgreementsReading {
  /** Sheets that have at least one agreements header. */
  readonly sheets: readonly string[];
  readonly columns: readonly AgreementColumns[];
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

/**
 * Year under which a yearless Status/Activiteiten/Toelichting column is recorded when neither
 * the model's Monitoringjaar nor a dated column of the same header tells the year. The row
 * rules read it as "the monitoring year"; it is never listed in `statusYears`.
 */
export const UNKNOWN_YEAR = 0;

/** How one header row maps grid columns (zero-based offsets) to fields. */
interface HeaderLayout {
  readonly row: number;
  readonly theme: number;
  readonly subtheme?: number;
  readonly agreement: number;
  readonly parties: number;
  /**
   * A shifted header (the seed's page headers: first cell empty, "Onderwerp" over the subtheme,
   * "nr" empty): the unlabelled column left of the theme column, which then holds the theme.
   */
  readonly shiftSource?: number;
  readonly activities: ReadonlyMap<number, number>;
  readonly status: ReadonlyMap<number, number>;
  readonly explanation: ReadonlyMap<number, number>;
}

/** A header names at least a theme, an agreement and a parties column. */
const REQUIRED_HEADER_FIELDS = 3;

function countHeaderCells(values: readonly CellValue[]): number {
  let count = 0;
  for (const value of values) if (typeof value === "string" && matchHeaderCell(value) !== undefined) count += 1;
  return count;
}

/** Reads a grid row as an agreements header, or undefined when it names no theme, agreement and parties column. */
function readHeaderLayout(grid: SheetGrid, row: number, monitoringYear: number | undefined): HeaderLayout | undefined {
  // Every row is tried as a header: rule out data rows before allocating the column maps.
  if (countHeaderCells(grid.values[row] ?? []) < REQUIRED_HEADER_FIELDS) return undefined;
  const fields = new Map<AgreementField, number>();
  const dated: Record<"activities" | "status" | "explanation", Map<number, number>> = {
    activities: new Map(),
    status: new Map(),
    explanation: new Map(),
  };
  const yearless = new Map<"activities" | "status" | "explanation", number>();
  const width = grid.values[row]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    const value = cellAt(grid, row, col);
    if (typeof value !== "string" || isBlank(value)) continue;
    const match = matchHeaderCell(value);
    if (!match) continue;
    const { field, year } = match;
    if (field === "activities" || field === "status" || field === "explanation") {
      if (year === undefined) {
        if (!yearless.has(field)) yearless.set(field, col);
      } else if (!dated[field].has(year)) {
        dated[field].set(year, col);
      }
    } else if (!fields.has(field)) {
      fields.set(field, col);
    }
  }
  const theme = fields.get("theme");
  const agreement = fields.get("agreement");
  const parties = fields.get("parties");
  if (theme === undefined || agreement === undefined || parties === undefined) return undefined;

  // A yearless column belongs to the monitoring year (Model sheet, else --year); without one, to
  // the latest year this header names for activities or explanations (then statuses), else
  // UNKNOWN_YEAR.
  const headerYears = [...dated.activities.keys(), ...dated.explanation.keys()];
  const latest = headerYears.length > 0 ? Math.max(...headerYears) : undefined;
  const statusLatest = dated.status.size > 0 ? Math.max(...dated.status.keys()) : undefined;
  const defaultYear = monitoringYear ?? latest ?? statusLatest ?? UNKNOWN_YEAR;
  for (const [field, col] of yearless) {
    if (!dated[field].has(defaultYear)) dated[field].set(defaultYear, col);
  }

  const mapped = new Set<number>([...fields.values(), ...yearless.values()]);
  for (const map of Object.values(dated)) for (const col of map.values()) mapped.add(col);
  const left = theme - 1;
  const shiftSource = left >= 0 && isBlank(cellAt(grid, row, left)) && !mapped.has(left) ? left : undefined;
  const subtheme = fields.get("subtheme");
  return {
    row,
    theme,
    agreement,
    parties,
    ...(subtheme !== undefined ? { subtheme } : {}),
    ...(shiftSource !== undefined ? { shiftSource } : {}),
    activities: sortByYear(dated.activities),
    status: sortByYear(dated.status),
    explanation: sortByYear(dated.explanation),
  };
}

function sortByYear(map: ReadonlyMap<number, number>): ReadonlyMap<number, number> {
  return new Map([...map.entries()].sort((a, b) => a[0] - b[0]));
}

/** Every grid column a header maps (including a shifted header's unlabelled theme column). */
function listMappedColumns(layout: HeaderLayout): number[] {
  const cols = [layout.theme, layout.agreement, layout.parties];
  if (layout.subtheme !== undefined) cols.push(layout.subtheme);
  if (layout.shiftSource !== undefined) cols.push(layout.shiftSource);
  for (const map of [layout.activities, layout.status, layout.explanation]) cols.push(...map.values());
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

  private addressOf(row: number, col: number): string {
    let letters = this.letters[col];
    if (letters === undefined) {
      letters = toColumnLetters(this.origin.col + col);
      this.letters[col] = letters;
    }
    return `${letters}${this.origin.row + row + 1}`;
  }

  /** The cell's address from its grid column and the row's one-based number, computed once per row. */
  addressAt(rowLabel: string, col: number): string {
    let letters = this.letters[col];
    if (letters === undefined) {
      letters = toColumnLetters(this.origin.col + col);
      this.letters[col] = letters;
    }
    return letters + rowLabel;
  }

  read(row: number, col: number): ReadCell {
    const cell = this.addressOf(row, col);
    return { text: this.readText(row, col, cell), cell };
  }

  /**
   * The cell's trimmed text ("" for blanks and Excel errors), reporting errors and markup at
   * `cell`. Returns a string rather than a ReadCell: every data row reads about seven cells.
   */
  readText(row: number, col: number, cell: string): string {
    const value = cellAt(this.grid, row, col);
    if (value === null || value === undefined) return "";
    if (typeof value !== "string") return textOf(value).trim();
    // Error values all contain "#": the cheap test spares trimming and upper-casing every text.
    if (value.includes("#") && isExcelError(value)) {
      if (this.isFirstReport(row, col)) {
        this.findings.push({
          code: "cell-error",
          severity: "error",
          sheet: this.grid.sheet,
          cell,
          row: this.origin.row + row + 1,
          params: { value: value.trim().toUpperCase() },
        });
      }
      // An error value is treated as a blank cell by every other rule.
      return "";
    }
    const text = value.trim();
    if (text.includes("<")) {
      const tags = findMarkupTags(text);
      if (tags.length > 0 && this.isFirstReport(row, col)) {
        this.findings.push({
          code: "markup-in-cell",
          severity: "warning",
          sheet: this.grid.sheet,
          cell,
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

/** AgreementRow while it is built: optional fields are set only when present (exactOptionalPropertyTypes). */
type MutableAgreementRow = { -readonly [K in keyof AgreementRow]: AgreementRow[K] };

type RowCells = Partial<Record<AgreementField, string>>;

/*
 * createRowCells and createAgreementRow build one object literal when every optional field is
 * present (nearly every row of a real sheet): properties added one by one go to a separate
 * property store that grows three slots at a time, and rows live as long as the check's result.
 */

function createRowCells(
  theme: string | undefined,
  subtheme: string | undefined,
  agreement: string | undefined,
  parties: string | undefined,
  activities: string | undefined,
  status: string | undefined,
  explanation: string | undefined,
): RowCells {
  if (
    theme !== undefined &&
    subtheme !== undefined &&
    agreement !== undefined &&
    parties !== undefined &&
    activities !== undefined &&
    status !== undefined &&
    explanation !== undefined
  ) {
    return { theme, subtheme, agreement, parties, activities, status, explanation };
  }
  const cells: RowCells = {};
  if (theme !== undefined) cells.theme = theme;
  if (subtheme !== undefined) cells.subtheme = subtheme;
  if (agreement !== undefined) cells.agreement = agreement;
  if (parties !== undefined) cells.parties = parties;
  if (activities !== undefined) cells.activities = activities;
  if (status !== undefined) cells.status = status;
  if (explanation !== undefined) cells.explanation = explanation;
  return cells;
}

/** The row with its optional texts set only when not blank. */
function createAgreementRow(
  sheet: string,
  row: number,
  themeText: string,
  subthemeText: string,
  agreement: string,
  partiesText: string,
  activities: readonly YearText[],
  statuses: readonly YearStatus[],
  explanations: readonly YearText[],
  cells: RowCells,
  model: Model,
): AgreementRow {
  // Theme and subtheme are names: stored without pasted markup. Other texts stay as typed.
  const theme = themeText === "" ? "" : stripMarkup(themeText);
  const subtheme = subthemeText === "" ? "" : stripMarkup(subthemeText);
  const parties = partiesText === "" ? [] : parseParties(partiesText, model.parties).parties;
  if (theme !== "" && subtheme !== "" && agreement !== "" && partiesText !== "") {
    return { sheet, row, theme, subtheme, agreement, partiesText, parties, activities, statuses, explanations, cells };
  }
  const built = { sheet, row } as MutableAgreementRow;
  if (theme !== "") built.theme = theme;
  if (subtheme !== "") built.subtheme = subtheme;
  if (agreement !== "") built.agreement = agreement;
  if (partiesText !== "") built.partiesText = partiesText;
  built.parties = parties;
  built.activities = activities;
  built.statuses = statuses;
  built.explanations = explanations;
  built.cells = cells;
  return built;
}

/** A status cell's entry: the text as typed, and the model status it stands for when there is one. */
function createYearStatus(year: number, raw: string, cell: string, model: Model): YearStatus {
  const status = raw === "" ? undefined : normaliseStatus(raw, model.statuses);
  return status !== undefined ? { year, raw, cell, status } : { year, raw, cell };
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
    statuses.push(createYearStatus(year, part.text, part.cell, model));
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

/** Minimum number of one-cell rows that make an agreement laid out one field per line. */
const MIN_STACKED_FIELDS = 3;

/** Reads the rows one header governs (grid rows `from`..`to`, inclusive). */
class SheetRegionReader {
  readonly agreements: AgreementRow[] = [];
  /** Rows read with the shifted layout vs. by position (to describe the header's columns). */
  shiftedRows = 0;
  plainRows = 0;
  private expectTableHeader = false;
  private readonly yearColumns: YearColumns;
  /** The grid's origin, parsed once: every row needs it. */
  private readonly origin: { readonly row: number; readonly col: number };
  /** Scratch space for one row's activities cells (text, address), reused row after row. */
  private readonly activityTexts: string[] = [];
  private readonly activityCells: string[] = [];

  constructor(
    private readonly grid: SheetGrid,
    private readonly layout: HeaderLayout,
    private readonly model: Model,
    private readonly themeKeys: ReadonlySet<string>,
    private readonly tableAreas: readonly TableArea[],
    private readonly cells: CellReader,
  ) {
    this.yearColumns = listYearColumns(layout);
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
        row += 1;
        continue;
      }
      if (this.isTableRow(row, scan.first)) {
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
    if (isHtmlTableText(first) && firstCol <= this.layout.theme) return true;
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
    this.agreements.push(buildAgreementRow(this.grid.sheet, parts, this.model));
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
    // Written straight into the row's fields (no intermediate maps or cell objects): this runs
    // for every data row and its allocations were most of reading's cost.
    const rowNumber = this.origin.row + row + 1;
    const rowLabel = String(rowNumber);
    let themeCell: string;
    let themeText: string;
    let subthemeCell: string | undefined;
    let subthemeText = "";
    if (shifted && source !== undefined) {
      this.shiftedRows += 1;
      themeCell = cells.addressAt(rowLabel, source);
      themeText = cells.readText(row, source, themeCell);
      const underCell = cells.addressAt(rowLabel, layout.theme);
      const underTheme = cells.readText(row, layout.theme, underCell);
      if (underTheme === "" && layout.subtheme !== undefined) {
        subthemeCell = cells.addressAt(rowLabel, layout.subtheme);
        subthemeText = cells.readText(row, layout.subtheme, subthemeCell);
      } else {
        subthemeCell = underCell;
        subthemeText = underTheme;
      }
    } else {
      this.plainRows += 1;
      themeCell = cells.addressAt(rowLabel, layout.theme);
      themeText = cells.readText(row, layout.theme, themeCell);
      if (layout.subtheme !== undefined) {
        subthemeCell = cells.addressAt(rowLabel, layout.subtheme);
        subthemeText = cells.readText(row, layout.subtheme, subthemeCell);
      }
    }
    const agreementCell = cells.addressAt(rowLabel, layout.agreement);
    const agreement = cells.readText(row, layout.agreement, agreementCell);
    const partiesCell = cells.addressAt(rowLabel, layout.parties);
    const partiesText = cells.readText(row, layout.parties, partiesCell);

    // Per-year arrays are allocated at their final length: a push onto [] reserves 16 slots,
    // and these arrays live as long as the check's result.
    const columns = this.yearColumns;
    const activityTexts = this.activityTexts;
    const activityCells = this.activityCells;
    let filledActivities = 0;
    for (let i = 0; i < columns.activityCols.length; i++) {
      const col = columns.activityCols[i] as number;
      const cell = cells.addressAt(rowLabel, col);
      const text = cells.readText(row, col, cell);
      activityCells[i] = cell;
      activityTexts[i] = text;
      if (text !== "") filledActivities += 1;
    }
    const activities = filledActivities === 0 ? [] : new Array<YearText>(filledActivities);
    for (let i = 0, next = 0; next < filledActivities; i++) {
      const text = activityTexts[i] as string;
      if (text !== "") activities[next++] = { year: columns.activityYears[i] as number, text, cell: activityCells[i] as string };
    }
    const statusCount = columns.statusCols.length;
    const statuses = statusCount === 0 ? [] : new Array<YearStatus>(statusCount);
    for (let i = 0; i < statusCount; i++) {
      const col = columns.statusCols[i] as number;
      const cell = cells.addressAt(rowLabel, col);
      const raw = cells.readText(row, col, cell);
      statuses[i] = createYearStatus(columns.statusYears[i] as number, raw, cell, this.model);
    }
    const explanationCount = columns.explanationCols.length;
    const explanations = explanationCount === 0 ? [] : new Array<YearText>(explanationCount);
    for (let i = 0; i < explanationCount; i++) {
      const col = columns.explanationCols[i] as number;
      const cell = cells.addressAt(rowLabel, col);
      explanations[i] = { year: columns.explanationYears[i] as number, text: cells.readText(row, col, cell), cell };
    }
    const rowCells = createRowCells(
      themeCell,
      subthemeCell,
      agreementCell,
      partiesCell,
      columns.activityCols.length > 0 ? activityCells[0] : undefined,
      statuses[0]?.cell,
      explanations[0]?.cell,
    );
    const built = createAgreementRow(
      this.grid.sheet,
      rowNumber,
      themeText,
      subthemeText,
      agreement,
      partiesText,
      activities,
      statuses,
      explanations,
      rowCells,
      this.model,
    );
    this.agreements.push(built);
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
}

function listYearColumns(layout: HeaderLayout): YearColumns {
  return {
    activityYears: [...layout.activities.keys()],
    activityCols: [...layout.activities.values()],
    statusYears: [...layout.status.keys()],
    statusCols: [...layout.status.values()],
    explanationYears: [...layout.explanation.keys()],
    explanationCols: [...layout.explanation.values()],
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

  for (const grid of sheets) {
    const layouts: HeaderLayout[] = [];
    grid.values.forEach((_, row) => {
      const layout = readHeaderLayout(grid, row, monitoringYear);
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
      const region = new SheetRegionReader(grid, layout, model, themeKeys, regionAreas, cells);
      region.readRows(layout.row + 1, lastRow);
      // One by one: spreading a sheet of 200k rows into push() overflows the call stack.
      for (const agreement of region.agreements) agreements.push(agreement);
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
