import type { SheetGrid } from "../src/domain";
import { createWorkbookAdapter } from "../src/excel/workbook-adapter";
import { installExcelHost, uninstallExcelHost, type ExcelHost, type WorkbookData } from "../tests/excel-host";

/**
 * Round trips and request sizes of the real Excel adapter on the in-memory Excel host: one full
 * check of the workbook, then one edited cell (onChanged through the host, after the debounce).
 */

export interface AddinFigures {
  /** Round trips of a full check once the adapter knows the sheet names (every check after the pane's first). */
  readonly syncsFullCheck: number;
  /** Round trips of the very first check in a session (it lists the sheets first). */
  readonly syncsColdCheck: number;
  readonly syncsLiveEdit: number;
  /** Largest request or response of either action, in bytes (Excel on the web refuses over 5 MB). */
  readonly payloadMaxBytes: number;
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
    host.resetStats();
    await adapter.checkWorkbook("nl");
    const syncsFullCheck = host.roundTrips;
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
    payloadMaxBytes = Math.max(payloadMaxBytes, largestPayload(host));
    await stop();
    if (failure) throw failure;
    return { syncsFullCheck, syncsColdCheck, syncsLiveEdit, payloadMaxBytes };
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
