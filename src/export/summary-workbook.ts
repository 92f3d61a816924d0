import ExcelJS from "exceljs";
import type { CheckResult } from "../domain";
import type { Lang } from "../domain";
import { formatCellReference, formatNextStep, translate } from "../domain";
import { planMonitoringSheet } from "../domain";
import { buildMonitoringSummary, type MonitoringSummary } from "../domain";
import { formatLabel, formatStatusName, formatThemeName, readableTextColor } from "../domain";
import { renderSheetPlan, toArgb } from "./render-sheet-plan";

/**
 * The monitoring summary as its own workbook (sheets Overzicht, Agenda, Bevindingen): the CLI's
 * `--export x.xlsx` and the pane's "open as new workbook" (Excel.createWorkbook takes base64).
 * Browser-safe: exceljs runs in the pane; no Node imports here.
 */

export interface SummaryWorkbookOptions {
  readonly lang?: Lang;
  /** ISO timestamp; now when absent. */
  readonly generatedAt?: string;
}

const SHEET_NAMES: Readonly<Record<"overview" | "agenda" | "findings", Record<Lang, string>>> = {
  overview: { nl: "Overzicht", en: "Overview" },
  agenda: { nl: "Agenda", en: "Agenda" },
  findings: { nl: "Bevindingen", en: "Findings" },
};

/** Builds the summary workbook of a check. */
export function buildSummaryWorkbook(result: CheckResult, options: SummaryWorkbookOptions = {}): ExcelJS.Workbook {
  const lang = options.lang ?? result.lang;
  const summary = buildMonitoringSummary(result, { generatedAt: options.generatedAt ?? new Date().toISOString() });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Prestatiemonitor";

  const plan = planMonitoringSheet(summary, lang, { ownSheet: false, chart: false, board: true });
  renderSheetPlan(workbook.addWorksheet(SHEET_NAMES.overview[lang]), withoutLinks(plan));
  addAgendaSheet(workbook.addWorksheet(SHEET_NAMES.agenda[lang]), summary, lang);
  addFindingsSheet(workbook.addWorksheet(SHEET_NAMES.findings[lang]), result, lang);
  // Every printed page says what it is and which page it is (Excel's header codes: &C centre, &P page, &N pages).
  for (const worksheet of workbook.worksheets) {
    worksheet.headerFooter = { oddHeader: `&C${plan.printTitle.replace(/&/g, "&&")}`, oddFooter: `&C${plan.pageLabel} &P / &N` };
  }
  return workbook;
}

/** The summary workbook as base64 .xlsx, for `Excel.createWorkbook` in the pane. */
export async function buildSummaryWorkbookBase64(result: CheckResult, options: SummaryWorkbookOptions = {}): Promise<string> {
  const bytes = await buildSummaryWorkbook(result, options).xlsx.writeBuffer();
  return encodeBase64(new Uint8Array(bytes as ArrayBuffer));
}

/** The summary workbook as .xlsx bytes. */
export async function buildSummaryWorkbookBytes(result: CheckResult, options: SummaryWorkbookOptions = {}): Promise<Uint8Array> {
  const bytes = await buildSummaryWorkbook(result, options).xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

/** Links in the summary workbook would point at sheets of the checked workbook, which it does not hold. */
function withoutLinks(plan: ReturnType<typeof planMonitoringSheet>): ReturnType<typeof planMonitoringSheet> {
  return {
    ...plan,
    cells: plan.cells.map((cell) => {
      if (cell.link === undefined) return cell;
      const { link: _link, ...rest } = cell;
      return rest;
    }),
  };
}

function addAgendaSheet(worksheet: ExcelJS.Worksheet, summary: MonitoringSummary, lang: Lang): void {
  const headers = [
    formatLabel("status", lang),
    formatLabel("theme", lang),
    formatLabel("subtheme", lang),
    formatLabel("agreement", lang),
    formatLabel("parties", lang),
    formatLabel("explanation", lang),
    formatLabel("sheet", lang),
    formatLabel("cell", lang),
  ];
  const rows = summary.agenda.map((item) => [
    formatStatusName(item.status, lang),
    formatThemeName(item.meantTheme ?? item.theme, lang),
    item.subtheme,
    item.agreement,
    item.parties,
    item.explanation === "" ? formatLabel("noExplanation", lang) : item.explanation,
    item.sheet,
    item.cell,
  ]);
  addPlainTable(worksheet, "PM_Agenda", headers, rows, [12, 30, 24, 60, 28, 60, 16, 8]);
  const colors = new Map(summary.statuses.map((s) => [s.name, s.color]));
  summary.agenda.forEach((item, i) => {
    const fill = colors.get(item.status);
    if (fill === undefined) return;
    const cell = worksheet.getCell(i + 2, 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(fill) } };
    cell.font = { color: { argb: toArgb(readableTextColor(fill)) } };
  });
}

/** The coordinator's list: what kind of point, where, the message and what to do (no rule codes, no severity words). */
function addFindingsSheet(worksheet: ExcelJS.Worksheet, result: CheckResult, lang: Lang): void {
  const headers = [
    formatLabel("kind", lang),
    formatLabel("source", lang),
    formatLabel("table", lang),
    formatLabel("message", lang),
    formatLabel("nextStep", lang),
  ];
  // Messages come from the check (formatFinding in the result's language).
  const rows = result.findings.map((f) => [
    translate("ruleTitles", f.code, lang),
    formatCellReference(f.sheet, f.cell ?? f.range ?? "A1"),
    f.table ?? "",
    f.message,
    formatNextStep(f.code, lang),
  ]);
  addPlainTable(worksheet, "PM_Bevindingen", headers, rows, [26, 22, 12, 70, 50]);
}

function addPlainTable(
  worksheet: ExcelJS.Worksheet,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): void {
  widths.forEach((w, i) => {
    worksheet.getColumn(i + 1).width = w;
  });
  worksheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    // Excel tables need at least one data row.
    rows: rows.length > 0 ? rows.map((r) => [...r]) : [headers.map(() => "")],
  });
  worksheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2" }];
  // Printed: A4 landscape, all columns on one page's width, the header row on every page.
  worksheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
  worksheet.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { wrapText: true, vertical: "top" };
    // Heights set, not left to the host: LibreOffice keeps the default height of wrapped rows it opens, and their lines overlap.
    const lines = (rows[n - 2] ?? []).reduce((most, text, i) => Math.max(most, countLines(text, widths[i] ?? 10)), 1);
    if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT);
  });
}

const LINE_HEIGHT = 15;

/** Lines a wrapped text needs in a column this many characters wide (an estimate; words are not split). */
function countLines(text: string, width: number): number {
  const perLine = Math.max(1, width - 2);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 without Buffer or btoa (the pane and Node share this file). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[(n >> 18) & 63];
    out += BASE64_ALPHABET[(n >> 12) & 63];
    out += b === undefined ? "=" : BASE64_ALPHABET[(n >> 6) & 63];
    out += c === undefined ? "=" : BASE64_ALPHABET[n & 63];
  }
  return out;
}
