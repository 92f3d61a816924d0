import { findByYear, type AgreementRow } from "../agreement";
import { stripMarkup, toMatchKey } from "../../core/normalise-text";
import { addRowFinding, showYear, type RowCheck } from "./row-rule";

/**
 * Texts that fill a Toelichting cell without explaining anything, as match keys (case, spaces and
 * punctuation folded away): a rood or oranje with "n.v.t." or "idem" reaches the bestuurlijk
 * overleg as unexplained as an empty cell, but missing-explanation cannot see it.
 */
const PLACEHOLDER_KEYS: ReadonlySet<string> = new Set([
  "",
  "nvt",
  "nb",
  "nnb",
  "ntb",
  "tbd",
  "pm",
  "x",
  "xx",
  "xxx",
  "idem",
  "zieboven",
  "ziehierboven",
  "zievorigjaar",
  "zieeerder",
  "volgt",
  "volgtnog",
  "geen",
  "geentoelichting",
  "todo",
  "?",
  "??",
  "\u2026",
]);

/** placeholder-explanation: a status that needs a toelichting has only a placeholder as one. */
export function checkPlaceholderExplanation(row: AgreementRow, check: RowCheck): void {
  for (const entry of row.statuses) {
    const def = entry.status === undefined ? undefined : check.index.findStatus(entry.status);
    if (!def?.needsExplanation) continue;
    const explanation = findByYear(row.explanations, entry.year);
    if (explanation === undefined) continue;
    const text = stripMarkup(explanation.text).trim();
    // A blank one is missing-explanation's.
    if (text === "" || !PLACEHOLDER_KEYS.has(toMatchKey(text))) continue;
    addRowFinding(check, row, "placeholder-explanation", "warning", explanation.cell, {
      status: def.name,
      year: showYear(entry.year, check),
      value: text,
    });
  }
}
