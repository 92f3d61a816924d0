import { UNKNOWN_YEAR, type AgreementColumns, type AgreementRow } from "../agreement";
import type { FindingCode, FindingData, FindingParamsByCode, Severity } from "../../findings/finding";
import type { ModelIndex } from "../../model/model-index";

/** What every row rule of one check reads besides the row. */
export interface RowCheck {
  readonly index: ModelIndex;
  /** The monitoring year in force (undefined: no status is required). */
  readonly year: number | undefined;
  /** Years that have a status column in any agreements sheet, ascending. */
  readonly statusYears: readonly number[];
  /** How each agreements sheet's header maps its columns (a header row per entry). */
  readonly columns: readonly AgreementColumns[];
  /** Where the rules put their findings. */
  readonly findings: FindingData[];
}

/** A rule that looks at one agreement row at a time. */
export type RowRule = (row: AgreementRow, check: RowCheck) => void;

/** A rule that looks at all agreement rows together (e.g. copies of one another). */
export type RowsRule = (rows: readonly AgreementRow[], check: RowCheck) => void;

/**
 * Adds a finding about the row. Without the field's own cell (an agreement laid out one field
 * per line may lack one) it points at the theme cell, else (a sheet without a theme column) at
 * the agreement cell.
 */
export function addRowFinding<C extends FindingCode>(
  check: RowCheck,
  row: AgreementRow,
  code: C,
  severity: Severity,
  cell: string | undefined,
  params?: FindingParamsByCode[C],
  suggestion?: string,
): void {
  const at = cell ?? row.cells.theme ?? row.cells.agreement;
  // The key order (code, severity, suggestion, sheet, row, cell, params) is the one exports have always shown.
  const data = { code, severity } as { -readonly [K in keyof FindingData]: FindingData[K] } & { params?: FindingParamsByCode[C] };
  if (suggestion !== undefined) data.suggestion = suggestion;
  data.sheet = row.sheet;
  data.row = row.row;
  if (at !== undefined) data.cell = at;
  if (params !== undefined) data.params = params;
  // The generic signature pairs the code with its params; the object built field by field loses that pairing.
  check.findings.push(data as FindingData);
}

/** Shown as the year of a status whose column named no year and no monitoring year is known. */
const NO_YEAR_LABEL = "\u2013";

/** A column's year as a finding names it: a yearless column's is the monitoring year, else a dash. */
export function showYear(columnYear: number, check: RowCheck): number | string {
  return columnYear === UNKNOWN_YEAR ? (check.year ?? NO_YEAR_LABEL) : columnYear;
}
