import { findTables, readCaption } from "../../../src/domain/tables/find-tables";
import { findTable, findTableCell } from "../../../src/domain/tables/find-table-cell";
import type { CellValue } from "../../../src/domain/core/grid";
import { gridFromA1, gridFromRows } from "../../helpers/grid-from-a1";

const LONG = "Lefier en Woonservice hechten veel waarde aan het betaalbaar wonen van haar doelgroep en zetten de huursom in.";

describe("readCaption", () => {
  it.each<[string, { number: string; title?: string } | undefined]>([
    ["Tabel 1: Ontwikkeling kernvoorraad", { number: "1", title: "Ontwikkeling kernvoorraad" }],
    ["Tabel 1 Ontwikkeling kernvoorraad", { number: "1", title: "Ontwikkeling kernvoorraad" }],
    ["Tabel 12 - Uitgaven", { number: "12", title: "Uitgaven" }],
    ["tabel 3a. Betaalbaarheid", { number: "3a", title: "Betaalbaarheid" }],
    ["Tabel 8", { number: "8" }],
    ["Tabellen", undefined],
    ["Tabel: zie hieronder", undefined],
    ["Zie Tabel 1: kernvoorraad", undefined],
    ['<table border="1"><caption>Tabel 3: X</caption></table>', undefined],
  ])("%p", (text, expected) => {
    expect(readCaption(text)).toEqual(expected);
  });
});

describe("findTables", () => {
  it("reads a captioned year table with every field filled", () => {
    const grid = gridFromRows(
      [
        ["Tabel 6: Ontwikkeling nultredenwoningen"],
        [],
        ["Nultredenwoningen (aantallen)", 2020, "2021"],
        ["Stand per 1 januari", 850, "850"],
        ["Nieuwbouw", 0, "n.b."],
        ["Stand per 31 december", 850, "865"],
      ],
      { sheet: "Tabellen", origin: "B3" },
    );
    const { tables, findings } = findTables([grid]);
    expect(tables).toEqual([
      {
        id: "Tabel 6",
        number: "6",
        title: "Ontwikkeling nultredenwoningen",
        sheet: "Tabellen",
        range: "B3:D8",
        captionCell: "B3",
        headerLabel: "Nultredenwoningen (aantallen)",
        headerRow: 5,
        columns: [
          { header: "2020", year: 2020, column: "C" },
          { header: "2021", year: 2021, column: "D" },
        ],
        rows: [
          {
            label: "Stand per 1 januari",
            row: 6,
            values: [
              { kind: "number", value: 850, decimals: 0, percent: false, fromText: false },
              { kind: "number", value: 850, decimals: 0, percent: false, fromText: true },
            ],
            cells: ["C6", "D6"],
          },
          {
            label: "Nieuwbouw",
            row: 7,
            values: [{ kind: "number", value: 0, decimals: 0, percent: false, fromText: false }, { kind: "unknown" }],
            cells: ["C7", "D7"],
          },
          {
            label: "Stand per 31 december",
            row: 8,
            values: [
              { kind: "number", value: 850, decimals: 0, percent: false, fromText: false },
              { kind: "number", value: 865, decimals: 0, percent: false, fromText: true },
            ],
            cells: ["C8", "D8"],
          },
        ],
      },
    ]);
    expect(findings).toEqual([
      { code: "number-as-text", severity: "info", sheet: "Tabellen", cell: "D6", params: { value: "850" }, table: "Tabel 6", row: 6 },
      { code: "number-as-text", severity: "info", sheet: "Tabellen", cell: "D8", params: { value: "865" }, table: "Tabel 6", row: 8 },
    ]);
  });

  it("accepts the caption forms 'Tabel N titel' and 'Tabel N - titel' and a title in the next cell", () => {
    const grid = gridFromRows([
      ["Tabel 1 Voorraad"],
      ["Woningen", 2020],
      ["Stand", 5],
      [],
      ["Tabel 2 - Sloop"],
      ["Woningen", 2020],
      ["Sloop", 1],
      [],
      ["Tabel 3", "Verkoop"],
      ["Woningen", 2020],
      ["Verkoop", 2],
    ]);
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.id, t.title, t.range])).toEqual([
      ["Tabel 1", "Voorraad", "A1:B3"],
      ["Tabel 2", "Sloop", "A5:B7"],
      ["Tabel 3", "Verkoop", "A9:B11"],
    ]);
  });

  it("names an uncaptioned table by sheet and header cell", () => {
    const grid = gridFromA1({ C10: "Woongelegenheden", D10: 2021, E10: 2022, C11: "Nieuwbouw", D11: 3, E11: 4 }, { sheet: "Blad 1" });
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.id, t.range, t.captionCell, t.number])).toEqual([["'Blad 1'!C10", "C10:E11", undefined, undefined]]);
  });

  it("reads a header of column labels and a label spanning merged columns", () => {
    const grid = gridFromRows([
      ["Tabel 8: Uitgaven leefbaarheid"],
      ["Uitgaven leefbaarheid", null, null, "Derden", "Eigen personeel", "Saldo"],
      ["Woonmaatschappelijk werk", null, null, 55, 163, 218],
      ["Totaal", null, null, 55, 163, 218],
      ["Aantal DAEB-woongelegenheden", null, null, null, null, "3.810"],
      ["Gemiddeld per woongelegenheid", null, null, null, null, 129],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.columns.map((c) => `${c.header}@${c.column}`)).toEqual(["Derden@D", "Eigen personeel@E", "Saldo@F"]);
    expect(table?.rows.map((r) => r.label)).toEqual([
      "Woonmaatschappelijk werk",
      "Totaal",
      "Aantal DAEB-woongelegenheden",
      "Gemiddeld per woongelegenheid",
    ]);
    expect(table?.rows[2]?.values).toEqual([
      { kind: "unknown" },
      { kind: "unknown" },
      { kind: "number", value: 3810, decimals: 0, percent: false, fromText: true },
    ]);
    expect(table?.range).toBe("A1:F6");
  });

  it("reads the value in the third column when the label spans two (seed Tabel 8), HTML stripped", () => {
    const grid = gridFromRows([
      ["Tabel 8: Aantal eenheden niet-DAEB"],
      ["Overzicht niet-DAEB", null, "2020"],
      ["Vrije sector woningen totaal", null, "140"],
      ["- <i>Standaard vrije sector</i>", null, "<i>64</i>"],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.rows.map((r) => [r.label, r.cells[0], r.values[0]?.kind === "number" ? r.values[0].value : null])).toEqual([
      ["Vrije sector woningen totaal", "C3", 140],
      ["- Standaard vrije sector", "C4", 64],
    ]);
  });

  it("realigns a header row shifted one column right of its rows", () => {
    const grid = gridFromRows([
      ["Tabel 1: Voorraad"],
      [null, "Woongelegenheden (aantallen)", 2020, 2021],
      ["Stand per 1 januari", 3885, 3796],
      ["Nieuwbouw", 0, 22],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.columns).toEqual([
      { header: "2020", year: 2020, column: "B" },
      { header: "2021", year: 2021, column: "C" },
    ]);
    expect(table?.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ["Stand per 1 januari", "B3", "C3"],
      ["Nieuwbouw", "B4", "C4"],
    ]);
    expect(table?.range).toBe("A1:D4");
    const uncaptioned = gridFromRows([[null, "Woningen", 2020, 2021], ["Nieuwbouw", 1, 2]], { sheet: "S" });
    expect(findTables([uncaptioned]).tables.map((t) => [t.id, t.range])).toEqual([["S!B1", "A1:D2"]]);
  });

  it("reads a header whose label cell is blank", () => {
    const grid = gridFromRows([
      ["Tabel 4: Aantallen"],
      [null, 2021, 2022],
      ["Nieuwbouw", 1, 2],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.headerLabel).toBe("");
    expect(table?.rows.map((r) => r.label)).toEqual(["Nieuwbouw"]);
  });

  it("keeps a group heading without values only when data follows it", () => {
    const grid = gridFromRows([
      ["Tabel 2: Voorraad"],
      ["Woningen", 2021, 2022],
      ["Eengezinswoningen"],
      ["Huur", 1, 2],
      ["Nagekomen"],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.rows.map((r) => r.label)).toEqual(["Eengezinswoningen", "Huur"]);
    expect(table?.range).toBe("A1:C4");
  });

  it("separates two tables by an empty row and by a caption", () => {
    const grid = gridFromRows([
      ["Tabel 1: A"],
      ["Woningen", 2021],
      ["Nieuwbouw", 1],
      ["Tabel 2: B"],
      ["Woningen", 2021],
      ["Sloop", 2],
      [],
      ["Woningen", 2022, 2023],
      ["Verkoop", 3, 4],
    ]);
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.id, t.range])).toEqual([
      ["Tabel 1", "A1:B3"],
      ["Tabel 2", "A4:B6"],
      ["Afspraken!A8", "A8:C9"],
    ]);
  });

  it("does not swallow the agreement rows around a table in an agreements sheet", () => {
    const header: CellValue[] = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2021"];
    const grid = gridFromRows([
      header,
      ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "Huursom inflatievolgend", "Lefier en Woonservice", LONG],
      ["Betaalbaarheid en beschikbaarheid", null, "Ontwikkeling betaalbaarheid", "Lefier", "Zie tabel"],
      ["Betaalbaarheid (in %)", "2019", "2020", "2021", "2022"],
      ["Goedkoop", "29,2%", "26,3%", "23,5%", "21,0%"],
      ["Totaal", "100,0%", "100,0%", "100,0%", "100,0%"],
      ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", null, "Lefier", LONG],
      ["Betaalbaarheid en beschikbaarheid", "Preventie", "Huurachterstand maximaal 1,0%", "Lefier", "1,0%"],
      ["Duurzaamheid", "3", "Nieuwbouw", "Gemeente", "Gepland"],
    ]);
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.id, t.range, t.rows.length])).toEqual([["Afspraken!A4", "A4:E6", 2]]);
  });

  it("ends a table at an agreement row that follows without an empty row (seed Tabel 5)", () => {
    const grid = gridFromRows([
      ["Tabel 5: Maatregelen verduurzaming"],
      ["Verduurzaming (bedragen x € 1.000,-)", "2020", "2021", "2022", "2023"],
      ["Investering", "0", "4.324", "2.768", "0"],
      ["Duurzaamheid", "Verduurzaamheidsstrategie corporaties", "Duurzaamheidsprogramma", "Woonzorg Nederland", LONG],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.range).toBe("A1:E3");
    expect(table?.rows[0]?.values.map((v) => (v.kind === "number" ? v.value : null))).toEqual([0, 4324, 2768, 0]);
  });

  it("never reads an HTML <table> blob in a cell as a table, but takes its caption for the plain copy below", () => {
    const blob =
      '<table border="1"> <caption>Tabel 3: Ontwikkeling betaalbaarheid</caption> <thead> <tr> <th>Betaalbaarheid (in %)</th> <th>2019</th> </tr> </thead> <tbody> <tr> <td>Goedkoop</td> <td>29,2%</td> </tr> </tbody> </table>';
    const grid = gridFromRows([
      ["Betaalbaarheid en beschikbaarheid", null, "Ontwikkeling betaalbaarheid", "Lefier", blob],
      ["Betaalbaarheid (in %)", "2019"],
      ["Goedkoop", "29,2%"],
      ["Duur", "70,8%"],
    ]);
    const { tables } = findTables([grid]);
    expect(tables.map((t) => [t.id, t.title, t.range, t.captionCell])).toEqual([
      ["Tabel 3", "Ontwikkeling betaalbaarheid", "A2:B4", "E1"],
    ]);
  });

  it("ignores a blob cell on its own row and a caption without a table", () => {
    const grid = gridFromRows([
      ['<table border="1"> <thead> <tr> <th colspan="3">Tabel 8: Aantal</th> </tr> </thead> <tbody><tr><td>A</td><td>1</td></tr></tbody></table>'],
      ["Tabel 9: Geen tabel"],
      ["Hier volgt gewone tekst."],
    ]);
    expect(findTables([grid])).toEqual({ tables: [], findings: [] });
  });

  it("numbers a repeated table number 'Tabel 8 (2)' with a warning at its caption, across sheets", () => {
    const first = gridFromRows([["Tabel 8: A"], ["X", 2020], ["Y", 1]], { sheet: "Blad1" });
    const second = gridFromRows(
      [["Tabel 8: B"], ["X", 2020], ["Y", 1], [], ["Tabel 8: C"], ["X", 2020], ["Y", 1]],
      { sheet: "Blad 2", origin: "C5" },
    );
    const { tables, findings } = findTables([first, second]);
    expect(tables.map((t) => t.id)).toEqual(["Tabel 8", "Tabel 8 (2)", "Tabel 8 (3)"]);
    expect(findings).toEqual([
      { code: "duplicate-table-number", severity: "warning", sheet: "Blad 2", cell: "C5", params: { number: "8", first: "Blad1!A1" }, table: "Tabel 8 (2)", row: 5 },
      { code: "duplicate-table-number", severity: "warning", sheet: "Blad 2", cell: "C9", params: { number: "8", first: "Blad1!A1" }, table: "Tabel 8 (3)", row: 9 },
    ]);
  });

  it("reports unreadable numbers, Excel errors and numbers stored as text in value cells", () => {
    const grid = gridFromRows([
      ["Tabel 1: Voorraad"],
      ["Woningen", 2020, 2021, 2022],
      ["Nieuwbouw", "12a", "#REF!", "1.234"],
      ["Sloop", 1, "20 - 25", 3],
    ]);
    const { tables, findings } = findTables([grid]);
    expect(tables[0]?.rows).toHaveLength(2);
    expect(findings).toEqual([
      { code: "unparseable-number", severity: "error", sheet: "Afspraken", cell: "B3", params: { value: "12a" }, table: "Tabel 1", row: 3 },
      { code: "cell-error", severity: "error", sheet: "Afspraken", cell: "C3", params: { value: "#REF!" }, table: "Tabel 1", row: 3 },
      { code: "number-as-text", severity: "info", sheet: "Afspraken", cell: "D3", params: { value: "1.234" }, table: "Tabel 1", row: 3 },
    ]);
  });

  it("skips a page-break copy of the year header inside a table", () => {
    const grid = gridFromRows([
      ["Tabel 1: Voorraad"],
      ["Woningen", 2020, 2021],
      ["Nieuwbouw", 1, 2],
      ["Woningen", 2020, 2021],
      ["Sloop", 3, 4],
    ]);
    const [table] = findTables([grid]).tables;
    expect(table?.rows.map((r) => r.label)).toEqual(["Nieuwbouw", "Sloop"]);
    expect(table?.range).toBe("A1:C5");
  });

  it("does not read an agreements header with short agreement rows as a table", () => {
    const grid = gridFromRows([
      ["Thema", "nr", "Afspraak", "Wie"],
      ["Duurzaamheid", 3, "Nieuwbouw", "Gemeente"],
      ["Duurzaamheid", 4, "Sloop", "Lefier"],
    ]);
    expect(findTables([grid]).tables).toEqual([]);
  });

  it("needs a year header or two data rows without a caption", () => {
    const one = gridFromRows([["Soort", "Aantal"], ["Huur", 3]]);
    const two = gridFromRows([["Soort", "Aantal"], ["Huur", 3], ["Koop", 4]]);
    expect(findTables([one]).tables).toEqual([]);
    expect(findTables([two]).tables.map((t) => t.range)).toEqual(["A1:B3"]);
  });
});

describe("findTableCell", () => {
  const grid = gridFromRows([
    ["Tabel 1: Voorraad"],
    ["Woongelegenheden (aantallen)", 2020, 2021],
    ["Nieuwbouw", 0, 22],
    [],
    ["Tabel 5: Verduurzaming"],
    ["Verduurzaming", 2020, "2021"],
    ["<i>Aantal NOM nieuwbouw</i>", 0, "22"],
    ["Investering", 0, "4.324"],
    [],
    ["Tabel 5: Tweede"],
    ["X", 2021],
    ["Investering", 7],
  ]);
  const { tables } = findTables([grid]);

  it("finds a cell by table number, row label and column header", () => {
    const ref = findTableCell(tables, "5", "aantal NOM  nieuwbouw", 2021);
    expect(ref?.cell).toBe("C7");
    expect(ref?.value).toEqual({ kind: "number", value: 22, decimals: 0, percent: false, fromText: true });
    expect(findTableCell(tables, "Tabel 1", "Nieuwbouw", "2021")?.cell).toBe("C3");
    expect(findTableCell(tables, "Tabel 5 (2)", "Investering", "2021")?.cell).toBe("B12");
  });

  it("answers undefined for an unknown table, row or column", () => {
    expect(findTableCell(tables, "9", "Nieuwbouw", 2021)).toBeUndefined();
    expect(findTableCell(tables, "1", "Sloop", 2021)).toBeUndefined();
    expect(findTableCell(tables, "1", "Nieuwbouw", 2030)).toBeUndefined();
    expect(findTable(tables, "5")?.id).toBe("Tabel 5");
  });
});
