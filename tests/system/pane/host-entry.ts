import { readDisplayLanguage, waitForOffice } from "../../../src/excel/office-host";
import { createWorkbookAdapter } from "../../../src/excel/workbook-adapter";
import { createWorkerEngine } from "../../../src/taskpane/engine-in-worker";
import { chooseLanguage } from "../../../src/taskpane/i18n";
import { mountPane } from "../../../src/taskpane/pane";
import { installExcelHost } from "../../excel-host";
import { fetchTestWorkbook, findPaneRoot, readRequestedLanguage } from "./test-page";

/**
 * Test page: the real pane on the real adapter, over the in-memory Excel host. Outside Office,
 * office.js resolves onReady without Excel, so the host is installed after it.
 */
async function startHostPane(): Promise<void> {
  await waitForOffice();
  const sheets = await fetchTestWorkbook();
  const requested = readRequestedLanguage();
  const host = installExcelHost(
    window,
    { sheets: sheets.map((s) => ({ name: s.sheet, values: s.values, ...(s.formats ? { formats: s.formats } : {}) })) },
    requested === undefined ? {} : { displayLanguage: requested },
  );
  markHostWork(host);
  const lang = chooseLanguage(readDisplayLanguage());
  document.documentElement.lang = lang;
  mountPane(findPaneRoot(), { adapter: createWorkbookAdapter({ engine: createWorkerEngine() }), lang });
  let selectedByPane = false;
  window.pmTest = {
    ready: true,
    lastSelection: () => (selectedByPane ? host.selection : undefined),
    editCell: (sheet, address, value) => host.editCells(sheet, address, [[value]]),
    selectByUser: (sheet, address) => host.fireSelection(sheet, address),
    createdWorkbooks: () => host.createdWorkbooks.length,
    sheetNames: () => host.sheets.map((s) => s.name),
    removeSheet: (name) => host.removeSheet(name),
  };
  // The host's selection starts at A1; only report it once the pane has selected something.
  findPaneRoot().addEventListener("click", () => {
    selectedByPane = true;
  });
}

void startHostPane();

/**
 * Makes each round trip of the in-memory host a round trip: Excel answers context.sync from its
 * own process, so the pane's code before and after a sync runs in separate tasks; the host would
 * answer within the same task. Its work is marked as a performance measure "excel-host": in Excel
 * that work is not on the pane's thread, and the benchmark subtracts it from the long tasks.
 */
function markHostWork(host: ReturnType<typeof installExcelHost>): void {
  const execute = host.execute.bind(host);
  host.execute = async (...args: Parameters<typeof execute>): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    try {
      await execute(...args);
    } finally {
      performance.measure("excel-host", { start, end: performance.now() });
    }
  };
}
