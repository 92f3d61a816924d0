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

/** The longest placeholder key: a text folding to more letters and digits is no placeholder. */
const MAX_PLACEHOLDER_KEY_LENGTH = Math.max(...[...PLACEHOLDER_KEYS].map((key) => key.length));

/** More ASCII letters and digits than any placeholder key holds: each one stays in the text's match key. */
const TOO_MANY_FOR_PLACEHOLDER = new RegExp(`(?:[^a-z0-9]*[a-z0-9]){${MAX_PLACEHOLDER_KEY_LENGTH + 1}}`, "i");

/**
 * True when the text is surely longer than a placeholder once folded, known without folding it:
 * a real Toelichting is long prose, and folding each one (on every row with a rood or oranje)
 * took some 3 % of a check. Text with "<" or "&" is left to toMatchKey: it strips markup again,
 * which may take letters with it ("&amp;lt;b&amp;gt;").
 */
function isSurelyNoPlaceholder(text: string): boolean {
  return !text.includes("<") && !text.includes("&") && TOO_MANY_FOR_PLACEHOLDER.test(text);
}

/** placeholder-explanation: a status that needs a toelichting has only a placeholder as one. */
export function checkPlaceholderExplanation(row: AgreementRow, check: RowCheck): void {
  for (const entry of row.statuses) {
    const def = entry.status === undefined ? undefined : check.index.findStatus(entry.status);
    if (!def?.needsExplanation) continue;
    const explanation = findByYear(row.explanations, entry.year);
    if (explanation === undefined) continue;
    // Before stripping: without markup, stripping keeps every letter and digit.
    if (isSurelyNoPlaceholder(explanation.text)) continue;
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
