import type { PartyDef } from "../model/model";
import { PARTY_GROUP_WORDS } from "../model/party-group-words";
import { collapseWhitespace, memoiseText, stripMarkup, toMatchKey } from "../core/normalise-text";
import { suggestName } from "../core/suggest-name";

/**
 * Reads a parties cell ("Lefier, Woonservice en Gemeente") into the model's canonical party
 * names, and reports what it could not read: unknown names and known names typed without a
 * separator ("Woonservice Lefier").
 */

export interface UnknownPartyPart {
  /** The part as typed (markup removed). */
  readonly value: string;
  readonly suggestion?: string;
}

export interface JoinedPartyPart {
  /** The part as typed, e.g. "Woonservice Lefier". */
  readonly value: string;
  readonly first: string;
  readonly second: string;
  /** The part with separators, e.g. "Woonservice, Lefier". */
  readonly suggestion: string;
}

export interface PartiesReading {
  /** Canonical names, each once, in order of appearance (group words expanded). */
  readonly parties: readonly string[];
  readonly unknown: readonly UnknownPartyPart[];
  readonly joined: readonly JoinedPartyPart[];
}

/** Separators between parties: , ; / & + and the words "en" / "and". */
const SEPARATOR_PATTERN = /\s*[,;/&+]\s*|\s+(?:en|and)\s+/i;

/** "en" or "and" at either end of a part. */
const EDGE_SEPARATOR_PATTERN = /^(?:en|and)\s+|\s+(?:en|and)$/i;

/** Longest party name, in words, tried when splitting "Samen Sterk Lefier". */
const MAX_NAME_WORDS = 4;

/** The parts of a parties cell, markup removed, blanks dropped. */
export function splitPartiesText(text: string): string[] {
  return stripMarkup(text)
    .split(SEPARATOR_PATTERN)
    // "Lefier, en Woonservice": a separator word left over next to a comma is no part of a name.
    .map((part) => collapseWhitespace(part).replace(EDGE_SEPARATOR_PATTERN, ""))
    .filter((part) => part !== "");
}

const LOOKUPS = new WeakMap<readonly PartyDef[], ReadonlyMap<string, readonly string[]>>();

/** Lookup from a name's match key to its canonical party names (a group word maps to several). */
function buildLookup(parties: readonly PartyDef[]): ReadonlyMap<string, readonly string[]> {
  const cached = LOOKUPS.get(parties);
  if (cached) return cached;
  const lookup = new Map<string, readonly string[]>();
  for (const group of PARTY_GROUP_WORDS) {
    const names = parties.filter((p) => group.kind === "all" || p.kind === group.kind).map((p) => p.name);
    for (const word of group.words) lookup.set(toMatchKey(word), names);
  }
  // Names win over aliases and group words, so they are set last.
  for (const party of parties) {
    for (const alias of party.aliases) lookup.set(toMatchKey(alias), [party.name]);
  }
  for (const party of parties) lookup.set(toMatchKey(party.name), [party.name]);
  LOOKUPS.set(parties, lookup);
  return lookup;
}

/**
 * Canonical parties for one name; also tries without a remark in brackets ("Gemeente (regie)")
 * and without a leading article ("de gemeente").
 */
function lookUpName(text: string, lookup: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  const direct = lookup.get(toMatchKey(text));
  if (direct) return direct;
  const withoutRemark = collapseWhitespace(text.replace(/\([^()]*\)/g, " "));
  if (withoutRemark !== "" && withoutRemark !== text) return lookUpName(withoutRemark, lookup);
  const withoutArticle = /^(?:de|het|alle)\s+(.+)$/i.exec(text.trim());
  return withoutArticle?.[1] !== undefined ? lookup.get(toMatchKey(withoutArticle[1])) : undefined;
}

/**
 * Splits a separator-less part into known names, longest names first, or undefined when the
 * words cannot all be read as names. A single multi-word name ("Woonzorg Nederland") never
 * gets here: it matches as a whole first.
 */
function segmentNames(
  words: readonly string[],
  lookup: ReadonlyMap<string, readonly string[]>,
): { text: string; parties: readonly string[] }[] | undefined {
  if (words.length === 0) return [];
  for (let size = Math.min(MAX_NAME_WORDS, words.length); size >= 1; size--) {
    const text = words.slice(0, size).join(" ");
    const parties = lookup.get(toMatchKey(text));
    if (!parties) continue;
    const rest = segmentNames(words.slice(size), lookup);
    if (rest) return [{ text, parties }, ...rest];
  }
  return undefined;
}

/** Marks a known name taken out of a parties text before it is split: private-use characters around its index. */
const PLACEHOLDER_PATTERN = /^\uE000(\d+)\uE001$/;

const COMPOUNDS = new WeakMap<readonly PartyDef[], readonly { readonly pattern: RegExp; readonly names: readonly string[] }[]>();

/**
 * Known names and group words that hold a separator ("Wonen & Zorg", "gemeente en corporaties"),
 * longest first: they are matched whole before the text is split.
 */
function listCompoundNames(parties: readonly PartyDef[], lookup: ReadonlyMap<string, readonly string[]>): readonly { readonly pattern: RegExp; readonly names: readonly string[] }[] {
  const cached = COMPOUNDS.get(parties);
  if (cached) return cached;
  const texts = [...parties.flatMap((p) => [p.name, ...p.aliases]), ...PARTY_GROUP_WORDS.flatMap((g) => g.words)];
  const compounds = [...new Set(texts)]
    .filter((text) => SEPARATOR_PATTERN.test(text))
    .sort((a, b) => b.length - a.length)
    .map((text) => {
      const words = collapseWhitespace(text).split(" ").map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "iu"), names: lookup.get(toMatchKey(text)) ?? [] };
    });
  COMPOUNDS.set(parties, compounds);
  return compounds;
}

const READINGS = new WeakMap<readonly PartyDef[], (text: string) => PartiesReading>();

/**
 * Reads a parties cell against the model's parties. The reader and the row rules read every
 * parties cell, and a sheet repeats a few combinations: read once per distinct text and model.
 */
export function parseParties(text: string, parties: readonly PartyDef[]): PartiesReading {
  let read = READINGS.get(parties);
  if (!read) {
    read = memoiseText((cell) => readParties(cell, parties));
    READINGS.set(parties, read);
  }
  return read(text);
}

function readParties(text: string, parties: readonly PartyDef[]): PartiesReading {
  const lookup = buildLookup(parties);
  const candidates = parties.flatMap((p) => [p.name, ...p.aliases]);
  const found: string[] = [];
  const unknown: UnknownPartyPart[] = [];
  const joined: JoinedPartyPart[] = [];
  const add = (names: readonly string[]): void => {
    for (const name of names) if (!found.includes(name)) found.push(name);
  };

  // The longest known names first, before splitting: "Wonen & Zorg" is one party.
  let rest = stripMarkup(text);
  const taken: (readonly string[])[] = [];
  for (const compound of listCompoundNames(parties, lookup)) {
    for (let match = compound.pattern.exec(rest); match; match = compound.pattern.exec(rest)) {
      rest = `${rest.slice(0, match.index)}, \uE000${taken.length}\uE001, ${rest.slice(match.index + match[0].length)}`;
      taken.push(compound.names);
    }
  }

  for (const part of splitPartiesText(rest)) {
    const placeholder = PLACEHOLDER_PATTERN.exec(part);
    if (placeholder) {
      add(taken[Number(placeholder[1])] ?? []);
      continue;
    }
    const names = lookUpName(part, lookup);
    if (names) {
      add(names);
      continue;
    }
    const segments = segmentNames(part.split(" "), lookup);
    const first = segments?.[0];
    const second = segments?.[1];
    if (segments && first && second) {
      for (const segment of segments) add(segment.parties);
      joined.push({
        value: part,
        first: first.text,
        second: second.text,
        suggestion: segments.map((s) => s.text).join(", "),
      });
      continue;
    }
    const suggestion = suggestName(part, candidates);
    unknown.push({ value: part, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return { parties: found, unknown, joined };
}

/**
 * True when a text reads as a parties cell: at least one known party and every other part
 * known or a near miss. Used to tell the parties field apart in agreements laid out one field
 * per line.
 */
export function isPartiesLike(text: string, parties: readonly PartyDef[]): boolean {
  const reading = parseParties(text, parties);
  return reading.parties.length > 0 && reading.unknown.every((part) => part.suggestion !== undefined);
}
