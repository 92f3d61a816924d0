import { checkWorkbook } from "../../../src/domain/check-workbook";
import { fillMergedAreas, type CellValue, type SheetGrid } from "../../../src/domain/core/grid";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { readAgreements } from "../../../src/domain/agreements/read-agreements";
import { normaliseStatus } from "../../../src/domain/agreements/normalise-status";
import { gridFromRows } from "../../helpers/grid-from-a1";
import { readAndCheck, withCode } from "./helpers";

/** Layouts other municipalities use (issue 17): numbered lists under headings, merged themes, other headers. */

function grid(rows: readonly (readonly CellValue[])[], merges?: readonly string[]): SheetGrid {
  const base = gridFromRows(rows);
  return merges ? { ...base, merges } : base;
}

const read = (sheet: SheetGrid) => readAgreements([sheet], DEFAULT_MODEL, []);

describe("heading rows and agreement numbers", () => {
  const sheet = grid([
    ["Monitor prestatieafspraken 2021"],
    ["Nr.", "Afspraak", "Betrokken partijen", "Planning", "Status", "Stand van zaken"],
    ["1. Betaalbaarheid en beschikbaarheid"],
    [1.1, "Huren stijgen niet meer dan inflatie.", "Lefier", "2021", "ligt op schema", "Loopt."],
    ["1.2a", "Vijf statushouders per jaar.", "Gemeente en Lefier", "Q4", "vraagt aandacht", "Minder aanbod."],
    ["2. Duurzaamheid"],
    ["2.1 RES"],
    [2.11, "Zonnepanelen op daken.", "Woonservice", "2022", "niet gestart"],
  ]);

  it("reads the numbered rows as agreements, the headings setting their theme and subtheme", () => {
    const rows = read(sheet).agreements;
    expect(rows.map((r) => [r.row, r.theme, r.subtheme, r.agreement?.slice(0, 5)])).toEqual([
      [4, "Betaalbaarheid en beschikbaarheid", undefined, "Huren"],
      [5, "Betaalbaarheid en beschikbaarheid", undefined, "Vijf "],
      [8, "Duurzaamheid", "RES", "Zonne"],
    ]);
    expect(rows[0]?.cells.theme).toBe("A3");
    expect(rows[2]?.cells.subtheme).toBe("A7");
  });

  it("maps the yearless Status and Stand van zaken columns to one year and reads status phrases", () => {
    const rows = read(sheet).agreements;
    expect(rows.map((r) => r.statuses[0]?.status)).toEqual(["groen", "oranje", "grijs"]);
    expect(rows[1]?.explanations[0]).toMatchObject({ text: "Minder aanbod.", cell: "F5" });
  });

  it("gives no theme, status or party finding for this fault-free list", () => {
    const { findings } = readAndCheck([sheet]);
    expect(findings).toEqual([]);
  });

  it("does not read an unnumbered one-cell row as a heading under a header with a theme column", () => {
    const seedLike = grid([
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?"],
      ["Borging", "", "Achtervang", "Lefier"],
      ["Duurzaamheid"],
    ]);
    expect(read(seedLike).agreements.map((r) => r.row)).toEqual([2, 3]);
  });
});

describe("merged cells", () => {
  it("gives every cell of a merged area the area's value (new row arrays, the grid untouched)", () => {
    const sheet = grid([["Thema", "x"], [null, "y"], [null, "z"]], ["A1:A3"]);
    const filled = fillMergedAreas(sheet);
    expect(filled.values.map((r) => r[0])).toEqual(["Thema", "Thema", "Thema"]);
    expect(sheet.values[1]?.[0]).toBeNull();
    expect(fillMergedAreas(grid([["a"]]))).toEqual(grid([["a"]]));
  });

  it("reads a theme merged down over its agreements on every row, and a merged heading as a heading", () => {
    const sheet = grid(
      [
        ["Thema", "Nr.", "Afspraak", "Wie", "Voortgang", "Opmerkingen"],
        ["Duurzaamheid", 1, "Zonnepanelen.", "Lefier", "op koers"],
        [null, 2, "Isolatie.", "Lefier", "vertraagd"],
        ["3. Borging", null, null, null, null, null],
        [null, 3, "Achtervang.", "Lefier", "afgerond"],
      ],
      ["A2:A3", "A4:F4"],
    );
    const { rows, findings } = readAndCheck([sheet]);
    expect(rows.map((r) => [r.row, r.theme])).toEqual([
      [2, "Duurzaamheid"],
      [3, "Duurzaamheid"],
      [5, "Borging"],
    ]);
    // Voortgang holds the statuses here; Opmerkingen is the explanation.
    expect(rows.map((r) => r.statuses[0]?.status)).toEqual(["groen", "oranje", "groen"]);
    expect(withCode(findings, "missing-explanation").map((f) => f.cell)).toEqual(["F3"]);
    expect(withCode(findings, "missing-theme")).toEqual([]);
  });
});

describe("header synonyms and two-row headers", () => {
  it("reads Uitvoerder as parties, Termijn as timing (no field), Opmerkingen as explanation", () => {
    const sheet = grid([
      ["Onderwerp", "Afspraak", "Uitvoerder", "Termijn", "Status", "Opmerkingen"],
      ["Borging", "Achtervang.", "Lefier", "2022", "rood", "Loopt niet."],
    ]);
    const [row] = read(sheet).agreements;
    expect(row).toMatchObject({ partiesText: "Lefier", parties: ["Lefier"] });
    expect(row?.statuses[0]).toMatchObject({ status: "rood", cell: "E2" });
    expect(row?.explanations[0]).toMatchObject({ text: "Loopt niet.", cell: "F2" });
  });

  it("reads 'Status' above '2022' as the 2022 status column and starts the rows below the years", () => {
    const sheet = grid(
      [
        ["Onderwerp", "Afspraak", "Wie", "Status", null, "Toelichting"],
        [null, null, null, 2021, 2022, 2022],
        ["Borging", "Achtervang.", "Lefier", "groen", "oranje", "Later."],
      ],
      ["D1:E1"],
    );
    const reading = readAgreements([sheet], DEFAULT_MODEL, []);
    expect(reading.statusYears).toEqual([2021, 2022]);
    expect(reading.agreements.map((r) => r.row)).toEqual([3]);
    expect(reading.agreements[0]?.statuses.map((s) => [s.year, s.status])).toEqual([
      [2021, "groen"],
      [2022, "oranje"],
    ]);
    expect(reading.agreements[0]?.explanations[0]).toMatchObject({ year: 2022, text: "Later." });
  });
});

describe("status phrases by meaning", () => {
  const statuses = DEFAULT_MODEL.statuses;
  it.each([
    ["ligt op schema", "groen"],
    ["Op koers", "groen"],
    ["in uitvoering", "groen"],
    ["loopt", "groen"],
    ["afgerond", "groen"],
    ["gereed", "groen"],
    ["vraagt aandacht", "oranje"],
    ["vertraagd", "oranje"],
    ["loopt vertraging op", "oranje"],
    ["deels gerealiseerd", "oranje"],
    ["niet op schema", "oranje"],
    ["loopt niet", "rood"],
    ["niet gerealiseerd", "rood"],
    ["nog niet gestart", "grijs"],
    ["geen doel", "grijs"],
  ])("reads %p as %p", (text, status) => {
    expect(normaliseStatus(text, statuses)).toBe(status);
  });

  it("reads nothing from a sentence or an unknown word", () => {
    expect(normaliseStatus("De eerste verhuizingen zijn gerealiseerd in het voorjaar van dit jaar.", statuses)).toBeUndefined();
    expect(normaliseStatus("paars", statuses)).toBeUndefined();
  });

  it("suggests the nearest status for an unknown phrase", () => {
    const sheet = grid([
      ["Onderwerp", "Afspraak", "Wie", "Status 2021"],
      ["Borging", "Achtervang.", "Lefier", "vertraagt"],
    ]);
    const [finding] = withCode(readAndCheck([sheet]).findings, "invalid-status");
    expect(finding).toMatchObject({ cell: "D2", suggestion: "oranje" });
  });
});

describe("a workbook's own layout through checkWorkbook", () => {
  it("reads the same rows whether the theme cell is merged or typed on every row", () => {
    const rows: CellValue[][] = [
      ["Thema", "Afspraak", "Wie", "Status"],
      ["Duurzaamheid", "Zonnepanelen.", "Lefier", "groen"],
      [null, "Isolatie.", "Lefier", "groen"],
    ];
    const merged = checkWorkbook([{ ...gridFromRows(rows), merges: ["A2:A3"] }]);
    const typed = checkWorkbook([gridFromRows(rows.map((r, i) => (i === 2 ? ["Duurzaamheid", ...r.slice(1)] : r)))]);
    expect(merged.findings).toEqual(typed.findings);
    expect(merged.agreements.map((r) => r.theme)).toEqual(["Duurzaamheid", "Duurzaamheid"]);
  });
});
