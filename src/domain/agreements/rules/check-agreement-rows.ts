import type { AgreementColumns, AgreementRow } from "../agreement";
import type { FindingData } from "../../findings/finding";
import type { ModelIndex } from "../../model/model-index";
import { checkAgreementText } from "./check-agreement-text";
import { checkDuplicates } from "./check-duplicates";
import { checkParties } from "./check-parties";
import { checkProposedStatus } from "./check-proposed-status";
import { checkPlaceholderExplanation } from "./check-placeholder-explanation";
import { checkStaleExplanation } from "./check-stale-explanation";
import { checkStatusColumn } from "./check-status-column";
import { checkStatuses } from "./check-statuses";
import { checkStatusVsRealisation } from "./check-status-vs-realisation";
import { checkThemes } from "./check-themes";
import type { RowCheck, RowRule, RowsRule } from "./row-rule";

/** The rules run on each row, in this order (DESIGN.md "Rules"). */
const ROW_RULES: readonly RowRule[] = [
  checkThemes,
  checkAgreementText,
  checkParties,
  checkStatuses,
  checkProposedStatus,
  checkStatusVsRealisation,
  checkStaleExplanation,
  checkPlaceholderExplanation,
];

/** The rules run on all rows together, after the row rules. */
const ROWS_RULES: readonly RowsRule[] = [checkStatusColumn, checkDuplicates];

/**
 * The agreement row rules: themes and subthemes, agreement text, parties, statuses and
 * explanations per year, the monitoring year's missing statuses and status columns, statuses
 * against Doel and Realisatie, Toelichtingen copied from last year or only a placeholder,
 * copy-paste duplicates.
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
  // Indexed: this loop runs once per check, so mostly unoptimised, where for-of allocates an
  // iterator result per row and rule.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as AgreementRow;
    for (let i = 0; i < ROW_RULES.length; i++) (ROW_RULES[i] as RowRule)(row, check);
  }
  for (const rule of ROWS_RULES) rule(rows, check);
  return check.findings;
}
