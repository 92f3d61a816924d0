import type { AgreementRow, CellValue, SheetGrid, YearStatus, YearText } from "../src/domain";

/**
 * The floor under the engine's speed goals: the least any engine that keeps its agreement rows as
 * plain objects (issue 15, point 2) must do. It builds rows of the engine's own shape (`AgreementRow`:
 * trimmed texts, seven cell addresses, one-year arrays with their entries) from the synthetic
 * workbook's agreements sheet, and passes over them once, as a rule does. No header matching, no
 * tables, no rules, no messages: the generator's columns are known in advance.
 *
 * Measured exactly as the engine is (fresh process, same sizes, same warm-up), its scaling from
 * 10k to 100k rows is what this machine's memory and V8's collector give plain rows before the
 * engine does any work: the engine's scaling figure cannot be read apart from it.
 */
export function buildPlainRows(sheets: readonly SheetGrid[]): number {
  const rows = readPlainRows(sheets);
  // One pass over the rows, as each row rule makes.
  let recognised = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as AgreementRow;
    if (row.statuses[0]?.status !== undefined && row.cells.agreement !== undefined) recognised += 1;
  }
  return recognised;
}

/** The floor's rows: one per agreement row of the synthetic workbook's agreements sheet (its first sheet). */
export function readPlainRows(sheets: readonly SheetGrid[]): AgreementRow[] {
  const grid = sheets[0];
  if (grid === undefined) return [];
  const header = grid.values[0] ?? [];
  const rows: AgreementRow[] = [];
  for (let r = 1; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    // The generator's page-break copies of the header are no agreements.
    if (values[2] === header[2]) continue;
    rows.push(buildRow(grid.sheet, r + 1, values));
  }
  return rows;
}

const YEAR = 2022;
const NO_ENTRIES: readonly YearText[] = Object.freeze([]);
const PARTIES = new Map<string, readonly string[]>();

function buildRow(sheet: string, row: number, values: readonly CellValue[]): AgreementRow {
  const label = String(row);
  const activities = readText(values[4]);
  const status = readText(values[5]);
  const activitiesCell = `E${label}`;
  const statusEntry: YearStatus = { year: YEAR, raw: status, cell: `F${label}`, status: status === "" ? undefined : status.toLowerCase() };
  const explanation: YearText = { year: YEAR, text: readText(values[6]), cell: `G${label}` };
  const partiesText = readText(values[3]);
  return {
    sheet,
    row,
    number: undefined,
    theme: orUndefined(readText(values[0])),
    subtheme: orUndefined(readText(values[1])),
    agreement: orUndefined(readText(values[2])),
    partiesText: orUndefined(partiesText),
    parties: readParties(partiesText),
    activities: activities === "" ? NO_ENTRIES : [{ year: YEAR, text: activities, cell: activitiesCell }],
    statuses: [statusEntry],
    explanations: [explanation],
    targets: undefined,
    realisations: undefined,
    cells: {
      theme: `A${label}`,
      subtheme: `B${label}`,
      agreement: `C${label}`,
      parties: `D${label}`,
      activities: activitiesCell,
      status: statusEntry.cell,
      explanation: explanation.cell,
    },
  };
}

function readText(value: CellValue | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

function orUndefined(text: string): string | undefined {
  return text === "" ? undefined : text;
}

/** Parties per distinct text, as the engine memoises its readings. */
function readParties(text: string): readonly string[] {
  let parties = PARTIES.get(text);
  if (parties === undefined) {
    parties = text.split(/,| en /).map((name) => name.trim()).filter((name) => name !== "");
    PARTIES.set(text, parties);
  }
  return parties;
}
