import { isBlank, isExcelError, type CellValue } from "./grid";
import { memoiseText, stripMarkup } from "./normalise-text";
import type { TableValue } from "../tables/table";

/**
 * Dutch number parsing for table cells.
 *
 * Conventions (and how ambiguity is resolved):
 * - Percentages are kept in percent units: "29,2%" and 0.292 formatted "0.0%" both give 29.2
 *   with `percent: true` and 1 decimal.
 * - Comma is the Dutch decimal separator, dot the thousands separator: "4.324" = 4324,
 *   "1.234,5" = 1234.5, "1,0%" = 1.0 %, "1,234" = 1.234.
 * - A dot followed by exactly three digits (in every group) is a thousands separator, so "2.768" is
 *   2768, never 2.768. A single dot followed by another number of digits ("1.5", "0.25") can only be
 *   a decimal point (typed in English notation) and is read as one.
 * - When both separators occur, the last one is the decimal separator ("1,234.5" = 1234.5).
 * - "€", "EUR" and a trailing ",-" (no cents) are ignored; HTML tags and entities are stripped.
 * - A number in brackets is negative, as accountants write it: "(1.234)" = -1234.
 * - Two numbers joined by "-", "–", "à", "a", "tot", "tot en met" or "t/m" are an interval:
 *   "-20 - -25" = [-25, -20]. A trailing "%" applies to both ends.
 * - Blank, "n.b.", "nb", "nvt", "n.v.t.", "-", "—", "–", "?" are unknown, never an error.
 * - Every minus a PDF or word processor writes is a minus: the minus sign U+2212, the
 *   non-breaking hyphen U+2011, hyphen U+2010, figure dash U+2012, en dash U+2013, the small and
 *   full-width hyphen-minus (U+FE63, U+FF0D). Every space a typesetter puts between digit groups
 *   (no-break U+00A0, figure U+2007, thin U+2009, narrow no-break U+202F, hair U+200A) is a space.
 */

/** Table labels and values are stripped of pasted markup the same way as agreement cells. */
export { stripMarkup };

/*
 * The patterns of functions that run for every table cell, compiled once: a literal inside a
 * function is a new RegExp object each time it is evaluated.
 */
/** Minus signs other than "-" and spaces other than " " inside numbers (see the conventions above). */
const MINUS_VARIANTS_PATTERN = /[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D]/g;
const SPACE_VARIANTS_PATTERN = /[\u00A0\u2007\u2009\u200A\u202F]/g;
const TYPOGRAPHIC_PATTERN = /[\u00A0\u2007\u2009\u200A\u202F\u2010-\u2013\u2212\uFE63\uFF0D]/;

/**
 * The number text with every typographic minus as "-" and every typographic space as " ".
 * Runs for every text cell of a table: the test spares most texts the two replacements.
 */
export function normaliseNumberText(text: string): string {
  if (!TYPOGRAPHIC_PATTERN.test(text)) return text;
  return text.replace(MINUS_VARIANTS_PATTERN, "-").replace(SPACE_VARIANTS_PATTERN, " ");
}

const UNKNOWN_PUNCTUATION_PATTERN = /[.\s/]/g;
const CURRENCY_PATTERN = /\s*€\s*|\s*\beur\b\s*/gi;
const NO_CENTS_PATTERN = /,-$/;
const SIGN_PATTERN = /^([-+])\s*/;
const BRACKETED_PATTERN = /^\(\s*(\d[\d., ]*)\s*\)$/;
const SPACE_GROUPED_PATTERN = /^\d{1,3}(?: \d{3})+(?:,\d+)?$/;
const GROUP_SPACE_PATTERN = / /g;
const DIGITS_AND_SEPARATORS_PATTERN = /^\d[\d.,]*$/;
const DIGITS_PATTERN = /^\d+$/;
const OPTIONAL_DIGITS_PATTERN = /^\d*$/;
const FIRST_GROUP_PATTERN = /^\d{1,3}$/;
const GROUP_PATTERN = /^\d{3}$/;
const PERCENT_SUFFIX_PATTERN = /^(.*?)\s*(%?)$/;

const UNKNOWN_WORDS = new Set(["", "nb", "nvt", "na", "-", "--", "—", "–", "?", "onbekend", "x"]);

/** True for the words that mean "no value known": n.b., nvt, -, —, blank. */
export function isUnknownText(text: string): boolean {
  const key = stripMarkup(text).toLowerCase().replace(UNKNOWN_PUNCTUATION_PATTERN, "");
  return UNKNOWN_WORDS.has(key);
}

interface ParsedNumber {
  readonly value: number;
  readonly decimals: number;
}

const NUMBER_BODY = String.raw`[-+]?\s*(?:€|eur)?\s*[-+]?\d[\d., ]*(?:,-)?`;
const SEPARATOR = String.raw`(?:-|–|—|à|a|tot en met|tot|t/m)`;
const INTERVAL_PATTERN = new RegExp(String.raw`^(${NUMBER_BODY})\s*(%?)\s*${SEPARATOR}\s*(${NUMBER_BODY})\s*(%?)$`, "i");

/** Parses one Dutch number without percent sign or interval ("4.324", "-1.234,5", "€ 1.000,-"). */
export function parseDutchNumber(text: string): ParsedNumber | undefined {
  let s = normaliseNumberText(text).trim().replace(CURRENCY_PATTERN, "").replace(NO_CENTS_PATTERN, "");
  let sign = 1;
  // Accountants' negative: "(1.234)" is -1234.
  const bracketed = BRACKETED_PATTERN.exec(s);
  if (bracketed?.[1] !== undefined) {
    s = bracketed[1].trim();
    sign = -1;
  }
  const signMatch = bracketed ? null : SIGN_PATTERN.exec(s);
  if (signMatch) {
    if (signMatch[1] !== "+") sign = -1;
    s = s.slice(signMatch[0].length);
  }
  // Thousands grouped with (narrow) spaces: "1 234 567".
  if (SPACE_GROUPED_PATTERN.test(s)) s = s.replace(GROUP_SPACE_PATTERN, "");
  if (!DIGITS_AND_SEPARATORS_PATTERN.test(s)) return undefined;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let integerPart: string;
  let fraction = "";
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? "." : ",";
    const thousandsSep = decimalSep === "." ? "," : ".";
    const [intRaw, frac, extra] = s.split(decimalSep);
    if (extra !== undefined || intRaw === undefined || frac === undefined) return undefined;
    if (!isGrouped(intRaw, thousandsSep)) return undefined;
    integerPart = intRaw.split(thousandsSep).join("");
    fraction = frac;
  } else if (lastComma >= 0) {
    const parts = s.split(",");
    if (parts.length !== 2) return undefined;
    integerPart = parts[0] ?? "";
    fraction = parts[1] ?? "";
  } else if (lastDot >= 0) {
    const parts = s.split(".");
    if (isGrouped(s, ".")) {
      integerPart = parts.join("");
    } else if (parts.length === 2) {
      integerPart = parts[0] ?? "";
      fraction = parts[1] ?? "";
    } else {
      return undefined;
    }
  } else {
    integerPart = s;
  }
  if (!DIGITS_PATTERN.test(integerPart) || !OPTIONAL_DIGITS_PATTERN.test(fraction)) return undefined;
  const value = sign * Number(`${integerPart}.${fraction || "0"}`);
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, decimals: fraction.length };
}

/** "1.234.567" with separator ".": first group 1–3 digits, the others exactly 3. */
function isGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  if (groups.length < 2) return DIGITS_PATTERN.test(text);
  return FIRST_GROUP_PATTERN.test(groups[0] ?? "") && groups.slice(1).every((g) => GROUP_PATTERN.test(g));
}

/** Parses cell text: a number, a percentage, an interval, unknown, or invalid. */
export function parseNumberText(raw: string): TableValue {
  // Checked through a CellValue: isExcelError's type guard would narrow `raw` itself to never.
  const cell: CellValue = raw;
  if (isExcelError(cell)) return { kind: "error", text: cell.trim() };
  const text = normaliseNumberText(stripMarkup(raw));
  if (isUnknownText(text)) return { kind: "unknown" };
  const single = PERCENT_SUFFIX_PATTERN.exec(text);
  const body = single?.[1] ?? text;
  const parsed = parseDutchNumber(body);
  if (parsed) {
    return { kind: "number", value: parsed.value, decimals: parsed.decimals, percent: single?.[2] === "%", fromText: true };
  }
  const interval = INTERVAL_PATTERN.exec(text);
  if (interval) {
    const a = parseDutchNumber(interval[1] ?? "");
    const b = parseDutchNumber(interval[3] ?? "");
    if (a && b) {
      return {
        kind: "interval",
        min: Math.min(a.value, b.value),
        max: Math.max(a.value, b.value),
        decimals: Math.max(a.decimals, b.decimals),
        percent: interval[2] === "%" || interval[4] === "%",
      };
    }
  }
  return { kind: "invalid", text: raw.trim() };
}

/** What a number format says about shown decimals and percent scaling. */
export interface NumberFormatInfo {
  /** Decimals shown; undefined for "General" (then the value decides). */
  readonly decimals: number | undefined;
  readonly percent: boolean;
}

/**
 * Reads decimals and percent from an Excel number format ("0.0%", "#,##0", "€ #,##0.00;[Red]-…").
 * Memoised per format: a sheet uses a handful, and every numeric table cell asks.
 */
export function readNumberFormat(format: string | undefined): NumberFormatInfo {
  return format === undefined ? NO_FORMAT : readNumberFormatCached(format);
}

const NO_FORMAT: NumberFormatInfo = { decimals: undefined, percent: false };

const readNumberFormatCached = memoiseText((format: string): NumberFormatInfo => {
  const first = format.split(";")[0] ?? "";
  // Quoted literals, escaped characters and [colour]/[$€-413] sections carry no digits.
  const bare = first.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/_./g, "");
  if (!/[0#?]/.test(bare)) return { decimals: undefined, percent: false };
  const percent = bare.includes("%");
  const dot = bare.indexOf(".");
  const decimals = dot < 0 ? 0 : (/^[0#?]*/.exec(bare.slice(dot + 1))?.[0].length ?? 0);
  return { decimals, percent };
});

/** Decimals a General-formatted number shows (binary noise such as 0.30000000000000004 removed). */
export function countDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = Number(value.toPrecision(12)).toString();
  if (text.includes("e-")) {
    const [mantissa, exponent] = text.split("e-");
    const mantissaDecimals = (mantissa ?? "").split(".")[1]?.length ?? 0;
    return mantissaDecimals + Number(exponent ?? 0);
  }
  return text.split(".")[1]?.length ?? 0;
}

/** Rounds away binary float noise at the given number of decimals (plus a margin). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** Math.min(Math.max(decimals, 0), 12);
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Parses a table cell: a JS number (with its number format) or text. Text numbers come back with
 * `fromText: true` (the caller reports `number-as-text`).
 */
export function parseCellNumber(value: CellValue, format?: string): TableValue {
  if (isBlank(value)) return { kind: "unknown" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value) };
    const info = readNumberFormat(format);
    const shown = info.percent ? value * 100 : value;
    const decimals = info.decimals ?? countDecimals(shown);
    return { kind: "number", value: roundTo(shown, decimals + 6), decimals, percent: info.percent, fromText: false };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  return parseNumberText(value as string);
}
