import { isToolSheet } from "../domain";
import type { Lang } from "../domain";
import { formatA1, widthOf } from "../domain";
import { isItemNotFoundError } from "./addin-error";
import type { AddinErrorListener, CheckOutcome, LiveUpdateListener } from "./addin-api";
import { parseAreas, type CellRect } from "./range-address";
import {
  buildFormatsGrid,
  listCheckedSheets,
  queueFormatsLoad,
  queueNumericFormatsLoad,
  queueWorkbookLoads,
  toCellValue,
  type MutableGrid,
  type NumericFormatsRead,
  type SheetFormatsState,
} from "./read-workbook";
import { retryInEditMode, type RetryOptions } from "./retry-in-edit-mode";
import { countingSync, writeCheck, type AdapterMemory } from "./run-check";

/**
 * Live checking: Worksheet.onChanged (ExcelApi 1.7) on every checked sheet, local edits and
 * co-authors' (source "Remote") alike. Edits are collected and debounced; then only the changed
 * rows are read again (one round trip), the cached grids patched, the engine re-run and the
 * formats rewritten (one round trip). Structural changes (rows or columns inserted or deleted),
 * edits outside the cached area and unknown sheets get a full check instead.
 */

export interface LiveSession {
  readonly lang: Lang;
  readonly memory: AdapterMemory;
  readonly retry: RetryOptions;
  readonly debounceMs: number;
  readonly fullCheck: (lang: Lang) => Promise<CheckOutcome>;
  readonly onUpdate: LiveUpdateListener;
  readonly onError: AddinErrorListener;
}

const STRUCTURAL_CHANGES = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);
/** Rows below the cached grid that still count as "the same sheet, a few rows longer". */
const MAX_GROWTH_ROWS = 200;
/** More changed rows than this (a paste of a whole block): a full check is as cheap. */
const MAX_PATCH_ROWS = 2000;

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
  let sheetNames = new Map<string, string>();

  const flush = async (): Promise<void> => {
    const edits = pending;
    pending = { full: false, areas: new Map() };
    if (stopped || (!edits.full && edits.areas.size === 0)) return;
    try {
      const outcome = await recheck(session, edits);
      if (!stopped) session.onUpdate(outcome);
    } catch (error) {
      // Handlers never throw into Excel and never open dialogs: the pane shows the error.
      if (!stopped) session.onError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // triggerSource (ExcelApi 1.14; absent on older hosts) marks this add-in's own writes: never re-check those.
    if (stopped || event.triggerSource === "ThisLocalAddin") return;
    const sheet = sheetNames.get(event.worksheetId);
    if (sheet === undefined || STRUCTURAL_CHANGES.has(event.changeType)) {
      pending.full = true;
    } else {
      const areas = pending.areas.get(sheet) ?? [];
      const parsed = parseAreas(event.address);
      if (parsed.length === 0) pending.full = true;
      areas.push(...parsed);
      pending.areas.set(sheet, areas);
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(flush);
    }, session.debounceMs);
  };

  const registration = await retryInEditMode(
    () =>
      Excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await context.sync();
        session.memory.knownSheets = worksheets.items.map((ws) => ws.name);
        sheetNames = new Map(worksheets.items.map((ws) => [ws.id, ws.name]));
        const handlers = worksheets.items.filter((ws) => !isToolSheet(ws.name)).map((ws) => ws.onChanged.add(onChanged));
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

/** Rows to read again per sheet, or undefined when only a full check will do. */
function planRowReads(grids: readonly MutableGrid[], edits: PendingEdits): Map<MutableGrid, number[]> | undefined {
  if (edits.full) return undefined;
  const reads = new Map<MutableGrid, number[]>();
  let total = 0;
  for (const [sheet, areas] of edits.areas) {
    const grid = grids.find((g) => g.sheet === sheet);
    const width = grid ? Math.max(0, ...grid.values.map((r) => r.length)) : 0;
    if (!grid || width === 0) return undefined;
    const rows = new Set<number>();
    for (const area of areas) {
      const outside = area.left < grid.left || area.right > grid.left + width - 1 || area.top < grid.top;
      if (outside || area.bottom > grid.top + grid.values.length - 1 + MAX_GROWTH_ROWS) return undefined;
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
  if (!grids || !reads) return session.fullCheck(session.lang);
  try {
    return await retryInEditMode(() => patchAndCheck(session, grids, reads), session.retry);
  } catch (error) {
    // A sheet renamed or deleted since the last check: the full check lists the sheets afresh.
    if (isItemNotFoundError(error)) return session.fullCheck(session.lang);
    throw error;
  }
}

async function patchAndCheck(session: LiveSession, grids: MutableGrid[], reads: Map<MutableGrid, number[]>): Promise<CheckOutcome> {
  return Excel.run(async (context) => {
    const { sync, count } = countingSync(context);
    queueWorkbookLoads(context);
    const formats = new Map<string, SheetFormatsState>(grids.map((g) => [g.sheet, queueFormatsLoad(context, g.sheet)]));
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
    const state = { worksheets: context.workbook.worksheets, names: context.workbook.names, formats };
    const checked = listCheckedSheets(state);
    const current = grids.filter((g) => checked.includes(g.sheet));
    const outcome = await writeCheck(context, state, current, session.lang, sync);
    return { ...outcome, syncs: count() };
  });
}
