/**
 * One agreement row as read from an agreements sheet. Values are the cell texts, trimmed;
 * `parties` and statuses are normalised against the model where they could be.
 */

/**
 * Year under which a yearless Status/Activiteiten/Toelichting column is recorded when neither
 * the model's Monitoringjaar nor a dated column of the same header tells the year. The row
 * rules read it as "the monitoring year"; it is never listed in `statusYears`.
 */
export const UNKNOWN_YEAR = 0;

/**
 * The fields an agreements sheet can map a column to. `number` (the agreement's own number, 1.2
 * or 3a) and `timing` (Planning, Termijn) are recognised so that they are never read as another
 * field; rows do not carry them.
 */
export type AgreementField = "theme" | "subtheme" | "number" | "agreement" | "parties" | "timing" | "activities" | "status" | "explanation" | "target" | "realised";

export interface YearStatus {
  /** The column's year; UNKNOWN_YEAR (0) for a yearless column whose year is not known. */
  readonly year: number;
  /** The cell text as typed, e.g. "Groen " or "amber". */
  readonly raw: string;
  /** Canonical model status ("groen", "oranje", ...) or undefined when not recognised or blank. */
  readonly status?: string | undefined;
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

/** One year's target (Doel) or realised figure (Realisatie) of a row, read as a number. */
export interface YearFigure {
  readonly year: number;
  /** The number as the reader meant it: percent units for a percentage ("80%" and 0.8 formatted "0%" are 80). */
  readonly value: number;
  /** True for a percentage. */
  readonly percent: boolean;
  /** A1 address of the cell. */
  readonly cell: string;
}

/*
 * A plain object per row. The per-year fields are small arrays ascending by year rather than
 * records keyed by year (V8 keeps objects with keys like 2021 in dictionary mode); use the find*
 * functions below to look a year up.
 */
export interface AgreementRow {
  readonly sheet: string;
  /** One-based sheet row number. */
  readonly row: number;
  /** The agreement's own number from a Nr./Nummer column (1, 1.2, 3a); undefined without one. */
  readonly number?: string | undefined;
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
  /**
   * Targets (Doel/Streefwaarde/Ambitie) per year, ascending: only years whose cell holds a number.
   * Absent on a row whose header has no such column (the shape of rows without figures is unchanged).
   */
  readonly targets?: readonly YearFigure[] | undefined;
  /** Realised figures (Realisatie/Gerealiseerd/Resultaat) per year, likewise. */
  readonly realisations?: readonly YearFigure[] | undefined;
  /** A1 address of each mapped field's cell on this row, undefined without one (status/explanation: see the per-year arrays). */
  readonly cells: { readonly [K in AgreementField]?: string | undefined };
}

/** The entry of `year` in a row's per-year array. */
export function findByYear<T extends { readonly year: number }>(entries: readonly T[], year: number): T | undefined {
  return entries.find((entry) => entry.year === year);
}

/** The row's status cell of `year`, or undefined when its header has no status column for that year. */
export function findStatus(row: AgreementRow, year: number): YearStatus | undefined {
  return findByYear(row.statuses, year);
}

/** The row's activities text of `year`, or undefined when blank or without a column. */
export function findActivities(row: AgreementRow, year: number): string | undefined {
  return findByYear(row.activities, year)?.text;
}

/** The A1 address of the row's Toelichting cell of `year`, or undefined without a column (where a missing explanation is reported). */
export function findExplanationCell(row: AgreementRow, year: number): string | undefined {
  return findByYear(row.explanations, year)?.cell;
}

/** The row's Toelichting text of `year`, or undefined when blank or without a column. */
export function findExplanation(row: AgreementRow, year: number): string | undefined {
  const text = findByYear(row.explanations, year)?.text;
  return text === "" ? undefined : text;
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
