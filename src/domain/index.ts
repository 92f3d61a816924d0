/** The engine's public surface, for the adapters, the pane, the CLI and the exports. */
export * from "./grid";
export * from "./finding";
export * from "./model";
export * from "./agreement";
export * from "./table";
export * from "./messages";
export * from "./check-workbook";
export * from "./report";
export { DEFAULT_MODEL } from "./default-model";
export * from "./plan-formats";
export * from "./summary";
export * from "./summary-labels";
export * from "./plan-monitoring-sheet";
export { readModelSheet } from "./read-model-sheet";
export { writeModelSheet } from "./write-model-sheet";
