import { checkWorkbook as runEngine } from "../domain";
import type { Lang } from "../domain";
import type { SheetGrid } from "../domain";
import { planFormats } from "../domain";
import type { CheckOutcome } from "./addin-api";
import type { MutableGrid, Sync, WorkbookState } from "./read-workbook";
import { flushWrites, planRemoval, planWrites } from "./write-formats";

/** The engine + write round trip shared by full and live checks, and the adapter's memory. */

/** What the adapter remembers between actions (one pane session). */
export interface AdapterMemory {
  /** Sheet names seen by the last action: lets the next check list and read in one round trip. */
  knownSheets: string[] | undefined;
  /** The grids of the last check, patched by live edits. */
  grids: MutableGrid[] | undefined;
}

/** A sync that counts round trips. */
export function countingSync(context: Excel.RequestContext): { sync: Sync; count: () => number } {
  let count = 0;
  return {
    sync: async () => {
      count += 1;
      await context.sync();
    },
    count: () => count,
  };
}

/** Runs the engine on grids and writes its formats in one round trip (shared with live checks). */
export async function writeCheck(
  context: Excel.RequestContext,
  state: WorkbookState,
  grids: readonly MutableGrid[],
  lang: Lang,
  sync: Sync,
): Promise<Omit<CheckOutcome, "syncs">> {
  const result = runEngine(grids.map(toSheetGrid), { lang });
  const writes = planWrites(context, state, planFormats(result));
  await flushWrites([...planRemoval(context, state), ...writes.ops], sync);
  return { result, keptValidation: writes.keptValidation };
}

export function toSheetGrid(grid: MutableGrid): SheetGrid {
  const sheetGrid = { sheet: grid.sheet, origin: grid.origin, values: grid.values, formats: grid.formats };
  return grid.merges === undefined || grid.merges.length === 0 ? sheetGrid : { ...sheetGrid, merges: grid.merges };
}

