import { memoiseText, toMatchKey, toWords } from "./normalise-text";

/**
 * "Did you mean" for names: the nearest known name, or nothing when no candidate is close
 * enough. Closeness is an edit distance on the match keys (case, spaces, hyphens ignored),
 * taken word-order-insensitively as well, so "Beschikbaarheid en betaalbaarheid" finds
 * "Betaalbaarheid en beschikbaarheid" and "Gemeent" finds "Gemeente".
 */

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
 * With a `limit`, only the band of cells within `limit` of the diagonal is computed and any
 * distance above the limit comes back as `limit + 1`: O(length x limit) instead of O(length^2),
 * so a cell of thousands of characters costs no more than microseconds per candidate.
 */
export function measureEditDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const over = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) + 1 : Infinity;
  if (Math.abs(a.length - b.length) >= over) return over;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const band = Number.isFinite(limit) ? Math.floor(limit) : Math.max(a.length, b.length);
  const big = a.length + b.length + 1;
  // Three rolling rows of typed arrays: this runs for every header-like cell of every sheet.
  let before = new Int32Array(b.length + 1).fill(big);
  let previous = new Int32Array(b.length + 1).fill(big);
  let current = new Int32Array(b.length + 1).fill(big);
  for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    // The rows roll: the cells just outside this row's band must read as unreachable to the next rows.
    current[0] = i <= band ? i : big;
    if (from - 1 > 0) current[from - 1] = big;
    if (to + 1 <= b.length) current[to + 1] = big;
    let rowBest = current[0] ?? big;
    const charA = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let best = Math.min((previous[j] ?? big) + 1, (current[j - 1] ?? big) + 1, (previous[j - 1] ?? big) + cost);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        best = Math.min(best, (before[j - 2] ?? big) + 1);
      }
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    // Every later row is at least this row's best: past the limit, no path comes back under it.
    if (rowBest >= over) return over;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? big;
  return distance >= over ? over : distance;
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

/** Longest text taken for a name when suggesting one (model names are a few words). */
const MAX_NAME_LENGTH = 200;

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
  // A name is short: a long text (a whole agreement in a parties cell) is no mistyped name.
  if (value.length > MAX_NAME_LENGTH) return undefined;
  const key = toMatchKey(value);
  if (key === "") return undefined;
  const sortedKey = toSortedWordsKey(value);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const candidateKey = toMatchKey(candidate);
    if (candidateKey === "") continue;
    // A short value against a long name (e.g. "Lefier" against "Leefbaarheid") is never a typo:
    // the distance must stay under the shorter length as well as within the allowed edits.
    const limit = Math.min(countAllowedEdits(Math.max(key.length, candidateKey.length)), Math.min(key.length, candidateKey.length) - 1);
    if (limit < 0) continue;
    const distance = Math.min(measureEditDistance(key, candidateKey, limit), measureEditDistance(sortedKey, toSortedWordsKey(candidate), limit));
    if (distance > limit) continue;
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
