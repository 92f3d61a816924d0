import type { CheckResult } from "../check-workbook";
import { isToolSheet } from "../model/sheet-names";
import { formatA1, parseA1 } from "../core/grid";
import { readableTextColor } from "../findings/summary-labels";

/**
 * What both adapters (Office.js in the add-in, exceljs in the CLI's --out copy) write to show a
 * check in the workbook, planned once here so they cannot drift apart.
 *
 * Highlighting is non-destructive: the severity of each marked cell is written to a hidden sheet
 * the tool owns (HIGHLIGHT_SHEET_NAME), mirroring the data sheet's addresses, and a conditional
 * format on the data sheet fills a cell when its mirror cell says so. Clearing deletes those
 * conditional formats and the hidden sheet: the user's values and formats were never touched.
 */

/** Hidden sheet that mirrors the severity per marked cell (name starts with the tool prefix). */
export const HIGHLIGHT_SHEET_PREFIX = "PM_Markering";

/** Workbook-level defined name that marks the Monitoring sheet as the tool's own (refers to its A1). */
export const MONITORING_MARKER_NAME = "PrestatiemonitorMonitoring";

export interface HighlightSheetPlan {
  /** The checked data sheet. */
  readonly sheet: string;
  /** The hidden mirror sheet for it (one per data sheet; names fit Excel's 31-character limit). */
  readonly mirrorSheet: string;
  /** Marked cells: A1 address on the data sheet (same address on the mirror) and severity word. */
  readonly cells: readonly { readonly cell: string; readonly severity: "error" | "warning" }[];
  /** Range on the data sheet the conditional formats cover (the used range of marked cells). */
  readonly range: string;
  /** Conditional format rules for `range`, relative to its top-left cell. */
  readonly rules: readonly { readonly formula: string; readonly fill: string; readonly border: string }[];
}

export interface StoplightColumnPlan {
  readonly sheet: string;
  readonly year: number;
  /** Status cells of the data rows, e.g. "F3:F120". */
  readonly range: string;
  /** One text-equals rule per status (case-insensitive in Excel), with the model's colour. */
  readonly rules: readonly { readonly status: string; readonly fill: string; readonly font: string }[];
  /** The dropdown's list (canonical status words). */
  readonly list: readonly string[];
}

/**
 * A live check Excel evaluates by itself: an explanation cell is marked while its row's status
 * needs an explanation (rood, oranje in the default model) and the cell is blank. Being a native
 * conditional format, it appears and clears as the user types, with no add-in round trip.
 */
export interface ExplanationCheckPlan {
  readonly sheet: string;
  readonly year: number;
  /** Explanation cells of the data rows, e.g. "G3:G120". */
  readonly range: string;
  /** Custom conditional format formula relative to the range's top-left cell. */
  readonly formula: string;
  readonly fill: string;
  readonly border: string;
}

export interface FormatPlan {
  readonly highlights: readonly HighlightSheetPlan[];
  readonly stoplights: readonly StoplightColumnPlan[];
  /** Native checks for rood/oranje without explanation (add-in only; a static copy may ignore them). */
  readonly explanations?: readonly ExplanationCheckPlan[];
}

/** Fill and border per marked severity (Excel's "light red" and "light yellow" presets). */
export const HIGHLIGHT_COLORS: Readonly<Record<"error" | "warning", { readonly fill: string; readonly border: string }>> = {
  error: { fill: "#FFC7CE", border: "#C00000" },
  warning: { fill: "#FFF2CC", border: "#BF8F00" },
};

/** Excel's sheet-name limit. */
const MAX_SHEET_NAME = 31;

/**
 * Plans highlighting and stoplights for a check result. Highlighting marks the cell of every
 * error and warning (an error wins over a warning on the same cell; infos are not marked);
 * stoplights cover every status column of every agreements header.
 */
export function planFormats(result: CheckResult): FormatPlan {
  return { highlights: planHighlights(result), stoplights: planStoplights(result), explanations: planExplanationChecks(result) };
}

function planExplanationChecks(result: CheckResult): ExplanationCheckPlan[] {
  const needing = result.model.statuses.filter((s) => s.needsExplanation).map((s) => s.name);
  if (needing.length === 0) return [];
  const plans: ExplanationCheckPlan[] = [];
  for (const columns of result.columns) {
    if (isToolSheet(columns.sheet) || columns.lastRow < columns.firstRow) continue;
    for (const [yearText, status] of Object.entries(columns.status)) {
      const explanation = columns.explanation[Number(yearText)];
      if (explanation === undefined) continue;
      const statusCell = `${status}${columns.firstRow}`;
      const explanationCell = `${explanation}${columns.firstRow}`;
      const anyStatus = needing.map((name) => `TRIM(${statusCell})="${name.replace(/"/g, '""')}"`).join(",");
      plans.push({
        sheet: columns.sheet,
        year: Number(yearText),
        range: `${explanation}${columns.firstRow}:${explanation}${columns.lastRow}`,
        formula: `=AND(OR(${anyStatus}),LEN(TRIM(${explanationCell}))=0)`,
        fill: HIGHLIGHT_COLORS.warning.fill,
        border: HIGHLIGHT_COLORS.warning.border,
      });
    }
  }
  return plans;
}

/** The tool's own sheets: by marker when the check found them so, else by name. */
function isOwnSheet(result: CheckResult, sheet: string): boolean {
  return result.toolSheets !== undefined ? result.toolSheets.includes(sheet) : isToolSheet(sheet);
}

function planHighlights(result: CheckResult): HighlightSheetPlan[] {
  const bySheet = new Map<string, Map<string, "error" | "warning">>();
  for (const finding of result.findings) {
    if (finding.severity === "info" || isOwnSheet(result, finding.sheet)) continue;
    const cell = markedCell(finding.cell ?? finding.range);
    if (cell === undefined) continue;
    let cells = bySheet.get(finding.sheet);
    if (!cells) {
      cells = new Map();
      bySheet.set(finding.sheet, cells);
    }
    if (cells.get(cell) !== "error") cells.set(cell, finding.severity);
  }
  const sheets = [...bySheet.keys()].sort((a, b) => a.localeCompare(b));
  return sheets.map((sheet, i) => {
    const marked = bySheet.get(sheet) ?? new Map<string, "error" | "warning">();
    const mirrorSheet = mirrorSheetName(i);
    const positions = [...marked.keys()].map((cell) => parseA1(cell) ?? { row: 0, col: 0 });
    // A loop rather than Math.min(...): a large sheet marks more cells than a call takes arguments.
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const p of positions) {
      top = Math.min(top, p.row);
      left = Math.min(left, p.col);
      bottom = Math.max(bottom, p.row);
      right = Math.max(right, p.col);
    }
    const topLeft = formatA1(top, left);
    const range = top === bottom && left === right ? topLeft : `${topLeft}:${formatA1(bottom, right)}`;
    const severities = new Set(marked.values());
    const rules = (["error", "warning"] as const)
      .filter((severity) => severities.has(severity))
      .map((severity) => ({
        formula: `=${quoteSheetName(mirrorSheet)}!${topLeft}="${severity}"`,
        fill: HIGHLIGHT_COLORS[severity].fill,
        border: HIGHLIGHT_COLORS[severity].border,
      }));
    const cells = [...marked.entries()]
      .map(([cell, severity]) => ({ cell, severity }))
      .sort((a, b) => compareCells(a.cell, b.cell));
    return { sheet, mirrorSheet, cells, range, rules };
  });
}

/** "PM_Markering1", "PM_Markering2", ...: valid, unique per data sheet, well under 31 characters. */
export function mirrorSheetName(index: number): string {
  const name = `${HIGHLIGHT_SHEET_PREFIX}${index + 1}`;
  return name.slice(0, MAX_SHEET_NAME);
}

/** True for the add-in's mirror sheets. */
export function isMirrorSheet(name: string): boolean {
  return name.startsWith(HIGHLIGHT_SHEET_PREFIX);
}

/** A sheet name as a formula reference: always quoted, inner quotes doubled (valid for every name). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The cell a finding marks: its cell, or the top-left cell of its range. */
function markedCell(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const first = address.split(":")[0] ?? "";
  const pos = parseA1(first);
  return pos ? formatA1(pos.row, pos.col) : undefined;
}

function compareCells(a: string, b: string): number {
  const pa = parseA1(a) ?? { row: 0, col: 0 };
  const pb = parseA1(b) ?? { row: 0, col: 0 };
  return pa.row - pb.row || pa.col - pb.col;
}

function planStoplights(result: CheckResult): StoplightColumnPlan[] {
  const statuses = result.model.statuses;
  const rules = statuses.map((s) => ({ status: s.name, fill: s.color.toUpperCase(), font: readableTextColor(s.color) }));
  const list = statuses.map((s) => s.name);
  const plans: StoplightColumnPlan[] = [];
  for (const columns of result.columns) {
    if (isOwnSheet(result, columns.sheet) || columns.lastRow < columns.firstRow) continue;
    const years = Object.keys(columns.status)
      .map(Number)
      .sort((a, b) => a - b);
    for (const year of years) {
      const column = columns.status[year];
      if (column === undefined) continue;
      plans.push({ sheet: columns.sheet, year, range: `${column}${columns.firstRow}:${column}${columns.lastRow}`, rules, list });
    }
  }
  return plans;
}

