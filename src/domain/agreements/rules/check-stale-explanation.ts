import { findByYear, UNKNOWN_YEAR, type AgreementRow, type YearText } from "../agreement";
import { toWords } from "../../core/normalise-text";
import { addRowFinding, type RowCheck } from "./row-rule";

/**
 * stale-explanation (DESIGN.md "Rules"): the monitoring year's Toelichting for a status that needs
 * one (rood, oranje) is the previous year's Toelichting of the same row, after normalising spaces,
 * case, punctuation and pasted markup: copied forward without a new update. "Previous" is the
 * latest earlier year whose Toelichting column holds text, so a sheet that skips a year still counts.
 */
export function checkStaleExplanation(row: AgreementRow, check: RowCheck): void {
  const { year, index } = check;
  if (year === undefined || row.explanations.length < 2) return;
  const status = findByYear(row.statuses, year) ?? findByYear(row.statuses, UNKNOWN_YEAR);
  const def = status?.status === undefined ? undefined : index.findStatus(status.status);
  if (def === undefined || !def.needsExplanation) return;
  const current = findByYear(row.explanations, year) ?? findByYear(row.explanations, UNKNOWN_YEAR);
  if (current === undefined) return;
  const key = toWords(current.text).join(" ");
  if (key === "") return;
  const previous = findPreviousExplanation(row.explanations, year, current);
  if (previous === undefined || toWords(previous.text).join(" ") !== key) return;
  addRowFinding(check, row, "stale-explanation", "warning", current.cell, { status: def.name, year, previousYear: previous.year });
}

/** The latest Toelichting with text of a year before `year` (a dated column, not the current cell). */
function findPreviousExplanation(explanations: readonly YearText[], year: number, current: YearText): YearText | undefined {
  let previous: YearText | undefined;
  for (const entry of explanations) {
    if (entry === current || entry.year === UNKNOWN_YEAR || entry.year >= year || entry.text === "") continue;
    if (previous === undefined || entry.year > previous.year) previous = entry;
  }
  return previous;
}
