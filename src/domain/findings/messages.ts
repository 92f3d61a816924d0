import { CATALOGUES, fillPlaceholders } from "./catalogue";
import { formatNumber, isIdentifyingNumber } from "./format-number";

export { formatNumber, isIdentifyingNumber };
import { FINDING_PARAMS, MODEL_PROBLEMS, type Finding, type FindingCode, type FindingData, type Lang, type ParamKind, type Severity } from "./finding";

/**
 * The one place that turns finding data into words (nl/en). The pane, the CLI, the Monitoring
 * sheet and the exports all call `formatFinding`; nothing else writes finding messages. The words
 * are the catalogue's (locales/*.ts); each code's params are listed in finding.ts (FINDING_PARAMS).
 *
 * Templates interpolate `{key}` from `finding.params` (plus `expected`, `actual`, `suggestion`).
 */

/** The problem keys `invalid-model` findings may use (each has a phrase in the catalogue). */
export const MODEL_PROBLEM_KEYS: readonly string[] = MODEL_PROBLEMS;

/** A count or amount as the reader writes it: "1.250" and "12,5" in nl, "1,250" and "12.5" in en. */
export function formatAmount(value: number, lang: Lang): string {
  const rounded = Math.round(value * 1e9) / 1e9;
  const [whole = "", fraction] = String(Math.abs(rounded)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "nl" ? "." : ",");
  const sign = rounded < 0 ? "-" : "";
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${lang === "nl" ? "," : "."}${fraction}`;
}

/** The kind of a code's param (undefined for a key the code does not list). */
function kindOf(finding: FindingData, key: string): ParamKind | undefined {
  return (FINDING_PARAMS[finding.code] as Readonly<Record<string, ParamKind>>)[key];
}

/**
 * A placeholder's value: `expected`, `actual` and `suggestion` from the finding itself, an
 * invalid-model `problem` as its words, anything else from its params; numbers as the reader
 * writes them.
 */
function readValue(finding: FindingData, key: string, problem: string | undefined, lang: Lang): string | undefined {
  let value: string | number | undefined;
  if (key === "expected") value = finding.expected;
  else if (key === "actual") value = finding.actual;
  else if (key === "suggestion") value = finding.suggestion;
  else if (key === "problem" && problem !== undefined) value = problem;
  else value = finding.params?.[key];
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    return kindOf(finding, key) === "amount" ? formatAmount(value, lang) : formatNumber(value, lang, { grouping: !isIdentifyingNumber(key) });
  }
  return key === "expected" || key === "actual" ? formatNumberRange(value, lang) : value;
}

/** The rules write an interval of a sum as "3793…3798" (a JSON contract); the reader sees "3.793…3.798". */
const NUMBER_RANGE = /^(-?\d+(?:\.\d+)?)\u2026(-?\d+(?:\.\d+)?)$/;

function formatNumberRange(text: string, lang: Lang): string {
  const match = NUMBER_RANGE.exec(text);
  if (match === null) return text;
  return `${formatNumber(Number(match[1]), lang)}\u2026${formatNumber(Number(match[2]), lang)}`;
}

function interpolate(template: string, finding: FindingData, problem: string | undefined, lang: Lang): string {
  return fillPlaceholders(template, (key) => readValue(finding, key, problem, lang));
}

/** Codes whose message already names the suggestion (as the status proposed): no "Bedoelt u …?" after it. */
const SUGGESTION_IN_MESSAGE: ReadonlySet<FindingCode> = new Set<FindingCode>(["proposed-status"]);

/** The message of one finding in the given language, with "Bedoelt u …?" when it has a suggestion. */
export function formatMessage(finding: FindingData, lang: Lang): string {
  const words = CATALOGUES[lang];
  let problem: string | undefined;
  if (finding.code === "invalid-model") {
    const key = finding.params.problem;
    if (Object.hasOwn(words.modelProblems, key)) problem = interpolate(words.modelProblems[key], finding, undefined, lang);
  }
  let message = interpolate(words.messages[finding.code], finding, problem, lang);
  const difference = describeDifference(finding, lang);
  if (difference !== undefined) message = `${message} ${difference}`;
  if (finding.suggestion === undefined || finding.suggestion === "" || SUGGESTION_IN_MESSAGE.has(finding.code)) return message;
  return `${message} ${interpolate(words.phrases.suggestion, finding, problem, lang)}`;
}

/** The closed interval a finding's `expected` or `actual` stands for: a number, or "a…b" as the rules write a sum's interval. */
function readInterval(value: number | string | undefined): { min: number; max: number } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? { min: value, max: value } : undefined;
  if (value === undefined) return undefined;
  const match = NUMBER_RANGE.exec(value);
  return match === null ? undefined : { min: Number(match[1]), max: Number(match[2]) };
}

/**
 * "Verschil: minstens 12 te veel." for a finding whose stated figure (`actual`) lies outside the
 * figure it should be (`expected`): how far, and which way; "minstens" when the expected figure is
 * an interval (rounded operands).
 */
function describeDifference(finding: FindingData, lang: Lang): string | undefined {
  const actual = readInterval(finding.actual);
  const expected = readInterval(finding.expected);
  if (actual === undefined || expected === undefined) return undefined;
  const atLeast = expected.min !== expected.max || actual.min !== actual.max;
  let key: "differenceOver" | "differenceOverAtLeast" | "differenceUnder" | "differenceUnderAtLeast";
  let difference: number;
  if (actual.min > expected.max) {
    difference = actual.min - expected.max;
    key = atLeast ? "differenceOverAtLeast" : "differenceOver";
  } else if (actual.max < expected.min) {
    difference = expected.min - actual.max;
    key = atLeast ? "differenceUnderAtLeast" : "differenceUnder";
  } else {
    return undefined;
  }
  return fillPlaceholders(CATALOGUES[lang].phrases[key], (name) => (name === "difference" ? formatNumber(difference, lang) : undefined));
}

/** What to do next about a finding of this code: one line ("wat nu"). */
export function formatNextStep(code: FindingCode, lang: Lang): string {
  return CATALOGUES[lang].nextSteps[code];
}

/**
 * Adds the formatted message to finding data, keys in the data's order. Copied key by key rather
 * than spread: spreading finding data of every rule's shape gave each finding a hidden class of
 * its own (some 260 bytes more per finding, for as long as the result lives).
 */
export function formatFinding(finding: FindingData, lang: Lang): Finding {
  const formatted: Record<string, unknown> = {};
  for (const key in finding) formatted[key] = (finding as unknown as Record<string, unknown>)[key];
  formatted["message"] = formatMessage(finding, lang);
  return formatted as unknown as Finding;
}

/** "fout" / "error" (singular) or "fouten" / "errors" (plural). */
export function formatSeverity(severity: Severity, lang: Lang, plural = false): string {
  return CATALOGUES[lang][plural ? "severityPlural" : "severity"][severity];
}

/** `Sheet!A1` with the sheet name quoted the way Excel does when it needs quoting. */
export function formatCellReference(sheet: string, cell: string): string {
  const needsQuotes = !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  const name = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${cell}`;
}
