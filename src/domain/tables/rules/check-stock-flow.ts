import type { FindingData } from "../../findings/finding";
import { agreeWithin, formatOperand, overlapsWithin, sumOperands, toOperand, type Operand } from "../../core/interval";
import { isChildLabel, isRemovalLabel, isStockEndLabel, isStockStartLabel, isTotalLabel } from "../table-labels";
import type { NumericTable, TableRow } from "../table";

interface StockBlock {
  readonly start: TableRow;
  readonly end: TableRow;
  readonly mutations: readonly TableRow[];
}

/**
 * The start row ("Stand per 1 januari", "Aantal woningen 1 januari", "Bezit begin boekjaar"), the
 * mutation rows, the end row ("… 31 december", "… einde boekjaar"); a table may hold several.
 * Sub-rows ("- "), section rows and total rows ("Totaal mutaties") are not mutations of their own.
 */
function findStockBlocks(table: NumericTable): StockBlock[] {
  const blocks: StockBlock[] = [];
  let start: TableRow | undefined;
  let mutations: TableRow[] = [];
  let children: TableRow[] = [];
  for (const row of table.rows) {
    if (isStockStartLabel(row.label)) {
      start = row;
      mutations = [];
      children = [];
    } else if (start && isStockEndLabel(row.label)) {
      // Mutations listed only as "- " rows ("- aantal opgeleverd", "- aantal verkocht") are the
      // mutations; next to rows of their own they are those rows' breakdown.
      blocks.push({ start, end: row, mutations: mutations.length > 0 ? mutations : children });
      start = undefined;
    } else if (start && !row.section && !isTotalLabel(row.label)) {
      // A "Totaal mutaties" row repeats the mutations above it; total-row checks it.
      if (isChildLabel(row.label)) children.push(row);
      else mutations.push(row);
    }
  }
  return blocks;
}

/**
 * A mutation as it changes the stock: a removal ("Verkocht", "Gesloopt") lowers it whether it is
 * shown as -104 or as 104; any other mutation counts with its own sign.
 */
function toMutation(row: TableRow, index: number): Operand | undefined {
  const operand = toOperand(row.values[index]);
  if (!operand || !isRemovalLabel(row.label) || operand.interval.min < 0) return operand;
  return { ...operand, interval: { min: -operand.interval.max, max: -operand.interval.min } };
}

/**
 * stock-flow: start + mutations = end, per column, with interval arithmetic ("-20 - -25" sales make
 * the expected end an interval; the stated end must lie in it). Integer counts compare exactly.
 * A column with an unknown start, end or mutation is skipped: nothing can be concluded.
 */
export function checkStockFlow(table: NumericTable): FindingData[] {
  const findings: FindingData[] = [];
  for (const block of findStockBlocks(table)) {
    table.columns.forEach((column, j) => {
      const start = toOperand(block.start.values[j]);
      const end = toOperand(block.end.values[j]);
      const cell = block.end.cells[j];
      if (!start || !end || cell === undefined) return;
      const operands: Operand[] = [start];
      for (const row of block.mutations) {
        const operand = toMutation(row, j);
        if (!operand) return;
        operands.push(operand);
      }
      const expected = sumOperands(operands);
      if (overlapsWithin(expected.interval, end.interval, expected.tolerance + end.tolerance)) return;
      findings.push({
        code: "stock-flow",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(expected),
        actual: formatOperand(end),
        params: { year: column.year ?? column.header },
        table: table.id,
        row: block.end.row,
      });
    });
  }
  return findings;
}

/** stock-continuity: the stock at 31 December of year N is the stock at 1 January of year N+1. */
export function checkStockContinuity(table: NumericTable): FindingData[] {
  const findings: FindingData[] = [];
  const byYear = new Map<number, number>();
  table.columns.forEach((c, j) => {
    if (c.year !== undefined && !byYear.has(c.year)) byYear.set(c.year, j);
  });
  for (const block of findStockBlocks(table)) {
    for (const [year, j] of byYear) {
      const next = byYear.get(year + 1);
      if (next === undefined) continue;
      const end = toOperand(block.end.values[j]);
      const nextStart = toOperand(block.start.values[next]);
      const cell = block.start.cells[next];
      if (!end || !nextStart || cell === undefined || agreeWithin(end, nextStart)) continue;
      findings.push({
        code: "stock-continuity",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(end),
        actual: formatOperand(nextStart),
        params: { year, nextYear: year + 1 },
        table: table.id,
        row: block.start.row,
      });
    }
  }
  return findings;
}
