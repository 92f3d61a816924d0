import { checkWorkbook, planFormats, type CheckResult, type FormatPlan, type Lang, type SheetGrid } from "../domain";

/*
 * The engine as the add-in runs it, on this thread or in the pane's Web Worker. Kept apart from
 * run-check.ts, which talks to Excel, so that the worker's chunk holds the engine and no adapter.
 */

/**
 * Runs the engine on a workbook's grids: the checked sheets only (listCheckedSheets found ours by
 * marker), so no sheet is skipped by its name (`toolSheetsByMarker`). The pane passes one that runs it in a Web Worker
 * (src/taskpane/engine-in-worker.ts), so that a big workbook never blocks the pane's thread.
 */
export type EngineRunner = (sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted) => Promise<EngineOutput>;

/** What a check needs besides the result. */
export interface EngineWanted {
  /**
   * The format plan (planFormats) too: an explicit check writes it. Planning a 20k-row workbook's
   * formats took the pane's thread some 100 ms after the engine; a worker plans them beside the engine.
   */
  readonly formats: boolean;
}

export interface EngineOutput {
  readonly result: CheckResult;
  /** Present when asked for (EngineWanted.formats). */
  readonly formats?: FormatPlan;
}

/** The engine on this thread (Node, tests, and where no Worker can start). */
export const runEngineHere: EngineRunner = (sheets, lang, wanted) => Promise.resolve(runEngineAndPlan(sheets, lang, wanted));

/** The engine and, when wanted, its format plan (also what the pane's worker runs). */
export function runEngineAndPlan(sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted): EngineOutput {
  const result = checkWorkbook(sheets, { lang, toolSheets: [], toolSheetsByMarker: true });
  return wanted.formats ? { result, formats: planFormats(result) } : { result };
}
