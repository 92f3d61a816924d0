import type { SheetGrid } from "../src/domain";
import { createWorkbookAdapter } from "../src/excel/workbook-adapter";
import { installExcelHost, uninstallExcelHost, type ExcelHost, type HostPlatform, type WorkbookData } from "../tests/excel-host";

/**
 * Round trips, request sizes, writes, cells read and cleared undo lists of the real Excel adapter
 * on the strict in-memory Excel host: a full check of the workbook after a change, then one
 * edited cell (onChanged through the host, after the debounce). Undo clears of a re-check are
 * counted on every platform of Microsoft's undo table (web, Windows, Mac), the worst reported.
 */

export interface AddinFigures {
  /** Round trips of a full check once the adapter knows the sheet names (every check after the pane's first). */
  readonly syncsFullCheck: number;
  /** Round trips of the very first check in a session (it lists the sheets first). */
  readonly syncsColdCheck: number;
  readonly syncsLiveEdit: number;
  /** Largest request or response of either action, in bytes (Excel on the web refuses over 5 MB). */
  readonly payloadMaxBytes: number;
  /** Write operations of the live re-check after one edited cell (goal 0: live is read-only). */
  readonly writesLiveEdit: number;
  /** Times the live re-check cleared the user's undo list (goal 0). */
  readonly undoClearsLiveEdit: number;
  /** Times an explicit re-check cleared the user's undo list, worst platform (goal 0). */
  readonly undoClearsRecheck: number;
  /** Cells the live re-check read or searched for one edited cell (goal ≤ 1,000 on 10k rows). */
  readonly cellsReadLiveEdit: number;
}

const DEBOUNCE_MS = 20;

export async function measureAddinRoundTrips(sheets: readonly SheetGrid[]): Promise<AddinFigures> {
  const data: WorkbookData = {
    sheets: sheets.map((sheet) => ({ name: sheet.sheet, values: sheet.values, origin: sheet.origin })),
  };
  const host = installExcelHost(globalThis, data);
  try {
    const adapter = createWorkbookAdapter({ debounceMs: DEBOUNCE_MS, retry: { sleep: async () => undefined } });
    await adapter.checkWorkbook("nl");
    const syncsColdCheck = host.roundTrips;
    let payloadMaxBytes = largestPayload(host);
    // A full check with something to write: the read and the differences.
    const agreementsSheet = sheets[0]?.sheet ?? "";
    host.setValues(agreementsSheet, "D20", [["Onbekende partij"]]);
    host.resetStats();
    await adapter.checkWorkbook("nl");
    const syncsFullCheck = host.roundTrips;
    let undoClearsRecheck = host.stats.undoClears;
    payloadMaxBytes = Math.max(payloadMaxBytes, largestPayload(host));

    host.resetStats();
    const agreements = sheets[0];
    if (!agreements) throw new Error("the bench workbook has no sheets");
    let updates = 0;
    let failure: Error | undefined;
    const stop = await adapter.startLiveChecks(
      "nl",
      () => {
        updates += 1;
      },
      (error) => {
        failure = error;
      },
    );
    host.resetStats(); // registering the handler is set-up, not part of the edit
    await host.editCells(agreements.sheet, "D10", [["Gemeent"]]);
    await waitFor(() => updates > 0 || failure !== undefined);
    // Counted before stopping: removing the onChanged handler is a round trip of its own.
    const syncsLiveEdit = host.roundTrips;
    const { writes: writesLiveEdit, undoClears: undoClearsLiveEdit, cellsRead: cellsReadLiveEdit } = host.stats;
    payloadMaxBytes = Math.max(payloadMaxBytes, largestPayload(host));
    await stop();
    if (failure) throw failure;
    uninstallExcelHost(globalThis);
    for (const platform of ["windows", "mac"] as const) undoClearsRecheck = Math.max(undoClearsRecheck, await measureRecheckUndoClears(data, platform));
    return { syncsFullCheck, syncsColdCheck, syncsLiveEdit, payloadMaxBytes, writesLiveEdit, undoClearsLiveEdit, undoClearsRecheck, cellsReadLiveEdit };
  } finally {
    uninstallExcelHost(globalThis);
  }
}

/** Undo clears of a re-check after a change, on one platform (the first check may create sheets). */
async function measureRecheckUndoClears(data: WorkbookData, platform: HostPlatform): Promise<number> {
  const host = installExcelHost(globalThis, data, { platform });
  try {
    const adapter = createWorkbookAdapter({ retry: { sleep: async () => undefined } });
    await adapter.checkWorkbook("nl");
    host.setValues(data.sheets[0]?.name ?? "", "D20", [["Onbekende partij"]]);
    host.resetStats();
    await adapter.checkWorkbook("nl");
    return host.stats.undoClears;
  } finally {
    uninstallExcelHost(globalThis);
  }
}

function largestPayload(host: ExcelHost): number {
  return host.syncs.reduce((max, sync) => Math.max(max, sync.requestBytes, sync.responseBytes), 0);
}

async function waitFor(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error(`the live re-check did not finish within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
