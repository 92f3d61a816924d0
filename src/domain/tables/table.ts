/**
 * A numeric table found in a sheet: optional caption `Tabel N: titel`, a header row of years or
 * column labels, label + value rows. Values are parsed Dutch numbers (parse-number.ts).
 */

/**
 * A parsed cell value inside a table. Percentages are in percent units: "29,2%" and 0.292 shown
 * as "0.0%" are both `value: 29.2, percent: true, decimals: 1`.
 */
export type TableValue =
  /** A number; `decimals` is how many decimals were shown (for rounding tolerance). */
  | { readonly kind: "number"; readonly value: number; readonly decimals: number; readonly percent: boolean; readonly fromText: boolean }
  /** A range such as `-20 - -25` or `20 à 25`: [min, max]. */
  | { readonly kind: "interval"; readonly min: number; readonly max: number; readonly decimals: number; readonly percent: boolean }
  /** Blank, `n.b.`, `nvt`, `-`: unknown, never an error. */
  | { readonly kind: "unknown" }
  /** Text that should have been a number. */
  | { readonly kind: "invalid"; readonly text: string }
  /** An Excel error value (`#REF!`). */
  | { readonly kind: "error"; readonly text: string };

export interface TableColumn {
  /** Header text as shown. */
  readonly header: string;
  /** The year when the header is a year (2019…2030 etc.). */
  readonly year?: number;
  /** Column letters on the sheet. */
  readonly column: string;
}

export interface TableRow {
  /** Row label as shown (HTML stripped, trimmed). */
  readonly label: string;
  /** One-based sheet row. */
  readonly row: number;
  /** One value per table column (same order as `columns`). */
  readonly values: readonly TableValue[];
  /** A1 address of each value cell (same order as `columns`). */
  readonly cells: readonly string[];
  /**
   * A section row: a label with every value cell blank ("Financiële continuïteit", "Vorderingen")
   * heading the rows below it inside the table. Never a part of a sum.
   */
  readonly section?: true;
}

export interface NumericTable {
  /** Stable id: "Tabel 1" when captioned (a repeated number gets "Tabel 8 (2)"), else "Sheet!A10". */
  readonly id: string;
  /** The number after "Tabel", e.g. "1"; absent without a caption. */
  readonly number?: string;
  readonly title?: string;
  readonly sheet: string;
  /** A1 range from the caption (or header) to the last row. */
  readonly range: string;
  /** A1 address of the caption cell when there is one. */
  readonly captionCell?: string;
  /** Label of the header row's first cell (e.g. "Woongelegenheden (aantallen)"). */
  readonly headerLabel: string;
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}
