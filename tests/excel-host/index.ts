/** The in-memory Excel host: for jest (globalThis) and the pane's browser tests (window). */
export { ExcelHost, HostRequestContext, installExcelHost, uninstallExcelHost, createOfficeNamespace } from "./excel-host";
export type { WorkbookData, WorkbookCellValue, ExcelHostOptions, SyncRecord, HostPlatform, HostStats, UndoRecord } from "./excel-host";
export { HostError } from "./host-proxies";
export type { HostSheet } from "./host-state";
