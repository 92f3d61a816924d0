import type { Finding, FindingCode } from "./finding";

/**
 * "Toepassen": the text a cell gets when a finding's suggestion is applied. The suggestion names
 * what the finding's `value` param should have been ("Gemeent" -> "Gemeente", "Woonservice Lefier"
 * -> "Woonservice, Lefier"), and `value` is the part of the cell it is about: only that part is
 * replaced, so "Gemeent en Lefier" becomes "Gemeente en Lefier".
 */

/** Codes whose suggestion replaces their `value` param in the cell. */
export const SUGGESTION_CODES: readonly FindingCode[] = ["unknown-theme", "unknown-subtheme", "unknown-party", "party-separator", "invalid-status"];

/** True when the finding has a suggestion that can be applied to its cell. */
export function canApplySuggestion(finding: Pick<Finding, "code" | "suggestion" | "cell" | "params">): boolean {
  return (
    finding.suggestion !== undefined &&
    finding.suggestion.trim() !== "" &&
    finding.cell !== undefined &&
    SUGGESTION_CODES.includes(finding.code) &&
    typeof finding.params?.["value"] === "string"
  );
}

/**
 * The cell's text with the suggestion applied; undefined when the cell no longer holds the value
 * the finding was about (edited since the check) or the finding has nothing to apply.
 */
export function applySuggestionToText(finding: Pick<Finding, "code" | "suggestion" | "cell" | "params">, text: string): string | undefined {
  if (!canApplySuggestion(finding)) return undefined;
  const value = String(finding.params?.["value"]).trim();
  const suggestion = (finding.suggestion ?? "").trim();
  if (value === "") return undefined;
  if (text.trim() === value || text.trim().toLowerCase() === value.toLowerCase()) return suggestion;
  const at = findWhole(text, value) ?? findWhole(text.toLowerCase(), value.toLowerCase());
  if (at === undefined) return undefined;
  return `${text.slice(0, at)}${suggestion}${text.slice(at + value.length)}`;
}

/** First occurrence of `part` in `text` not inside a longer word. */
function findWhole(text: string, part: string): number | undefined {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = at === 0 ? "" : (text[at - 1] ?? "");
    const after = text[at + part.length] ?? "";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return undefined;
}
