import { normaliseLabel } from "./table-labels";
import type { NumericTable, TableColumn, TableRow, TableValue } from "./table";

/** One value cell of a table, found by table number, row label and column header. */
export interface TableCellRef {
  readonly table: NumericTable;
  readonly row: TableRow;
  readonly column: TableColumn;
  readonly value: TableValue;
  /** A1 address on the table's sheet. */
  readonly cell: string;
}

/**
 * Finds a table by its number ("1", "Tabel 1") or id ("Tabel 8 (2)", "Sheet!A10"). A bare number
 * names the first table with that number, as the duplicate-table-number warning explains.
 */
export function findTable(tables: readonly NumericTable[], reference: string): NumericTable | undefined {
  const key = normaliseLabel(reference);
  const byId = tables.find((t) => normaliseLabel(t.id) === key);
  if (byId) return byId;
  const number = key.replace(/^tabel\s+/, "");
  return tables.find((t) => t.number !== undefined && t.number.toLowerCase() === number);
}

/**
 * The cell at a row label and column header (case/whitespace-insensitive, HTML already stripped from
 * labels; a year column matches "2021" or 2021). The first matching row wins when a label repeats.
 */
export function findTableCell(
  tables: readonly NumericTable[],
  tableReference: string,
  rowLabel: string,
  columnHeader: string | number,
): TableCellRef | undefined {
  const table = findTable(tables, tableReference);
  if (!table) return undefined;
  const columnKey = normaliseLabel(String(columnHeader));
  const columnIndex = table.columns.findIndex((c) => normaliseLabel(c.header) === columnKey || String(c.year) === columnKey);
  const column = table.columns[columnIndex];
  if (!column) return undefined;
  const rowKey = normaliseLabel(rowLabel);
  const row = table.rows.find((r) => normaliseLabel(r.label) === rowKey);
  const value = row?.values[columnIndex];
  const cell = row?.cells[columnIndex];
  if (!row || !value || cell === undefined) return undefined;
  return { table, row, column, value, cell };
}
