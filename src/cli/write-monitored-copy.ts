import type ExcelJS from "exceljs";
import type { CheckResult, MonitoringSheetPlan, PlannedCell } from "../domain";
import {
  buildMonitoringSummary,
  chooseMonitoringSheetName,
  findFreeSheetName,
  findOwnSheets,
  formulaReferencesSheet,
  HIGHLIGHT_SHEET_PREFIX,
  listHelperSheets,
  MONITORING_MARKER_NAME,
  planFormats,
  planMonitoringSheet,
  quoteSheetName,
  type OwnSheets,
  writeMarkerFormula,
  writeMirrorMarkerName,
  type FormatPlan,
} from "../domain";
import type { MonitoringOutcome } from "../excel/addin-api";
import { writeFileAtomically } from "./write-file-atomically";
import { InputError } from "./input-error";
import { describePackageProblem, PackageError } from "./xlsx/read-zip";
import type { CellStyle } from "./xlsx/patch-styles";
import { patchWorksheetBytes, type ConditionalFormat, type ListValidation } from "./xlsx/patch-worksheet-formats";
import { WorkbookPatch, type NewTable } from "./xlsx/patch-workbook";
import { planChart } from "./xlsx/write-chart-xml";
import type { NewCell, NewSheet } from "./xlsx/write-sheet-xml";

/** Our Monitoring sheet in an exceljs workbook, found through its marker name (tests read copies with exceljs). */
export function findMarkedSheetInWorkbook(workbook: ExcelJS.Workbook): string | undefined {
  const names = new Map<string, string>();
  for (const definedName of workbook.definedNames.model) {
    const range = definedName.ranges[0];
    if (range !== undefined) names.set(definedName.name, range);
  }
  return findOwnSheets(
    names,
    workbook.worksheets.map((worksheet) => worksheet.name),
  ).monitoring;
}

export interface MonitoredCopyOptions {
  /** ISO timestamp of the run; now when absent (tests pass a fixed one). */
  readonly generatedAt?: string;
  /** Formats to apply; planFormats(result) when absent (tests pass a hand-made plan). */
  readonly formats?: FormatPlan;
}

const TAB_COLOR = "#1F4E79";
const HEADER_FILL = "#D9E1F2";
const LINK_COLOR = "#0563C1";
const NOTE_COLOR = "#595959";
/** Our stoplight rules compare the trimmed top-left cell with a status word. */
const STOPLIGHT_RULE = /^TRIM\(\$?[A-Z]{1,3}\$?\d+\)="(?:[^"]|"")*"$/;

/**
 * `--out`: a copy of the input package with the Monitoring sheet added (or our previous one
 * rewritten), the stoplight formats, status dropdowns and highlighting, written atomically to
 * `outPath`. The copy is made by patching the original package (DESIGN.md, "The CLI"): parts we
 * need not touch are copied byte for byte, touched parts keep every element of the user's.
 * `source` is the input's bytes; an exceljs workbook (tests build inputs so) is serialised first.
 */
export async function writeMonitoredCopy(
  source: Buffer | ExcelJS.Workbook,
  result: CheckResult,
  outPath: string,
  options: MonitoredCopyOptions = {},
): Promise<MonitoringOutcome> {
  const bytes = Buffer.isBuffer(source) ? source : Buffer.from(await source.xlsx.writeBuffer());
  return writePlannedCopy(bytes, planMonitoredCopy(result, options), outPath);
}

/**
 * What a copy needs of a check, planned up front: the Monitoring sheet's layout and the formats.
 * A large workbook's check result (a million agreement rows) is garbage once this is made, so the
 * CLI lets it go before the copy is written in the room it took.
 */
export interface MonitoredCopyPlan {
  readonly sheet: MonitoringSheetPlan;
  readonly formats: FormatPlan;
}

export function planMonitoredCopy(result: CheckResult, options: MonitoredCopyOptions = {}): MonitoredCopyPlan {
  const summary = buildMonitoringSummary(result, { generatedAt: options.generatedAt ?? new Date().toISOString(), scope: "sheet" });
  return { sheet: planMonitoringSheet(summary, result.lang), formats: options.formats ?? planFormats(result) };
}

/** Writes a planned copy of `bytes` atomically to `outPath`. */
export async function writePlannedCopy(bytes: Buffer, plan: MonitoredCopyPlan, outPath: string): Promise<MonitoringOutcome> {
  const { chunks, outcome } = patchPlannedCopy(bytes, plan);
  await writeFileAtomically(outPath, chunks);
  return outcome;
}

/** The copy's bytes (as zip chunks) and where the Monitoring sheet went. */
export function patchMonitoredCopy(
  bytes: Buffer,
  result: CheckResult,
  options: MonitoredCopyOptions = {},
): { chunks: Buffer[]; outcome: MonitoringOutcome } {
  return patchPlannedCopy(bytes, planMonitoredCopy(result, options));
}

function patchPlannedCopy(bytes: Buffer, copyPlan: MonitoredCopyPlan): { chunks: Buffer[]; outcome: MonitoringOutcome } {
  try {
    const patch = new WorkbookPatch(bytes);
    const own = findOwnSheets(patch.readDefinedNames(), patch.sheets.map((s) => s.name));
    const name = chooseMonitoringSheetName(patch.sheets.map((s) => s.name), own.monitoring);
    const plan = copyPlan.sheet;
    const { sheet, tables } = renderMonitoringSheet(patch, plan);
    const chart = planChart(plan, name);
    const ownInfo = own.monitoring === undefined ? undefined : patch.sheets.find((s) => s.name === own.monitoring);
    if (ownInfo !== undefined) patch.replaceSheet(ownInfo, sheet, tables, chart);
    else {
      patch.addSheet(name, sheet, { tables, ...(chart !== undefined ? { chart } : {}) });
      patch.addDefinedName({ name: MONITORING_MARKER_NAME, formula: writeMarkerFormula(name) });
    }
    patch.addDefinedName({
      name: "_xlnm.Print_Titles",
      localSheetId: patch.indexOfSheet(name),
      formula: `${quoteSheetName(name)}!$1:$${plan.freezeRows}`,
    });
    applyFormatPlan(patch, copyPlan.formats, own);
    return { chunks: patch.write(), outcome: { sheet: name, renamedBecauseUserSheet: name !== "Monitoring" } };
  } catch (error) {
    if (error instanceof PackageError) throw new InputError(describePackageProblem("unreadableSource", { reason: error.message.replace(/\r\n|\r|\n/g, "\\n") }));
    throw error;
  }
}

function renderMonitoringSheet(patch: WorkbookPatch, plan: MonitoringSheetPlan): { sheet: NewSheet; tables: NewTable[] } {
  const cells: NewCell[] = plan.cells.map((planned) => {
    const style = patch.styles.cellStyle(lookOf(planned));
    if (planned.link === undefined) return { row: planned.row, col: planned.col, value: planned.value, style };
    // An internal link as a HYPERLINK formula: it needs no relationship and works in every host.
    const text = String(planned.value);
    return { row: planned.row, col: planned.col, value: text, style, formula: `HYPERLINK("#${quoteText(planned.link)}","${quoteText(text)}")` };
  });
  return {
    sheet: {
      cells,
      columnWidths: plan.columnWidths,
      rowHeights: plan.rowHeights,
      freezeRows: plan.freezeRows,
      landscapeFitToWidth: plan.landscape,
      tabColor: TAB_COLOR,
      // Excel's header codes: &C centre, &P page, &N pages; a literal ampersand is doubled.
      headerFooter: { header: `&C${plan.printTitle.replace(/&/g, "&&")}`, footer: `&C${plan.pageLabel} &P / &N` },
    },
    tables: plan.tables.map((table) => ({ name: table.name, range: table.range, headers: table.headers })),
  };
}

/** The look of a planned cell, as the add-in and the summary workbook show it. */
function lookOf(planned: PlannedCell): CellStyle {
  let font: CellStyle = planned.link !== undefined ? { color: LINK_COLOR, underline: true } : {};
  switch (planned.style) {
    case "title":
      font = { bold: true, size: 16 };
      break;
    case "heading":
      font = { bold: true, size: 13 };
      break;
    case "label":
      font = { bold: true };
      break;
    case "header":
      font = { bold: true, ...(planned.font !== undefined ? { color: planned.font } : {}) };
      break;
    case "note":
      font = { italic: true, color: NOTE_COLOR };
      break;
    default:
      if (planned.font !== undefined && planned.link === undefined) font = { color: planned.font };
  }
  const fill = planned.fill ?? (planned.style === "header" ? HEADER_FILL : undefined);
  return { ...font, ...(fill !== undefined ? { fill } : {}), ...(planned.wrap === true ? { wrap: true } : {}) };
}

/** Stoplight conditional formats, status dropdowns and highlighting, as planned by planFormats. */
function applyFormatPlan(patch: WorkbookPatch, plan: FormatPlan, own: OwnSheets): void {
  const ownMirrors = own.mirrors;
  const earlierRun = own.monitoring !== undefined;
  const perSheet = new Map<string, { conditionalFormats: ConditionalFormat[]; validations: ListValidation[] }>();
  const formatsOf = (sheet: string): { conditionalFormats: ConditionalFormat[]; validations: ListValidation[] } => {
    let formats = perSheet.get(sheet);
    if (formats === undefined) {
      formats = { conditionalFormats: [], validations: [] };
      perSheet.set(sheet, formats);
    }
    return formats;
  };
  for (const stoplight of plan.stoplights) {
    const topLeft = stoplight.range.split(":")[0] ?? stoplight.range;
    formatsOf(stoplight.sheet).conditionalFormats.push({
      range: stoplight.range,
      rules: stoplight.rules.map((rule) => ({
        // Excel's "=" compares text case-insensitively; TRIM forgives stray spaces.
        formula: `TRIM(${topLeft})="${quoteText(rule.status)}"`,
        dxfId: patch.styles.differentialStyle({ fill: rule.fill, font: rule.font }),
      })),
    });
    formatsOf(stoplight.sheet).validations.push({ range: stoplight.range, list: stoplight.list });
  }

  const mirrors = [...ownMirrors];
  plan.highlights.forEach((highlight, i) => {
    const reused = ownMirrors[i];
    const mirrorSheet = reused ?? freeMirrorName(patch);
    const sheet: NewSheet = {
      cells: highlight.cells.map((marked) => {
        const at = parseCell(marked.cell);
        return { row: at.row, col: at.col, value: marked.severity };
      }),
    };
    const info = reused === undefined ? undefined : patch.sheets.find((s) => s.name === reused);
    if (info !== undefined) patch.replaceSheet(info, sheet);
    else {
      patch.addSheet(mirrorSheet, sheet, { hidden: true });
      mirrors.push(mirrorSheet);
      let n = 0;
      while (patch.hasDefinedName(writeMirrorMarkerName(n))) n += 1;
      patch.addDefinedName({ name: writeMirrorMarkerName(n), formula: writeMarkerFormula(mirrorSheet) });
    }
    const planned = `${quoteSheetName(highlight.mirrorSheet)}!`;
    formatsOf(highlight.sheet).conditionalFormats.push({
      range: highlight.range,
      rules: highlight.rules.map((rule) => {
        const formula = rule.formula.replace(/^=/, "");
        return {
          formula: formula.startsWith(planned) ? `${quoteSheetName(mirrorSheet)}!${formula.slice(planned.length)}` : formula,
          dxfId: patch.styles.differentialStyle({ fill: rule.fill, border: rule.border }),
        };
      }),
    });
  });
  // Our highlighting sheets no longer needed this time are emptied (the workbook keeps its sheet list).
  for (const surplus of ownMirrors.slice(plan.highlights.length)) {
    const info = patch.sheets.find((s) => s.name === surplus);
    if (info !== undefined) patch.replaceSheet(info, { cells: [] });
  }

  // Our highlighting rules refer to one of our mirrors (or, the add-in's, to a mirror's value twin),
  // quoted as we write them or bare as Excel saves a name that needs no quotes.
  const helpers = [...new Set([...mirrors, ...listHelperSheets(own)])];
  const isOwnRule = (formula: string): boolean => STOPLIGHT_RULE.test(formula) || helpers.some((sheet) => formulaReferencesSheet(formula, sheet));
  const sheetsToPatch = new Set([...perSheet.keys(), ...patch.sheets.filter((s) => s.type.endsWith("/worksheet")).map((s) => s.name)]);
  for (const sheetName of sheetsToPatch) {
    const info = patch.sheets.find((s) => s.name === sheetName);
    if (info?.part === undefined || helpers.includes(sheetName)) continue;
    const formats = perSheet.get(sheetName) ?? { conditionalFormats: [], validations: [] };
    // Sheets without new formats are read only when an earlier run may have left our formats on them.
    if (formats.conditionalFormats.length === 0 && !earlierRun && ownMirrors.length === 0) continue;
    const chunks = patchWorksheetBytes(patch.pkg.readBytes(info.part), info.part, { ...formats, isOwnRule });
    if (chunks !== undefined) patch.pkg.writeChunks(info.part, chunks);
  }
}

/** The first "PM_Markering<n>" no sheet has (a user's sheet of that name is data, never replaced). */
function freeMirrorName(patch: WorkbookPatch): string {
  return findFreeSheetName(patch.listSheetNames(), (n) => `${HIGHLIGHT_SHEET_PREFIX}${n}`);
}

function parseCell(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address);
  if (!match) return { row: 1, col: 1 };
  let col = 0;
  for (const ch of (match[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

function quoteText(text: string): string {
  return text.replace(/"/g, '""');
}
