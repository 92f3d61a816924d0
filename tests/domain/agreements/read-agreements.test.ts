import { findActivities, findExplanation, findStatus } from "../../../src/domain/agreements/agreement";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { CellValue } from "../../../src/domain/core/grid";
import { readAgreements, UNKNOWN_YEAR } from "../../../src/domain/agreements/read-agreements";
import type { NumericTable } from "../../../src/domain/tables/table";
import { gridFromA1, gridFromRows } from "../../helpers/grid-from-a1";
import { HEADER, modelWithYear, sheetWith, withCode } from "./helpers";

const ROW: readonly CellValue[] = ["Duurzaamheid", "RES", "Warmtevisie opstellen", "Gemeente", "Gemeente stelt de visie op"];

function read(sheets: Parameters<typeof readAgreements>[0], tables: readonly NumericTable[] = [], model = DEFAULT_MODEL) {
  return readAgreements(sheets, model, tables);
}

describe("readAgreements: finding the header", () => {
  it("reads a row under the seed's header with every field and cell address", () => {
    const result = read([sheetWith([ROW])]);
    expect(result.sheets).toEqual(["Afspraken"]);
    expect(result.agreements).toEqual([
      {
        sheet: "Afspraken",
        row: 2,
        theme: "Duurzaamheid",
        subtheme: "RES",
        agreement: "Warmtevisie opstellen",
        partiesText: "Gemeente",
        parties: ["Gemeente Stadskanaal"],
        activities: [{ year: 2021, text: "Gemeente stelt de visie op", cell: "E2" }],
        statuses: [],
        explanations: [],
        cells: { theme: "A2", subtheme: "B2", agreement: "C2", parties: "D2", activities: "E2" },
      },
    ]);
    expect(result.findings).toEqual([]);
  });

  it("matches header names case- and whitespace-insensitively, with synonyms and a trailing '?'", () => {
    const grid = gridFromRows([
      ["  THEMA ", "Sub thema", "Prestatie afspraak", "partijen ?", "Activiteiten  2022", "Stoplicht 2022", "Voortgang 2022"],
      ROW,
    ]);
    const result = read([grid]);
    expect(result.agreements).toHaveLength(1);
    expect(result.columns[0]).toMatchObject({
      theme: "A",
      subtheme: "B",
      agreement: "C",
      parties: "D",
      activities: { 2022: "E" },
      status: { 2022: "F" },
      explanation: { 2022: "G" },
    });
    expect(result.statusYears).toEqual([2022]);
  });

  it("tolerates one typo in a long header name ('Actiepunt/prestatieafpraak') but not in short ones", () => {
    const typo = read([gridFromRows([["Onderwerp", "nr", "Actiepunt/prestatieafpraak", "Wie?"], ROW])]);
    expect(typo.agreements).toHaveLength(1);
    const shortTypo = read([gridFromRows([["Onderwerp", "nr", "Afspraak", "Wei?"], ROW])]);
    expect(shortTypo.sheets).toEqual([]);
    expect(shortTypo.agreements).toEqual([]);
  });

  it("needs theme, agreement and parties columns: other sheets are not agreements sheets", () => {
    const tableSheet = gridFromRows([["Woongelegenheden", 2020, 2021], ["Nieuwbouw", 0, 22]], { sheet: "Tabellen" });
    const noParties = gridFromRows([["Onderwerp", "nr", "Afspraak"], ROW], { sheet: "Half" });
    const result = read([tableSheet, noParties]);
    expect(result.sheets).toEqual([]);
    expect(result.columns).toEqual([]);
  });

  it("ignores preamble rows above the first header", () => {
    const grid = gridFromRows([
      ["Prestatieafspraken 2021-2025"],
      [],
      ["Gezamenlijke ambitie prestatieafspraken", "Lefier"],
      ["Duurzaamheid"],
      HEADER,
      ROW,
    ]);
    const result = read([grid]);
    expect(result.agreements.map((a) => a.row)).toEqual([6]);
    expect(result.columns[0]).toMatchObject({ headerRow: 5, firstRow: 6, lastRow: 6 });
  });

  it("finds the header when the grid does not start at A1 and reports sheet addresses", () => {
    const grid = gridFromRows([HEADER, ROW], { origin: "C4" });
    const result = read([grid]);
    expect(result.agreements[0]).toMatchObject({ row: 5, cells: { theme: "C5", parties: "F5" } });
    expect(result.columns[0]).toMatchObject({ headerRow: 4, theme: "C", parties: "F", activities: { 2021: "G" } });
  });

  it("skips rows that are empty in every mapped column", () => {
    const grid = gridFromRows([[...HEADER], ROW, [], [null, "", "   "], [null, null, null, null, null, null, "note outside the header"], ROW]);
    const result = read([grid]);
    expect(result.agreements.map((a) => a.row)).toEqual([2, 6]);
  });
});

describe("readAgreements: repeated and shifted headers", () => {
  it("reports a repeated page header as info at its row and keeps reading below it", () => {
    const grid = sheetWith([ROW, [], HEADER, ROW]);
    const result = read([grid]);
    expect(result.agreements.map((a) => a.row)).toEqual([2, 5]);
    expect(withCode(result.findings, "repeated-header")).toEqual([
      { code: "repeated-header", severity: "info", sheet: "Afspraken", cell: "A4", row: 4 },
    ]);
    expect(result.columns.map((c) => [c.headerRow, c.firstRow, c.lastRow])).toEqual([
      [1, 2, 3],
      [4, 5, 5],
    ]);
  });

  it("reads rows under a shifted header by what they hold", () => {
    const grid = sheetWith([
      ROW,
      [null, "Onderwerp", "nr", "Actiepunt/prestatieafpraak", "Wie?", "Activiteitenoverzicht 2021"],
      ["De woningvoorraad", "Sociaal statuut", null, "De corporaties hebben een actueel sociaal statuut", "Woonservice en Lefier", "Vastgesteld"],
      // A row that leaves the unlabelled column empty is read by position.
      [null, "Duurzaamheid", "RES", "Regionale energiestrategie", "Gemeente", "Aangesloten"],
    ]);
    const result = read([grid]);
    const [, shifted, positional] = result.agreements;
    expect(shifted).toMatchObject({
      row: 4,
      theme: "De woningvoorraad",
      subtheme: "Sociaal statuut",
      agreement: "De corporaties hebben een actueel sociaal statuut",
      partiesText: "Woonservice en Lefier",
      parties: ["Woonservice", "Lefier"],
      activities: [{ year: 2021, text: "Vastgesteld", cell: "F4" }],
      cells: { theme: "A4", subtheme: "B4", agreement: "D4", parties: "E4", activities: "F4" },
    });
    expect(positional).toMatchObject({ row: 5, theme: "Duurzaamheid", subtheme: "RES", cells: { theme: "B5", subtheme: "C5" } });
    expect(withCode(result.findings, "repeated-header")).toEqual([expect.objectContaining({ cell: "B3", row: 3 })]);
    // Most rows under the shifted header hold the theme in A: that is what the adapters colour.
    expect(result.columns[1]).toMatchObject({ headerRow: 3, theme: "A", subtheme: "B", agreement: "D", parties: "E", activities: { 2021: "F" } });
  });

  it("takes the subtheme from the 'nr' column of a shifted row when 'Onderwerp' is empty there", () => {
    const grid = gridFromRows([
      [null, "Onderwerp", "nr", "Afspraak", "Wie?"],
      ["Duurzaamheid", null, "RES", "Regionale energiestrategie", "Gemeente"],
    ]);
    expect(read([grid]).agreements[0]).toMatchObject({ theme: "Duurzaamheid", subtheme: "RES", cells: { subtheme: "C2" } });
  });

  it("does not read row numbers or labels left of a header as shifted themes", () => {
    const grid = gridFromRows([
      [null, "Onderwerp", "nr", "Afspraak", "Wie?"],
      [1, "Duurzaamheid", "RES", "Regionale energiestrategie", "Gemeente"],
      ["2.", "Borging", "Achtervangovereenkomst WSW", "Volgen", "Lefier"],
      ["(b)", "Beleid", "Regio Deal", "Uitvoeren", "Gemeente"],
    ]);
    expect(read([grid]).agreements.map((a) => [a.theme, a.subtheme])).toEqual([
      ["Duurzaamheid", "RES"],
      ["Borging", "Achtervangovereenkomst WSW"],
      ["Beleid", "Regio Deal"],
    ]);
  });

  it("reads several agreements sheets, each with its own header", () => {
    const first = sheetWith([ROW], { sheet: "2021" });
    const second = gridFromRows([["Thema", "Afspraak", "Trekker", "Status 2022"], ["Borging", "Achtervang", "Lefier", "groen"]], { sheet: "2022" });
    const result = read([first, second]);
    expect(result.sheets).toEqual(["2021", "2022"]);
    expect(result.agreements.map((a) => [a.sheet, a.row, a.theme])).toEqual([
      ["2021", 2, "Duurzaamheid"],
      ["2022", 2, "Borging"],
    ]);
    expect(result.columns.map((c) => c.sheet)).toEqual(["2021", "2022"]);
    // A header on another sheet is that sheet's first header, not a repeat.
    expect(withCode(result.findings, "repeated-header")).toEqual([]);
  });
});

describe("readAgreements: per-year columns and statuses", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Activiteiten 2021", "Status 2021", "Toelichting 2021", "Activiteiten 2022", "Stoplicht 2022", "Voortgang 2022"];

  it("reads activities, statuses and explanations per year, normalising statuses through synonyms", () => {
    const grid = gridFromRows([
      header,
      ["Borging", "Achtervangovereenkomst WSW", "Volgen", "Lefier", "Gedaan", " Green ", "", "Verder", "AMBER", "Wacht op WSW"],
    ]);
    const result = read([grid]);
    expect(result.statusYears).toEqual([2021, 2022]);
    expect(result.agreements[0]).toMatchObject({
      activities: [
        { year: 2021, text: "Gedaan", cell: "E2" },
        { year: 2022, text: "Verder", cell: "H2" },
      ],
      statuses: [
        { year: 2021, raw: "Green", status: "groen", cell: "F2" },
        { year: 2022, raw: "AMBER", status: "oranje", cell: "I2" },
      ],
      // Every explanation column has an entry (its cell is where a missing one is reported); blank is "".
      explanations: [
        { year: 2021, text: "", cell: "G2" },
        { year: 2022, text: "Wacht op WSW", cell: "J2" },
      ],
    });
    const [row] = result.agreements;
    expect(row && [findActivities(row, 2022), findExplanation(row, 2021), findExplanation(row, 2022), findStatus(row, 2023)]).toEqual([
      "Verder",
      undefined,
      "Wacht op WSW",
      undefined,
    ]);
    expect(result.columns[0]).toMatchObject({ status: { 2021: "F", 2022: "I" }, explanation: { 2021: "G", 2022: "J" } });
  });

  it("keeps an unknown status as raw text without a canonical status, and a blank one as empty", () => {
    const grid = gridFromRows([header.slice(0, 6), ["Borging", "", "Volgen", "Lefier", "", "paars"], ["Borging", "", "Ander", "Lefier", "", null]]);
    const [paars, blank] = read([grid]).agreements;
    expect(paars?.statuses).toEqual([{ year: 2021, raw: "paars", cell: "F2" }]);
    expect(blank?.statuses).toEqual([{ year: 2021, raw: "", cell: "F3" }]);
  });

  it("maps a yearless Status column to the latest year of the header's activities/explanations", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Activiteiten 2021", "Toelichting 2022", "Status"], ["Borging", "X", "Lefier", "a", "b", "rood"]]);
    const result = read([grid]);
    expect(result.statusYears).toEqual([2022]);
    expect(result.agreements[0]?.statuses).toEqual([{ year: 2022, raw: "rood", status: "rood", cell: "F2" }]);
  });

  it("maps a yearless Status column to the model's monitoring year when there is one", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Activiteiten 2021", "Status", "Toelichting"], ["Borging", "X", "Lefier", "a", "groen", "ok"]]);
    const result = read([grid], [], modelWithYear(2023));
    expect(result.statusYears).toEqual([2023]);
    expect(result.agreements[0]).toMatchObject({ statuses: [{ year: 2023, status: "groen" }], explanations: [{ year: 2023, text: "ok" }] });
  });

  it("maps a yearless Status column to the asked-for year (--year) when the model has none", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Activiteiten 2021", "Status"], ["Borging", "X", "Lefier", "a", "groen"]]);
    expect(readAgreements([grid], DEFAULT_MODEL, [], { year: 2022 }).statusYears).toEqual([2022]);
    expect(readAgreements([grid], modelWithYear(2023), [], { year: 2022 }).statusYears).toEqual([2023]);
  });

  it("records a yearless Status column without any year under UNKNOWN_YEAR and keeps it out of statusYears", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Status"], ["Borging", "X", "Lefier", "grijs"]]);
    const result = read([grid]);
    expect(result.statusYears).toEqual([]);
    expect(result.agreements[0]?.statuses).toEqual([{ year: UNKNOWN_YEAR, raw: "grijs", status: "grijs", cell: "D2" }]);
    expect(result.columns[0]?.status).toEqual({ [UNKNOWN_YEAR]: "D" });
  });
});

describe("readAgreements: parties", () => {
  it("splits on , ; / & + en and, maps aliases and case to canonical names and keeps the raw text", () => {
    const grid = sheetWith([
      ["Borging", "", "X", "lefier; Woonservice / koepel & Samen Sterk + Welstad en GEMEENTE", ""],
      ["Borging", "", "Y", "Woonzorg Nederland and De Koepel", ""],
    ]);
    const [first, second] = read([grid]).agreements;
    expect(first?.parties).toEqual(["Lefier", "Woonservice", "De Koepel", "Samen Sterk", "Welstad", "Gemeente Stadskanaal"]);
    expect(first?.partiesText).toBe("lefier; Woonservice / koepel & Samen Sterk + Welstad en GEMEENTE");
    expect(second?.parties).toEqual(["Woonzorg Nederland", "De Koepel"]);
  });

  it("expands 'corporaties' and 'woningcorporaties' to every corporatie", () => {
    const grid = sheetWith([
      ["Borging", "", "X", "Gemeente en woningcorporaties", ""],
      ["Borging", "", "Y", "Corporaties, De Koepel", ""],
    ]);
    const [first, second] = read([grid]).agreements;
    expect(first?.parties).toEqual(["Gemeente Stadskanaal", "Lefier", "Woonservice", "Woonzorg Nederland"]);
    expect(second?.parties).toEqual(["Lefier", "Woonservice", "Woonzorg Nederland", "De Koepel"]);
  });

  it("keeps only the recognised parties (unknown ones are for the row rules)", () => {
    const grid = sheetWith([["Borging", "", "X", "Gemeent en Lefier", ""]]);
    expect(read([grid]).agreements[0]?.parties).toEqual(["Lefier"]);
  });
});

describe("readAgreements: markup, error values and numbers", () => {
  it("reports HTML pasted into a cell with its tags and matches names without the tags", () => {
    const grid = sheetWith([["<p>Duurzaamheid</p>", "RES", "X", "<b>Lefier</b>", "<p>Tekst</p> <ul style=\"x\"><li>punt</li></ul>"]]);
    const result = read([grid]);
    expect(withCode(result.findings, "markup-in-cell")).toEqual([
      { code: "markup-in-cell", severity: "warning", sheet: "Afspraken", cell: "A2", row: 2, params: { tags: "<p>" } },
      { code: "markup-in-cell", severity: "warning", sheet: "Afspraken", cell: "D2", row: 2, params: { tags: "<b>" } },
      { code: "markup-in-cell", severity: "warning", sheet: "Afspraken", cell: "E2", row: 2, params: { tags: "<p>, <ul>, <li>" } },
    ]);
    expect(result.agreements[0]).toMatchObject({ theme: "Duurzaamheid", parties: ["Lefier"] });
  });

  it("does not take comparisons or angle-bracketed words for markup", () => {
    const grid = sheetWith([["Borging", "", "Huur < 1e aftoppingsgrens > 90%", "Lefier", "<geen>"]]);
    expect(withCode(read([grid]).findings, "markup-in-cell")).toEqual([]);
  });

  it("reports Excel error values in mapped cells and reads them as blank", () => {
    const grid = sheetWith([["#REF!", "RES", "X", "#N/A", "ok"]]);
    const result = read([grid]);
    expect(withCode(result.findings, "cell-error")).toEqual([
      { code: "cell-error", severity: "error", sheet: "Afspraken", cell: "A2", row: 2, params: { value: "#REF!" } },
      { code: "cell-error", severity: "error", sheet: "Afspraken", cell: "D2", row: 2, params: { value: "#N/A" } },
    ]);
    const [row] = result.agreements;
    expect(row?.theme).toBeUndefined();
    expect(row?.partiesText).toBeUndefined();
    expect(row?.parties).toEqual([]);
  });

  it("reads numbers and booleans in text columns as their text", () => {
    const grid = sheetWith([["Borging", "Regio Deal", 2021, "Lefier", true]]);
    expect(read([grid]).agreements[0]).toMatchObject({ agreement: "2021", activities: [{ year: 2021, text: "true" }] });
  });

  it("reads a number under 'nr' (1, 1.2, 2.3a) as the agreement's own number, never as a subtheme", () => {
    const grid = sheetWith([
      ["Borging", 1, "X", "Lefier"],
      ["Borging", "1.2", "X", "Lefier"],
      ["Borging", "2.3a", "X", "Lefier"],
      ["Borging", "Regio Deal", "X", "Lefier"],
    ]);
    expect(read([grid]).agreements.map((row) => row.subtheme)).toEqual([undefined, undefined, undefined, "Regio Deal"]);
  });
});

describe("readAgreements: table rows are not agreements", () => {
  it("skips rows inside a found table's range (leftmost cell inside it)", () => {
    const grid = sheetWith([ROW, ["Woongelegenheden (aantallen)", "2020", "2021"], ["Stand per 1 januari", "Lefier", "x"], ROW]);
    const table: NumericTable = {
      id: "Tabel 1",
      sheet: "Afspraken",
      range: "A3:C4",
      headerLabel: "Woongelegenheden (aantallen)",
      headerRow: 3,
      columns: [],
      rows: [],
    };
    expect(read([grid], [table]).agreements.map((a) => a.row)).toEqual([2, 5]);
    // The same table on another sheet hides nothing here.
    expect(read([grid], [{ ...table, sheet: "Elders" }]).agreements.map((a) => a.row)).toEqual([2, 4, 5]);
  });

  it("does not skip a row whose HTML table sits in a later column of a found table's one-cell range", () => {
    const grid = sheetWith([["Betaalbaarheid en beschikbaarheid", "", "Ontwikkeling", "Lefier", "<table><tr><td>1</td></tr></table>"]]);
    const table: NumericTable = { id: "Tabel 3", sheet: "Afspraken", range: "E2", headerLabel: "", headerRow: 2, columns: [], rows: [] };
    expect(read([grid], [table]).agreements.map((a) => a.row)).toEqual([2]);
  });

  it("skips captions, the header row after a caption, label+number rows and HTML table blobs", () => {
    const grid = sheetWith([
      ROW,
      ["<table border=\"1\"><tr><th>Tabel 8: Uitgaven</th></tr></table>"],
      ["Tabel 8: Uitgaven leefbaarheid"],
      ["Uitgaven leefbaarheid (bedragen x € 1.000,-)", null, null, "Derden", "Eigen personeel", "Saldo"],
      ["Woonmaatschappelijk werk", null, null, "55", 163, "218"],
      ["Goedkoop", "29,2%", "26,3%"],
      ["Verkoop", "0", "-20 - -25", "n.b."],
      ["- <i>Standaard vrije sector</i>", null, "<i>64</i>"],
      ["Betaalbaarheid (in %)", 2019, 2020],
      ROW,
    ]);
    const result = read([grid]);
    expect(result.agreements.map((a) => a.row)).toEqual([2, 11]);
    expect(result.findings).toEqual([]);
  });

  it("keeps an agreement row that follows a caption directly (the table is missing)", () => {
    const grid = sheetWith([["Tabel 2: Ontbreekt"], ["Duurzaamhied", "RES", "X", "Lefier", "Tekst"], ["Tabel 3: Ontbreekt ook"], ["Borgingg", null, "Y", "Gemeente", "Tekst"]]);
    expect(read([grid]).agreements.map((a) => [a.row, a.theme])).toEqual([
      [3, "Duurzaamhied"],
      [5, "Borgingg"],
    ]);
  });

  it("keeps a row whose label is a known theme even when the rest is numeric", () => {
    const grid = sheetWith([["Duurzaamheid", null, null, null, "2021"]]);
    expect(read([grid]).agreements.map((a) => a.row)).toEqual([2]);
  });
});

describe("readAgreements: agreements laid out one field per line", () => {
  it("reads theme, subtheme, agreement, parties and activities from one-cell rows", () => {
    const grid = gridFromA1({
      A1: "Onderwerp", B1: "nr", C1: "Actiepunt/prestatieafspraken", D1: "Wie?", E1: "Activiteitenoverzicht 2021",
      A3: "De woningvoorraad",
      A5: "Omgevingsvisie",
      A7: "De gemeente betrekt de partijen bij de Omgevingsvisie.",
      A9: "Gemeente",
      A11: "Participatieplan in 2021.",
      A13: "De woningvoorraad",
      A15: "Integrale gebiedsontwikkeling Musselkanaal",
      A17: "Gebiedsontwikkeling Musselkanaal",
      A19: "Gemeent en Lefier",
      A21: "Woningbouwprojecten.",
    });
    const result = read([grid]);
    expect(result.agreements).toEqual([
      expect.objectContaining({
        row: 3,
        theme: "De woningvoorraad",
        subtheme: "Omgevingsvisie",
        agreement: "De gemeente betrekt de partijen bij de Omgevingsvisie.",
        partiesText: "Gemeente",
        parties: ["Gemeente Stadskanaal"],
        activities: [{ year: 2021, text: "Participatieplan in 2021.", cell: "A11" }],
        cells: { theme: "A3", subtheme: "A5", agreement: "A7", parties: "A9", activities: "A11" },
      }),
      expect.objectContaining({ row: 13, partiesText: "Gemeent en Lefier", parties: ["Lefier"], cells: expect.objectContaining({ parties: "A19" }) }),
    ]);
  });

  it("finds the parties field by its names when the agreement text is missing", () => {
    const grid = gridFromA1({
      A1: "Onderwerp", B1: "nr", C1: "Actiepunt/prestatieafspraken", D1: "Wie?",
      A2: "De woningvoorraad",
      A4: "Ontwikkelingen kernvoorraad",
      A6: "Lefier",
      A8: "Tabel 1: Ontwikkeling kernvoorraad",
      A10: "Woongelegenheden (aantallen)", B10: 2020, C10: 2021,
      A11: "Stand per 1 januari", B11: 3885, C11: 3796,
    });
    const result = read([grid]);
    expect(result.agreements).toHaveLength(1);
    expect(result.agreements[0]).toMatchObject({ row: 2, subtheme: "Ontwikkelingen kernvoorraad", parties: ["Lefier"] });
    expect(result.agreements[0]?.agreement).toBeUndefined();
  });

  it("reads two one-cell rows (theme only, then a row) as ordinary rows", () => {
    const grid = sheetWith([["Duurzaamheid"], ["Borging"], ROW]);
    expect(read([grid]).agreements.map((a) => [a.row, a.theme, a.agreement])).toEqual([
      [2, "Duurzaamheid", undefined],
      [3, "Borging", undefined],
      [4, "Duurzaamheid", "Warmtevisie opstellen"],
    ]);
  });
});
