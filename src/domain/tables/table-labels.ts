import type { NumericTable, TableColumn } from "./table";

/**
 * How the table rules read row labels and column headers (case- and whitespace-insensitive).
 */

/** "Totaal", "Totaal generaal", "Total", "Subtotaal", "Eindtotaal" (not "Vrije sector woningen totaal"). */
const TOTAL_LABEL = /^(sub|eind)?tota(a)?l\b/i;
/** "- Standaard vrije sector": a sub-row already counted in the row above it. */
const CHILD_LABEL = /^[-–—•]\s+\S/;
const TOTAL_HEADER = /^(saldo|tota(a)?l)\b/i;
const STOCK_START = /^(stand|voorraad|bezit)\b.*\b(1\s+januari|1-1|begin)/i;
const STOCK_END = /^(stand|voorraad|bezit)\b.*\b(31\s+december|31-12|eind)/i;

export function normaliseLabel(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.trim());
}

export function isChildLabel(label: string): boolean {
  return CHILD_LABEL.test(label.trim());
}

export function isTotalColumn(column: TableColumn): boolean {
  return column.year === undefined && TOTAL_HEADER.test(column.header.trim());
}

export function isStockStartLabel(label: string): boolean {
  return STOCK_START.test(label.trim());
}

export function isStockEndLabel(label: string): boolean {
  return STOCK_END.test(label.trim());
}

/**
 * A table of shares (each column sums to 100 %): the header says "%" (e.g. "Betaalbaarheid (in %)"),
 * or every number in it is a percentage; and it looks like shares: it has a Totaal row, or some
 * column adds up to 90…110 %. A table of rates ("Huurachterstand: Lefier 1,0 %, Woonservice 0,8 %")
 * is not a table of shares and is left alone.
 */
export function isShareTable(table: NumericTable): boolean {
  if (!isPercentTable(table)) return false;
  if (table.rows.some((r) => isTotalLabel(r.label))) return true;
  return table.columns.some((_, j) => {
    let sum = 0;
    for (const row of table.rows) {
      const value = row.values[j];
      if (isChildLabel(row.label) || !value) continue;
      if (value.kind === "number") sum += value.value;
      else if (value.kind === "interval") sum += (value.min + value.max) / 2;
    }
    return sum >= 90 && sum <= 110;
  });
}

function isPercentTable(table: NumericTable): boolean {
  if (table.headerLabel.includes("%")) return true;
  let numbers = 0;
  for (const row of table.rows) {
    for (const value of row.values) {
      if (value.kind !== "number" && value.kind !== "interval") continue;
      if (!value.percent) return false;
      numbers += 1;
    }
  }
  return numbers > 0;
}
