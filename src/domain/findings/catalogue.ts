import type { Lang } from "./finding";
import { EN } from "./locales/en";
import { NL } from "./locales/nl";
import { formatNumber, isIdentifyingNumber } from "./format-number";
import type { Catalogue } from "./locales/catalogue-shape";

export type { Catalogue };

/**
 * The one catalogue of every word a user reads (finding messages, rule titles, severities, summary
 * and report labels, pane and command-line texts), one file per language under locales/.
 */

export type CatalogueSection = keyof Catalogue;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { nl: NL, en: EN };

/** Values for a text's `{key}` placeholders. */
export type TextValues = Readonly<Record<string, string | number>>;

/**
 * The text of `key` in `section`, in the given language, with its `{key}` placeholders filled in
 * from `values` (numbers the reader's way: "3.810" in nl, a year or row number without grouping);
 * a placeholder without a value stays visible.
 */
export function translate<S extends CatalogueSection>(section: S, key: keyof Catalogue[S], lang: Lang, values: TextValues = {}): string {
  return fillPlaceholders(CATALOGUES[lang][section][key] as string, (name) => {
    const value = values[name];
    if (value === undefined) return undefined;
    return typeof value === "string" ? value : formatNumber(value, lang, { grouping: !isIdentifyingNumber(name) });
  });
}

/** Compiled once: every finding's message is filled in (replace() resets a global pattern's lastIndex). */
const PLACEHOLDER_PATTERN = /\{(\w+)\}/g;

/** Fills `{name}` placeholders with what `valueOf` gives; a placeholder it has no value for stays as it is. */
export function fillPlaceholders(text: string, valueOf: (name: string) => string | undefined): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => valueOf(name) ?? whole);
}

/**
 * Dutch for Dutch Office (nl-NL, nl-BE, ...), English for every other display language. Unknown
 * (outside Office) keeps the product's default, Dutch.
 */
export function chooseLanguage(displayLanguage: string | undefined): Lang {
  if (displayLanguage === undefined || displayLanguage.trim() === "") return "nl";
  return /^nl(-|_|$)/i.test(displayLanguage.trim()) ? "nl" : "en";
}
