import { checkWorkbook, holdsModelContent, type CellValue, type SheetGrid } from "../../../src/domain";

/** A sheet called Model is the tool's Model sheet only when it holds a model or Geaccepteerd block (or nothing). */

const AGREEMENTS: CellValue[][] = [
  ["Thema", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"],
  ["Duurzaamheid", "Jaarlijks 200 woningen naar label B", "Onbekende Partij", "groen", ""],
  ["Duurzaamheid", "Zonnepanelen op 50 daken", "Gemeente", "rood", ""],
];

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { sheet: name, origin: "A1", values };
}

describe("a sheet called Model", () => {
  it("holding agreements and no model block is data: its rows are read and checked", () => {
    const result = checkWorkbook([sheet("Model", AGREEMENTS)]);
    expect(result.agreementSheets).toEqual(["Model"]);
    expect(result.agreements).toHaveLength(2);
    expect(result.findings.filter((f) => f.sheet === "Model").map((f) => f.code)).toEqual(expect.arrayContaining(["unknown-party", "missing-explanation"]));
    expect(result.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
    expect(result.model.source.kind).toBe("default");
  });

  it("with model blocks stays the Model sheet, and is not read as data", () => {
    const model = sheet("model ", [["Partijen"], ["Partij", "Soort"], ["Onbekende Partij", "huurdersorganisatie"]]);
    const result = checkWorkbook([sheet("Afspraken", AGREEMENTS), model]);
    expect(result.agreementSheets).toEqual(["Afspraken"]);
    // Its Partijen block is the party list now: "Gemeente" is unknown, the block's party is not.
    expect(result.findings.filter((f) => f.code === "unknown-party").map((f) => f.params?.["value"])).toEqual(["Gemeente"]);
  });

  it("with content that is neither a model nor data still says its block titles are missing", () => {
    const result = checkWorkbook([sheet("Afspraken", AGREEMENTS), sheet("Model", [[null, "Thema's"], [null, "Thema"], [null, "Wonen"]])]);
    expect(result.findings.filter((f) => f.code === "invalid-model").map((f) => [f.cell, f.params?.["problem"]])).toEqual([["B1", "no-blocks"]]);
  });

  it("is a Model sheet when empty or holding only accepted findings", () => {
    expect(holdsModelContent(sheet("Model", []))).toBe(true);
    expect(holdsModelContent(sheet("Model", [["Geaccepteerd"], ["Code", "Blad", "Cel", "Waarde", "Reden", "Datum"]]))).toBe(true);
    expect(holdsModelContent(sheet("Model", AGREEMENTS))).toBe(false);
  });
});
