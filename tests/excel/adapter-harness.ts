import { createWorkbookAdapter, type AdapterOptions } from "../../src/excel/workbook-adapter";
import type { WorkbookAdapter } from "../../src/excel/addin-api";
import { installExcelHost, uninstallExcelHost, type ExcelHost, type ExcelHostOptions, type WorkbookData } from "../excel-host";

/** A host installed as globalThis.Excel/Office plus an adapter on it; retries wait 0 ms. */
export function setUpAdapter(
  data: WorkbookData,
  options: { host?: ExcelHostOptions; adapter?: AdapterOptions } = {},
): { host: ExcelHost; adapter: WorkbookAdapter } {
  const host = installExcelHost(globalThis, data, options.host);
  const adapter = createWorkbookAdapter({ retry: { sleep: async () => undefined }, ...options.adapter });
  return { host, adapter };
}

export function tearDownAdapter(): void {
  uninstallExcelHost(globalThis);
}
