import type { FindingData } from "../../findings/finding";
import type { CheckOperand, CrossCheckDef, Model } from "../../model/model";
import { findTableCell, type TableCellRef } from "../find-table-cell";
import { formatOperand } from "../../model/model-sheet-format";
import { stripMarkup } from "../../core/parse-number";
import { normaliseLabel } from "../table-labels";
import type { NumericTable, TableValue } from "../table";

/**
 * Evaluates the model's declared cross-checks (Controles) against the tables found.
 *
 * - A side is a number or a reference `Tabel N / row label / column header`; a table may also be
 *   named by its caption's title (`Woningvoorraad / Nieuwbouw / 2021` or `Tabel Woningvoorraad /
 *   …` for "Tabel 4: Woningvoorraad"), case-, whitespace- and HTML-insensitively. Row labels and
 *   headers match case-, whitespace- and HTML-insensitively; a column also matches by its year.
 *   When a table number is used twice (the seed's two "Tabel 8"), the first table whose row and
 *   column both match wins; `Tabel 8 (2)` names the second one explicitly. A label that occurs
 *   twice in one table resolves to its first row.
 * - Values are intervals: a number is [v, v], a range such as `20 à 25` is [min, max].
 *   `=` holds when the two intervals overlap, `<=` when the left's minimum is at most the
 *   right's maximum, `>=` when the left's maximum is at least the right's minimum: the check
 *   holds when some value in each range satisfies it, as with the stock-flow rule. The slack is
 *   the declared Tolerantie plus the rounding of each side (0.5·10^-d for d shown decimals;
 *   integers compare exactly).
 * - A side whose cell is blank, `n.b.`, not a number or an Excel error is not evaluated (the
 *   table rules report bad cells).
 * - A failing check is a `cross-check` error at the left side's table cell (else the right's).
 *   A reference that points at nothing is `invalid-model` at the Controle's row on the Model
 *   sheet; checks without a source (the built-in default model) are skipped silently when the
 *   workbook lacks their tables, since they were written for the default municipality's tables.
 */
export function checkCrossChecks(tables: readonly NumericTable[], model: Model): FindingData[] {
  const findings: FindingData[] = [];
  for (const check of model.crossChecks) {
    const left = resolveOperand(check.left, tables);
    const right = resolveOperand(check.right, tables);
    if (left === undefined || right === undefined) {
      for (const [operand, side] of [
        [check.left, left],
        [check.right, right],
      ] as const) {
        if (side === undefined && check.source) {
          findings.push({
            code: "invalid-model",
            severity: "error",
            sheet: check.source.sheet,
            cell: check.source.cell,
            params: { block: "Controles", problem: "unresolved-reference", value: String(formatOperand(operand)) },
            ...rowOf(check.source.cell),
          });
        }
      }
      continue;
    }
    if (left.range === undefined || right.range === undefined) continue;
    if (holds(check, left.range, right.range)) continue;
    const finding = failure(check, left, right);
    if (finding) findings.push(finding);
  }
  return findings;
}

interface ValueRange {
  readonly min: number;
  readonly max: number;
  /** Rounding of the shown value. */
  readonly slack: number;
}

interface ResolvedSide {
  /** Undefined when the cell holds no usable number. */
  readonly range: ValueRange | undefined;
  readonly at?: { readonly table: NumericTable; readonly cell: string; readonly row: number };
}

/**
 * The cell `Tabel N / row / column` names, trying every table with that number in order (the
 * table engine's `findTableCell` alone would stop at the first table numbered N).
 */
function locateReference(
  tables: readonly NumericTable[],
  ref: { readonly table: string; readonly row: string; readonly column: string },
): TableCellRef | undefined {
  const number = ref.table.trim().toLowerCase();
  const id = normaliseLabel(`Tabel ${ref.table}`);
  // "Tabel 5: Nieuwbouw per kern" reaches here as "5: Nieuwbouw per kern": its title is the caption.
  const caption = normaliseLabel(stripMarkup(ref.table).replace(/^(?:tabel\s+)?\d+(?:\.\d+)*[a-z]?\s*[:.\-–—]\s*/i, ""));
  const row = stripMarkup(ref.row);
  const column = stripMarkup(ref.column);
  for (const table of tables) {
    const byCaption = table.title !== undefined && caption !== "" && normaliseLabel(table.title) === caption;
    if (table.number?.trim().toLowerCase() !== number && normaliseLabel(table.id) !== id && !byCaption) continue;
    // Sub-rows read "- Standaard vrije sector"; a reference may omit the dash.
    const found = findTableCell(tables, table.id, row, column) ?? findTableCell(tables, table.id, `- ${row}`, column);
    if (found) return found;
  }
  return undefined;
}

function resolveOperand(operand: CheckOperand, tables: readonly NumericTable[]): ResolvedSide | undefined {
  if (operand.kind === "number") return { range: { min: operand.value, max: operand.value, slack: 0 } };
  const found = locateReference(tables, operand);
  if (!found) return undefined;
  return { range: rangeOf(found.value), at: { table: found.table, cell: found.cell, row: found.row.row } };
}

function rangeOf(value: TableValue): ValueRange | undefined {
  switch (value.kind) {
    case "number":
      return { min: value.value, max: value.value, slack: roundingOf(value.decimals) };
    case "interval":
      return { min: Math.min(value.min, value.max), max: Math.max(value.min, value.max), slack: roundingOf(value.decimals) };
    default:
      return undefined;
  }
}

/** A value shown with d decimals is off by at most 0.5·10^-d; whole numbers are exact. */
function roundingOf(decimals: number): number {
  return decimals > 0 ? 0.5 * 10 ** -decimals : 0;
}

function holds(check: CrossCheckDef, left: ValueRange, right: ValueRange): boolean {
  const scale = Math.max(1, Math.abs(left.min), Math.abs(left.max), Math.abs(right.min), Math.abs(right.max));
  // Float noise (0.1 + 0.2) must never fail a check; never compare decimals exactly.
  const slack = check.tolerance + left.slack + right.slack + scale * 1e-9;
  switch (check.operator) {
    case "=":
      return left.min <= right.max + slack && right.min <= left.max + slack;
    case "<=":
      return left.min <= right.max + slack;
    case ">=":
      return left.max + slack >= right.min;
  }
}

function failure(check: CrossCheckDef, left: ResolvedSide, right: ResolvedSide): FindingData | undefined {
  const leftShown = showRange(left.range);
  const rightShown = showRange(right.range);
  const params = { check: check.label, left: leftShown, operator: check.operator, right: rightShown };
  const compared = check.operator === "=" ? { actual: leftShown, expected: rightShown } : {};
  const at = left.at ?? right.at;
  if (at) {
    return {
      code: "cross-check",
      severity: "error",
      sheet: at.table.sheet,
      cell: at.cell,
      row: at.row,
      table: at.table.id,
      params,
      ...compared,
    };
  }
  // Two plain numbers: only the Controle itself can be pointed at.
  if (!check.source) return undefined;
  return { code: "cross-check", severity: "error", sheet: check.source.sheet, cell: check.source.cell, params, ...compared, ...rowOf(check.source.cell) };
}

function showRange(range: ValueRange | undefined): number | string {
  if (!range) return "";
  if (range.max - range.min <= 0) return range.min;
  return `${tidy(range.min)}…${tidy(range.max)}`;
}

function tidy(value: number): string {
  return String(Math.round(value * 1e9) / 1e9);
}

function rowOf(cell: string): { row?: number } {
  const row = /\d+$/.exec(cell)?.[0];
  return row === undefined ? {} : { row: Number(row) };
}
