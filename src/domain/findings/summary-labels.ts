import type { Lang, Severity } from "./finding";
import { formatSeverity } from "./messages";
import { NO_STATUS_KEY } from "../report/report";
import { NO_PARTY_KEY, type MonitoringSummary } from "../report/summary";

/**
 * Headings and column names of the monitoring summary (Monitoring sheet, summary workbook, HTML
 * report, CSV), nl/en. Finding messages are not here: they come from messages.ts only.
 */
const LABELS = {
  title: { nl: "Monitoring prestatieafspraken", en: "Performance agreements monitoring" },
  reportTitle: { nl: "Monitoring prestatieafspraken", en: "Monitoring of performance agreements" },
  forMeeting: { nl: "Voor het bestuurlijk overleg wonen", en: "For the administrative housing meeting" },
  municipality: { nl: "Gemeente", en: "Municipality" },
  year: { nl: "Monitoringjaar", en: "Monitoring year" },
  noYear: { nl: "geen (geen statuskolom)", en: "none (no status column)" },
  generatedAt: { nl: "Gegenereerd", en: "Generated" },
  model: { nl: "Model", en: "Model" },
  modelDefault: { nl: "standaardmodel", en: "built-in model" },
  modelSheet: { nl: "Model-blad", en: "Model sheet" },
  parties: { nl: "Partijen", en: "Parties" },
  agreements: { nl: "Afspraken", en: "Agreements" },
  findingsLine: { nl: "Bevindingen", en: "Findings" },
  byTheme: { nl: "Stoplichten per thema", en: "Stoplights per theme" },
  byParty: { nl: "Stoplichten per partij", en: "Stoplights per party" },
  agenda: { nl: "Agenda bestuurlijk overleg (rood en oranje)", en: "Agenda for the meeting (red and orange)" },
  agendaEmpty: { nl: "Geen afspraken met status rood of oranje.", en: "No agreements with status red or orange." },
  withoutStatus: { nl: "Afspraken zonder (geldige) status", en: "Agreements without a (valid) status" },
  findings: { nl: "Bevindingen per soort", en: "Findings per kind" },
  tableFindings: { nl: "Bevindingen in de tabellen", en: "Findings in the tables" },
  similarFindings: { nl: "en nog {count} vergelijkbare meldingen", en: "and {count} similar notices" },
  tableFindingsEmpty: { nl: "Geen bevindingen in de tabellen.", en: "No findings in the tables." },
  trend: { nl: "Verloop per afspraak", en: "Trend per agreement" },
  trendChangedOnly: {
    nl: "Afspraken waarvan de status veranderde: {changed} van {total}.",
    en: "Agreements whose status changed: {changed} of {total}.",
  },
  theme: { nl: "Thema", en: "Theme" },
  subtheme: { nl: "Subthema", en: "Subtheme" },
  agreement: { nl: "Afspraak", en: "Agreement" },
  party: { nl: "Partij", en: "Party" },
  status: { nl: "Status", en: "Status" },
  explanation: { nl: "Toelichting", en: "Explanation" },
  noExplanation: { nl: "(geen toelichting)", en: "(no explanation)" },
  source: { nl: "Bron", en: "Source" },
  sheet: { nl: "Blad", en: "Sheet" },
  row: { nl: "Rij", en: "Row" },
  cell: { nl: "Cel", en: "Cell" },
  total: { nl: "Totaal", en: "Total" },
  severity: { nl: "Ernst", en: "Severity" },
  code: { nl: "Code", en: "Code" },
  count: { nl: "Aantal", en: "Count" },
  message: { nl: "Melding", en: "Message" },
  table: { nl: "Tabel", en: "Table" },
  onAgenda: { nl: "Agenda", en: "Agenda" },
  yes: { nl: "ja", en: "yes" },
  no: { nl: "nee", en: "no" },
  changed: { nl: "Gewijzigd", en: "Changed" },
  noTheme: { nl: "(geen thema)", en: "(no theme)" },
  noParty: { nl: "(geen partij)", en: "(no party)" },
  noStatus: { nl: "geen", en: "none" },
  overview: { nl: "Overzicht", en: "Overview" },
  chartTitle: { nl: "Stoplichten per thema", en: "Stoplights per theme" },
  page: { nl: "Pagina", en: "Page" },
  ownSheetNote: {
    nl: "Dit blad is gemaakt door Prestatiemonitor en wordt bij de volgende monitoring vervangen.",
    en: "This sheet was made by Prestatiemonitor and is replaced at the next monitoring.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type SummaryLabel = keyof typeof LABELS;

/** A heading or column name in the given language. */
export function formatLabel(key: SummaryLabel, lang: Lang): string {
  return LABELS[key][lang];
}

/** Display name of a status key (NO_STATUS_KEY shown as "geen"/"none"). */
export function formatStatusName(status: string, lang: Lang): string {
  return status === NO_STATUS_KEY ? LABELS.noStatus[lang] : status;
}

/** Display name of a theme key ("" shown as "(geen thema)"). */
export function formatThemeName(theme: string, lang: Lang): string {
  return theme === "" ? LABELS.noTheme[lang] : theme;
}

/** Display name of a party key (NO_PARTY_KEY shown as "(geen partij)"). */
export function formatPartyName(party: string, lang: Lang): string {
  return party === NO_PARTY_KEY ? LABELS.noParty[lang] : party;
}

/** "standaardmodel" or "Model-blad (Model: Thema's, Partijen)". */
export function formatModelSource(summary: MonitoringSummary, lang: Lang): string {
  if (summary.model.kind === "default") return LABELS.modelDefault[lang];
  const blocks = summary.model.blocks.length > 0 ? `: ${summary.model.blocks.join(", ")}` : "";
  return `${LABELS.modelSheet[lang]} (${summary.model.sheet ?? "Model"}${blocks})`;
}

/** The monitoring year, or a note that the workbook has no status column. */
export function formatYear(summary: MonitoringSummary, lang: Lang): string {
  return summary.year === null ? LABELS.noYear[lang] : String(summary.year);
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

/** "4 fouten, 1 waarschuwing, 0 meldingen" (severity words from messages.ts). */
export function formatSeverityCounts(counts: { errors: number; warnings: number; infos: number }, lang: Lang): string {
  const part = (n: number, severity: Severity): string => `${n} ${formatSeverity(severity, lang, n !== 1)}`;
  return `${part(counts.errors, "error")}, ${part(counts.warnings, "warning")}, ${part(counts.infos, "info")}`;
}
