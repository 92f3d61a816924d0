import type { CheckResult, Lang } from "../domain";
import type { SheetGrid } from "../domain";
import { planFormats } from "../domain";
import { isAccessDeniedError } from "./addin-error";
import type { CheckOutcome, WriteNotice } from "./addin-api";
import { readPlatform, runExcel } from "./excel-run";
import { runEngineHere, type EngineRunner } from "./run-engine";
import { readWorkbook, type KnownOwn, type MutableGrid, type ReadOptions, type Sync, type WorkbookRead, type WorkbookState } from "./read-workbook";
import { startThreadTurns } from "./thread-turns";
import { flushWrites, planWrites } from "./write-formats";

/** The engine + write round trip of an explicit check, and the adapter's memory. */

/** What the adapter remembers between actions (one pane session). */
export interface AdapterMemory {
  /** Sheet names seen by the last action: lets the next check list and read in one round trip. */
  knownSheets: string[] | undefined;
  /** The grids of the last check, patched by live edits. */
  grids: MutableGrid[] | undefined;
  /** The last result (live re-checks watch its status columns). */
  result?: CheckResult | undefined;
  /** The add-in's own sheets at the last read (SheetRoles.own): events on them are not the user's edits. */
  ownSheets?: readonly string[] | undefined;
  /** The add-in's helper sheets at the last read (SheetRoles.helpers): read back by the next check. */
  helperSheets?: readonly string[] | undefined;
  /** Worksheet id -> name, from the last read (events name sheets by id). */
  sheetIds?: Map<string, string> | undefined;
  /** Where the engine runs (AdapterOptions.engine); undefined: here, synchronously. */
  engine?: EngineRunner | undefined;
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

/**
 * True for one of the add-in's own sheets as of the last read (found by marker). Before any read
 * nothing is known to be ours, never by name: an event there is taken as the user's (at worst a
 * live re-check that finds nothing new).
 */
export function isOwnSheetIn(memory: Pick<AdapterMemory, "ownSheets">, sheet: string): boolean {
  return memory.ownSheets !== undefined && memory.ownSheets.includes(sheet);
}

/** What the memory knows of our sheets, for readWorkbook's first round trip (undefined before any read). */
function readKnownOwn(memory: Pick<AdapterMemory, "ownSheets" | "helperSheets">): KnownOwn | undefined {
  return memory.ownSheets !== undefined && memory.helperSheets !== undefined ? { own: memory.ownSheets, helpers: memory.helperSheets } : undefined;
}

/**
 * The read round trip of an action (two when the sheet names are new), remembered for the next
 * one: sheet names and ids, our sheets by marker, and the grids live edits patch.
 */
export async function readIntoMemory(
  context: Excel.RequestContext,
  memory: AdapterMemory,
  sync: Sync,
  readOptions: ReadOptions,
  /** False for a live read (readWorkbook's withOwned). */
  withOwned: boolean,
): Promise<WorkbookRead> {
  const read = await readWorkbook(context, memory.knownSheets, sync, readOptions, memory.grids ?? [], withOwned, readKnownOwn(memory));
  memory.knownSheets = read.state.worksheets.items.map((ws) => ws.name);
  memory.ownSheets = read.roles.own;
  memory.helperSheets = read.roles.helpers;
  memory.sheetIds = new Map(read.state.worksheets.items.map((ws) => [ws.id, ws.name]));
  memory.grids = read.grids;
  return read;
}

/** Sheets a write created are ours: the next check reads them in its first round trip. */
export function rememberCreatedSheets(memory: AdapterMemory, created: readonly string[]): void {
  memory.knownSheets = [...(memory.knownSheets ?? []), ...created];
  memory.ownSheets = [...(memory.ownSheets ?? []), ...created];
  memory.helperSheets = [...(memory.helperSheets ?? []), ...created];
}

export async function runEngineOn(grids: readonly MutableGrid[], lang: Lang, engine: EngineRunner = runEngineHere): Promise<CheckResult> {
  return (await engine(grids.map(toSheetGrid), lang, { formats: false })).result;
}

/**
 * Runs the engine on grids and writes what differs from the last check in one round trip.
 * A read-only workbook, protected sheets and refused writes leave the findings intact and come
 * back as notices. New hidden sheets are returned for `hideNewSheets` where hiding them inside
 * this run would break its undo group.
 */
export async function writeCheck(
  context: Excel.RequestContext,
  state: WorkbookState,
  grids: readonly MutableGrid[],
  lang: Lang,
  sync: Sync,
  engine: EngineRunner = runEngineHere,
): Promise<Omit<CheckOutcome, "syncs"> & { readonly hideLater: readonly string[]; readonly createdSheets: readonly string[] }> {
  const { result, formats } = await engine(grids.map(toSheetGrid), lang, { formats: true });
  const notices: WriteNotice[] = [];
  if (state.workbook?.readOnly === true) return { result, keptValidation: [], writeOps: 0, notices: [{ kind: "read-only", sheets: [] }], hideLater: [], createdSheets: [] };
  // The result arrives at the start of a task: planning and queueing the writes share it with no more than a slice.
  const turns = startThreadTurns();
  const writes = planWrites(context, state, formats ?? planFormats(result), grids);
  await turns.pause();
  if (writes.protectedSheets.length > 0) notices.push({ kind: "protected", sheets: writes.protectedSheets });
  // Worksheet.visibility keeps undo on the web only (Microsoft's undo table): there it goes in the
  // same undoable step; on Windows and Mac it runs apart, after the step, and the pane says so.
  const hideHere = readPlatform() === "web" || readPlatform() === "other";
  const hideOps = hideHere
    ? writes.newSheets.map((name) => () => {
        context.workbook.worksheets.getItem(name).visibility = "VeryHidden";
      })
    : [];
  const ops = [...writes.ops, ...hideOps];
  try {
    await flushWrites(ops, sync, turns);
  } catch (error) {
    // A sheet protected or the file switched to read-only since the read: keep the findings.
    if (!isAccessDeniedError(error)) throw error;
    return { result, keptValidation: writes.keptValidation, writeOps: 0, notices: [...notices, { kind: "refused", sheets: [] }], hideLater: [], createdSheets: [] };
  }
  return { result, keptValidation: writes.keptValidation, writeOps: ops.length, notices, hideLater: hideHere ? [] : writes.newSheets, createdSheets: writes.newSheets };
}

/** Hides sheets the check just created (its own Excel.run: no undo group to break). */
export async function hideNewSheets(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await runExcel(async (context) => {
    for (const name of names) context.workbook.worksheets.getItem(name).visibility = "VeryHidden";
    await context.sync();
  });
}

export function toSheetGrid(grid: MutableGrid): SheetGrid {
  const sheetGrid = { sheet: grid.sheet, origin: grid.origin, values: grid.values, formats: grid.formats };
  return grid.merges === undefined || grid.merges.length === 0 ? sheetGrid : { ...sheetGrid, merges: grid.merges };
}
