import { findByYear, UNKNOWN_YEAR, type AgreementRow } from "../agreement";
import { implyStatus } from "../imply-status";
import { stripMarkup } from "../../core/normalise-text";
import { addRowFinding, type RowCheck } from "./row-rule";

/**
 * proposed-status (info, at the status cell): the monitoring year's status is blank while its Doel
 * and Realisatie are filled in; the finding's suggestion is the status they point at under the
 * model's thresholds, so "apply the suggestion" fills it in. The coordinator still decides:
 * missing-status keeps saying the status is not filled in.
 */
export function checkProposedStatus(row: AgreementRow, check: RowCheck): void {
  const { year } = check;
  if (year === undefined || row.targets === undefined || row.realisations === undefined) return;
  const entry = (check.statusYears.includes(year) ? findByYear(row.statuses, year) : undefined) ?? findByYear(row.statuses, UNKNOWN_YEAR);
  if (entry === undefined || stripMarkup(entry.raw) !== "") return;
  // A yearless status column stands for the monitoring year, and so do its figures.
  const implied = implyStatus(row, year, check.index.model.settings) ?? implyStatus(row, UNKNOWN_YEAR, check.index.model.settings);
  if (implied === undefined) return;
  const proposed = check.index.findStatus(implied.status)?.name;
  if (proposed === undefined) return;
  addRowFinding(
    check,
    row,
    "proposed-status",
    "info",
    entry.cell,
    {
      year,
      target: implied.target.value,
      realised: implied.realised.value,
      unit: implied.target.percent ? "%" : "",
      share: Math.round(implied.share),
      proposed,
    },
    proposed,
  );
}
