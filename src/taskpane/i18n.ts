import type { FindingCode, Lang } from "../domain";

/**
 * The pane's own words (buttons, headings, verdicts) in Dutch and English. Finding messages are
 * NOT here: they come from the one formatter, src/domain/messages.ts.
 */

type Phrase = Readonly<Record<Lang, string>>;

export const UI_TEXT = {
  appTitle: { nl: "Prestatiemonitor", en: "Prestatiemonitor" },
  toolbar: { nl: "Acties", en: "Actions" },
  check: { nl: "Controleren", en: "Check" },
  checkHint: { nl: "Controleer alle afspraken en tabellen in deze werkmap", en: "Check every agreement and table in this workbook" },
  writeMonitoring: { nl: "Monitoring schrijven", en: "Write monitoring" },
  writeMonitoringHint: { nl: "Schrijf of vervang het werkblad Monitoring", en: "Write or replace the Monitoring sheet" },
  export: { nl: "Exporteren", en: "Export" },
  exportHint: { nl: "Open de monitoringsamenvatting als nieuwe werkmap", en: "Open the monitoring summary as a new workbook" },
  report: { nl: "Rapport (HTML)", en: "Report (HTML)" },
  reportHint: { nl: "Download het afdrukbare rapport voor het bestuurlijk overleg", en: "Download the printable report for the administrative meeting" },
  clear: { nl: "Markering wissen", en: "Clear highlighting" },
  clearHint: { nl: "Verwijder de markeringen; uw eigen opmaak blijft", en: "Remove the highlighting; your own formatting stays" },
  insertModel: { nl: "Model invoegen", en: "Insert model" },
  insertModelHint: { nl: "Voeg het werkblad Model in om thema's en partijen aan te passen", en: "Insert the Model sheet to edit themes and parties" },
  verdictNotChecked: { nl: "Nog niet gecontroleerd. Kies Controleren.", en: "Not checked yet. Choose Check." },
  verdictChecking: { nl: "Bezig met controleren…", en: "Checking…" },
  verdictNoAgreements: { nl: "Geen afsprakenblad gevonden.", en: "No agreements sheet found." },
  // {errors} and {warnings} are counted words ("1 fout", "3 warnings") from formatSeverity.
  verdictErrors: { nl: "{errors}, {warnings}", en: "{errors}, {warnings}" },
  verdictWarnings: { nl: "Geen fouten; {warnings}", en: "No errors; {warnings}" },
  verdictClean: { nl: "Alles in orde", en: "All in order" },
  live: { nl: "Live: wijzigingen worden direct gecontroleerd", en: "Live: changes are checked as you type" },
  agreementsInYear: { nl: "{count} afspraken, monitoringjaar {year}", en: "{count} agreements, monitoring year {year}" },
  agreementsNoYear: { nl: "{count} afspraken, geen monitoringjaar", en: "{count} agreements, no monitoring year" },
  statusCounts: { nl: "Stoplichten", en: "Stoplights" },
  noStatus: { nl: "geen status", en: "no status" },
  findingCounts: { nl: "Bevindingen", en: "Findings" },
  filters: { nl: "Filters", en: "Filters" },
  filterTheme: { nl: "Thema", en: "Theme" },
  filterParty: { nl: "Partij", en: "Party" },
  filterSeverity: { nl: "Ernst", en: "Severity" },
  filterAll: { nl: "Alle", en: "All" },
  findings: { nl: "Bevindingen", en: "Findings" },
  noFindings: { nl: "Geen bevindingen.", en: "No findings." },
  noFilteredFindings: { nl: "Geen bevindingen voor deze filters.", en: "No findings for these filters." },
  selectedCell: { nl: "Geselecteerde cel", en: "Selected cell" },
  selectedNone: { nl: "Geen bevindingen in deze cel.", en: "No findings in this cell." },
  suggestion: { nl: "Suggestie", en: "Suggestion" },
  monitoringWritten: { nl: "Werkblad {sheet} geschreven.", en: "Sheet {sheet} written." },
  monitoringRenamed: {
    nl: "U hebt zelf een werkblad Monitoring; de monitoring staat in {sheet}.",
    en: "You have your own Monitoring sheet; the monitoring is in {sheet}.",
  },
  exportOpened: { nl: "De samenvatting is geopend als nieuwe werkmap.", en: "The summary was opened as a new workbook." },
  exportUnavailable: { nl: "Exporteren is (nog) niet beschikbaar.", en: "Export is not available (yet)." },
  reportReady: { nl: "Het rapport staat klaar: {file}", en: "The report is ready: {file}" },
  reportOpened: {
    nl: "Het rapport staat in een apart venster: druk het af of sla het op als pdf.",
    en: "The report is in a separate window: print it or save it as PDF.",
  },
  exportDownload: {
    nl: "Excel kan hier geen nieuwe werkmap openen; download de samenvatting: {file}",
    en: "Excel cannot open a new workbook here; download the summary: {file}",
  },
  cleared: { nl: "Markering gewist.", en: "Highlighting cleared." },
  modelInserted: { nl: "Werkblad {sheet} ingevoegd.", en: "Sheet {sheet} inserted." },
  modelExists: {
    nl: "De werkmap heeft al een blad {sheet}; pas dat aan, of hernoem het om het model opnieuw in te voegen.",
    en: "The workbook already has a sheet {sheet}; edit it, or rename it to insert the model again.",
  },
  keptValidation: {
    nl: "Statuskolom {sheet}!{column} heeft al een eigen keuzelijst; die is behouden.",
    en: "Status column {sheet}!{column} already has its own dropdown; it was kept.",
  },
  checkFirst: { nl: "Controleer eerst de werkmap.", en: "Check the workbook first." },
  errorPrefix: { nl: "Er ging iets mis", en: "Something went wrong" },
  liveError: { nl: "Live controleren mislukt", en: "Live check failed" },
  undoUnavailable: {
    nl: "Let op: deze Excel-versie kan wat de Prestatiemonitor schrijft niet ongedaan maken; ook uw eerdere stappen zijn daarna niet meer ongedaan te maken.",
    en: "Note: this version of Excel cannot undo what Prestatiemonitor writes; your earlier steps can no longer be undone after it either.",
  },
  writesReadOnly: {
    nl: "De werkmap is alleen-lezen: de bevindingen staan hieronder, maar er is niets in de werkmap gemarkeerd.",
    en: "The workbook is read-only: the findings are below, but nothing was marked in the workbook.",
  },
  writesProtected: {
    nl: "Beveiligd werkblad {sheets}: de bevindingen staan hieronder; markeringen en keuzelijsten zijn daar niet bijgewerkt.",
    en: "Protected sheet {sheets}: the findings are below; highlighting and dropdowns were not updated there.",
  },
  writesRefused: {
    nl: "Excel weigerde de markeringen te schrijven (beveiligd of alleen-lezen); de bevindingen staan hieronder.",
    en: "Excel refused to write the highlighting (protected or read-only); the findings are below.",
  },
  undoCleared: {
    nl: "De eerste controle heeft verborgen hulpbladen gemaakt; daardoor is de lijst Ongedaan maken van Excel leeg. Volgende controles laten die lijst staan.",
    en: "The first check created hidden helper sheets, which emptied Excel's undo list. Later checks leave that list alone.",
  },
} as const satisfies Readonly<Record<string, Phrase>>;

export type UiKey = keyof typeof UI_TEXT;

/** Localized short title of each rule, shown as the group heading above its findings. */
export const RULE_TITLES: Readonly<Record<FindingCode, Phrase>> = {
  "missing-theme": { nl: "Thema ontbreekt", en: "Missing theme" },
  "unknown-theme": { nl: "Onbekend thema", en: "Unknown theme" },
  "unknown-subtheme": { nl: "Onbekend subthema", en: "Unknown subtheme" },
  "missing-agreement": { nl: "Afspraak ontbreekt", en: "Missing agreement" },
  "missing-party": { nl: "Partij ontbreekt", en: "Missing party" },
  "unknown-party": { nl: "Onbekende partij", en: "Unknown party" },
  "party-separator": { nl: "Scheidingsteken tussen partijen", en: "Party separator" },
  "invalid-status": { nl: "Ongeldige status", en: "Invalid status" },
  "missing-status": { nl: "Status ontbreekt", en: "Missing status" },
  "missing-explanation": { nl: "Toelichting ontbreekt", en: "Missing explanation" },
  "duplicate-agreement": { nl: "Dubbele afspraak", en: "Duplicate agreement" },
  "markup-in-cell": { nl: "HTML in cel", en: "HTML in cell" },
  "repeated-header": { nl: "Herhaalde kopregel", en: "Repeated header" },
  "cell-error": { nl: "Foutwaarde in cel", en: "Error value in cell" },
  "invalid-model": { nl: "Ongeldig model", en: "Invalid model" },
  "percent-sum": { nl: "Percentages tellen niet op tot 100%", en: "Shares do not add up to 100%" },
  "total-row": { nl: "Totaalrij", en: "Total row" },
  subtotal: { nl: "Subtotaal", en: "Subtotal" },
  "total-column": { nl: "Totaalkolom", en: "Total column" },
  "stock-flow": { nl: "Voorraad en mutaties", en: "Stock and mutations" },
  "stock-continuity": { nl: "Aansluiting voorraad", en: "Stock continuity" },
  "cross-check": { nl: "Controle tussen tabellen", en: "Cross-table check" },
  "duplicate-table-number": { nl: "Dubbel tabelnummer", en: "Duplicate table number" },
  "unparseable-number": { nl: "Geen getal", en: "Not a number" },
  "number-as-text": { nl: "Getal als tekst", en: "Number stored as text" },
};

/** A pane phrase with `{key}` filled in from `values`. */
export function translate(key: UiKey, lang: Lang, values: Readonly<Record<string, string | number>> = {}): string {
  return UI_TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Dutch for Dutch Office (nl-NL, nl-BE, ...), English for every other display language. Unknown
 * (outside Office) keeps the product's default, Dutch.
 */
export function chooseLanguage(displayLanguage: string | undefined): Lang {
  if (displayLanguage === undefined || displayLanguage.trim() === "") return "nl";
  return /^nl(-|_|$)/i.test(displayLanguage.trim()) ? "nl" : "en";
}
