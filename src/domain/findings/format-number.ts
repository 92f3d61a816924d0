import type { Lang } from "./finding";

const NUMBER_FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  nl: new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 9 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 9 }),
};

/**
 * A number as the reader writes it: 3810 -> "3.810", 29.2 -> "29,2" in nl ("3,810", "29.2" in
 * en); no float noise (99.90000000000001). `grouping: false` for numbers that name rather than
 * count (a year, a row number): 2022, not 2.022.
 */
export function formatNumber(value: number, lang: Lang, options: { readonly grouping?: boolean } = {}): string {
  const rounded = Math.round(value * 1e9) / 1e9;
  if (options.grouping === false) {
    const text = String(rounded);
    return lang === "nl" ? text.replace(".", ",") : text;
  }
  return NUMBER_FORMATS[lang].format(rounded);
}

/** True for a placeholder whose number names a year or a row: written without thousands separators. */
export function isIdentifyingNumber(key: string): boolean {
  return /^(?:year|row)$|(?:Year|Row)$/.test(key);
}
