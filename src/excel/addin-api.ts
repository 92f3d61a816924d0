import type { CheckResult, CheckSnapshot, Finding, Lang } from "../domain";

/**
 * The contract between the task pane (src/taskpane) and the Excel adapter (src/excel).
 * The pane never touches Excel.*; it calls these. Each method is one user action = one Excel.run.
 */

export interface StatusColumnNote {
  readonly sheet: string;
  /** Column letters of a status column left alone because it already has the user's own validation. */
  readonly column: string;
}

/**
 * Why some or all of a check's writes did not happen, or what they cost the user: the pane shows
 * one notice per kind; the findings are there either way.
 */
export interface WriteNotice {
  /** read-only: the workbook is open read-only or in view mode; protected: sheets under protection
   * (`sheets`); refused: Excel refused the writes (AccessDenied); undo-cleared: creating the add-in's
   * hidden sheets cleared Excel's undo list (Worksheet.visibility on Windows and Mac, first check only). */
  readonly kind: "read-only" | "protected" | "refused" | "undo-cleared";
  readonly sheets: readonly string[];
}

export interface CheckOutcome {
  readonly result: CheckResult;
  /** Status columns whose existing data validation was kept (reported in the pane). */
  readonly keptValidation: readonly StatusColumnNote[];
  /** Round trips (context.sync calls) this action took, for diagnostics and tests. */
  readonly syncs: number;
  /** Write operations sent (0 for a live re-check, and for a re-check of an unchanged workbook). */
  readonly writeOps: number;
  readonly notices: readonly WriteNotice[];
}

export interface MonitoringOutcome {
  /** Name of the sheet written (Monitoring, or another name when the user owns "Monitoring"). */
  readonly sheet: string;
  /** True when the user's own sheet named Monitoring existed and was left alone. */
  readonly renamedBecauseUserSheet: boolean;
}

/** "Toepassen": "applied", or "changed" when the cell no longer holds what the finding was about (nothing written). */
export type SuggestionOutcome = "applied" | "changed";

/**
 * Where an acceptance was written ("Model!A14") and whether the Model sheet had to be added; or
 * nothing written because the sheet called Model is the user's data (holdsModelContent).
 */
export type AcceptanceOutcome =
  | { readonly kind: "accepted"; readonly at: string; readonly addedModelSheet: boolean }
  | { readonly kind: "model-sheet-is-data"; readonly sheet: string };

/** "Nieuw monitoringjaar": columns added (and the check after it), or why not. */
export type NewYearOutcome =
  | { readonly kind: "added"; readonly year: number; readonly sheets: readonly string[]; readonly check: CheckOutcome; readonly hideLater: readonly string[] }
  | { readonly kind: "present"; readonly year: number }
  | { readonly kind: "no-sheet"; readonly year: number }
  | { readonly kind: "refused"; readonly year: number; readonly sheet: string; readonly previousYear: number | undefined };

export type LiveUpdateListener = (outcome: CheckOutcome) => void;
export type AddinErrorListener = (error: Error) => void;

export interface WorkbookAdapter {
  /** False where Excel lacks ExcelUndoApiAll (older builds): any write then empties the user's
   * undo list, and the pane says so before the first write. */
  isUndoSupported(): boolean;
  /** Reads every checked sheet (values + number formats: 1 round trip), runs the engine, writes
   * what differs in stoplight formats, dropdowns and highlighting (1 round trip, one Ctrl+Z). */
  checkWorkbook(lang: Lang): Promise<CheckOutcome>;
  /** Removes the add-in's highlighting; the user's values and formats are exactly as before. */
  clearHighlighting(): Promise<void>;
  /** Selects a cell (and activates its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Starts live checking (workbook-level onChanged, debounced, read-only); returns a function that stops it. */
  startLiveChecks(lang: Lang, onUpdate: LiveUpdateListener, onError: AddinErrorListener): Promise<() => Promise<void>>;
  /** Starts reporting the selected cell (to show its findings in the pane). */
  onSelectionChanged(listener: (sheet: string, cell: string) => void): Promise<() => Promise<void>>;
  /** Writes (or replaces) the Monitoring sheet from the latest check. */
  writeMonitoringSheet(result: CheckResult): Promise<MonitoringOutcome>;
  /** Opens the monitoring summary as a new workbook (base64 xlsx built in the pane). */
  openSummaryWorkbook(base64Xlsx: string): Promise<void>;
  /**
   * Shows the printable report in an Office dialog where a download link would fail (Excel on Mac,
   * office-js #2700, #3385). Resolves "download" when the pane should offer its link instead.
   */
  openReport(html: string, dialogPageUrl: string): Promise<"dialog" | "download">;
  /** The state kept with the last Monitoring sheet (for "Wat is er veranderd"), undefined when there is none. */
  readCheckSnapshot?(): Promise<CheckSnapshot | undefined>;
  /** Inserts the default (or current) model as a Model sheet. */
  insertModelSheet(result: CheckResult): Promise<string>;
  /**
   * "Toepassen": writes the finding's suggestion into its cell as a normal cell edit (one undo
   * step, no other write). "changed" when the cell was edited since the check (nothing written).
   * Then a read-only re-check (live checks skip the add-in's own edits), for the pane to show.
   */
  applySuggestion(finding: Finding, lang: Lang): Promise<{ readonly kind: SuggestionOutcome; readonly check: CheckOutcome }>;
  /**
   * "Accepteren": stores the acceptance with its reason on the Model sheet (added when absent), one
   * undo step; then a read-only re-check in which the finding is accepted.
   */
  acceptFinding(finding: Finding, reason: string, date: string, lang: Lang): Promise<AcceptanceOutcome & { readonly check: CheckOutcome }>;
  /**
   * "Nieuw monitoringjaar": Status and Toelichting columns of `year` after last year's on each
   * agreements sheet, with dropdown and stoplight colours, and the check that follows: one undo step.
   */
  addMonitoringYear(year: number, lang: Lang): Promise<NewYearOutcome>;
}
