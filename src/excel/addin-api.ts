import type { CheckResult, Lang } from "../domain";

/**
 * The contract between the task pane (src/taskpane) and the Excel adapter (src/excel).
 * The pane never touches Excel.*; it calls these. Each method is one user action = one Excel.run.
 */

export interface StatusColumnNote {
  readonly sheet: string;
  /** Column letters of a status column left alone because it already has the user's own validation. */
  readonly column: string;
}

export interface CheckOutcome {
  readonly result: CheckResult;
  /** Status columns whose existing data validation was kept (reported in the pane). */
  readonly keptValidation: readonly StatusColumnNote[];
  /** Round trips (context.sync calls) this action took, for diagnostics and tests. */
  readonly syncs: number;
}

export interface MonitoringOutcome {
  /** Name of the sheet written (Monitoring, or another name when the user owns "Monitoring"). */
  readonly sheet: string;
  /** True when the user's own sheet named Monitoring existed and was left alone. */
  readonly renamedBecauseUserSheet: boolean;
}

export type LiveUpdateListener = (outcome: CheckOutcome) => void;
export type AddinErrorListener = (error: Error) => void;

export interface WorkbookAdapter {
  /** Reads every checked sheet (values + number formats: 1 round trip), runs the engine, writes
   * stoplight formats, dropdowns and highlighting (1 round trip). */
  checkWorkbook(lang: Lang): Promise<CheckOutcome>;
  /** Removes the add-in's highlighting; the user's values and formats are exactly as before. */
  clearHighlighting(): Promise<void>;
  /** Selects a cell (and activates its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Starts live checking (onChanged, debounced); returns a function that stops it. */
  startLiveChecks(lang: Lang, onUpdate: LiveUpdateListener, onError: AddinErrorListener): Promise<() => Promise<void>>;
  /** Starts reporting the selected cell (to show its findings in the pane). */
  onSelectionChanged(listener: (sheet: string, cell: string) => void): Promise<() => Promise<void>>;
  /** Writes (or replaces) the Monitoring sheet from the latest check. */
  writeMonitoringSheet(result: CheckResult): Promise<MonitoringOutcome>;
  /** Opens the monitoring summary as a new workbook (base64 xlsx built in the pane). */
  openSummaryWorkbook(base64Xlsx: string): Promise<void>;
  /** Inserts the default (or current) model as a Model sheet. */
  insertModelSheet(result: CheckResult): Promise<string>;
}
