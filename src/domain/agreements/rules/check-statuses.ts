import { findByYear, findExplanation, findExplanationCell, UNKNOWN_YEAR, type AgreementRow } from "../agreement";
import { isBlankAfterMarkup, stripMarkup } from "../../core/normalise-text";
import { normaliseStatus } from "../normalise-status";
import { addRowFinding, showYear, type RowCheck } from "./row-rule";

/**
 * invalid-status (with the allowed statuses and a near one), missing-explanation (a status that
 * needs one, e.g. rood, without a Toelichting that year), missing-status (blank in the monitoring
 * year, when the row's header has a status column for it).
 */
export function checkStatuses(row: AgreementRow, check: RowCheck): void {
  const { index, year, statusYears } = check;
  for (const entry of row.statuses) {
    const columnYear = entry.year;
    const shownYear = showYear(columnYear, check);
    const raw = stripMarkup(entry.raw);
    if (raw !== "" && entry.status === undefined) {
      const near = index.suggestStatusName(raw);
      const suggestion = near === undefined ? undefined : normaliseStatus(near, index.model.statuses);
      addRowFinding(check, row, "invalid-status", "error", entry.cell, { value: raw, year: shownYear, allowed: index.allowedStatuses }, suggestion);
    }
    const def = entry.status === undefined ? undefined : index.findStatus(entry.status);
    if (def?.needsExplanation && isBlankAfterMarkup(findExplanation(row, columnYear) ?? "")) {
      addRowFinding(check, row, "missing-explanation", "warning", findExplanationCell(row, columnYear) ?? entry.cell, {
        status: def.name,
        year: shownYear,
      });
    }
  }
  if (year === undefined) return;
  // Only when the monitoring year has a status column on this row's header.
  const inYear = statusYears.includes(year) ? findByYear(row.statuses, year) : undefined;
  const entry = inYear ?? findByYear(row.statuses, UNKNOWN_YEAR);
  if (entry !== undefined && stripMarkup(entry.raw) === "") {
    addRowFinding(check, row, "missing-status", "warning", entry.cell, { year });
  }
}
