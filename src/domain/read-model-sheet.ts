import type { FindingData } from "./finding";
import type { SheetGrid } from "./grid";
import type { Model } from "./model";

export interface ModelReading {
  readonly model: Model;
  readonly findings: readonly FindingData[];
}

/** STUB (issue #5): reads a Model sheet's blocks over the base model. */
export function readModelSheet(_sheet: SheetGrid, base: Model): ModelReading {
  return { model: base, findings: [] };
}
