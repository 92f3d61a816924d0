import type { FindingData } from "./finding";
import type { Model } from "./model";
import type { NumericTable } from "./table";

/** STUB (issue #5): evaluates the model's declared cross-checks (Controles) against the tables. */
export function checkCrossChecks(_tables: readonly NumericTable[], _model: Model): FindingData[] {
  return [];
}
