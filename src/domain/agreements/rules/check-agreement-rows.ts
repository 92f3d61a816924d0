import type { AgreementColumns, AgreementRow } from "../agreement";
import type { FindingData } from "../../findings/finding";
import type { ModelIndex } from "../../model/model-index";
import { checkAgreementText } from "./check-agreement-text";
import { checkDuplicates } from "./check-duplicates";
import { checkParties } from "./check-parties";
import { checkStatusColumn } from "./check-status-column";
import { checkStatuses } from "./check-statuses";
import { checkThemes } from "./check-themes";
import type { RowCheck, RowRule, RowsRule } from "./row-rule";

/** The rules run on each row, in this order (DESIGN.md "Rules"). */
const ROW_RULES: readonly RowRule[] = [checkThemes, checkAgreementText, checkParties, checkStatuses];

/** The rules run on all rows together, after the row rules. */
const ROWS_RULES: readonly RowsRule[] = [checkStatusColumn, checkDuplicates];

/**
 * The agreement row rules: themes and subthemes, agreement text, parties, statuses and
 * explanations per year, the monitoring year's missing statuses and status columns, copy-paste
 * duplicates.
 * `year` is the monitoring year in force (undefined: no status is required).
 */
export function checkAgreementRows(
  rows: readonly AgreementRow[],
  index: ModelIndex,
  year: number | undefined,
  statusYears: readonly number[],
  columns: readonly AgreementColumns[] = [],
): FindingData[] {
  const check: RowCheck = { index, year, statusYears, columns, findings: [] };
  for (const row of rows) for (const rule of ROW_RULES) rule(row, check);
  for (const rule of ROWS_RULES) rule(rows, check);
  return check.findings;
}
