import type { Lang, SheetGrid } from "../domain";
import type { EngineOutput, EngineWanted } from "./engine-here";

export type { EngineOutput, EngineWanted } from "./engine-here";

/*
 * How the add-in runs the engine, on this thread or in the pane's Web Worker. This module holds no
 * engine code: the pane's first script imports it, and the engine itself (engine-here.ts) comes in
 * the worker's chunk, or in a chunk of its own when it runs on this thread.
 */

/**
 * Runs the engine on a workbook's grids: the checked sheets only (listCheckedSheets found ours by
 * marker), so no sheet is skipped by its name (`toolSheetsByMarker`). The pane passes one that runs it in a Web Worker
 * (src/taskpane/engine-in-worker.ts), so that a big workbook never blocks the pane's thread.
 */
export type EngineRunner = (sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted) => Promise<EngineOutput>;

/**
 * The engine on this thread (Node, tests, and where no Worker can start). Loaded on first use: the
 * pane's first script then holds no engine (zod, the readers, the rules), which the worker runs.
 */
export const runEngineHere: EngineRunner = async (sheets, lang, wanted) => {
  const { runEngineAndPlan } = await import(/* webpackChunkName: "engine" */ "./engine-here");
  return runEngineAndPlan(sheets, lang, wanted);
};
