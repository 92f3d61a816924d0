import type { Finding, FindingCode, FindingData, Lang, Severity } from "./finding";

/**
 * The one place that turns finding data into words (nl/en). The pane, the CLI, the Monitoring
 * sheet and the exports all call `formatFinding`; nothing else writes finding messages.
 *
 * Templates interpolate `{key}` from `finding.params` (plus `expected`, `actual`, `suggestion`).
 * The param keys each rule must provide are listed per code.
 */

type Template = Readonly<Record<Lang, string>>;

const TEMPLATES: Readonly<Record<FindingCode, Template>> = {
  // params: —
  "missing-theme": { nl: "Thema (Onderwerp) ontbreekt.", en: "Theme (Onderwerp) is missing." },
  // params: value
  "unknown-theme": { nl: "Onbekend thema '{value}'.", en: "Unknown theme '{value}'." },
  // params: value, theme
  "unknown-subtheme": {
    nl: "Onbekend subthema '{value}' bij thema '{theme}'.",
    en: "Unknown subtheme '{value}' for theme '{theme}'.",
  },
  // params: —
  "missing-agreement": { nl: "De afspraak (Actiepunt) is leeg.", en: "The agreement (Actiepunt) is empty." },
  // params: —
  "missing-party": { nl: "Geen verantwoordelijke partij (Wie?) ingevuld.", en: "No responsible party (Wie?) given." },
  // params: value
  "unknown-party": { nl: "Onbekende partij '{value}'.", en: "Unknown party '{value}'." },
  // params: value, first, second
  "party-separator": {
    nl: "'{first}' en '{second}' staan zonder scheidingsteken in '{value}'.",
    en: "'{first}' and '{second}' have no separator in '{value}'.",
  },
  // params: value, year, allowed
  "invalid-status": {
    nl: "Ongeldige status '{value}' voor {year}; toegestaan: {allowed}.",
    en: "Invalid status '{value}' for {year}; allowed: {allowed}.",
  },
  // params: year
  "missing-status": { nl: "Geen status ingevuld voor {year}.", en: "No status given for {year}." },
  // params: status, year
  "missing-explanation": {
    nl: "Status {status} in {year} zonder toelichting.",
    en: "Status {status} in {year} without an explanation.",
  },
  // params: firstRow
  "duplicate-agreement": {
    nl: "Deze regel herhaalt rij {firstRow} (thema, afspraak, partijen en activiteiten gelijk).",
    en: "This row repeats row {firstRow} (same theme, agreement, parties and activities).",
  },
  // params: tags
  "markup-in-cell": {
    nl: "HTML-opmaak in de cel ({tags}); waarschijnlijk geplakt uit een PDF of webpagina.",
    en: "HTML markup in the cell ({tags}); probably pasted from a PDF or web page.",
  },
  // params: —
  "repeated-header": {
    nl: "Herhaalde kopregel (paginakop); overgeslagen.",
    en: "Repeated header row (page header); skipped.",
  },
  // params: value
  "cell-error": { nl: "Excel-foutwaarde {value} waar gegevens verwacht worden.", en: "Excel error value {value} where data is expected." },
  // params: block, problem, value (problem: see MODEL_PROBLEMS)
  "invalid-model": { nl: "Model ({block}): {problem}.", en: "Model ({block}): {problem}." },
  // params: column, sum, tolerance
  "percent-sum": {
    nl: "Aandelen in kolom {column} tellen op tot {sum}% in plaats van 100% (marge {tolerance}).",
    en: "Shares in column {column} add up to {sum}% instead of 100% (tolerance {tolerance}).",
  },
  // params: column, label
  "total-row": {
    nl: "'{label}' in kolom {column} is {actual}, de som van de rijen erboven is {expected}.",
    en: "'{label}' in column {column} is {actual}, the rows above add up to {expected}.",
  },
  // params: label, parent, column
  "subtotal": {
    nl: "De deelregels onder '{parent}' tellen in kolom {column} op tot {expected}, niet {actual}.",
    en: "The sub-rows under '{parent}' add up to {expected} in column {column}, not {actual}.",
  },
  // params: label, column
  "total-column": {
    nl: "{column} van '{label}' is {actual}, de som van de andere kolommen is {expected}.",
    en: "{column} of '{label}' is {actual}, the other columns add up to {expected}.",
  },
  // params: year
  "stock-flow": {
    nl: "Stand per 31 december {year} is {actual}, maar begin + mutaties = {expected}.",
    en: "Stock at 31 December {year} is {actual}, but start + mutations = {expected}.",
  },
  // params: year, nextYear
  "stock-continuity": {
    nl: "Stand per 1 januari {nextYear} ({actual}) wijkt af van stand per 31 december {year} ({expected}).",
    en: "Stock at 1 January {nextYear} ({actual}) differs from stock at 31 December {year} ({expected}).",
  },
  // params: check, left, operator, right
  "cross-check": {
    nl: "Controle '{check}' klopt niet: {left} {operator} {right} geldt niet.",
    en: "Check '{check}' fails: {left} {operator} {right} does not hold.",
  },
  // params: number, first
  "duplicate-table-number": {
    nl: "Tabelnummer {number} komt vaker voor (ook bij {first}).",
    en: "Table number {number} is used more than once (also at {first}).",
  },
  // params: value
  "unparseable-number": { nl: "'{value}' is geen getal.", en: "'{value}' is not a number." },
  // params: value
  "number-as-text": {
    nl: "Getal '{value}' staat als tekst in de cel.",
    en: "Number '{value}' is stored as text.",
  },
};

/** Phrases for `invalid-model`'s `problem` param; an unknown key is shown as-is. */
const MODEL_PROBLEMS: Readonly<Record<string, Template>> = {
  "missing-column": { nl: "kolom '{value}' ontbreekt", en: "column '{value}' is missing" },
  "empty-block": { nl: "het blok heeft geen regels", en: "the block has no rows" },
  "missing-name": { nl: "naam ontbreekt", en: "name is missing" },
  "duplicate-name": { nl: "'{value}' staat er dubbel in", en: "'{value}' appears twice" },
  "unknown-kind": {
    nl: "onbekende soort '{value}' (gemeente, corporatie, huurdersorganisatie, partner)",
    en: "unknown kind '{value}' (gemeente, corporatie, huurdersorganisatie, partner)",
  },
  "invalid-color": { nl: "'{value}' is geen kleur (#RRGGBB)", en: "'{value}' is not a colour (#RRGGBB)" },
  "invalid-yes-no": { nl: "'{value}' is geen ja/nee", en: "'{value}' is not ja/nee (yes/no)" },
  "invalid-number": { nl: "'{value}' is geen getal", en: "'{value}' is not a number" },
  "invalid-year": { nl: "'{value}' is geen jaartal", en: "'{value}' is not a year" },
  "unknown-setting": { nl: "onbekende instelling '{value}'", en: "unknown setting '{value}'" },
  "invalid-operator": { nl: "operator '{value}' (gebruik =, <= of >=)", en: "operator '{value}' (use =, <= or >=)" },
  "invalid-reference": {
    nl: "'{value}' is geen getal of verwijzing 'Tabel N / rij / kolom'",
    en: "'{value}' is not a number or a reference 'Tabel N / row / column'",
  },
  "unresolved-reference": { nl: "verwijzing '{value}' wijst naar niets", en: "reference '{value}' points at nothing" },
  "unusable-block": { nl: "het blok is niet bruikbaar; het standaardmodel blijft gelden", en: "the block is unusable; the default model stays in force" },
  "missing-value": { nl: "'{value}' is niet ingevuld", en: "'{value}' is empty" },
  "duplicate-block": {
    nl: "het blok staat er twee keer in; alleen het eerste telt",
    en: "the block appears twice; only the first one counts",
  },
  "no-blocks": {
    nl: "geen blokken gevonden (Thema's, Partijen, Statussen, Instellingen, Controles); het standaardmodel blijft gelden",
    en: "no blocks found (Thema's, Partijen, Statussen, Instellingen, Controles); the default model stays in force",
  },
};

/** The problem keys `invalid-model` findings may use (each has a phrase above). */
export const MODEL_PROBLEM_KEYS: readonly string[] = Object.keys(MODEL_PROBLEMS);

const SEVERITY_LABELS: Readonly<Record<Severity, Template>> = {
  error: { nl: "fout", en: "error" },
  warning: { nl: "waarschuwing", en: "warning" },
  info: { nl: "info", en: "info" },
};

const SEVERITY_LABELS_PLURAL: Readonly<Record<Severity, Template>> = {
  error: { nl: "fouten", en: "errors" },
  warning: { nl: "waarschuwingen", en: "warnings" },
  info: { nl: "meldingen", en: "notices" },
};

const SUGGESTION: Template = { nl: "Bedoelt u '{suggestion}'?", en: "Did you mean '{suggestion}'?" };

/** Templates split at their `{key}` placeholders, once each: every finding's message is formatted. */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();

/** The template's literal texts (even indexes) and placeholder keys (odd indexes). */
function splitTemplate(template: string): readonly string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/**
 * A placeholder's value: `expected`, `actual` and `suggestion` from the finding itself, an
 * invalid-model `problem` as its words (`problem`), anything else from its params. Looked up per
 * placeholder rather than merged into one record per finding: every finding's message is formatted.
 */
function readValue(finding: FindingData, key: string, problem: string | undefined): string | number | undefined {
  switch (key) {
    case "expected":
      return finding.expected;
    case "actual":
      return finding.actual;
    case "suggestion":
      return finding.suggestion;
    case "problem":
      if (problem !== undefined) return problem;
      break;
  }
  return finding.params?.[key];
}

/** Writes the template's text with its placeholders filled in into `pieces` from `at`; returns the next free index. */
function writeInterpolated(
  pieces: string[],
  at: number,
  template: string,
  finding: FindingData,
  problem: string | undefined,
  lang: Lang,
): number {
  const parts = splitTemplate(template);
  let next = at;
  pieces[next++] = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    const value = readValue(finding, key, problem);
    pieces[next++] = value === undefined ? `{${key}}` : formatValue(value, lang);
    pieces[next++] = parts[i + 1] ?? "";
  }
  return next;
}

/*
 * Messages are joined from their pieces rather than concatenated: `+=` builds a tree of string
 * pieces (32 bytes a node) that lives as long as the finding, several times the flat text.
 */
function interpolate(template: string, finding: FindingData, problem: string | undefined, lang: Lang): string {
  const pieces = new Array<string>(splitTemplate(template).length);
  writeInterpolated(pieces, 0, template, finding, problem, lang);
  return pieces.join("");
}

/** A number as the reader writes it: Dutch decimal comma in nl; no float noise (99.90000000000001). */
export function formatNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 1e9) / 1e9);
  return lang === "nl" ? text.replace(".", ",") : text;
}

function formatValue(value: string | number, lang: Lang): string {
  return typeof value === "string" ? value : formatNumber(value, lang);
}

/** The message of one finding in the given language. */
export function formatMessage(finding: FindingData, lang: Lang): string {
  // An invalid-model message nests its problem's words: rare, and not worth a cache entry.
  if (finding.code === "invalid-model") return buildMessage(finding, lang);
  const template = TEMPLATES[finding.code][lang];
  let level = findCacheLevel(MESSAGES[lang], template);
  const parts = splitTemplate(template);
  for (let i = 1; i < parts.length; i += 2) level = findCacheLevel(level, readValue(finding, parts[i] as string, undefined));
  const suggestion = readSuggestion(finding) ?? NO_SUGGESTION;
  const cached = level.get(suggestion);
  if (typeof cached === "string") return cached;
  const message = buildMessage(finding, lang);
  if (++cachedMessages > MAX_CACHED_MESSAGES) {
    MESSAGES.nl.clear();
    MESSAGES.en.clear();
    cachedMessages = 0;
    return message;
  }
  level.set(suggestion, message);
  return message;
}

/*
 * Messages per language, nested by template and then by each placeholder's value in order, the
 * suggestion last: thousands of findings share a message ("Geen status ingevuld voor 2022."), and
 * looking it up by its values builds nothing, where formatting it built the text and its pieces
 * again for every finding, garbage collected while the check's result was still young.
 */
type MessageLevel = Map<string | number | undefined, MessageLevel | string>;
const MESSAGES: Record<Lang, MessageLevel> = { nl: new Map(), en: new Map() };
const NO_SUGGESTION = "\u0000";
const MAX_CACHED_MESSAGES = 20_000;
let cachedMessages = 0;

function findCacheLevel(level: MessageLevel, key: string | number | undefined): MessageLevel {
  const next = level.get(key);
  if (next !== undefined && typeof next !== "string") return next;
  const created: MessageLevel = new Map();
  level.set(key, created);
  return created;
}

/** The suggestion a message ends with ("Bedoelt u …?"); undefined without one, or an empty one. */
function readSuggestion(finding: FindingData): string | undefined {
  return finding.suggestion === "" ? undefined : finding.suggestion;
}

/** Formats the message from its template and values. */
function buildMessage(finding: FindingData, lang: Lang): string {
  let problem: string | undefined;
  if (finding.code === "invalid-model") {
    const words = MODEL_PROBLEMS[String(finding.params?.["problem"] ?? "")];
    if (words) problem = interpolate(words[lang], finding, undefined, lang);
  }
  const template = TEMPLATES[finding.code][lang];
  const suggested = readSuggestion(finding) !== undefined;
  // One array of the message's exact length: pieces pushed one by one grew it by copying.
  const pieces = new Array<string>(splitTemplate(template).length + (suggested ? 1 + splitTemplate(SUGGESTION[lang]).length : 0));
  let next = writeInterpolated(pieces, 0, template, finding, problem, lang);
  if (suggested) {
    pieces[next++] = " ";
    next = writeInterpolated(pieces, next, SUGGESTION[lang], finding, problem, lang);
  }
  return pieces.join("");
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
  return (plural ? SEVERITY_LABELS_PLURAL : SEVERITY_LABELS)[severity][lang];
}

/** `Sheet!A1` with the sheet name quoted the way Excel does when it needs quoting. */
export function formatCellReference(sheet: string, cell: string): string {
  const needsQuotes = !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  const name = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${cell}`;
}
