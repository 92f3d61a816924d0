import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { cellAt, formatAt, isBlank, textOf, type CellValue, type SheetGrid } from "../../src/domain";
import { findSeedAgreements, readSeedLines, readSeedTable, toTypedValue } from "./seed-text";

/**
 * The two seed workbooks are what tests/fixtures/README.md says: the clean workbook holds every
 * agreement of the seed in seed order with the seed's own (faulty) values and the six tables with
 * the seed's numbers; the faithful paste is the seed line for line, as text.
 */

const FIXTURES = join(__dirname, "..", "fixtures");
const seed = readSeedLines();
const withSeed = seed ? it : it.skip;

async function readSheets(file: string): Promise<SheetGrid[]> {
  return (await readWorkbookFile(join(FIXTURES, file))).sheets;
}

function sheetNamed(sheets: readonly SheetGrid[], name: string): SheetGrid {
  const sheet = sheets.find((s) => s.sheet === name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${sheets.map((s) => s.sheet).join(", ")}`);
  return sheet;
}

/** Rows of a sheet from `from` (0-based) until the first row that is blank in every cell. */
function rowsUntilBlank(grid: SheetGrid, from: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = from; r < grid.values.length; r += 1) {
    const row = grid.values[r] ?? [];
    if (row.every((v) => isBlank(v))) break;
    rows.push(row);
  }
  return rows;
}

/** Numbers as fixed-precision text, so decimals are compared without float equality. */
function comparable(value: CellValue): CellValue {
  return typeof value === "number" ? `#${value.toFixed(9)}` : value;
}

describe("stadskanaal-2021-2025.xlsx (clean)", () => {
  let agreements: SheetGrid;
  let tables: SheetGrid;

  beforeAll(async () => {
    const sheets = await readSheets("stadskanaal-2021-2025.xlsx");
    expect(sheets.map((s) => s.sheet)).toEqual(["Afspraken", "Tabellen"]);
    agreements = sheetNamed(sheets, "Afspraken");
    tables = sheetNamed(sheets, "Tabellen");
  });

  it("has one clean header and no status columns", () => {
    expect(agreements.values[0]).toEqual(["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2021"]);
    const headers = agreements.values.filter((row) => row.some((v) => textOf(v) === "Wie?"));
    expect(headers).toHaveLength(1);
  });

  withSeed("has every agreement of the seed, in seed order (counted from the seed text)", () => {
    const expected = findSeedAgreements(seed ?? []);
    expect(expected).toHaveLength(88);
    const rows = agreements.values.slice(1);
    expect(rows.map((r) => textOf(r[0]))).toEqual(expected.map((a) => a.theme));
  });

  withSeed("keeps each row's texts as the seed has them (nothing invented, nothing corrected)", () => {
    const expected = findSeedAgreements(seed ?? []);
    const problems: string[] = [];
    expected.forEach((a, i) => {
      const row = agreements.values[i + 1] ?? [];
      for (const value of row) {
        if (isBlank(value)) continue;
        if (!a.texts.includes(textOf(value))) problems.push(`row ${i + 2} (seed line ${a.line}): '${textOf(value).slice(0, 40)}' is not in the seed`);
      }
    });
    expect(problems).toEqual([]);
  });

  it("keeps the seed's inconsistencies", () => {
    const at = (cell: string): string => {
      const match = /^([A-E])(\d+)$/.exec(cell);
      if (!match) throw new Error(cell);
      return textOf(cellAt(agreements, Number(match[2]) - 1, "ABCDE".indexOf(match[1] ?? "A")));
    };
    expect(at("A7")).toBe("Beschikbaarheid en betaalbaarheid");
    expect(at("D8")).toBe(""); // seed line 45: no Wie?
    expect(at("D33")).toBe("Gemeent en Lefier");
    expect(at("D47")).toBe("gemeente Lefier");
    expect(at("D75")).toBe("Gemeente, Woonservice Lefier");
    expect(at("B56")).toBe("Verduurzaamheidsstrategie corporaties");
    expect(at("E4")).toMatch(/^<table border="1"> <caption>Tabel 3:/);
    expect(at("E12")).toMatch(/^<p>Voorkomen is beter dan genezen/);
    // Below a shifted header (seed line 227) the agreement comes from the fourth field.
    expect(at("B66")).toBe("Samenwerking");
    expect(at("C66")).toBe("De AVE zal worden geïmplementeerd ten aanzien van woonoverlast.");
    // Seed lines 145-153, one field per line.
    expect(at("C34")).toBe("De gemeente betreft de partijen bij de realisatie van de Omgevingsvisie.");
    expect(at("D34")).toBe("Gemeente");
  });

  it("keeps nothing of the tables on the agreements sheet except line 34's HTML activity", () => {
    const beyondE = agreements.values.filter((row) => row.slice(5).some((v) => !isBlank(v)));
    expect(beyondE).toEqual([]);
    const captions = agreements.values.filter((row) => /^tabel\s+\d/i.test(textOf(row[0])));
    expect(captions).toEqual([]);
  });

  const TABLE_STARTS: readonly [string, string][] = [
    ["Tabel 1: Ontwikkeling kernvoorraad", "Tabel 1:"],
    ["Tabel 3: Ontwikkeling betaalbaarheid zelfstandige woningen in relatie tot doelstelling", "Betaalbaarheid (in %)"],
    ["Tabel 5: Maatregelen verduurzaming", "Tabel 5:"],
    ["Tabel 6: Ontwikkeling nultredenwoningen", "Tabel 6:"],
    ["Tabel 8: Aantal eenheden niet-DAEB", "Tabel 8: Aantal"],
    ["Tabel 8: Uitgaven leefbaarheid", "Tabel 8: Uitgaven"],
  ];

  it("has the six tables with a caption, a header and label + value rows, an empty row between", () => {
    const captions = tables.values.map((row, r) => ({ r, text: textOf(row[0]) })).filter((c) => /^Tabel \d+:/.test(c.text));
    expect(captions.map((c) => c.text)).toEqual(TABLE_STARTS.map(([caption]) => caption));
    for (const { r } of captions.slice(1)) expect((tables.values[r - 1] ?? []).every((v) => isBlank(v))).toBe(true);
  });

  withSeed("has the seed's numbers in every table (typed: numbers, fractions for %, intervals as text)", () => {
    for (const [caption, start] of TABLE_STARTS) {
      const captionRow = tables.values.findIndex((row) => textOf(row[0]) === caption);
      const sheetRows = rowsUntilBlank(tables, captionRow + 1).map((row) => row.filter((v) => !isBlank(v)).map(comparable));
      const seedRows = readSeedTable(seed ?? [], start).map((row) => row.map((field, c) => comparable(c === 0 ? field : toTypedValue(field))));
      expect({ caption, rows: sheetRows }).toEqual({ caption, rows: seedRows });
    }
  });

  it("formats percentages as 0.0% fractions and amounts with thousands separators", () => {
    const find = (label: string, nth = 0): number => {
      const rows = tables.values.map((row, r) => ({ r, label: textOf(row[0]) })).filter((x) => x.label === label);
      const hit = rows[nth];
      if (!hit) throw new Error(`no row ${label}`);
      return hit.r;
    };
    const goedkoop = find("Goedkoop");
    expect(cellAt(tables, goedkoop, 1)).toBeCloseTo(0.292, 10);
    expect(formatAt(tables, goedkoop, 1)).toBe("0.0%");
    const investering = find("Investering", 1);
    expect(cellAt(tables, investering, 2)).toBe(4324);
    expect(formatAt(tables, investering, 2)).toBe("#,##0");
    const verkoop = find("Verkoop");
    expect(cellAt(tables, verkoop, 1)).toBe(0);
    expect(cellAt(tables, verkoop, 2)).toBe("-20 - -25");
    expect(cellAt(tables, find("Sloop"), 1)).toBe(-89);
    // Tabel 8 leefbaarheid: the two rows below Totaal have only the Saldo cell.
    const daeb = find("Aantal DAEB-woongelegenheden");
    expect(tables.values[daeb]?.slice(1, 4)).toEqual([null, null, 3810]);
    // HTML removed from labels in the clean workbook.
    expect(tables.values.some((row) => /<[a-z/]/i.test(textOf(row[0])))).toBe(false);
  });
});

describe("stadskanaal-faithful-paste.xlsx", () => {
  withSeed("is the seed line for line, split on tabs, every field as the text the PDF gave", async () => {
    const sheets = await readSheets("stadskanaal-faithful-paste.xlsx");
    expect(sheets).toHaveLength(1);
    const grid = sheets[0] as SheetGrid;
    const lines = seed ?? [];
    expect(grid.values.length).toBeLessThanOrEqual(lines.length);
    const problems: string[] = [];
    lines.forEach((line, i) => {
      const expected = line.split("\t").map((f): CellValue => (f.trim() === "" ? null : f));
      while (expected.length > 0 && expected[expected.length - 1] === null) expected.pop();
      const actual = [...(grid.values[i] ?? [])];
      while (actual.length > 0 && actual[actual.length - 1] === null) actual.pop();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`line ${i + 1}`);
    });
    expect(problems).toEqual([]);
  });

  it("keeps numbers as text: 4.324, 29,2% and -20 - -25", async () => {
    const grid = (await readSheets("stadskanaal-faithful-paste.xlsx"))[0] as SheetGrid;
    const all = grid.values.flat();
    expect(all.some((v) => typeof v === "number")).toBe(false);
    for (const text of ["4.324", "29,2%", "-20 - -25", "3885", "-89"]) expect(all).toContain(text);
  });
});
