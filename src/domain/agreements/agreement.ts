/**
 * One agreement row as read from an agreements sheet. Values are the cell texts, trimmed;
 * `parties` and statuses are normalised against the model where they could be.
 */

import { SheetAgreementRow } from "./sheet-agreement-row";

/** The fields an agreements sheet can map a column to. */
export type AgreementField = "theme" | "subtheme" | "agreement" | "parties" | "activities" | "status" | "explanation";

export interface YearStatus {
  /** The column's year; UNKNOWN_YEAR (0) for a yearless column whose year is not known. */
  readonly year: number;
  /** The cell text as typed, e.g. "Groen " or "amber". */
  readonly raw: string;
  /** Canonical model status ("groen", "oranje", ...) or undefined when not recognised or blank. */
  readonly status?: string;
  /** A1 address of the status cell. */
  readonly cell: string;
}

/** One year's activities or Toelichting text of a row. */
export interface YearText {
  /** The column's year; UNKNOWN_YEAR (0) for a yearless column whose year is not known. */
  readonly year: number;
  /** The cell text, trimmed ("" for a blank Toelichting). */
  readonly text: string;
  /** A1 address of the cell (for an agreement laid out one field per line: its first activities line). */
  readonly cell: string;
}

/**
 * Agreement rows one at a time, in sheet order. A reader's rows are views of its stores, made
 * when asked for: the row rules walk them without keeping 100k row objects alive while they work
 * (see sheet-agreement-row.ts).
 */
export interface AgreementRowSource {
  readonly count: number;
  /** Row `index`, to keep. */
  readRow(index: number): AgreementRow;
  /** Row `index`, to use before the next visit: it may be one object moved from row to row. */
  visitRow(index: number): AgreementRow;
}

/** An array of rows as a source (rows laid out by hand, or read another way). */
export function createRowSource(rows: readonly AgreementRow[]): AgreementRowSource {
  const readRow = (index: number): AgreementRow => rows[index] as AgreementRow;
  return { count: rows.length, readRow, visitRow: readRow };
}

/*
 * The per-year fields are small arrays ascending by year rather than records keyed by year: V8
 * keeps objects with keys like 2021 in dictionary mode, and building four of them per row was the
 * largest allocation of reading a sheet. Use the find* functions below to look a year up.
 */
export interface AgreementRow {
  readonly sheet: string;
  /** One-based sheet row number. */
  readonly row: number;
  /** Absent or undefined when blank (likewise subtheme, agreement and partiesText). */
  readonly theme?: string | undefined;
  readonly subtheme?: string | undefined;
  readonly agreement?: string | undefined;
  /** The parties cell as typed. */
  readonly partiesText?: string | undefined;
  /** Canonical names of the model parties recognised in the parties cell (group words expanded). */
  readonly parties: readonly string[];
  /** Activities per year, ascending by year: only years whose activities cell is not blank. */
  readonly activities: readonly YearText[];
  /** Status per year, ascending by year: every year that has a status column (blank cells too). */
  readonly statuses: readonly YearStatus[];
  /**
   * Toelichting per year, ascending by year: every year that has an explanation column, with text
   * "" for a blank cell (its address is where a missing explanation is reported).
   */
  readonly explanations: readonly YearText[];
  /** A1 address of each mapped field's cell on this row (status/explanation: see the per-year arrays). */
  readonly cells: Readonly<Partial<Record<AgreementField, string>>>;
}

/*
 * Rows read from a sheet (SheetAgreementRow) build their per-year entries when asked for them:
 * the find* functions ask such a row for the one entry they need.
 */

/** The entry of `year` in a row's per-year array (an indexed loop: rules ask for every row). */
export function findByYear<T extends { readonly year: number }>(entries: readonly T[], year: number): T | undefined {
  for (let i = 0; i < entries.length; i++) if ((entries[i] as T).year === year) return entries[i];
  return undefined;
}

/** The row's status cell of `year`, or undefined when its header has no status column for that year. */
export function findStatus(row: AgreementRow, year: number): YearStatus | undefined {
  return row instanceof SheetAgreementRow ? row.findStatus(year) : findByYear(row.statuses, year);
}

/** The A1 address of the row's cell of `field` (see AgreementRow.cells): only that address is built. */
export function findFieldCell(row: AgreementRow, field: AgreementField): string | undefined {
  return row instanceof SheetAgreementRow ? row.findFieldCell(field) : row.cells[field];
}

/** The row's activities text of `year`, or undefined when blank or without a column. */
export function findActivities(row: AgreementRow, year: number): string | undefined {
  return row instanceof SheetAgreementRow ? row.findActivities(year) : findByYear(row.activities, year)?.text;
}

/** The A1 address of the row's Toelichting cell of `year`, or undefined without a column (where a missing explanation is reported). */
export function findExplanationCell(row: AgreementRow, year: number): string | undefined {
  return row instanceof SheetAgreementRow ? row.findExplanationCell(year) : findByYear(row.explanations, year)?.cell;
}

/** The row's Toelichting text of `year`, or undefined when blank or without a column. */
export function findExplanation(row: AgreementRow, year: number): string | undefined {
  const text = row instanceof SheetAgreementRow ? row.findExplanationText(year) : findByYear(row.explanations, year)?.text;
  return text === "" ? undefined : text;
}

/** No status entries: one array for every row read from a sheet (StatusCells reads those through the row). */
const NO_STATUSES: readonly YearStatus[] = Object.freeze([]);

/**
 * A row's status cells read one by one, their entries (with cell addresses) built only when asked
 * for: the status rule reads every status of every row, and building each entry was most of the
 * rules' garbage (13 MB for 100k rows), collected while the rows just read were still young and
 * copied with them. One reader is moved from row to row.
 */
export class StatusCells {
  private sheetRow: SheetAgreementRow | undefined;
  private entries: readonly YearStatus[] = NO_STATUSES;
  /** Status columns of the current row. */
  count = 0;

  moveTo(row: AgreementRow): void {
    if (row instanceof SheetAgreementRow) {
      this.sheetRow = row;
      this.entries = NO_STATUSES;
      this.count = row.statusCount;
    } else {
      this.sheetRow = undefined;
      this.entries = row.statuses;
      this.count = this.entries.length;
    }
  }

  readYear(index: number): number {
    return this.sheetRow?.readStatusYear(index) ?? (this.entries[index] as YearStatus).year;
  }

  /** The cell text as typed ("" when blank). */
  readRaw(index: number): string {
    return this.sheetRow?.readStatusRaw(index) ?? (this.entries[index] as YearStatus).raw;
  }

  /** The canonical model status, or undefined when blank or not recognised. */
  readStatus(index: number): string | undefined {
    const sheetRow = this.sheetRow;
    return sheetRow === undefined ? (this.entries[index] as YearStatus).status : sheetRow.readStatusName(index);
  }

  /** The cell's A1 address (for a finding): the entry itself is not built. */
  readCell(index: number): string {
    return this.sheetRow?.readStatusCell(index) ?? (this.entries[index] as YearStatus).cell;
  }

  /** The index of the status column of `year`, or -1 without one. */
  findIndex(year: number): number {
    for (let i = 0; i < this.count; i++) if (this.readYear(i) === year) return i;
    return -1;
  }
}

/** Whether any activities cell of the row holds text. */
export function hasActivities(row: AgreementRow): boolean {
  return row instanceof SheetAgreementRow ? row.hasActivities() : row.activities.length > 0;
}

/** How one agreements sheet's header maps columns to fields, for the adapters (stoplights, dropdowns). */
export interface AgreementColumns {
  readonly sheet: string;
  /** One-based sheet row of the header. */
  readonly headerRow: number;
  /** One-based sheet rows of the data rows this header governs (first..last). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column letters per field. */
  readonly theme?: string;
  readonly subtheme?: string;
  readonly agreement?: string;
  readonly parties?: string;
  readonly activities: Readonly<Record<number, string>>;
  readonly status: Readonly<Record<number, string>>;
  readonly explanation: Readonly<Record<number, string>>;
}
