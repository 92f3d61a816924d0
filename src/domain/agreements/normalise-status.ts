import type { StatusDef } from "../model/model";
import { memoiseText, toMatchKey, toWords } from "../core/normalise-text";

/** Match key -> canonical status, per statuses list (a model's list is reused for every cell). */
const LOOKUPS = new WeakMap<readonly StatusDef[], ReadonlyMap<string, string>>();

function buildStatusLookup(statuses: readonly StatusDef[]): ReadonlyMap<string, string> {
  const cached = LOOKUPS.get(statuses);
  if (cached) return cached;
  const lookup = new Map<string, string>();
  // Earlier statuses win when a synonym is listed twice; names win over synonyms.
  for (const status of [...statuses].reverse()) {
    for (const synonym of status.synonyms) lookup.set(toMatchKey(synonym), status.name);
  }
  for (const status of [...statuses].reverse()) lookup.set(toMatchKey(status.name), status.name);
  LOOKUPS.set(statuses, lookup);
  return lookup;
}

/** A status name or synonym as words, with its status: the phrases looked for inside a longer text. */
interface StatusPhrase {
  readonly words: readonly string[];
  readonly status: string;
  readonly needsExplanation: boolean;
}

/** Longest status phrase read inside a text: "ligt op schema" reads "op schema", a Toelichting sentence reads nothing. */
const MAX_PHRASE_WORDS = 6;

const PHRASES = new WeakMap<readonly StatusDef[], (text: string) => string | undefined>();

/**
 * The status of the longest name or synonym found as whole words inside a short phrase: "ligt op
 * schema" -> op schema -> groen; "loopt niet" beats "loopt", "niet gerealiseerd" beats
 * "gerealiseerd". Longest first, so a negated phrase listed as its own synonym wins.
 */
function buildPhraseReader(statuses: readonly StatusDef[]): (text: string) => string | undefined {
  const cached = PHRASES.get(statuses);
  if (cached) return cached;
  const phrases: StatusPhrase[] = [];
  for (const status of statuses) {
    for (const name of [status.name, ...status.synonyms]) {
      const words = toWords(name);
      if (words.length > 0) phrases.push({ words, status: status.name, needsExplanation: status.needsExplanation });
    }
  }
  // Among phrases as long, a status that needs an explanation wins ("loopt vertraging op" is
  // oranje, not groen): a phrase that also warns must not be read as all right. Then model order.
  phrases.sort((a, b) => b.words.length - a.words.length || Number(b.needsExplanation) - Number(a.needsExplanation));
  const read = memoiseText((text: string): string | undefined => {
    const words = toWords(text);
    if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return undefined;
    for (const phrase of phrases) if (containsWords(words, phrase.words)) return phrase.status;
    return undefined;
  });
  PHRASES.set(statuses, read);
  return read;
}

function containsWords(words: readonly string[], part: readonly string[]): boolean {
  for (let start = 0; start + part.length <= words.length; start++) {
    let all = true;
    for (let i = 0; i < part.length && all; i++) all = words[start + i] === part[i];
    if (all) return true;
  }
  return false;
}

/**
 * The canonical status ("groen", "oranje", ...) a status cell stands for, through the model's
 * names and synonyms, ignoring case, spaces, hyphens and dots, or by meaning: a short phrase
 * holding a name or synonym ("ligt op schema", "vraagt aandacht"); undefined when blank or unknown.
 */
export function normaliseStatus(text: string, statuses: readonly StatusDef[]): string | undefined {
  const key = toMatchKey(text);
  if (key === "") return undefined;
  return buildStatusLookup(statuses).get(key) ?? buildPhraseReader(statuses)(text);
}
