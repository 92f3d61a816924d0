import { checkTables } from "../../../src/domain/tables/check-tables";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { FindingData } from "../../../src/domain/findings/finding";
import { findTables } from "../../../src/domain/tables/find-tables";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";
import { formatMessage } from "../../../src/domain/findings/messages";
import { gridFromA1, gridFromRows } from "../../helpers/grid-from-a1";

function check(grid: SheetGrid): FindingData[] {
  const { tables } = findTables([grid]);
  expect(tables.length).toBeGreaterThan(0);
  return checkTables(tables, DEFAULT_MODEL);
}

function table(rows: readonly (readonly CellValue[])[]): SheetGrid {
  return gridFromRows([["Tabel 7: Test"], ...rows], { sheet: "Tabellen" });
}

const brief = (f: FindingData) => [f.code, f.severity, f.cell, f.expected, f.actual];

describe("percent-sum", () => {
  it("says nothing when every column is exactly 100 %", () => {
    expect(check(table([["Aandeel (in %)", 2020], ["A", "60,0%"], ["B", "40,0%"], ["Totaal", "100,0%"]]))).toEqual([]);
  });

  it("is an info exactly at n·0.5·10^-d and an error just beyond", () => {
    const findings = check(
      table([
        ["Betaalbaarheid (in %)", 2020, 2021, 2022, 2023],
        ["A", "50,1%", "50,2%", "49,9%", "49,8%"],
        ["B", "50,0%", "50,0%", "50,0%", "50,0%"],
      ]),
    );
    expect(findings.map(brief)).toEqual([
      ["percent-sum", "info", "B4", 100, 100.1],
      ["percent-sum", "error", "C4", 100, 100.2],
      ["percent-sum", "info", "D4", 100, 99.9],
      ["percent-sum", "error", "E4", 100, 99.8],
    ]);
    expect(findings[0]).toMatchObject({ range: "B3:B4", table: "Tabel 7", row: 4, params: { column: "2020", sum: 100.1, tolerance: 0.1 } });
    expect(formatMessage(findings[1] as FindingData, "nl")).toBe("Aandelen in kolom 2021 tellen op tot 100,2% in plaats van 100% (marge 0,1). Verschil: 0,2 te veel.");
  });

  it("uses two decimals' tolerance for values shown with two decimals", () => {
    const findings = check(table([["Aandeel %", 2020, 2021], ["A", "50,01%", "50,02%"], ["B", "50,00%", "50,00%"]]));
    expect(findings.map(brief)).toEqual([
      ["percent-sum", "info", "B4", 100, 100.01],
      ["percent-sum", "error", "C4", 100, 100.02],
    ]);
  });

  it("reads fractions formatted as percentages and puts the finding at the Totaal cell", () => {
    const grid = gridFromA1(
      { A1: "Tabel 3: Aandelen", A2: "Soort", B2: 2020, A3: "A", B3: 0.502, A4: "B", B4: 0.5, A5: "Totaal", B5: 1 },
      { formats: { B3: "0.0%", B4: "0.0%", B5: "0.0%" } },
    );
    expect(check(grid).map(brief)).toEqual([["percent-sum", "error", "B5", 100, 100.2]]);
  });

  it("checks the Totaal row's own value against 100 and ignores rows below it", () => {
    const findings = check(
      table([
        ["Betaalbaarheid (in %)", 2020, 2021],
        ["A", "60,0%", "60,0%"],
        ["B", "40,0%", "40,0%"],
        ["Totaal", "100,0%", "90,0%"],
        ["Gemiddeld", "12,0%", "12,0%"],
      ]),
    );
    expect(findings.map(brief)).toEqual([["percent-sum", "error", "C5", 100, 90]]);
    expect(findings[0]?.params).toMatchObject({ sum: 90, column: "2021" });
  });

  it("counts a table as shares by its '%' header even when the values have no % sign", () => {
    // Whole percentages: each share may be off by 0.5, two shares by 1.
    expect(check(table([["Verdeling (in %)", 2020, 2021], ["A", 61, 62], ["B", 40, 40]])).map(brief)).toEqual([
      ["percent-sum", "info", "B4", 100, 101],
      ["percent-sum", "error", "C4", 100, 102],
    ]);
  });

  it("leaves a table of rates alone (no Totaal row, no column near 100 %)", () => {
    expect(check(table([["Huurachterstand", 2020, 2021], ["Lefier", "1,0%", "0,9%"], ["Woonservice", "0,8%", "0,7%"]]))).toEqual([]);
    expect(check(table([["Huurachterstand (in %)", 2020], ["Lefier", "1,0"], ["Woonservice", "0,8"], ["Totaal", "1,8"]])).map(brief)).toEqual([
      ["percent-sum", "error", "B5", 100, 1.8],
    ]);
  });

  it("skips a column with a missing share and a table with a single percentage", () => {
    expect(check(table([["Aandeel (in %)", 2020], ["A", "60,0%"], ["B", "n.b."]]))).toEqual([]);
    expect(check(table([["Huurachterstand", 2020], ["Lefier", "1,0%"]]))).toEqual([]);
  });
});

describe("total-row", () => {
  it("holds for the seed's niet-DAEB table (children excluded) and reports a wrong total exactly", () => {
    const rows: CellValue[][] = [
      ["Overzicht niet-DAEB", null, 2020],
      ["Vrije sector woningen totaal", null, "140"],
      ["- <i>Standaard vrije sector</i>", null, "<i>64</i>"],
      ["- <i>Uitzondering</i>", null, "<i>76</i>"],
      ["Bedrijf onroerend goed", null, "16"],
      ["Parkeren", null, "368"],
      ["Totaal", null, "524"],
    ];
    expect(check(table(rows))).toEqual([]);
    rows[6] = ["Totaal", null, "525"];
    expect(check(table(rows))).toEqual([
      {
        code: "total-row",
        severity: "error",
        sheet: "Tabellen",
        cell: "C8",
        expected: 524,
        actual: 525,
        params: { column: "2020", label: "Totaal" },
        table: "Tabel 7",
        row: 8,
      },
    ]);
  });

  it("does not count rows below the Totaal row", () => {
    expect(check(table([["Soort", 2020], ["A", 1], ["B", 2], ["Totaal", 3], ["Aantal woningen", 3810]]))).toEqual([]);
  });

  it("allows rounding within (n+1)·0.5·10^-d for decimals and compares integers exactly", () => {
    expect(check(table([["Bedrag", 2020], ["A", "1,0"], ["B", "2,0"], ["Totaal", "3,1"]]))).toEqual([]);
    expect(check(table([["Bedrag", 2020], ["A", "1,0"], ["B", "2,0"], ["Totaal", "3,2"]])).map(brief)).toEqual([
      ["total-row", "error", "B5", 3, 3.2],
    ]);
    expect(check(table([["Aantal", 2020], ["A", 1], ["B", 2], ["Totaal", 4]])).map(brief)).toEqual([["total-row", "error", "B5", 3, 4]]);
  });

  it("adds Subtotaal rows into a grand Totaal and checks each Subtotaal on its own rows", () => {
    const findings = check(
      table([
        ["Aantal", 2020],
        ["A", 1],
        ["B", 2],
        ["Subtotaal", 3],
        ["C", 4],
        ["Subtotaal", 5],
        ["Totaal generaal", 8],
      ]),
    );
    expect(findings.map(brief)).toEqual([["total-row", "error", "B7", 4, 5]]);
  });

  it("skips a column with an unknown part", () => {
    expect(check(table([["Aantal", 2020], ["A", 1], ["B", "n.b."], ["Totaal", 9]]))).toEqual([]);
  });
});

describe("subtotal", () => {
  it("holds when the '- ' rows add up to the row above and reports the parent cell when not", () => {
    const rows: CellValue[][] = [
      ["Overzicht", 2020],
      ["Vrije sector woningen totaal", 140],
      ["- Standaard", 64],
      ["- Uitzondering", 76],
      ["Parkeren", 368],
    ];
    expect(check(table(rows))).toEqual([]);
    rows[2] = ["- Standaard", 65];
    const findings = check(table(rows));
    expect(findings.map(brief)).toEqual([["subtotal", "error", "B3", 141, 140]]);
    expect(findings[0]?.params).toEqual({ label: "Vrije sector woningen totaal", parent: "Vrije sector woningen totaal", column: "2020" });
  });
});

describe("total-column", () => {
  const rows = (saldo: CellValue): CellValue[][] => [
    ["Uitgaven leefbaarheid", null, null, "Derden", "Eigen personeel", "Saldo"],
    ["Woonmaatschappelijk werk", null, null, 55, 163, saldo],
    ["Aantal DAEB-woongelegenheden", null, null, null, null, "3.810"],
  ];

  it("holds when Saldo is the sum of the other columns and skips rows with only a Saldo", () => {
    expect(check(table(rows(218)))).toEqual([]);
  });

  it("reports the Saldo cell when it differs", () => {
    const findings = check(table(rows(219)));
    expect(findings.map(brief)).toEqual([["total-column", "error", "F3", 218, 219]]);
    expect(findings[0]?.params).toEqual({ label: "Woonmaatschappelijk werk", column: "Saldo" });
  });

  it("checks a Totaal column after year columns", () => {
    expect(check(table([["Nieuwbouw", 2021, 2022, "Totaal"], ["Lefier", 3, 4, 8]])).map(brief)).toEqual([
      ["total-column", "error", "D3", 7, 8],
    ]);
  });
});

describe("stock-flow and stock-continuity", () => {
  /** 2020 and 2022 are consistent; 2021 is 100 + 3 - (5..8) = 95…98. */
  const stock = (end2021: CellValue, start2022: number): CellValue[][] => [
    ["Woongelegenheden (aantallen)", 2020, 2021, 2022],
    ["Stand per 1 januari", 100, 100, start2022],
    ["Nieuwbouw", 0, 3, 2],
    ["Verkoop", 0, "-5 - -8", 0],
    ["Stand per 31 december", 100, end2021, start2022 + 2],
  ];

  it("accepts an end on either bound of the interval", () => {
    expect(check(table(stock(98, 98)))).toEqual([]);
    expect(check(table(stock(95, 95)))).toEqual([]);
  });

  it("reports one beyond the interval at the year's end cell, with an interval as expected", () => {
    const findings = check(table(stock(99, 99)));
    expect(findings).toEqual([
      {
        code: "stock-flow",
        severity: "error",
        sheet: "Tabellen",
        cell: "C6",
        expected: "95…98",
        actual: 99,
        params: { year: 2021 },
        table: "Tabel 7",
        row: 6,
      },
    ]);
    expect(formatMessage(findings[0] as FindingData, "en")).toBe("Stock at 31 December 2021 is 99, but start + mutations = 95…98. Difference: at least 1 too many.");
    expect(check(table(stock(94, 94))).map(brief)).toEqual([["stock-flow", "error", "C6", "95…98", 94]]);
  });

  it("reports a broken continuity at the next year's start cell", () => {
    const findings = check(table(stock(98, 97)));
    expect(findings.map(brief)).toEqual([["stock-continuity", "error", "D3", 98, 97]]);
    expect(findings[0]?.params).toEqual({ year: 2021, nextYear: 2022 });
  });

  it("accepts continuity when the previous end is an interval that holds the next start", () => {
    const rows: CellValue[][] = [
      ["Woningen", 2021, 2022],
      ["Stand per 1 januari", 100, 96],
      ["Verkoop", "-2 - -5", 0],
      ["Stand per 31 december", "95 - 98", 96],
    ];
    expect(check(table(rows))).toEqual([]);
  });

  it("does not count a 'Totaal mutaties' row as a mutation, nor the start stock into that total", () => {
    const rows: CellValue[][] = [
      ["Woningen", 2021],
      ["Stand per 1 januari", 100],
      ["Nieuwbouw", 5],
      ["Sloop", -2],
      ["Totaal mutaties", 3],
      ["Stand per 31 december", 103],
    ];
    expect(check(table(rows))).toEqual([]);
    rows[4] = ["Totaal mutaties", 4];
    expect(check(table(rows)).map(brief)).toEqual([["total-row", "error", "B6", 3, 4]]);
  });

  it("compares decimals within rounding and skips a column with an unknown mutation", () => {
    const rows: CellValue[][] = [
      ["Bedragen", 2021, 2022],
      ["Stand per 1 januari", "10,0", "11,2"],
      ["Mutatie", "1,1", "n.b."],
      ["Stand per 31 december", "11,2", "99,0"],
    ];
    expect(check(table(rows))).toEqual([]);
    rows[3] = ["Stand per 31 december", "11,3", "99,0"];
    expect(check(table(rows)).map(brief)).toEqual([["stock-flow", "error", "B5", 11.1, 11.3]]);
  });
});
