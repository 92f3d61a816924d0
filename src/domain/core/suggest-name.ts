import { memoiseText, toMatchKey, toWords } from "./normalise-text";

/**
 * "Did you mean" for names: the nearest known name, or nothing when no candidate is close
 * enough. Closeness is an edit distance on the match keys (case, spaces, hyphens ignored),
 * taken word-order-insensitively as well, so "Beschikbaarheid en betaalbaarheid" finds
 * "Betaalbaarheid en beschikbaarheid" and "Gemeent" finds "Gemeente".
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function measureEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows of typed arrays: this runs for every header-like cell of every sheet.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/**
 * How many edits a name of this length may be off and still be "the same name, mistyped":
 * none for very short names (RES, WMO), then about a quarter of the length. Generous enough for
 * "Woonwagendplaatsen" -> "Woonwagenstandplaatsen" (4 of 22), strict enough never to turn
 * "Sloop" into "Slot".
 */
function countAllowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return Math.floor(length / 4);
}

/** The words of a name, sorted and joined: the key for word-order-insensitive comparison. */
function toSortedWordsKey(text: string): string {
  return [...toWords(text)].sort().join("");
}

/** True when both names have the same match key or the same words in another order. */
export function isSameName(a: string, b: string): boolean {
  const keyA = toMatchKey(a);
  if (keyA === "") return false;
  return keyA === toMatchKey(b) || toSortedWordsKey(a) === toSortedWordsKey(b);
}

/**
 * The candidate nearest to `value`, or undefined when none is within the allowed edits.
 * Ties go to the earlier candidate (model order).
 */
export function suggestName(value: string, candidates: readonly string[]): string | undefined {
  const key = toMatchKey(value);
  if (key === "") return undefined;
  const sortedKey = toSortedWordsKey(value);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const candidateKey = toMatchKey(candidate);
    if (candidateKey === "") continue;
    const distance = Math.min(
      measureEditDistance(key, candidateKey),
      measureEditDistance(sortedKey, toSortedWordsKey(candidate)),
    );
    const allowed = countAllowedEdits(Math.max(key.length, candidateKey.length));
    // A short value against a long name (e.g. "Lefier" against "Leefbaarheid") is never a typo.
    if (distance > allowed || distance >= Math.min(key.length, candidateKey.length)) continue;
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * `suggestName` against one fixed list of candidates, memoised per distinct value: the row rules
 * ask about the same mistyped theme or subtheme on many rows, and each question measures the edit
 * distance to every candidate.
 */
export function createNameSuggester(candidates: readonly string[]): (value: string) => string | undefined {
  return memoiseText((value) => suggestName(value, candidates));
}
