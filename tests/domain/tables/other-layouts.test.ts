import { checkCrossChecks } from "../../../src/domain/tables/rules/check-cross-checks";
import { checkTables } from "../../../src/domain/tables/check-tables";
import { checkWorkbook } from "../../../src/domain/check-workbook";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { parseOperand } from "../../../src/domain/model/model-sheet-format";
import type { Model } from "../../../src/domain/model/model";
import type { FindingData } from "../../../src/domain/findings/finding";
import { findTables } from "../../../src/domain/tables/find-tables";
import { parseCellNumber } from "../../../src/domain/core/parse-number";
import { stripMarkup } from "../../../src/domain/core/normalise-text";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";
import { gridFromA1, gridFromRows } from "../../helpers/grid-from-a1";

/**
 * Tables as other municipalities and corporations lay them out (issue 17): other labels, other
 * minus signs and spaces, blank corners, sections, reference columns, tables beside agreements.
 */

const brief = (f: FindingData): string => `${f.code} ${f.cell ?? "?"} ${String(f.expected ?? "")}/${String(f.actual ?? "")}`;

function checkGrid(grid: SheetGrid): FindingData[] {
  const { tables, findings } = findTables([grid]);
  return [...findings, ...checkTables(tables, DEFAULT_MODEL)];
}

function sheet(rows: readonly (readonly CellValue[])[], name = "Kengetallen"): SheetGrid {
  return gridFromRows(rows, { sheet: name });
}

describe("numbers with every minus sign and typographic space", () => {
  it.each([
    ["\u22128", -8],
    ["\u201116", -16],
    ["\u20105", -5],
    ["\u20127", -7],
    ["\u20139", -9],
    ["\uFE634", -4],
    ["\uFF0D3", -3],
    ["1\u00A0234", 1234],
    ["34\u2009975", 34975],
    ["3\u202F327", 3327],
    ["2\u2007343", 2343],
    ["\u22121\u202F234,5", -1234.5],
  ])("%j is %d", (text, value) => {
    expect(parseCellNumber(text)).toMatchObject({ kind: "number", value, fromText: true });
  });

  it("reads an interval written with minus signs: \u221220 \u2013 \u221225 is [-25, -20]", () => {
    expect(parseCellNumber("\u221220 \u2013 \u221225")).toMatchObject({ kind: "interval", min: -25, max: -20 });
  });

  it("still rejects text that is no number", () => {
    expect(parseCellNumber("twaalf")).toMatchObject({ kind: "invalid" });
  });
});

describe("HTML entities in pasted text", () => {
  it("decodes every named and numeric entity", () => {
    expect(stripMarkup("Onroerende zaken &ndash; Kopen naar Wens")).toBe("Onroerende zaken \u2013 Kopen naar Wens");
    expect(stripMarkup("Geïsoleerd: &eacute;&eacute;n &hellip; &#x2212;5 &minus;3")).toBe("Geïsoleerd: één \u2026 \u22125 \u22123");
    expect(stripMarkup("a&nbsp;&nbsp;b")).toBe("a b");
  });

  it("leaves an ampersand that starts no entity as typed", () => {
    expect(stripMarkup("R&D en Bouw&copy-afdeling")).toBe("R&D en Bouw&copy-afdeling");
  });

  it("reads a number pasted with &minus; in a table", () => {
    expect(parseCellNumber("&minus;12")).toMatchObject({ kind: "number", value: -12 });
  });
});

describe("stock flow by meaning", () => {
  const stock = (end2021: number): SheetGrid =>
    sheet([
      ["Gegevens woningbezit", 2021, 2022],
      ["Aantal woningen 1 januari", 1000, 1010],
      ["Opgeleverd", 30, 5],
      ["Verkocht", 12, "\u22123"],
      ["Gesloopt", -8, 0],
      ["Aantal woningen 31 december", end2021, 1012],
    ]);

  it("holds with removals shown positive or negative: 1000 + 30 - 12 - 8 = 1010", () => {
    expect(checkGrid(stock(1010)).filter((f) => f.code !== "number-as-text")).toEqual([]);
  });

  it("finds a wrong end at its cell, and the continuity break into the next year", () => {
    const findings = checkGrid(stock(1011)).filter((f) => f.code !== "number-as-text");
    expect(findings.map(brief)).toEqual(["stock-flow B6 1010/1011", "stock-continuity C2 1011/1010"]);
  });

  it.each([
    ["Bezit begin boekjaar", "Bezit einde boekjaar"],
    ["Woningen per 1-1", "Woningen per 31-12"],
    ["Voorraad primo", "Voorraad ultimo"],
    ["Stand per 1 januari", "Stand per 31 december"],
  ])("knows %s … %s", (start, end) => {
    const findings = checkGrid(sheet([["Woningen", 2021], [start, 100], ["Nieuwbouw", 10], ["Sloop", 4], [end, 107]]));
    expect(findings.map(brief)).toEqual(["stock-flow B5 106/107"]);
  });
});

describe("a header row with a blank top-left cell", () => {
  it("reads an uncaptioned small table: nieuw · gesloopt · saldo with a Totaal row, Saldo by meaning", () => {
    const grid = sheet([
      [null, "Nieuw", "Gesloopt", "Saldo"],
      [2021, 40, 10, 30],
      [2022, 25, 5, 21],
      ["Totaal", 65, 15, 51],
    ]);
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.range, t.columns.map((c) => c.header), t.rows.map((r) => r.label)])).toEqual([
      ["A1:D4", ["Nieuw", "Gesloopt", "Saldo"], ["2021", "2022", "Totaal"]],
    ]);
    expect(checkGrid(grid).map(brief)).toEqual(["total-column D3 20/21", "total-column D4 50/51"]);
  });

  it("reads a captioned column of shares under a blank corner", () => {
    const grid = gridFromA1(
      { A1: "Tabel 2: Waardecategorie", B2: "Aandeel (%)", A3: "Goedkoop", B3: 0.36, A4: "Betaalbaar", B4: 0.58, A5: "Duur", B5: 0.07 },
      { sheet: "Tabellen", formats: { B3: "0%", B4: "0%", B5: "0%" } },
    );
    expect(checkGrid(grid).map((f) => `${f.code} ${f.severity} ${f.cell ?? ""}`)).toEqual(["percent-sum info B5"]);
  });

  it("needs labelled rows: a lone row of numbers under headers is no table", () => {
    expect(findTables([sheet([[null, "Nieuw", "Gesloopt"], [null, 4, 5]])]).tables).toEqual([]);
  });
});

describe("section rows and blank rows inside a table", () => {
  const grid = sheet([
    [null, 2016, 2015],
    ["Bezit"],
    ["DAEB", 4848, 4862],
    ["Niet-DAEB", 75, 63],
    ["Totaal", 4923, 4925],
    [],
    ["Onderhoudkosten"],
    ["Totaal onderhoud (x 1.000)", 4751, 5637],
    ["Planmatig per vhe", 491, 829],
    ["Reparatie per vhe", 232, 155],
    ["Totaal per vhe", 723, 984],
    [],
    [],
    ["Losse opmerking", 1, 2],
  ]);

  it("keeps one table across a blank row and section headings, and ends at two blank rows", () => {
    const [table, ...others] = findTables([grid]).tables;
    expect(table?.range).toBe("A1:C11");
    expect(table?.rows.filter((r) => r.section).map((r) => r.label)).toEqual(["Bezit", "Onderhoudkosten"]);
    expect(others).toEqual([]);
  });

  it("adds up a section's own rows; a Totaal right under a section heading is that section's figure", () => {
    expect(checkGrid(grid).map(brief)).toEqual([]);
  });

  it("finds a Totaal off by one inside its section; a later Totaal over it and the rows after it holds", () => {
    const wrong = sheet([[null, 2016], ["Bezit"], ["DAEB", 10], ["Niet-DAEB", 5], ["Totaal", 16], [], ["Overig"], ["Garages", 3], ["Totaal bezit", 19]]);
    expect(checkGrid(wrong).map(brief)).toEqual(["total-row B5 15/16"]);
  });

  it("reads a Totaal over the rows of every section when that is what it adds up", () => {
    const all = sheet([[null, 2016], ["Woningen"], ["DAEB", 10], ["Niet-DAEB", 5], [], ["Overig"], ["Garages", 3], ["Totaal bezit", 18]]);
    expect(checkGrid(all).map(brief)).toEqual([]);
    const neither = sheet([[null, 2016], ["Woningen"], ["DAEB", 10], ["Niet-DAEB", 5], [], ["Overig"], ["Garages", 3], ["Totaal bezit", 17]]);
    expect(checkGrid(neither).map(brief)).toEqual(["total-row B8 18/17"]);
  });
});

describe("total columns over their parts only", () => {
  it("leaves a column of shares out of a Totaal column", () => {
    const grid = sheet([
      ["Woningen", "Lefier", "Woonservice", "Totaal", "Aandeel %"],
      ["Eengezins", 300, 200, 500, "60%"],
      ["Meergezins", 200, 133, 333, "40%"],
    ]);
    expect(checkGrid(grid).filter((f) => f.code === "total-column")).toEqual([]);
  });

  it("adds a grand Totaal over a Totaal huur column and the columns after it", () => {
    const grid = sheet([
      ["Woningen", "Huur eengezins", "Huur meergezins", "Totaal huur", "Koop", "Totaal"],
      ["2021", 10, 20, 30, 5, 35],
      ["2022", 10, 20, 31, 5, 35],
    ]);
    expect(checkGrid(grid).map(brief)).toEqual(["total-column D3 30/31"]);
  });
});

describe("reference and code columns", () => {
  it("reads past a Ref. column of codes beside the labels", () => {
    const grid = sheet([
      ["Ref.", "Activa", "31-12-2022", "31-12-2021"],
      ["M1112", "Vorderingen"],
      ["M11120", "Huurdebiteuren", 330, 486],
      ["M11126", "Overige vorderingen", 847, 533],
      [null, "Subtotaal vorderingen", 1177, 1020],
    ]);
    const { tables, findings } = findTables([grid]);
    expect(findings).toEqual([]);
    expect(tables[0]?.rows.map((r) => r.label)).toEqual(["Vorderingen", "Huurdebiteuren", "Overige vorderingen", "Subtotaal vorderingen"]);
    expect(tables[0]?.columns.map((c) => c.header)).toEqual(["31-12-2022", "31-12-2021"]);
    expect(checkGrid(grid).map(brief)).toEqual(["total-row D5 1019/1020"]);
  });

  it("leaves out a column whose values are all paragraph codes (5.11.1), however it is headed", () => {
    const grid = sheet([
      ["Bezit", 2016, "Zie"],
      ["DAEB", 4848, "5.11.1"],
      ["Niet-DAEB", 75, "5.11.2a"],
    ]);
    const { tables, findings } = findTables([grid]);
    expect(findings).toEqual([]);
    expect(tables[0]?.columns.map((c) => c.header)).toEqual(["2016"]);
  });

  it("still reports a code typed into a column of numbers", () => {
    const grid = sheet([
      ["Bezit", 2016, 2017],
      ["DAEB", 4848, "5.11.1"],
      ["Niet-DAEB", 75, 80],
    ]);
    expect(findTables([grid]).findings.map((f) => `${f.code} ${f.cell ?? ""}`)).toEqual(["unparseable-number C2"]);
  });
});

describe("tables on the agreements sheet", () => {
  const agreements: CellValue[][] = [
    ["Thema", "Afspraak", "Partijen", "Status 2022"],
    ["Betaalbaarheid en beschikbaarheid", "Corporaties hebben een vastgesteld streefhuurbeleid", "Lefier", "groen"],
    ["Duurzaamheid", "Woningen naar label B", "Lefier", "groen"],
  ];

  it("finds a table below the agreements and never reads its rows as agreements", () => {
    const grid = gridFromRows([...agreements, [], ["Tabel 1: Nieuwbouw"], [null, 2021, 2022], ["Nieuwbouw", 10, 12], ["Sloop", 4, 2]]);
    const result = checkWorkbook([grid]);
    expect(result.tables.map((t) => t.range)).toEqual(["A5:C8"]);
    expect(result.agreements).toHaveLength(2);
  });

  it("finds tables beside the agreements (an empty column between), captioned or not", () => {
    const rows: CellValue[][] = [
      [...agreements[0] as CellValue[], null, "Tabel 1: Nieuwe woningen"],
      [...agreements[1] as CellValue[], null, null, "Nieuw", "Gesloopt", "Saldo"],
      [...agreements[2] as CellValue[], null, 2021, 40, 10, 31],
      [null, null, null, null, null, 2022, 25, 5, 20],
    ];
    const result = checkWorkbook([gridFromRows(rows)]);
    expect(result.tables.map((t) => [t.id, t.range])).toEqual([["Tabel 1", "F1:I4"]]);
    expect(result.findings.filter((f) => f.code === "total-column").map((f) => f.cell)).toEqual(["I3"]);
    expect(result.agreements).toHaveLength(2);
  });

  it("does not take numbers beside the agreements past an empty column for a table", () => {
    const rows: CellValue[][] = [
      [...agreements[0] as CellValue[], null, "Doel", "Realisatie"],
      [...agreements[1] as CellValue[], null, 80, 75],
      [...agreements[2] as CellValue[], null, 50, 20],
    ];
    expect(checkWorkbook([gridFromRows(rows)]).tables).toEqual([]);
  });

  it("finds an uncaptioned table beside the agreements when its rows are labelled with words", () => {
    const rows: CellValue[][] = [
      [...agreements[0] as CellValue[], null, null, "Nieuw", "Gesloopt", "Saldo"],
      [...agreements[1] as CellValue[], null, "Lefier", 40, 10, 30],
      [...agreements[2] as CellValue[], null, "Woonservice", 25, 5, 20],
    ];
    expect(checkWorkbook([gridFromRows(rows)]).tables.map((t) => t.range)).toEqual(["F1:I3"]);
  });
});

describe("cross-checks by caption", () => {
  const grid = gridFromRows(
    [
      ["Tabel 4: Woningvoorraad"],
      ["Woningen", 2021],
      ["Nieuwbouw", 12],
      [],
      ["Tabel 5: Nieuwbouw per kern"],
      ["Kern", 2021],
      ["Stadskanaal", 7],
      ["Musselkanaal", 4],
    ],
    { sheet: "Tabellen" },
  );
  const withChecks = (left: string, right: string): Model => {
    const l = parseOperand(left);
    const r = parseOperand(right);
    if (!l || !r) throw new Error("operand");
    return { ...DEFAULT_MODEL, crossChecks: [{ label: `${left} = ${right}`, left: l, operator: "=", right: r, tolerance: 0 }] };
  };

  it.each([
    ["Woningvoorraad / Nieuwbouw / 2021", "Nieuwbouw per kern / Stadskanaal / 2021"],
    ["Tabel Woningvoorraad / Nieuwbouw / 2021", "Tabel 5 / Stadskanaal / 2021"],
    ["woningvoorraad / nieuwbouw / 2021", "Tabel 5: Nieuwbouw per kern / Stadskanaal / 2021"],
  ])("%s = %s is evaluated (12 against 7: fails at the left cell)", (left, right) => {
    const { tables } = findTables([grid]);
    expect(checkCrossChecks(tables, withChecks(left, right)).map((f) => `${f.code} ${f.cell ?? ""}`)).toEqual(["cross-check B3"]);
  });
});

describe("a workbook of figures only", () => {
  it("is checked: its tables are found and their findings given, with no agreements sheet", () => {
    const result = checkWorkbook([sheet([["Woningen", 2021], ["Huur", 10], ["Koop", 5], ["Totaal", 16]])]);
    expect(result.agreementSheets).toEqual([]);
    expect(result.tables).toHaveLength(1);
    expect(result.findings.map((f) => `${f.code} ${f.cell ?? ""}`)).toEqual(["total-row B4"]);
  });
});

describe("a corporation's stock table with its mutations as sub-rows", () => {
  // The layout of many annual reports' kengetallen (figures made up): mutations as "- " rows under
  // the start, units other than homes as "- " rows under the end, a count of all units after them.
  const grid = (verkocht: string, end: number): SheetGrid =>
    sheet([
      ["Kengetallen", 2023, 2022],
      ["Gegevens woningbezit:"],
      ["Aantal woningen 1 januari", 5000, 5020],
      ["- aantal opgeleverd", 40, 2],
      ["- aantal verkocht", verkocht, "\u201112"],
      ["- aantal gesloopt", "\u201110", "\u201110"],
      ["- samenvoeging", "\u20111", 0],
      [],
      ["Aantal woningen 31 december", end, 5000],
      ["- bedrijfsonroerend goed", 20, 20],
      ["- parkeerplaatsen/garages", 300, 290],
      [],
      ["Aantal verhuureenheden per 31 december", end + 320, 5310],
    ]);

  it("checks the stock flow over the sub-rows and raises no subtotal on either stock row", () => {
    const findings = checkGrid(grid("\u201120", 5009)).filter((f) => f.code !== "number-as-text");
    expect(findings.map(brief)).toEqual([]);
  });

  it("finds a stock flow that does not add up, at the end row", () => {
    const findings = checkGrid(grid("\u201120", 5010)).filter((f) => f.code !== "number-as-text");
    expect(findings.map(brief)).toEqual(["stock-flow B9 5009/5010"]);
  });

  it("reads a removal sub-row shown positive as a removal", () => {
    expect(checkGrid(grid("20", 5009)).filter((f) => f.code !== "number-as-text").map(brief)).toEqual([]);
  });
});

describe("Totaal rows over Totaal rows", () => {
  it("adds a grand Totaal over the Totaal rows right above it, their Subtotaal rows not counted twice", () => {
    const grid = sheet([
      ["Vastgoedeenheden", 2016],
      ["Woningen", 26196],
      ["Studenteneenheden", 2974],
      ["Subtotaal woningen", 29170],
      ["Bedrijfsruimten", 161],
      ["Totaal wonen en bedrijf", 29331],
      ["Garages", 3119],
      ["Totaal overig", 3119],
      ["Totaal vastgoedeenheden", 32450],
    ]);
    expect(checkGrid(grid).map(brief)).toEqual([]);
    const wrong = sheet([
      ["Vastgoedeenheden", 2016],
      ["Woningen", 26196],
      ["Totaal wonen", 26196],
      ["Garages", 3119],
      ["Totaal overig", 3119],
      ["Totaal vastgoedeenheden", 29316],
    ]);
    expect(checkGrid(wrong).map(brief)).toEqual(["total-row B6 29315/29316"]);
  });
});

describe("a stock laid out across, one row per year", () => {
  const grid = (end2021: number, start2022: number): SheetGrid =>
    sheet([
      ["Jaar", "Voorraad 1 januari", "Nieuwbouw", "Verkoop", "Sloop", "Saldo", "Voorraad 31 december"],
      ["2021", 1000, 20, 5, "(3)", 12, end2021],
      ["2022", start2022, 10, 4, 0, 6, 1018],
    ]);

  it("holds: start + nieuwbouw - verkoop - sloop = end, Saldo over the mutations only, continuity", () => {
    expect(checkGrid(grid(1012, 1012)).filter((f) => f.code !== "number-as-text").map(brief)).toEqual([]);
  });

  it("finds the end that does not follow, and the next year's start that differs", () => {
    expect(checkGrid(grid(1013, 1012)).filter((f) => f.code !== "number-as-text").map(brief)).toEqual([
      "stock-flow G2 1012/1013",
      "stock-continuity B3 1013/1012",
    ]);
  });
});

describe("negative numbers in brackets", () => {
  it.each([
    ["(1.234)", -1234],
    ["(12,5)", -12.5],
    ["( 3 )", -3],
  ])("%j is %d", (text, value) => {
    expect(parseCellNumber(text)).toMatchObject({ kind: "number", value });
  });

  it("leaves a bracketed word alone", () => {
    expect(parseCellNumber("(n.b.)")).toMatchObject({ kind: "invalid" });
  });
});

describe("captions numbered by chapter", () => {
  it("reads 'Tabel 3.2: Woningvoorraad' as table 3.2 titled Woningvoorraad", () => {
    const { tables } = findTables([gridFromRows([["Tabel 3.2: Woningvoorraad"], ["Woningen", 2021], ["Huur", 10], ["Koop", 5]], { sheet: "Tabellen" })]);
    expect(tables.map((t) => [t.id, t.number, t.title])).toEqual([["Tabel 3.2", "3.2", "Woningvoorraad"]]);
  });
});
