import type { AgreementColumns, AgreementRow } from "./agreement";
import type { FindingData } from "./finding";
import type { SheetGrid } from "./grid";
import type { Model } from "./model";
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

/** STUB (issue #2): finds agreements sheets by their header and reads every agreement row. */
export function readAgreements(
  _sheets: readonly SheetGrid[],
  _model: Model,
  _tables: readonly NumericTable[],
): AgreementsReading {
  return { sheets: [], columns: [], agreements: [], statusYears: [], findings: [] };
}
