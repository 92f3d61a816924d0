import { CATALOGUES, type Catalogue } from "./catalogue";
import type { Lang, Severity } from "./finding";
import { formatNumber, formatSeverity } from "./messages";
import { NO_STATUS_KEY } from "../report/report";
import { NO_PARTY_KEY, type MonitoringSummary } from "../report/summary";

/**
 * Headings and column names of the monitoring summary (Monitoring sheet, summary workbook, HTML
 * report, CSV): the catalogue's `labels` (locales/*.ts). Finding messages come from messages.ts.
 */
export type SummaryLabel = keyof Catalogue["labels"];

/** A heading or column name in the given language. */
export function formatLabel(key: SummaryLabel, lang: Lang): string {
  return CATALOGUES[lang].labels[key];
}

/** Display name of a status key (NO_STATUS_KEY shown as "geen"/"none"). */
export function formatStatusName(status: string, lang: Lang): string {
  return status === NO_STATUS_KEY ? formatLabel("noStatus", lang) : status;
}

/** Display name of a theme key ("" shown as "(geen thema)"). */
export function formatThemeName(theme: string, lang: Lang): string {
  return theme === "" ? formatLabel("noTheme", lang) : theme;
}

/** Display name of a party key (NO_PARTY_KEY shown as "(geen partij)"). */
export function formatPartyName(party: string, lang: Lang): string {
  return party === NO_PARTY_KEY ? formatLabel("noParty", lang) : party;
}

/** "standaardmodel" or "Model-blad (Model: Thema's, Partijen)". */
export function formatModelSource(summary: MonitoringSummary, lang: Lang): string {
  if (summary.model.kind === "default") return formatLabel("modelDefault", lang);
  if (summary.model.kind === "learned") return formatLabel("modelLearned", lang);
  const blocks = summary.model.blocks.length > 0 ? `: ${summary.model.blocks.join(", ")}` : "";
  return `${formatLabel("modelSheet", lang)} (${summary.model.sheet ?? "Model"}${blocks})`;
}

/** The monitoring year, or a note that the workbook has no status column. */
export function formatYear(summary: MonitoringSummary, lang: Lang): string {
  return summary.year === null ? formatLabel("noYear", lang) : String(summary.year);
}

/** Black or white text, whichever reads better on the given "#RRGGBB" fill (WCAG relative luminance). */
export function readableTextColor(fill: string): string {
  const hex = /^#?([0-9A-Fa-f]{6})$/.exec(fill)?.[1];
  if (!hex) return "#000000";
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white = 1.05 / (L + 0.05); with black = (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#FFFFFF" : "#000000";
}

/** "4 fouten, 1 waarschuwing, 0 meldingen" (severity words from the catalogue). */
export function formatSeverityCounts(counts: { errors: number; warnings: number; infos: number }, lang: Lang): string {
  const part = (n: number, severity: Severity): string => `${formatNumber(n, lang)} ${formatSeverity(severity, lang, n !== 1)}`;
  return `${part(counts.errors, "error")}, ${part(counts.warnings, "warning")}, ${part(counts.infos, "info")}`;
}

/** "7 december 2026" (nl) or "7 December 2026" (en), in the Netherlands' time zone; a text that is no date as given. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(date);
}
