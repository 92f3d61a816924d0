import type { ModelProblem } from "../findings/finding";
import { addressOf, cellAt, isBlank, type SheetGrid } from "../core/grid";
import { hasAcceptanceBlock } from "./acceptances";
import { matchBlockTitle, type ModelBlock } from "./model-sheet-format";

/*
 * Where a Model sheet's blocks are. Kept apart from reading them (read-model-sheet.ts, with its zod
 * row schemas): the pane only asks whether a sheet called Model is the tool's (holdsModelContent).
 */

/** How a block's problem is reported (a finding of code invalid-model, in read-model-sheet.ts). */
export type BlockProblemReport = (cell: string, block: string, problem: ModelProblem, value: string) => void;

export interface BlockSpan {
  readonly block: ModelBlock;
  /** Grid row offsets. */
  readonly titleRow: number;
  readonly headerRow: number | undefined;
  readonly dataRows: readonly number[];
}

/** Title cells in the grid's first column (column A when the grid starts at A1). */
export function findBlocks(sheet: SheetGrid, report: BlockProblemReport): BlockSpan[] {
  const spans: BlockSpan[] = [];
  const seen = new Set<ModelBlock>();
  const height = sheet.values.length;
  let r = 0;
  while (r < height) {
    const block = matchBlockTitle(cellAt(sheet, r, 0));
    if (block === undefined) {
      r += 1;
      continue;
    }
    const headerCandidate = r + 1;
    const hasHeader =
      headerCandidate < height && !isBlankRow(sheet, headerCandidate) && matchBlockTitle(cellAt(sheet, headerCandidate, 0)) === undefined;
    const dataRows: number[] = [];
    let next = headerCandidate;
    if (hasHeader) {
      next = headerCandidate + 1;
      while (next < height && !isBlankRow(sheet, next) && matchBlockTitle(cellAt(sheet, next, 0)) === undefined) {
        dataRows.push(next);
        next += 1;
      }
    }
    if (seen.has(block)) {
      report(addressOf(sheet, r, 0), block, "duplicate-block", block);
    } else {
      seen.add(block);
      spans.push({ block, titleRow: r, headerRow: hasHeader ? headerCandidate : undefined, dataRows });
    }
    r = next;
  }
  return spans;
}

/**
 * True when a sheet named Model is the tool's Model sheet: it holds a model block or a Geaccepteerd
 * block, or nothing at all. A user's own sheet that happens to be called Model and holds other
 * data (agreements, a table) is data like any other sheet: checked, and never written into.
 */
export function holdsModelContent(sheet: SheetGrid): boolean {
  if (firstContent(sheet) === undefined || hasAcceptanceBlock(sheet)) return true;
  return findBlocks(sheet, () => undefined).length > 0;
}

/** The address of the sheet's first non-blank cell, row by row; undefined for an empty sheet. */
export function firstContent(sheet: SheetGrid): string | undefined {
  for (let r = 0; r < sheet.values.length; r += 1) {
    const c = (sheet.values[r] ?? []).findIndex((value) => !isBlank(value));
    if (c >= 0) return addressOf(sheet, r, c);
  }
  return undefined;
}

function isBlankRow(sheet: SheetGrid, row: number): boolean {
  return (sheet.values[row] ?? []).every((value) => isBlank(value));
}
