import type { CheckResult, Finding, Lang } from "../domain";
import type { CheckOutcome, WorkbookAdapter } from "../excel/addin-api";
import type { UiKey } from "./i18n";

/**
 * What the pane hands to its menu entries (menu-entries.ts) and finding actions
 * (finding-actions.ts): the adapter, the latest check, and the pane's message areas. Entries and
 * actions are plain data that other features append to; they never reach into the pane's DOM.
 */

/** The export seam: heavy modules (exceljs) load lazily, as separate chunks. */
export interface ExportLoaders {
  loadSummaryWorkbook(): Promise<{ buildSummaryWorkbookBase64(result: CheckResult, options?: { lang?: Lang }): Promise<string> }>;
  loadReportHtml(): Promise<{ buildReportHtml(result: CheckResult, lang: Lang): string }>;
}

export interface PaneContext {
  readonly lang: Lang;
  readonly adapter: WorkbookAdapter;
  readonly exports: ExportLoaders;
  /** The latest check, or undefined (and a notice "check first") when there is none yet. */
  requireResult(): CheckResult | undefined;
  /** A pane phrase in the pane's language. */
  t(key: UiKey, values?: Readonly<Record<string, string | number>>): string;
  /** Adds lines (or a node, such as a download link) to the notice area. */
  showNotice(...lines: (string | Node)[]): void;
  /** Checks the workbook again, as the Controleren button does (after an action changed it). */
  recheck(): Promise<void>;
  /** Ends live checking (until the next check). */
  stopLiveChecks(): Promise<void>;
  /** Runs a further user action (a form's submit) with the busy state and error display of the menu's. */
  run(action: () => Promise<void>, writes?: boolean): Promise<void>;
  /** Shows a check that an action brought back (its re-check), as a live update would. */
  showOutcome(outcome: CheckOutcome): Promise<void>;
  /** Tells the pane the Monitoring sheet was written (its "what changed" reads the new snapshot). */
  monitoringWritten(): void;
}

/** One entry of the "Meer acties" menu. */
export interface MenuEntry {
  readonly id: string;
  readonly label: UiKey;
  readonly hint: UiKey;
  /** True when the entry writes to the workbook: the pane warns first where Excel cannot undo. */
  readonly writes: boolean;
  run(context: PaneContext): Promise<void>;
}

/**
 * Buttons on a finding card, below its message (empty by default). `where` says which card: a
 * line of the findings list, or the card of the selected cell. Return no elements to add none.
 * Clicks should go through `context.run` so they get the busy state and error display.
 */
export type FindingActionProvider = (
  finding: Finding,
  where: "list" | "selected",
  context: PaneContext,
) => readonly HTMLElement[];
