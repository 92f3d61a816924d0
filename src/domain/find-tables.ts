import type { FindingData } from "./finding";
import type { SheetGrid } from "./grid";
import type { NumericTable } from "./table";

export interface TablesReading {
  readonly tables: readonly NumericTable[];
  /** Findings made while reading (duplicate-table-number, unparseable-number, number-as-text, cell-error in tables). */
  readonly findings: readonly FindingData[];
}

/** STUB (issue #2): finds numeric tables anywhere in the given sheets. */
export function findTables(_sheets: readonly SheetGrid[]): TablesReading {
  return { tables: [], findings: [] };
}
