import type { FindingData } from "../../findings/finding";
import { formatOperand, overlapsWithin, sumOperands, toOperand, type Operand } from "../../core/interval";
import {
  isBalanceColumn,
  isChildLabel,
  isPercentColumn,
  isRemovalLabel,
  isShareTable,
  isStockEndLabel,
  isStockStartLabel,
  isTotalColumn,
  isTotalLabel,
} from "../table-labels";
import type { NumericTable, TableColumn, TableRow, TableValue } from "../table";

/**
 * total-row, subtotal and total-column. A sum holds when the shown total lies within the shown parts'
 * sum widened by their rounding errors (none for integers shown without decimals: those compare
 * exactly). A part that is unknown (blank, n.b.) or unreadable skips that one comparison: there is
 * nothing to compare, and unreadable cells are reported where they are read.
 */

/** Sum of the operands of `values`, or undefined when one of them is not a number or interval. */
function sumOf(values: readonly (TableValue | undefined)[]): Operand | undefined {
  const operands: Operand[] = [];
  for (const value of values) {
    const operand = toOperand(value);
    if (!operand) return undefined;
    operands.push(operand);
  }
  return operands.length === 0 ? undefined : sumOperands(operands);
}

function holds(sum: Operand, total: Operand): boolean {
  return overlapsWithin(sum.interval, total.interval, sum.tolerance + total.tolerance);
}

function isSubtotalLabel(label: string): boolean {
  return /^sub/i.test(label.trim());
}

/**
 * The rows a Totaal row adds up: the rows above it, without "- " sub-rows and section rows; a
 * Subtotaal row stands for the rows above it (up to the previous Subtotaal); a Totaal row or a
 * stock row ("Stand per 1 januari": the mutations below it are what a "Totaal mutaties" row adds
 * up) ends the search.
 */
export function partsOfTotalRow(table: NumericTable, totalIndex: number): TableRow[] {
  return collectParts(table, totalIndex, false);
}

/**
 * The same, ended by the nearest section row above (when no Subtotaal was met): a Totaal under a
 * section heading ("Onderhoudkosten", "Overig bezit") may add up that section only.
 */
function partsInSection(table: NumericTable, totalIndex: number): TableRow[] {
  return collectParts(table, totalIndex, true);
}

/**
 * The same where an earlier Totaal row stands for its rows, as a Subtotaal does: "Totaal woningen"
 * · … · "Totaal bezit" over it and the rows after it.
 */
function partsThroughTotals(table: NumericTable, totalIndex: number): TableRow[] {
  return collectParts(table, totalIndex, false, true);
}

function collectParts(table: NumericTable, totalIndex: number, stopAtSection: boolean, throughTotals = false): TableRow[] {
  const total = table.rows[totalIndex];
  if (!total) return [];
  const grand = !isSubtotalLabel(total.label);
  const parts: TableRow[] = [];
  // What the rows met so far are already counted in: a Subtotaal covers the rows above it up to
  // the previous Subtotaal; a Totaal (read through) covers everything above it, Subtotaals too.
  let covered: "none" | "subtotal" | "total" = "none";
  for (let i = totalIndex - 1; i >= 0; i -= 1) {
    const row = table.rows[i];
    if (!row || isStockStartLabel(row.label) || isStockEndLabel(row.label)) break;
    if (row.section) {
      if (stopAtSection && covered === "none") break;
      continue;
    }
    if (isTotalLabel(row.label)) {
      if (!grand) break;
      if (isSubtotalLabel(row.label)) {
        if (covered === "total") continue;
        parts.unshift(row);
        covered = "subtotal";
        continue;
      }
      if (!throughTotals) break;
      parts.unshift(row);
      covered = "total";
      continue;
    }
    if (covered === "none" && !isChildLabel(row.label)) parts.unshift(row);
  }
  return parts;
}

/**
 * total-row: a Totaal row equals the sum of the rows above it (rows below it are not part of it),
 * or, under a section heading, the sum of that section's rows, or the sum of the Totaal rows above
 * it and the rows after them: any reading holding is enough (a false alarm costs more than a
 * fault a layout hides). The finding gives the first reading's sum.
 */
export function checkTotalRows(table: NumericTable): FindingData[] {
  // In a table of shares the Totaal row is checked against 100 % by percent-sum.
  if (isShareTable(table)) return [];
  const findings: FindingData[] = [];
  table.rows.forEach((row, i) => {
    if (!isTotalLabel(row.label)) return;
    const sectionParts = partsInSection(table, i);
    // Right under a section heading ("Onderhoudkosten" · "Totaal onderhoud"): the section's own
    // figure, with nothing of its section above it to add up.
    if (sectionParts.length === 0 && table.rows[i - 1]?.section) return;
    const readings = [partsOfTotalRow(table, i), sectionParts, partsThroughTotals(table, i)].filter((parts) => parts.length > 0);
    const first = readings[0];
    if (!first) return;
    table.columns.forEach((column, j) => {
      const total = toOperand(row.values[j]);
      const sum = sumOf(first.map((p) => p.values[j]));
      const cell = row.cells[j];
      if (!total || !sum || cell === undefined || holds(sum, total)) return;
      if (
        readings.some((parts) => {
          const other = parts === first ? undefined : sumOf(parts.map((p) => p.values[j]));
          return other !== undefined && holds(other, total);
        })
      ) {
        return;
      }
      findings.push({
        code: "total-row",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(sum),
        actual: formatOperand(total),
        params: { column: column.header, label: row.label },
        table: table.id,
        row: row.row,
      });
    });
  });
  return findings;
}

/** subtotal: the "- " rows right below a row add up to that row (not below a stock row). */
export function checkSubtotals(table: NumericTable): FindingData[] {
  const findings: FindingData[] = [];
  table.rows.forEach((parent, i) => {
    // "- " rows under a stock row are its mutations ("- aantal opgeleverd"), or units added to
    // the next count, never its parts: stock-flow checks them.
    if (isChildLabel(parent.label) || isStockStartLabel(parent.label) || isStockEndLabel(parent.label)) return;
    const children: TableRow[] = [];
    for (let k = i + 1; k < table.rows.length; k += 1) {
      const row = table.rows[k];
      if (!row || !isChildLabel(row.label)) break;
      children.push(row);
    }
    if (children.length === 0) return;
    table.columns.forEach((column, j) => {
      const total = toOperand(parent.values[j]);
      const sum = sumOf(children.map((c) => c.values[j]));
      const cell = parent.cells[j];
      if (!total || !sum || cell === undefined || holds(sum, total)) return;
      findings.push({
        code: "subtotal",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(sum),
        actual: formatOperand(total),
        params: { label: parent.label, parent: parent.label, column: column.header },
        table: table.id,
        row: parent.row,
      });
    });
  });
  return findings;
}

/**
 * How a total column may read the columns on its left when another total column stands there:
 * - "all": every value column (the earlier total left out);
 * - "since-total": only the columns after the earlier total;
 * - "through-totals": the earlier total standing for its columns, plus the columns after it
 *   (`Huur eengezins · Huur meergezins · Totaal huur · Koop · Totaal`).
 */
export type TotalColumnReading = "all" | "since-total" | "through-totals";

/**
 * The columns a total column adds up in one reading: value columns on its left (or, with none on
 * its left, every other value column), never a column of shares or rates next to counts ("%",
 * "Aandeel").
 */
export function partsOfTotalColumn(table: NumericTable, totalIndex: number, reading: TotalColumnReading = "all"): number[] {
  const total = table.columns[totalIndex];
  if (!total) return [];
  const totalIsPercent = isPercentColumn(table, totalIndex);
  const usable = (j: number): boolean => {
    const header = table.columns[j]?.header ?? "";
    // A Saldo between a stock's start and end columns adds up the mutations, not the stock.
    if (isStockStartLabel(header) || isStockEndLabel(header)) return false;
    return totalIsPercent || !isPercentColumn(table, j);
  };
  const left: number[] = [];
  let covered = false;
  for (let j = totalIndex - 1; j >= 0; j -= 1) {
    const column = table.columns[j];
    if (!column) break;
    if (isTotalColumn(column)) {
      if (reading === "since-total") break;
      if (reading === "through-totals") {
        if (usable(j)) left.unshift(j);
        covered = true;
      }
      continue;
    }
    if (!covered && usable(j)) left.unshift(j);
  }
  if (left.length > 0) return left;
  return table.columns.map((_, j) => j).filter((j) => j !== totalIndex && !isTotalColumn(table.columns[j] as TableColumn) && usable(j));
}

/** The sum of a row's values in `indexes`; in a Saldo column a removal column counts as minus. */
function sumColumns(table: NumericTable, row: TableRow, indexes: readonly number[], balance: boolean): Operand | undefined {
  const operands: Operand[] = [];
  for (const p of indexes) {
    const operand = toOperand(row.values[p]);
    if (!operand) return undefined;
    const removal = balance && isRemovalLabel(table.columns[p]?.header ?? "") && operand.interval.min >= 0;
    operands.push(removal ? { ...operand, interval: { min: -operand.interval.max, max: -operand.interval.min } } : operand);
  }
  return operands.length === 0 ? undefined : sumOperands(operands);
}

/**
 * total-column: a Saldo/Totaal column equals the sum of its parts (partsOfTotalColumn): when
 * another total column stands on its left, any of the three readings holding is enough. In a
 * Saldo column a removal column ("Gesloopt", "Verkocht") counts as minus, whatever its sign.
 * Rows whose parts are all empty (a figure given only in the total column) are skipped. The
 * finding gives the sum of all value columns on the left.
 */
export function checkTotalColumns(table: NumericTable): FindingData[] {
  const findings: FindingData[] = [];
  table.columns.forEach((column, j) => {
    if (!isTotalColumn(column)) return;
    const partIndexes = partsOfTotalColumn(table, j);
    if (partIndexes.length === 0) return;
    const alternatives = (["since-total", "through-totals"] as const)
      .map((reading) => partsOfTotalColumn(table, j, reading))
      .filter((parts) => parts.length > 0 && parts.join() !== partIndexes.join());
    const balance = isBalanceColumn(column);
    for (const row of table.rows) {
      const total = toOperand(row.values[j]);
      if (partIndexes.every((p) => row.values[p] === undefined || row.values[p]?.kind === "unknown")) continue;
      const sum = sumColumns(table, row, partIndexes, balance);
      const cell = row.cells[j];
      if (!sum || !total || cell === undefined || holds(sum, total)) continue;
      if (
        alternatives.some((parts) => {
          const other = sumColumns(table, row, parts, balance);
          return other !== undefined && holds(other, total);
        })
      ) {
        continue;
      }
      findings.push({
        code: "total-column",
        severity: "error",
        sheet: table.sheet,
        cell,
        expected: formatOperand(sum),
        actual: formatOperand(total),
        params: { label: row.label, column: column.header },
        table: table.id,
        row: row.row,
      });
    }
  });
  return findings;
}
