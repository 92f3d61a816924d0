import { checkPercentSum } from "./rules/check-percent-sum";
import { checkStockContinuity, checkStockFlow } from "./rules/check-stock-flow";
import { checkSubtotals, checkTotalColumns, checkTotalRows } from "./rules/check-totals";
import type { FindingData } from "../findings/finding";
import type { Model } from "../model/model";
import type { NumericTable } from "./table";

/**
 * The table rules: percent-sum, total-row, subtotal, total-column, stock-flow, stock-continuity.
 * The model's declared cross-checks are evaluated separately (check-cross-checks.ts).
 */
export function checkTables(tables: readonly NumericTable[], _model: Model): FindingData[] {
  const findings: FindingData[] = [];
  for (const table of tables) {
    findings.push(
      ...checkPercentSum(table),
      ...checkTotalRows(table),
      ...checkSubtotals(table),
      ...checkTotalColumns(table),
      ...checkStockFlow(table),
      ...checkStockContinuity(table),
    );
  }
  return findings;
}
