import { checkWorkbook, planFormats, type CheckResult, type FormatPlan, type Lang, type SheetGrid } from "../domain";

/*
 * The engine as the add-in runs it: in the pane's Web Worker (src/taskpane/engine-worker.ts), or on
 * the pane's thread through runEngineHere (run-engine.ts), which loads this module on first use.
 */

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

/** The engine and, when wanted, its format plan. */
export function runEngineAndPlan(sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted): EngineOutput {
  const result = checkWorkbook(sheets, { lang, toolSheets: [], toolSheetsByMarker: true });
  return wanted.formats ? { result, formats: planFormats(result) } : { result };
}
