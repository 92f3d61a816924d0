import type { FindingData } from "../../findings/finding";
import { agreeWithin, formatOperand, overlapsWithin, sumOperands, toOperand, type Operand } from "../../core/interval";
import { isChildLabel, isRemovalLabel, isStockEndLabel, isStockStartLabel, isTotalColumn, isTotalLabel } from "../table-labels";
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
 * A stock laid out across: a start column ("Voorraad 1 januari"), mutation columns ("Nieuwbouw",
 * "Sloop"), an end column ("Voorraad 31 december"), one row per year or per corporation.
 */
interface StockColumns {
  readonly start: number;
  readonly end: number;
  readonly mutations: readonly number[];
}

function findStockColumns(table: NumericTable): StockColumns[] {
  const blocks: StockColumns[] = [];
  let start: number | undefined;
  let mutations: number[] = [];
  table.columns.forEach((column, j) => {
    if (column.year !== undefined) return;
    if (isStockStartLabel(column.header)) {
      start = j;
      mutations = [];
    } else if (start !== undefined && isStockEndLabel(column.header)) {
      blocks.push({ start, end: j, mutations });
      start = undefined;
    } else if (start !== undefined && !isTotalColumn(column)) {
      mutations.push(j);
    }
  });
  return blocks;
}

/** The operand of a value as a mutation: a removal (by its row or column label) lowers the stock. */
function asMutation(operand: Operand | undefined, removal: boolean): Operand | undefined {
  if (!operand || !removal || operand.interval.min < 0) return operand;
  return { ...operand, interval: { min: -operand.interval.max, max: -operand.interval.min } };
}

/**
 * A mutation as it changes the stock: a removal ("Verkocht", "Gesloopt") lowers it whether it is
 * shown as -104 or as 104; any other mutation counts with its own sign.
 */
function toMutation(row: TableRow, index: number): Operand | undefined {
  return asMutation(toOperand(row.values[index]), isRemovalLabel(row.label));
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
  for (const block of findStockColumns(table)) {
    for (const row of table.rows) {
      if (row.section) continue;
      const start = toOperand(row.values[block.start]);
      const end = toOperand(row.values[block.end]);
      const cell = row.cells[block.end];
      if (!start || !end || cell === undefined) continue;
      const operands: Operand[] = [start];
      for (const j of block.mutations) {
        const operand = asMutation(toOperand(row.values[j]), isRemovalLabel(table.columns[j]?.header ?? ""));
        if (!operand) break;
        operands.push(operand);
      }
      if (operands.length !== block.mutations.length + 1) continue;
      const expected = sumOperands(operands);
      if (overlapsWithin(expected.interval, end.interval, expected.tolerance + end.tolerance)) continue;
      findings.push({
        code: "stock-flow",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(expected),
        actual: formatOperand(end),
        params: { year: row.label },
        table: table.id,
        row: row.row,
      });
    }
  }
  return findings;
}

/** The year a row stands for when its label is one ("2021", "2021*"). */
function yearOfLabel(label: string): number | undefined {
  const match = /^((?:19|20)\d{2})\b/.exec(label.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * stock-continuity: the stock at 31 December of year N is the stock at 1 January of year N+1, per
 * column of years, and across (a start and an end column) per row of years.
 */
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
  const rowsByYear = new Map<number, TableRow>();
  for (const row of table.rows) {
    const year = yearOfLabel(row.label);
    if (year !== undefined && !rowsByYear.has(year)) rowsByYear.set(year, row);
  }
  for (const block of findStockColumns(table)) {
    for (const [year, row] of rowsByYear) {
      const next = rowsByYear.get(year + 1);
      if (!next) continue;
      const end = toOperand(row.values[block.end]);
      const nextStart = toOperand(next.values[block.start]);
      const cell = next.cells[block.start];
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
        row: next.row,
      });
    }
  }
  return findings;
}
