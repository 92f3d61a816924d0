import { UNKNOWN_YEAR, type AgreementColumns, type AgreementRow } from "../agreement";
import type { RowCheck } from "./row-rule";

/**
 * missing-status-column: the monitoring year has no status column on an agreements sheet (no
 * "Status <year>" and no yearless "Status"). At the start of a monitoring year this is the one
 * thing the coordinator must hear; without it every row would pass as "in orde". Reported once
 * per sheet, at its first header: at the last status column's header when there is one (the new
 * column goes after it), else at the header's first field.
 */
export function checkStatusColumn(_rows: readonly AgreementRow[], check: RowCheck): void {
  const { year } = check;
  if (year === undefined) return;
  const sheets = new Map<string, AgreementColumns[]>();
  for (const columns of check.columns) {
    const headers = sheets.get(columns.sheet);
    if (headers === undefined) sheets.set(columns.sheet, [columns]);
    else headers.push(columns);
  }
  for (const [sheet, headers] of sheets) {
    if (headers.some((columns) => hasStatusColumn(columns, year))) continue;
    const first = headers[0] as AgreementColumns;
    const letter = lastStatusLetter(first) ?? first.theme ?? first.agreement ?? first.parties ?? "A";
    check.findings.push({
      code: "missing-status-column",
      severity: "error",
      sheet,
      row: first.headerRow,
      cell: `${letter}${first.headerRow}`,
      params: { year },
    });
  }
}

function hasStatusColumn(columns: AgreementColumns, year: number): boolean {
  return Object.hasOwn(columns.status, year) || Object.hasOwn(columns.status, UNKNOWN_YEAR);
}

/** The letter of the header's latest-year status column. */
function lastStatusLetter(columns: AgreementColumns): string | undefined {
  const years = Object.keys(columns.status).map(Number).sort((a, b) => a - b);
  const last = years[years.length - 1];
  return last === undefined ? undefined : columns.status[last];
}
