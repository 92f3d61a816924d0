import { toColumnIndex } from "../domain";
import type { Lang } from "../domain";
import { formatA1, widthOf } from "../domain";
import { AddinError, isItemNotFoundError } from "./addin-error";
import type { AddinErrorListener, CheckOutcome, LiveUpdateListener } from "./addin-api";
import { isSetSupported, readPlatform, runExcel } from "./excel-run";
import { parseAreas, parseRangeAddress, type CellRect } from "./range-address";
import { buildFormatsGrid, queueNumericFormatsLoad, toCellValue, type MutableGrid, type NumericFormatsRead } from "./read-workbook";
import { retryInEditMode, type RetryOptions } from "./retry-in-edit-mode";
import { countingSync, isOwnSheetIn, runEngineOn, type AdapterMemory } from "./run-check";

/**
 * Live checking is read-only. Edits (the user's and co-authors', source "Remote") arrive through
 * the workbook-level WorksheetCollection.onChanged (ExcelApi 1.9: it covers sheets added later);
 * they are collected and debounced, then only the changed rows are read again in one round trip,
 * the cached grids patched and the engine re-run for the pane. Nothing is written: the sheet stays
 * live through the native conditional formats and validation the explicit check installed, and
 * Excel's undo list stays the user's. Structural changes, big blocks (a sort or fill over many
 * rows), edits outside the cached area, and added, deleted or renamed sheets get one full read.
 */

export interface LiveSession {
  readonly lang: Lang;
  readonly memory: AdapterMemory;
  readonly retry: RetryOptions;
  readonly debounceMs: number;
  /** A full read and engine run, writing nothing. */
  readonly fullRead: (lang: Lang) => Promise<CheckOutcome>;
  /** The adapter's action queue: a live re-check never interleaves with a button's action. */
  readonly queue: <T>(action: () => Promise<T>) => Promise<T>;
  readonly onUpdate: LiveUpdateListener;
  readonly onError: AddinErrorListener;
}

const STRUCTURAL_CHANGES = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);
/** Rows below the cached grid that still count as "the same sheet, a few rows longer". */
const MAX_GROWTH_ROWS = 200;
/** More changed rows than this (a paste, fill or sort of a whole block): one full read is as cheap. */
const MAX_PATCH_ROWS = 2000;
/** Wait before trying edits again that Excel's cell-edit mode held up past the retries. */
const EDIT_MODE_PAUSE_MS = 5000;
/** A selection left behind larger than this is not a dropdown pick. */
const MAX_PICK_ROWS = 50;

interface PendingEdits {
  full: boolean;
  /** Per sheet: changed areas. */
  readonly areas: Map<string, CellRect[]>;
}

export async function startLiveChecks(session: LiveSession): Promise<() => Promise<void>> {
  let pending: PendingEdits = { full: false, areas: new Map() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let previous: { sheet: string; rect: CellRect } | undefined;
  const sheetName = (id: string): string | undefined => session.memory.sheetIds?.get(id);

  const flush = async (): Promise<void> => {
    const edits = pending;
    pending = { full: false, areas: new Map() };
    if (stopped || (!edits.full && edits.areas.size === 0)) return;
    try {
      const outcome = await session.queue(() => recheck(session, edits));
      if (!stopped) session.onUpdate(outcome);
    } catch (error) {
      if (stopped) return;
      // Still in cell-edit mode after the retries: the edits wait for the next try, never lost.
      if (error instanceof AddinError && error.kind === "cell-edit-mode") {
        requeue(edits);
        schedule(EDIT_MODE_PAUSE_MS);
      }
      // Handlers never throw into Excel and never open dialogs: the pane shows the error.
      session.onError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const requeue = (edits: PendingEdits): void => {
    pending.full ||= edits.full;
    for (const [sheet, areas] of edits.areas) for (const rect of areas) addArea(sheet, rect);
  };

  const schedule = (delayMs = session.debounceMs): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(flush);
    }, delayMs);
  };

  const addArea = (sheet: string, rect: CellRect): void => {
    const areas = pending.areas.get(sheet) ?? [];
    areas.push(rect);
    pending.areas.set(sheet, areas);
  };

  const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    // triggerSource (ExcelApi 1.14) marks this add-in's own writes. Older hosts lack it; there our
    // value writes (on the add-in's own sheets only) are dropped by the tool-sheet test below.
    if (isSetSupported("ExcelApi", "1.14") && event.triggerSource === "ThisLocalAddin") return;
    const sheet = sheetName(event.worksheetId);
    if (sheet !== undefined && isOwnSheetIn(session.memory, sheet)) return;
    if (sheet === undefined || STRUCTURAL_CHANGES.has(event.changeType)) {
      pending.full = true;
    } else {
      const parsed = parseAreas(event.address);
      if (parsed.length === 0) pending.full = true;
      for (const rect of parsed) addArea(sheet, rect);
    }
    schedule();
  };

  const onSheetsChanged = async (): Promise<void> => {
    if (stopped) return;
    pending.full = true;
    schedule();
  };

  // Excel on the web raises no onChanged for a pick from a validation dropdown (office-js #3888,
  // #4066): when the selection leaves a status cell, that cell's row is read again.
  const onSelectionChanged = async (event: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    if (stopped) return;
    const left = previous;
    const sheet = sheetName(event.worksheetId);
    const rect = parseRangeAddress(event.address);
    previous = sheet !== undefined && rect ? { sheet, rect } : undefined;
    if (left && isStatusArea(session, left.sheet, left.rect)) {
      addArea(left.sheet, left.rect);
      schedule();
    }
  };

  const registration = await retryInEditMode(
    () =>
      runExcel(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await context.sync();
        session.memory.knownSheets = worksheets.items.map((ws) => ws.name);
        session.memory.sheetIds = new Map(worksheets.items.map((ws) => [ws.id, ws.name]));
        const handlers = [worksheets.onChanged.add(onChanged), worksheets.onAdded.add(onSheetsChanged), worksheets.onDeleted.add(onSheetsChanged)];
        // WorksheetCollection.onNameChanged is ExcelApi 1.17; without it a renamed sheet shows up
        // as ItemNotFound on the next row read, which falls back to a full read.
        if (isSetSupported("ExcelApi", "1.17")) handlers.push(worksheets.onNameChanged.add(onSheetsChanged));
        if (readPlatform() === "web") handlers.push(worksheets.onSelectionChanged.add(onSelectionChanged));
        await context.sync();
        return { context, handlers };
      }),
    session.retry,
  );

  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await running;
    await Excel.run(registration.context, async (context) => {
      for (const handler of registration.handlers) handler.remove();
      await context.sync();
    });
  };
}

/** True when `rect` (a few rows) lies in a status column of the last result. */
function isStatusArea(session: LiveSession, sheet: string, rect: CellRect): boolean {
  if (rect.bottom - rect.top + 1 > MAX_PICK_ROWS) return false;
  return (session.memory.result?.columns ?? []).some(
    (columns) =>
      columns.sheet === sheet &&
      rect.top + 1 >= columns.firstRow &&
      rect.bottom + 1 <= columns.lastRow + MAX_GROWTH_ROWS &&
      Object.values(columns.status).some((letters) => {
        const col = toColumnIndex(letters);
        return col >= rect.left && col <= rect.right;
      }),
  );
}

/** Rows to read again per sheet, or undefined when only a full read will do. */
function planRowReads(grids: readonly MutableGrid[], edits: PendingEdits): Map<MutableGrid, number[]> | undefined {
  if (edits.full) return undefined;
  const reads = new Map<MutableGrid, number[]>();
  let total = 0;
  for (const [sheet, areas] of edits.areas) {
    const grid = grids.find((g) => g.sheet === sheet);
    const width = grid ? widthOf(grid) : 0;
    if (!grid || width === 0) return undefined;
    const rows = new Set<number>();
    for (const area of areas) {
      const outside = area.left < grid.left || area.right > grid.left + width - 1 || area.top < grid.top;
      if (outside || area.bottom > grid.top + grid.values.length - 1 + MAX_GROWTH_ROWS) return undefined;
      if (area.bottom - area.top + 1 > MAX_PATCH_ROWS) return undefined;
      for (let row = area.top; row <= area.bottom; row += 1) rows.add(row);
    }
    total += rows.size;
    if (total > MAX_PATCH_ROWS) return undefined;
    reads.set(grid, [...rows].sort((a, b) => a - b));
  }
  return reads;
}

/** Consecutive rows as [first, count] runs. */
function toRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1] += 1;
    else runs.push([row, 1]);
  }
  return runs;
}

async function recheck(session: LiveSession, edits: PendingEdits): Promise<CheckOutcome> {
  const grids = session.memory.grids;
  const reads = grids ? planRowReads(grids, edits) : undefined;
  if (!grids || !reads) return session.fullRead(session.lang);
  try {
    return await retryInEditMode(() => patchAndCheck(session, grids, reads), session.retry);
  } catch (error) {
    // A sheet renamed or deleted since the last read: the full read lists the sheets afresh.
    if (isItemNotFoundError(error)) return session.fullRead(session.lang);
    throw error;
  }
}

/** One round trip: the changed rows' values and numeric formats; then the engine. No write. */
async function patchAndCheck(session: LiveSession, grids: MutableGrid[], reads: Map<MutableGrid, number[]>): Promise<CheckOutcome> {
  return runExcel(async (context) => {
    const { sync, count } = countingSync(context);
    const loaded: { grid: MutableGrid; first: number; width: number; range: Excel.Range; numeric: NumericFormatsRead }[] = [];
    for (const [grid, rows] of reads) {
      const width = widthOf(grid);
      for (const [first, rowCount] of toRuns(rows)) {
        const range = context.workbook.worksheets.getItem(grid.sheet).getRangeByIndexes(first, grid.left, rowCount, width);
        // The same small read as a full check: values, and number formats of numeric cells only.
        range.load("values");
        loaded.push({ grid, first, width, range, numeric: queueNumericFormatsLoad(range) });
      }
    }
    await sync();
    for (const { grid, first, width, range, numeric } of loaded) {
      const formats = buildFormatsGrid(numeric, { top: first, left: grid.left, bottom: first + range.values.length - 1, right: grid.left + width - 1 });
      range.values.forEach((row, i) => {
        const index = first + i - grid.top;
        while (grid.values.length <= index) {
          grid.values.push([]);
          grid.formats.push([]);
        }
        grid.values[index] = row.map(toCellValue);
        grid.formats[index] = formats[i] ?? [];
      });
      grid.origin = formatA1(grid.top, grid.left);
    }
    const result = await runEngineOn(grids, session.lang, session.memory.engine);
    session.memory.result = result;
    return { result, keptValidation: [], syncs: count(), writeOps: 0, notices: [] };
  });
}
