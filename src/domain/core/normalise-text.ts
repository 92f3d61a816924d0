import { decodeHTMLStrict } from "entities";

/**
 * Text normalisation for matching names typed by people (themes, parties, statuses, headers)
 * and for recognising HTML pasted into cells from PDFs and web pages.
 */

/**
 * Element names we treat as markup. A closed list, so that text such as "a < b > c" or
 * "<geen>" is never mistaken for HTML.
 */
const HTML_ELEMENTS = new Set([
  "a", "b", "big", "blockquote", "body", "br", "caption", "center", "code", "col", "colgroup", "dd", "div",
  "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "img", "li", "ol",
  "p", "pre", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "u", "ul", "script", "style",
]);

const TAG_PATTERN = /<\/?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g;

/** Unique lower-case names of the HTML elements in a text, in order of appearance. */
export function findMarkupTags(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TAG_PATTERN)) {
    const name = (match[1] ?? "").toLowerCase();
    if (HTML_ELEMENTS.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/*
 * Regular expressions of functions that run for every cell or row live here, compiled once: a
 * literal inside a function is a new RegExp object each time it is evaluated.
 */
const OTHER_WHITESPACE_PATTERN = /[^\S ]/;
const WHITESPACE_RUN_PATTERN = /[\s\u00A0]+/g;
const COMBINING_MARK_PATTERN = /[\u0300-\u036f]/g;
const MARKUP_START_PATTERN = /[<&]/;
const ASCII_PATTERN = /^[\x00-\x7F]*$/;
const KEY_SEPARATOR_PATTERN = /[\s\u00A0\-\u2010-\u2015_.]+/g;

/**
 * Most entries of the text cache; beyond it the cache starts over. A 100k-row sheet repeats a
 * few hundred distinct names, so a bounded cache keeps them all while unique agreement texts
 * cannot make it grow without end.
 */
const MAX_CACHED_TEXTS = 50_000;

/**
 * Longer texts are agreement prose, nearly all distinct: caching them only costs memory and
 * garbage collection, and their fast paths below are cheap already.
 */
const MAX_CACHED_LENGTH = 64;

/** What memoiseText stores for an undefined result. */
const NO_VALUE: unique symbol = Symbol("no value");

/**
 * A pure text function with a bounded cache per distinct input. The engine normalises the same
 * theme, party and status names on every row (and again in the rules); the regexes behind them
 * dominated a 10k-row check before.
 */
export function memoiseText<T>(compute: (text: string) => T, maxCachedLength = MAX_CACHED_LENGTH): (text: string) => T {
  // An undefined result is stored as NO_VALUE, so that one lookup answers: most cells asked
  // whether they are a header or a year are neither.
  const cache = new Map<string, T | typeof NO_VALUE>();
  return (text: string): T => {
    if (text.length > maxCachedLength) return compute(text);
    const cached = cache.get(text);
    if (cached !== undefined) return (cached === NO_VALUE ? undefined : cached) as T;
    const value = compute(text);
    if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
    cache.set(text, value === undefined ? NO_VALUE : value);
    return value;
  };
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export const collapseWhitespace: (text: string) => string = memoiseText(collapseWhitespaceUncached);

function collapseWhitespaceUncached(text: string): string {
  // Most cells are already collapsed: testing is cheaper than replacing.
  return isUncollapsed(text) ? text.replace(WHITESPACE_RUN_PATTERN, " ").trim() : text;
}

/**
 * True when collapsing would change the text: a space at either end, two spaces in a row, or any
 * whitespace other than a plain space. Every long agreement text is asked this: the engine's own
 * string searches, one per case, took about half the time of a character loop in JavaScript or of
 * one pattern trying its four alternatives at each position.
 */
function isUncollapsed(text: string): boolean {
  return text.startsWith(" ") || text.endsWith(" ") || text.includes("  ") || OTHER_WHITESPACE_PATTERN.test(text);
}

/** The text without HTML tags and with common entities decoded, whitespace collapsed. */
export const stripMarkup: (text: string) => string = memoiseText(stripMarkupUncached);

function stripMarkupUncached(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return collapseWhitespace(text);
  const withoutTags = text.replace(TAG_PATTERN, (whole, name: string) =>
    HTML_ELEMENTS.has(name.toLowerCase()) ? " " : whole,
  );
  // Every named and numeric entity of HTML (&eacute;, &minus;, &#x2212;, &hellip;…): pasted web and
  // PDF text carries far more than the handful of common ones. Strict: only with the closing ";",
  // so that "R&D" or "Bouw&copy-afdeling" in a name stays as typed.
  const decoded = withoutTags.includes("&") ? decodeHTMLStrict(withoutTags) : withoutTags;
  return collapseWhitespace(decoded);
}

/**
 * True when `stripMarkup(text)` is empty, without collapsing the whitespace of a long text that
 * has no markup: the rules ask this of every agreement and explanation.
 */
export function isBlankAfterMarkup(text: string): boolean {
  // Without "<" or "&" stripping only collapses whitespace: empty exactly when trim() is.
  if (!text.includes("<") && !text.includes("&")) return text.trim() === "";
  return stripMarkup(text) === "";
}

/** Lower case without diacritics ("geïmplementeerd" -> "geimplementeerd"). */
function foldCase(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARK_PATTERN, "").toLowerCase();
}

/**
 * The key two names are compared by: no markup, case, diacritics, whitespace, hyphens, dots or
 * underscores. "Niet-DAEB", "niet daeb" and "Niet DAEB." share a key; so do "RegioDeal" and
 * "Regio Deal".
 */
export const toMatchKey: (text: string) => string = memoiseText(toMatchKeyUncached);

function toMatchKeyUncached(text: string): string {
  // Fast path for the common case (plain ASCII without markup): names are keyed for every cell.
  const plain = MARKUP_START_PATTERN.test(text) ? stripMarkup(text) : text;
  const folded = ASCII_PATTERN.test(plain) ? plain.toLowerCase() : foldCase(plain);
  return folded.replace(KEY_SEPARATOR_PATTERN, "");
}

/** The words of a text, folded (letters and digits only), for word-order-insensitive matching. */
export const toWords: (text: string) => readonly string[] = memoiseText(toWordsUncached);

function toWordsUncached(text: string): string[] {
  return foldCase(stripMarkup(text))
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}
