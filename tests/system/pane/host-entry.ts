import { readDisplayLanguage, waitForOffice } from "../../../src/excel/office-host";
import { createWorkbookAdapter } from "../../../src/excel/workbook-adapter";
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
  mountPane(findPaneRoot(), { adapter: createWorkbookAdapter(), lang });
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
 * Marks each round trip the in-memory host answers as a performance measure "excel-host": in
 * Excel that work happens in Excel's own process, here on the page's main thread, and the
 * benchmark subtracts it from the long tasks it attributes to the pane.
 */
function markHostWork(host: ReturnType<typeof installExcelHost>): void {
  const execute = host.execute.bind(host);
  host.execute = async (...args: Parameters<typeof execute>): Promise<void> => {
    // The host's own first step is a microtask hop; its work follows synchronously.
    await Promise.resolve();
    const start = performance.now();
    try {
      await execute(...args);
    } finally {
      performance.measure("excel-host", { start, end: performance.now() });
    }
  };
}
