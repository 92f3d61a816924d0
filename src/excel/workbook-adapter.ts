import { isToolSheet, type CheckResult } from "../domain";
import type { Lang } from "../domain";
import { AddinError, isItemNotFoundError } from "./addin-error";
import type { CheckOutcome, MonitoringOutcome, WorkbookAdapter } from "./addin-api";
import { insertModelSheet } from "./insert-model-sheet";
import { startLiveChecks, type LiveSession } from "./live-checks";
import { openSummaryWorkbook } from "./open-summary-workbook";
import { parseRangeAddress, splitSheetAddress } from "./range-address";
import {
  DEFAULT_READ_OPTIONS,
  listCheckedSheets,
  queueFormatsLoad,
  queueWorkbookLoads,
  readWorkbook,
  type ReadOptions,
  type WorkbookState,
} from "./read-workbook";
import { DEFAULT_RETRY, retryInEditMode, type RetryOptions } from "./retry-in-edit-mode";
import { countingSync, writeCheck, type AdapterMemory } from "./run-check";
import { flushWrites, planRemoval } from "./write-formats";
import { writeMonitoringSheet } from "./write-monitoring-sheet";

export interface AdapterOptions {
  readonly read?: Partial<ReadOptions>;
  readonly retry?: Partial<RetryOptions>;
  /** Quiet time after the last edit before a live re-check. */
  readonly debounceMs?: number;
}

/** Office.js adapter for the task pane (the WorkbookAdapter contract). */
export function createWorkbookAdapter(options: AdapterOptions = {}): WorkbookAdapter {
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const memory: AdapterMemory = { knownSheets: undefined, grids: undefined };

  const fullCheck = (lang: Lang): Promise<CheckOutcome> => retryInEditMode(() => runFullCheck(lang, memory, readOptions), retry);

  return {
    checkWorkbook: fullCheck,
    clearHighlighting: async () => {
      await retryInEditMode(() => clearAddinFormats(), retry);
    },
    selectCell: (sheet, cell) => retryInEditMode(() => selectCell(sheet, cell), retry),
    startLiveChecks: (lang, onUpdate, onError) => {
      const session: LiveSession = { lang, memory, retry, debounceMs: options.debounceMs ?? 400, fullCheck, onUpdate, onError };
      return startLiveChecks(session);
    },
    onSelectionChanged: (listener) => retryInEditMode(() => watchSelection(memory, listener), retry),
    writeMonitoringSheet: (result: CheckResult): Promise<MonitoringOutcome> =>
      retryInEditMode(() => Excel.run((context) => writeMonitoringSheet(context, result)), retry),
    openSummaryWorkbook: (base64) => openSummaryWorkbook(base64),
    insertModelSheet: (result) => retryInEditMode(() => Excel.run((context) => insertModelSheet(context, result)), retry),
  };
}

/** Read (1 round trip when the sheet names are known), engine, write formats (1 round trip). */
async function runFullCheck(lang: Lang, memory: AdapterMemory, readOptions: ReadOptions): Promise<CheckOutcome> {
  let checked: string[] = [];
  try {
    return await Excel.run(async (context) => {
      const { sync, count } = countingSync(context);
      const read = await readWorkbook(context, memory.knownSheets, sync, readOptions, memory.grids ?? []);
      memory.knownSheets = read.state.worksheets.items.map((ws) => ws.name);
      checked = read.grids.map((g) => g.sheet);
      memory.grids = read.grids;
      const outcome = await writeCheck(context, read.state, read.grids, lang, sync);
      return { ...outcome, syncs: count() };
    });
  } catch (error) {
    throw await toAddinError(error, checked);
  }
}

/**
 * A sheet vanished mid-action (deleted or renamed: Excel says ItemNotFound): remove whatever the
 * add-in had written, so no half-written highlighting stays, and name the sheet.
 */
export async function toAddinError(error: unknown, checked: readonly string[]): Promise<unknown> {
  if (!isItemNotFoundError(error)) return error;
  let remaining: string[] = [];
  try {
    remaining = await clearAddinFormats();
  } catch {
    // The cleanup is best effort; the original error is what the user needs to see.
  }
  const missing = checked.find((name) => !remaining.includes(name));
  const message =
    missing === undefined
      ? "A sheet was deleted or renamed while the check ran; run the check again."
      : `The sheet '${missing}' was deleted or renamed while the check ran; run the check again.`;
  return new AddinError("sheet-missing", message, missing, { cause: error });
}

/**
 * Removes the add-in's highlighting and stoplight formats from every sheet (2 round trips):
 * the user's values and formats are exactly as before the first check. Returns the sheet names.
 */
async function clearAddinFormats(): Promise<string[]> {
  return Excel.run(async (context) => {
    const { sync } = countingSync(context);
    queueWorkbookLoads(context);
    await sync();
    const formats = new Map(
      listCheckedSheets({ worksheets: context.workbook.worksheets, names: context.workbook.names }).map((name) => [name, queueFormatsLoad(context, name)]),
    );
    await sync();
    const state: WorkbookState = { worksheets: context.workbook.worksheets, names: context.workbook.names, formats };
    await flushWrites(planRemoval(context, state), sync);
    return state.worksheets.items.map((ws) => ws.name).filter((name) => !isToolSheet(name));
  });
}

async function selectCell(sheet: string, cell: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    if (!isItemNotFoundError(error)) throw error;
    throw new AddinError("sheet-missing", `The sheet '${sheet}' no longer exists.`, sheet, { cause: error });
  }
}

/** Worksheet.onSelectionChanged (ExcelApi 1.7) on every user sheet: (sheet, top-left cell). */
async function watchSelection(memory: AdapterMemory, listener: (sheet: string, cell: string) => void): Promise<() => Promise<void>> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();
    memory.knownSheets = worksheets.items.map((ws) => ws.name);
    const names = new Map(worksheets.items.map((ws) => [ws.id, ws.name]));
    const handlers = worksheets.items
      .filter((ws) => !isToolSheet(ws.name))
      .map((ws) =>
        ws.onSelectionChanged.add(async (event) => {
          const sheet = names.get(event.worksheetId) ?? splitSheetAddress(event.address).sheet;
          const rect = parseRangeAddress(event.address);
          if (sheet === undefined || !rect) return;
          listener(sheet, splitSheetAddress(event.address).local.split(":")[0]?.replace(/\$/g, "") ?? "");
        }),
      );
    await context.sync();
    return async () => {
      await Excel.run(context, async (again) => {
        for (const handler of handlers) handler.remove();
        await again.sync();
      });
    };
  });
}
