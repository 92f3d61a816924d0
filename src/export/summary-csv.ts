import type { Lang } from "../domain";
import { NO_STATUS_KEY } from "../domain";
import type { MonitoringSummary } from "../domain";
import { formatLabel, formatStatusName, formatThemeName } from "../domain";

/**
 * The monitoring list as CSV the way Dutch Excel opens it by double-click: `;` separator (the
 * Dutch list separator), UTF-8 with a byte-order mark (else Excel reads it as ANSI), CRLF lines,
 * RFC 4180 quoting. Cell text that Excel would run as a formula is neutralised (CSV injection).
 */

const SEPARATOR = ";";
const BOM = "\uFEFF";

/** One row per agreement with its status and explanation in the monitoring year. */
export function buildSummaryCsv(summary: MonitoringSummary, lang: Lang): string {
  const year = summary.year === null ? "" : ` ${summary.year}`;
  const header = [
    formatLabel("sheet", lang),
    formatLabel("row", lang),
    formatLabel("cell", lang),
    formatLabel("theme", lang),
    formatLabel("subtheme", lang),
    formatLabel("agreement", lang),
    formatLabel("parties", lang),
    `${formatLabel("status", lang)}${year}`,
    `${formatLabel("explanation", lang)}${year}`,
    formatLabel("onAgenda", lang),
  ];
  const rows = summary.items.map((item) => [
    item.sheet,
    item.row,
    item.cell,
    formatThemeName(item.theme, lang),
    item.subtheme,
    item.agreement,
    item.parties,
    item.statusText !== "" && item.status === NO_STATUS_KEY ? item.statusText : formatStatusName(item.status, lang),
    item.explanation,
    formatLabel(item.onAgenda ? "yes" : "no", lang),
  ]);
  return BOM + [header, ...rows].map((r) => r.map(formatCsvField).join(SEPARATOR)).join("\r\n") + "\r\n";
}

/** One CSV field: numbers as they are, text neutralised and quoted when needed. */
export function formatCsvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Prefixes an apostrophe to text Excel would read as a formula (= + - @, tab, carriage return). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
