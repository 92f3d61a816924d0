import type { CheckResult } from "./check-workbook";

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

export interface FormatPlan {
  readonly highlights: readonly HighlightSheetPlan[];
  readonly stoplights: readonly StoplightColumnPlan[];
}

/** STUB (issue #3): plans highlighting and stoplights for a check result. */
export function planFormats(_result: CheckResult): FormatPlan {
  return { highlights: [], stoplights: [] };
}
