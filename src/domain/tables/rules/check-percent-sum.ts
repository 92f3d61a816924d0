import type { FindingData } from "../../findings/finding";
import { distanceBetween, formatInterval, sumOperands, toOperand, type Operand } from "../../core/interval";
import { roundTo } from "../../core/parse-number";
import { isChildLabel, isShareTable, isTotalLabel } from "../table-labels";
import type { NumericTable } from "../table";

const HUNDRED = { min: 100, max: 100 };
/** Absorbs binary float noise; far below any shown precision. */
const EPSILON = 1e-9;

/**
 * percent-sum: in a table of shares every column adds up to 100 %. Each share is shown rounded to d
 * decimals, so n shares may miss 100 by n·0.5·10^-d: within that margin the sum is reported as an
 * info (an exact 100 is not reported), beyond it as an error. A Totaal row is not a share; its own
 * value must be 100 within the same margin. Rows below the Totaal row are not shares.
 */
export function checkPercentSum(table: NumericTable): FindingData[] {
  if (!isShareTable(table)) return [];
  const totalIndex = table.rows.findIndex((r) => isTotalLabel(r.label));
  const totalRow = totalIndex >= 0 ? table.rows[totalIndex] : undefined;
  const shareRows = table.rows.slice(0, totalIndex >= 0 ? totalIndex : table.rows.length).filter((r) => !isChildLabel(r.label) && !r.section);
  if (shareRows.length < 2) return [];

  const findings: FindingData[] = [];
  table.columns.forEach((column, j) => {
    const parts: Operand[] = [];
    for (const row of shareRows) {
      const operand = toOperand(row.values[j]);
      // A missing share makes the sum meaningless; unreadable cells are reported elsewhere.
      if (!operand) return;
      parts.push(operand);
    }
    const sum = sumOperands(parts);
    const tolerance = parts.reduce((t, p) => t + 0.5 * 10 ** -p.decimals, 0);
    const miss = distanceBetween(sum.interval, HUNDRED);
    const firstCell = shareRows[0]?.cells[j];
    const lastCell = shareRows[shareRows.length - 1]?.cells[j];
    const total = totalRow ? toOperand(totalRow.values[j]) : undefined;
    const totalCell = totalRow?.cells[j];
    const cell = total && totalCell !== undefined ? totalCell : lastCell;
    if (cell === undefined || firstCell === undefined || lastCell === undefined) return;
    const base = {
      code: "percent-sum" as const,
      sheet: table.sheet,
      table: table.id,
      expected: 100,
    };
    const shown = formatInterval(sum.interval, sum.decimals);
    const params = { column: column.header, sum: shown, tolerance: roundTo(tolerance, sum.decimals + 2) };
    if (miss > tolerance + EPSILON) {
      findings.push({ ...base, severity: "error", cell, range: `${firstCell}:${lastCell}`, actual: shown, params, row: rowOfCell(table, cell) });
      return;
    }
    if (miss > EPSILON) {
      findings.push({ ...base, severity: "info", cell, range: `${firstCell}:${lastCell}`, actual: shown, params, row: rowOfCell(table, cell) });
    }
    if (total && totalRow && totalCell !== undefined) {
      const totalMiss = distanceBetween(total.interval, HUNDRED);
      if (totalMiss > Math.max(tolerance, 0.5 * 10 ** -total.decimals) + EPSILON) {
        const stated = formatInterval(total.interval, total.decimals);
        findings.push({
          ...base,
          severity: "error",
          cell: totalCell,
          actual: stated,
          params: { ...params, sum: stated },
          row: totalRow.row,
        });
      }
    }
  });
  return findings;
}

function rowOfCell(table: NumericTable, cell: string): number {
  return table.rows.find((r) => r.cells.includes(cell))?.row ?? table.headerRow;
}
