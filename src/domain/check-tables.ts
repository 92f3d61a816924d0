import type { FindingData } from "./finding";
import type { Model } from "./model";
import type { NumericTable } from "./table";

/** STUB (issue #2): the table rules (sums, totals, stock flow, cross-checks). */
export function checkTables(_tables: readonly NumericTable[], _model: Model): FindingData[] {
  return [];
}
