/** The engine's public surface, for the adapters, the pane, the CLI and the exports. */
export * from "./core/grid";
export * from "./findings/finding";
export * from "./model/model";
export * from "./agreements/agreement";
export * from "./tables/table";
export * from "./findings/messages";
export * from "./findings/catalogue";
export * from "./check-workbook";
export * from "./report/report";
export { DEFAULT_MODEL } from "./model/default-model";
export * from "./report/plan-formats";
export * from "./report/summary";
export * from "./findings/summary-labels";
export * from "./report/plan-monitoring-sheet";
export { readModelSheet } from "./model/read-model-sheet";
export { writeModelSheet } from "./model/write-model-sheet";
export * from "./report/plan-new-year";
export * from "./findings/merge-findings";
