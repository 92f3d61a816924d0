/**
 * One agreement row as read from an agreements sheet. Values are the cell texts, trimmed;
 * `parties` and statuses are normalised against the model where they could be.
 */

/** The fields an agreements sheet can map a column to. */
export type AgreementField = "theme" | "subtheme" | "agreement" | "parties" | "activities" | "status" | "explanation";

export interface YearStatus {
  /** The cell text as typed, e.g. "Groen " or "amber". */
  readonly raw: string;
  /** Canonical model status ("groen", "oranje", ...) or undefined when not recognised or blank. */
  readonly status?: string;
  /** A1 address of the status cell. */
  readonly cell: string;
}

export interface AgreementRow {
  readonly sheet: string;
  /** One-based sheet row number. */
  readonly row: number;
  readonly theme?: string;
  readonly subtheme?: string;
  readonly agreement?: string;
  /** The parties cell as typed. */
  readonly partiesText?: string;
  /** Canonical names of the model parties recognised in the parties cell (group words expanded). */
  readonly parties: readonly string[];
  /** Activities text per year (key: year). */
  readonly activities: Readonly<Record<number, string>>;
  /** Status per year (key: year) for every year that has a status column. */
  readonly statuses: Readonly<Record<number, YearStatus>>;
  /** Toelichting per year (key: year). */
  readonly explanations: Readonly<Record<number, string>>;
  /** A1 address of the Toelichting cell per year, for every year with an explanation column. */
  readonly explanationCells?: Readonly<Record<number, string>>;
  /** A1 address of each mapped field's cell on this row (status/explanation: see per-year records). */
  readonly cells: Readonly<Partial<Record<AgreementField, string>>>;
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
