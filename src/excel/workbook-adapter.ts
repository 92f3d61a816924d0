import type { CheckResult } from "../domain";
import type { Lang } from "../domain";
import { AddinError, isItemNotFoundError } from "./addin-error";
import type { CheckOutcome, MonitoringOutcome, WorkbookAdapter } from "./addin-api";
import { insertModelSheet } from "./insert-model-sheet";
import { addMonitoringYear } from "./add-monitoring-year";
import { acceptFinding, applySuggestion } from "./finding-actions";
import { readCheckSnapshot } from "./check-snapshot-block";
import { startLiveChecks, type LiveSession } from "./live-checks";
import { openReportDialog, prefersReportDialog } from "./open-report";
import { openSummaryWorkbook } from "./open-summary-workbook";
import { parseRangeAddress, splitSheetAddress } from "./range-address";
import {
  DEFAULT_READ_OPTIONS,
  listCheckedSheets,
  queueFormatsLoad,
  queueWorkbookLoads,
  type ReadOptions,
  type WorkbookState,
} from "./read-workbook";
import { DEFAULT_RETRY, retryInEditMode, type RetryOptions } from "./retry-in-edit-mode";
import { isUndoSupported, runExcel } from "./excel-run";
import { countingSync, hideNewSheets, isOwnSheetIn, readIntoMemory, rememberCreatedSheets, runEngineOn, writeCheck, type AdapterMemory } from "./run-check";
import type { EngineRunner } from "./run-engine";
import { flushWrites, planRemoval } from "./write-formats";
import { writeMonitoringSheet } from "./write-monitoring-sheet";

export interface AdapterOptions {
  readonly read?: Partial<ReadOptions>;
  readonly retry?: Partial<RetryOptions>;
  /** Quiet time after the last edit before a live re-check. */
  readonly debounceMs?: number;
  /** Where the engine runs; default: on this thread (the pane passes a Web Worker's). */
  readonly engine?: EngineRunner;
}

/**
 * One action at a time: Excel.run batches of two actions (a check and a live re-check, a check
 * and "Markering wissen") never interleave, so no action reads what another half wrote.
 */
export function createActionQueue(): <T>(action: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(action: () => Promise<T>): Promise<T> => {
    const next = tail.then(action, action);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** Office.js adapter for the task pane (the WorkbookAdapter contract). */
export function createWorkbookAdapter(options: AdapterOptions = {}): WorkbookAdapter {
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const memory: AdapterMemory = { knownSheets: undefined, grids: undefined, engine: options.engine };
  const queue = createActionQueue();

  const fullCheck = (lang: Lang): Promise<CheckOutcome> => queue(() => retryInEditMode(() => runFullCheck(lang, memory, readOptions), retry));
  const liveRead = (lang: Lang): Promise<CheckOutcome> => retryInEditMode(() => readAndCheck(lang, memory, readOptions), retry);

  return {
    isUndoSupported,
    checkWorkbook: fullCheck,
    clearHighlighting: async () => {
      await queue(() => retryInEditMode(() => clearAddinFormats(), retry));
    },
    selectCell: (sheet, cell) => retryInEditMode(() => selectCell(sheet, cell), retry),
    startLiveChecks: (lang, onUpdate, onError) => {
      const session: LiveSession = { lang, memory, retry, debounceMs: options.debounceMs ?? 400, fullRead: liveRead, queue, onUpdate, onError };
      return startLiveChecks(session);
    },
    onSelectionChanged: (listener) => retryInEditMode(() => watchSelection(memory, listener), retry),
    writeMonitoringSheet: (result: CheckResult): Promise<MonitoringOutcome> =>
      // Not in an undo group: replacing the add-in's own Monitoring sheet deletes it (Worksheet.delete has no undo anywhere).
      queue(async () => {
        const outcome = await retryInEditMode(() => runExcel((context) => writeMonitoringSheet(context, result)), retry);
        // Ours from now on (its marker name says so to the next read): its cells are not the user's edits.
        if (memory.ownSheets !== undefined && !memory.ownSheets.includes(outcome.sheet)) memory.ownSheets = [...memory.ownSheets, outcome.sheet];
        return outcome;
      }),
    openSummaryWorkbook: (base64) => openSummaryWorkbook(base64),
    openReport: async (html, dialogPageUrl) => {
      if (!prefersReportDialog()) return "download";
      await openReportDialog(html, dialogPageUrl);
      return "dialog";
    },
    readCheckSnapshot: () => queue(() => retryInEditMode(() => runExcel((context) => readCheckSnapshot(context)), retry)),
    insertModelSheet: (result) => queue(() => retryInEditMode(() => runExcel((context) => insertModelSheet(context, result), { undoGroup: true }), retry)),
    applySuggestion: (finding, lang) =>
      queue(async () => {
        const kind = await retryInEditMode(() => runExcel((context) => applySuggestion(context, finding), { undoGroup: true }), retry);
        return { kind, check: await liveRead(lang) };
      }),
    acceptFinding: (finding, reason, date, lang) =>
      queue(async () => {
        const outcome = await retryInEditMode(() => runExcel((context) => acceptFinding(context, finding, reason, date), { undoGroup: true }), retry);
        // The Model sheet may be new: the re-check lists the sheets again.
        memory.knownSheets = undefined;
        return { ...outcome, check: await liveRead(lang) };
      }),
    addMonitoringYear: (year, lang) =>
      queue(async () => {
        const outcome = await retryInEditMode(() => runExcel((context) => addMonitoringYear(context, memory, readOptions, year, lang), { undoGroup: true }), retry);
        if (outcome.kind !== "added" || outcome.hideLater.length === 0) return outcome;
        // As after a first check on Windows and Mac: hiding the new sheets apart, after the undo step.
        await hideNewSheets(outcome.hideLater);
        const check = { ...outcome.check, syncs: outcome.check.syncs + 1, notices: [...outcome.check.notices, { kind: "undo-cleared" as const, sheets: [] }] };
        return { ...outcome, check, hideLater: [] };
      }),
  };
}

/** Read (1 round trip when the sheet names are known), engine, write differences (1 round trip, one undo step). */
async function runFullCheck(lang: Lang, memory: AdapterMemory, readOptions: ReadOptions): Promise<CheckOutcome> {
  let checked: string[] = [];
  try {
    const outcome = await runExcel(
      async (context) => {
        const { sync, count } = countingSync(context);
        const read = await readIntoMemory(context, memory, sync, readOptions, true);
        checked = read.grids.map((g) => g.sheet);
        const written = await writeCheck(context, read.state, read.grids, lang, sync, memory.engine);
        memory.result = written.result;
        rememberCreatedSheets(memory, written.createdSheets);
        return { ...written, syncs: count() };
      },
      { undoGroup: true },
    );
    const { hideLater, createdSheets: _created, ...rest } = outcome;
    if (hideLater.length === 0) return rest;
    await hideNewSheets(hideLater);
    return { ...rest, syncs: rest.syncs + 1, notices: [...rest.notices, { kind: "undo-cleared", sheets: [] }] };
  } catch (error) {
    throw await toAddinError(error, checked);
  }
}

/** A live full read: the same read round trip as a check, the engine, and no write at all. */
async function readAndCheck(lang: Lang, memory: AdapterMemory, readOptions: ReadOptions): Promise<CheckOutcome> {
  return runExcel(async (context) => {
    const { sync, count } = countingSync(context);
    const read = await readIntoMemory(context, memory, sync, readOptions, false);
    const result = await runEngineOn(read.grids, lang, memory.engine);
    memory.result = result;
    return { result, keptValidation: [], syncs: count(), writeOps: 0, notices: [] };
  });
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
  return missing === undefined
    ? new AddinError("sheet-missing", "sheetRemovedDuringCheck", {}, undefined, { cause: error })
    : new AddinError("sheet-missing", "namedSheetRemovedDuringCheck", { sheet: missing }, missing, { cause: error });
}

/**
 * Removes the add-in's highlighting and stoplight formats from every sheet (2 round trips):
 * the user's values and formats are exactly as before the first check. Returns the sheet names.
 */
async function clearAddinFormats(): Promise<string[]> {
  return runExcel(async (context) => {
    const { sync } = countingSync(context);
    queueWorkbookLoads(context);
    await sync();
    const checked = listCheckedSheets({ worksheets: context.workbook.worksheets, names: context.workbook.names });
    const formats = new Map(checked.map((name) => [name, queueFormatsLoad(context, name)]));
    await sync();
    const state: WorkbookState = { worksheets: context.workbook.worksheets, names: context.workbook.names, formats, workbook: context.workbook };
    if (context.workbook.readOnly) return [];
    await flushWrites(planRemoval(context, state), sync);
    return checked;
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
    throw new AddinError("sheet-missing", "sheetGone", { sheet }, sheet, { cause: error });
  }
}

/**
 * WorksheetCollection.onSelectionChanged (ExcelApi 1.9): one workbook-level handler, so sheets
 * added after the pane opened report their selection too. Reports (sheet, top-left cell).
 */
async function watchSelection(memory: AdapterMemory, listener: (sheet: string, cell: string) => void): Promise<() => Promise<void>> {
  const nameOf = async (id: string): Promise<string | undefined> => {
    const known = memory.sheetIds?.get(id);
    if (known !== undefined) return known;
    // A sheet added since the last read: ask Excel once (getItem takes an id as well as a name).
    const name = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load("name");
      await context.sync();
      return sheet.isNullObject ? undefined : sheet.name;
    });
    if (name !== undefined) memory.sheetIds?.set(id, name);
    return name;
  };
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();
    memory.knownSheets = worksheets.items.map((ws) => ws.name);
    memory.sheetIds = new Map(worksheets.items.map((ws) => [ws.id, ws.name]));
    const handler = worksheets.onSelectionChanged.add(async (event) => {
      const sheet = await nameOf(event.worksheetId);
      if (sheet === undefined || isOwnSheetIn(memory, sheet) || !parseRangeAddress(event.address)) return;
      listener(sheet, splitSheetAddress(event.address).local.split(":")[0]?.replace(/\$/g, "") ?? "");
    });
    await context.sync();
    return async () => {
      await Excel.run(context, async (again) => {
        handler.remove();
        await again.sync();
      });
    };
  });
}
