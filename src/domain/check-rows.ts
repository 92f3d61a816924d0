import type { AgreementRow } from "./agreement";
import type { FindingData } from "./finding";
import type { Model } from "./model";

/** STUB (issue #2): the row rules (themes, parties, statuses, duplicates). */
export function checkAgreementRows(
  _rows: readonly AgreementRow[],
  _model: Model,
  _year: number | undefined,
  _statusYears: readonly number[],
): FindingData[] {
  return [];
}
