import type { AgreementRow } from "../agreements/agreement";
import type { Model, PartyDef, PartyKind, ThemeDef } from "./model";
import { PARTY_GROUP_WORDS } from "./party-group-words";
import { collapseWhitespace, toMatchKey } from "../core/normalise-text";
import { suggestName } from "../core/suggest-name";
import { parseParties, splitPartiesText } from "../agreements/parse-parties";
import { createModelIndex } from "./model-index";

/**
 * The model of a workbook without a Model sheet that does not match the built-in one (DESIGN.md
 * "Model sheet"): themes, subthemes and parties learned from the agreement rows by frequency,
 * statuses from the built-in vocabulary. A rare near-variant of a frequent name (seen once, next
 * to a name seen more often at a small edit distance or with its words swapped) is left out, so
 * that the row rules flag it as unknown with the frequent name as suggestion.
 */

/** Share of a workbook's distinct themes (and parties) a model must know for the workbook to match it. */
const MATCH_SHARE = 0.5;

/** A name as counted over the rows: its most frequent spelling and how often it was seen. */
interface NameCount {
  readonly spellings: Map<string, number>;
  count: number;
  /** Subthemes seen under a theme. */
  readonly children: Map<string, NameCount>;
}

/**
 * True when the rows fit the model: most of their distinct themes and most of their distinct
 * parties are the model's (a near miss counts as the model's: a typo is still its name).
 */
export function matchesModel(rows: readonly AgreementRow[], model: Model): boolean {
  const index = createModelIndex(model);
  const themes = new Set<string>();
  // Distinct texts first: a large sheet repeats a few parties cells on thousands of rows.
  const partiesTexts = new Set<string>();
  for (const row of rows) {
    if (row.theme !== undefined) themes.add(row.theme);
    if (row.partiesText !== undefined) partiesTexts.add(row.partiesText);
  }
  const parts = new Set<string>();
  for (const text of partiesTexts) for (const part of splitPartiesText(text)) if (!isGroupWord(part)) parts.add(part);
  // Exact names first: a near miss (an edit distance to every name) is only looked for when the
  // exact ones do not make the share.
  return (
    hasMostlyKnown([...themes], (theme) => index.findTheme(theme) !== undefined, (theme) => index.themeNames.suggest(theme) !== undefined) &&
    hasMostlyKnown(
      [...parts],
      (part) => parseParties(part, model.parties).parties.length > 0,
      (part) => {
        const reading = parseParties(part, model.parties);
        return reading.joined.length > 0 || reading.unknown.every((u) => u.suggestion !== undefined);
      },
    )
  );
}

function hasMostlyKnown(names: readonly string[], isKnown: (name: string) => boolean, isNearMiss: (name: string) => boolean): boolean {
  const unknown = names.filter((name) => !isKnown(name));
  if (isMostly(names.length - unknown.length, names.length)) return true;
  return isMostly(names.length - unknown.filter((name) => !isNearMiss(name)).length, names.length);
}

function isMostly(known: number, total: number): boolean {
  return total === 0 || known >= total * MATCH_SHARE;
}

/** The model learned from the rows, with statuses (and, for known names, party kinds) from `vocabulary`. */
export function learnModel(rows: readonly AgreementRow[], vocabulary: Model): Model {
  const themes = new Map<string, NameCount>();
  const parties = new Map<string, NameCount>();
  for (const row of rows) {
    if (row.theme !== undefined) {
      const theme = countName(themes, row.theme);
      if (row.subtheme !== undefined) countName(theme.children, row.subtheme);
    }
    if (row.partiesText === undefined) continue;
    for (const part of splitPartiesText(row.partiesText)) if (!isGroupWord(part)) countName(parties, part);
  }
  const learnedThemes: ThemeDef[] = keepFrequentNames(themes).map((theme) => ({
    name: spellingOf(theme),
    subthemes: keepFrequentNames(theme.children).map(spellingOf),
    aliases: [],
  }));
  const learnedParties: PartyDef[] = keepFrequentNames(parties).map((party) => {
    const name = spellingOf(party);
    return { name, kind: guessPartyKind(name, vocabulary), aliases: [] };
  });
  return {
    themes: learnedThemes.length > 0 ? learnedThemes : vocabulary.themes,
    parties: learnedParties.length > 0 ? learnedParties : vocabulary.parties,
    statuses: vocabulary.statuses,
    settings: {},
    crossChecks: [],
    source: { kind: "learned", blocks: [] },
  };
}

function countName(counts: Map<string, NameCount>, text: string): NameCount {
  const name = collapseWhitespace(text);
  const key = toMatchKey(name);
  let entry = counts.get(key);
  if (!entry) {
    entry = { spellings: new Map(), count: 0, children: new Map() };
    counts.set(key, entry);
  }
  entry.count += 1;
  entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
  return entry;
}

/** The most frequent spelling (the first seen among equals). */
function spellingOf(entry: NameCount): string {
  let best = "";
  let most = 0;
  for (const [spelling, count] of entry.spellings) {
    if (count > most) [best, most] = [spelling, count];
  }
  return best;
}

/**
 * The names by descending frequency (first seen first among equals), without the rare
 * near-variants of more frequent names: a name seen once that is within the "did you mean"
 * distance of a name seen at least twice is a misspelling of it.
 */
function keepFrequentNames(counts: ReadonlyMap<string, NameCount>): NameCount[] {
  const entries = [...counts.values()].sort((a, b) => b.count - a.count);
  const frequent = entries.filter((entry) => entry.count >= 2).map(spellingOf);
  return entries.filter((entry) => {
    if (entry.count > 1) return true;
    const name = spellingOf(entry);
    const near = suggestName(name, frequent);
    return near === undefined || toMatchKey(near) === toMatchKey(name);
  });
}

function isGroupWord(part: string): boolean {
  const key = toMatchKey(part.replace(/^(?:de|het)\s+/i, ""));
  return PARTY_GROUP_WORDS.some((group) => group.words.some((word) => toMatchKey(word) === key));
}

/** Words in a party's name that tell its kind, most telling first. */
const KIND_WORDS: readonly { readonly pattern: RegExp; readonly kind: PartyKind }[] = [
  { pattern: /huurder|bewoners/i, kind: "huurdersorganisatie" },
  { pattern: /\bgemeente\b/i, kind: "gemeente" },
  { pattern: /corporatie|woning|wonen|woon|stichting/i, kind: "corporatie" },
];

/** A known party's kind from the vocabulary, else by the words of its name, else partner. */
function guessPartyKind(name: string, vocabulary: Model): PartyKind {
  const known = parseParties(name, vocabulary.parties);
  const first = known.unknown.length === 0 && known.joined.length === 0 ? known.parties[0] : undefined;
  const def = first === undefined ? undefined : vocabulary.parties.find((party) => party.name === first);
  if (def) return def.kind;
  return KIND_WORDS.find((entry) => entry.pattern.test(name))?.kind ?? "partner";
}
