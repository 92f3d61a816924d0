import type ExcelJS from "exceljs";
import type { CheckResult } from "../domain";
import { parseA1, toColumnLetters } from "../domain";
import { chooseMonitoringSheetName, planMonitoringSheet } from "../domain";
import { HIGHLIGHT_SHEET_PREFIX, MONITORING_MARKER_NAME, planFormats, quoteSheetName, type FormatPlan } from "../domain";
import { buildMonitoringSummary } from "../domain";
import type { MonitoringOutcome } from "../excel/addin-api";
import { renderSheetPlan, toArgb } from "../export/render-sheet-plan";
import { findMarkedSheet } from "./xlsx/find-marked-sheet";
import { writeFileAtomically } from "./write-file-atomically";

/** Our Monitoring sheet in an exceljs workbook, found through its marker name. */
export function findMarkedSheetInWorkbook(workbook: ExcelJS.Workbook): string | undefined {
  const names = new Map<string, string>();
  for (const definedName of workbook.definedNames.model) {
    const range = definedName.ranges[0];
    if (range !== undefined) names.set(definedName.name, range);
  }
  return findMarkedSheet(
    names,
    workbook.worksheets.map((worksheet) => worksheet.name),
  );
}

export interface MonitoredCopyOptions {
  /** ISO timestamp of the run; now when absent (tests pass a fixed one). */
  readonly generatedAt?: string;
  /** Formats to apply; planFormats(result) when absent (tests pass a hand-made plan). */
  readonly formats?: FormatPlan;
}

/**
 * `--out`: the input workbook with the Monitoring sheet added (or our previous one replaced), the
 * stoplight formats, status dropdowns and highlighting, written atomically to `outPath`. The input
 * file is never written: only the in-memory workbook object is changed.
 */
export async function writeMonitoredCopy(
  workbook: ExcelJS.Workbook,
  result: CheckResult,
  outPath: string,
  options: MonitoredCopyOptions = {},
): Promise<MonitoringOutcome> {
  const outcome = addMonitoringWorksheet(workbook, result, options.generatedAt ?? new Date().toISOString());
  applyFormatPlan(workbook, options.formats ?? planFormats(result));
  const bytes = await workbook.xlsx.writeBuffer();
  await writeFileAtomically(outPath, new Uint8Array(bytes as ArrayBuffer));
  return outcome;
}

/** Adds (or replaces) the tool's Monitoring sheet; a user's own sheet named Monitoring is left alone. */
export function addMonitoringWorksheet(workbook: ExcelJS.Workbook, result: CheckResult, generatedAt: string): MonitoringOutcome {
  const own = findMarkedSheetInWorkbook(workbook);
  const names = workbook.worksheets.map((ws) => ws.name);
  const name = chooseMonitoringSheetName(names, own);
  if (own !== undefined) {
    const old = workbook.getWorksheet(own);
    if (old) workbook.removeWorksheet(old.id);
  }
  workbook.definedNames.model = workbook.definedNames.model.filter((n) => n.name !== MONITORING_MARKER_NAME);

  const worksheet = workbook.addWorksheet(name, { properties: { tabColor: { argb: "FF1F4E79" } } });
  const summary = buildMonitoringSummary(result, { generatedAt });
  renderSheetPlan(worksheet, planMonitoringSheet(summary, result.lang));
  workbook.definedNames.add(`${quoteSheetName(name)}!$A$1`, MONITORING_MARKER_NAME);
  return { sheet: name, renamedBecauseUserSheet: name !== "Monitoring" };
}


/** Stoplight conditional formats, status dropdowns and highlighting, as planned by planFormats. */
export function applyFormatPlan(workbook: ExcelJS.Workbook, plan: FormatPlan): void {
  removeOwnConditionalFormats(workbook);
  for (const stoplight of plan.stoplights) {
    const worksheet = workbook.getWorksheet(stoplight.sheet);
    if (!worksheet) continue;
    const topLeft = stoplight.range.split(":")[0] ?? stoplight.range;
    worksheet.addConditionalFormatting({
      ref: stoplight.range,
      rules: stoplight.rules.map((rule, i) => ({
        type: "expression",
        priority: i + 1,
        // Excel's "=" compares text case-insensitively; TRIM forgives stray spaces.
        formulae: [`TRIM(${topLeft})="${rule.status.replace(/"/g, '""')}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: toArgb(rule.fill) } },
          font: { color: { argb: toArgb(rule.font) } },
        },
      })),
    });
    const list = `"${stoplight.list.join(",")}"`;
    for (const address of listCells(stoplight.range)) {
      // A user's own validation on a status cell is kept (the add-in reports it as keptValidation).
      if (hasValidation(worksheet, address)) continue;
      worksheet.getCell(address).dataValidation = { type: "list", allowBlank: true, formulae: [list], showErrorMessage: false };
    }
  }
  for (const highlight of plan.highlights) {
    const worksheet = workbook.getWorksheet(highlight.sheet);
    if (!worksheet) continue;
    const previous = workbook.getWorksheet(highlight.mirrorSheet);
    if (previous) workbook.removeWorksheet(previous.id);
    const mirror = workbook.addWorksheet(highlight.mirrorSheet, { state: "hidden" });
    for (const marked of highlight.cells) mirror.getCell(marked.cell).value = marked.severity;
    worksheet.addConditionalFormatting({
      ref: highlight.range,
      rules: highlight.rules.map((rule, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [rule.formula.replace(/^=/, "")],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: toArgb(rule.fill) } },
          border: {
            top: { style: "thin", color: { argb: toArgb(rule.border) } },
            left: { style: "thin", color: { argb: toArgb(rule.border) } },
            bottom: { style: "thin", color: { argb: toArgb(rule.border) } },
            right: { style: "thin", color: { argb: toArgb(rule.border) } },
          },
        },
      })),
    });
  }
}

/** Our own rules: highlighting reads a mirror sheet; stoplights compare the trimmed cell with a status word. */
const OWN_RULE = new RegExp(`${HIGHLIGHT_SHEET_PREFIX}|^TRIM\\(\\$?[A-Z]{1,3}\\$?\\d+\\)="[^"]*"$`);

/**
 * Checking a copy we wrote before must replace our formats, not stack a second set on top:
 * conditional formats whose every rule is one of ours are removed; the user's own are kept.
 */
function removeOwnConditionalFormats(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((worksheet) => {
    // exceljs keeps conditional formats per worksheet (undeclared in its typings).
    const holder = worksheet as unknown as { conditionalFormattings?: { rules: { formulae?: unknown[] }[] }[] };
    if (!holder.conditionalFormattings) return;
    holder.conditionalFormattings = holder.conditionalFormattings.filter(
      (format) => !format.rules.every((rule) => (rule.formulae ?? []).some((f) => typeof f === "string" && OWN_RULE.test(f))),
    );
  });
}

/** exceljs keeps validations per worksheet (undeclared in its typings); reading them creates no cell. */
function hasValidation(worksheet: ExcelJS.Worksheet, address: string): boolean {
  const validations = (worksheet as unknown as { dataValidations: { find(address: string): { type?: string } | undefined } })
    .dataValidations;
  return validations.find(address)?.type !== undefined;
}

function listCells(range: string): string[] {
  const [start, end] = range.split(":");
  const a = parseA1(start ?? "");
  const b = parseA1(end ?? start ?? "");
  if (!a || !b) return [];
  const cells: string[] = [];
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row += 1) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col += 1) {
      cells.push(`${toColumnLetters(col)}${row + 1}`);
    }
  }
  return cells;
}
