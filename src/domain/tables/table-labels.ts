import type { NumericTable, TableColumn } from "./table";

/**
 * How the table rules read row labels and column headers (case- and whitespace-insensitive).
 */

/** "Totaal", "Totaal generaal", "Total", "Subtotaal", "Eindtotaal" (not "Vrije sector woningen totaal"). */
const TOTAL_LABEL = /^(sub|eind)?tota(a)?l\b/i;
/** "- Standaard vrije sector": a sub-row already counted in the row above it. */
const CHILD_LABEL = /^[-–—•]\s+\S/;
const TOTAL_HEADER = /^(saldo|tota(a)?l)\b/i;
/**
 * Stock rows by meaning, not by one wording: a stock word ("Stand", "Voorraad", "Bezit", "Aantal
 * woningen", "Woningen", "Verhuureenheden", "Beginstand") with a moment: 1 januari, 1-1, begin
 * (boek)jaar, primo for the start; 31 december, 31-12, eind(e) (boek)jaar, ultimo for the end.
 */
const STOCK_WORD = /\b(stand|voorraad|bezit|woningbezit|woningvoorraad|aantal|woningen|woongelegenheden|verhuureenheden|vhe|eenheden|beginstand|eindstand)\b/i;
const STOCK_START_MOMENT = /(\b1\s*jan(uari)?\b|\b0?1-0?1\b|\bbegin(stand|\s+(van\s+het\s+)?(boek)?jaar)?\b|\bprimo\b)/i;
const STOCK_END_MOMENT = /(\b31\s*dec(ember)?\b|\b31-12\b|\beind(stand|e)?(\s+(van\s+het\s+)?(boek)?jaar)?\b|\bultimo\b)/i;
/**
 * A mutation that takes units away (sold, demolished, merged, moved out): shown as a positive
 * count it still lowers the stock, and it lowers a Saldo.
 */
const REMOVAL_LABEL =
  /\b(verko(ch)?t|verkoop|verkopen|gesloopt|sloop|slopen|onttrekking(en)?|onttrokken|afgestoten|afstoten|uit\s+exploitatie|samenvoeging|samengevoegd|liberalisatie|geliberaliseerd|afname|vertrokken|uitstroom)\b/i;
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
  const text = label.trim();
  return STOCK_WORD.test(text) && STOCK_START_MOMENT.test(text) && !STOCK_END_MOMENT.test(text);
}

export function isStockEndLabel(label: string): boolean {
  const text = label.trim();
  return STOCK_WORD.test(text) && STOCK_END_MOMENT.test(text) && !STOCK_START_MOMENT.test(text);
}

/** A row or column of units going out ("Verkocht", "Gesloopt", "Sloop", "Onttrekkingen"). */
export function isRemovalLabel(label: string): boolean {
  return REMOVAL_LABEL.test(label);
}

/** A Saldo column: additions minus removals, by meaning. */
export function isBalanceColumn(column: TableColumn): boolean {
  return column.year === undefined && /^saldo\b/i.test(column.header.trim());
}

/** A column of shares or rates next to counts ("%", "Aandeel", "Percentage"): never a part of a total. */
export function isPercentColumn(table: NumericTable, index: number): boolean {
  const column = table.columns[index];
  if (!column) return false;
  if (/%|\b(aandeel|percentage|procent)\b/i.test(column.header)) return true;
  let numbers = 0;
  for (const row of table.rows) {
    const value = row.values[index];
    if (value?.kind !== "number" && value?.kind !== "interval") continue;
    if (!value.percent) return false;
    numbers += 1;
  }
  return numbers > 0;
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
