import { gridFromRows } from "../../../helpers/grid-from-a1";
import { checkWorkbook } from "../../../../src/domain/check-workbook";
import { modelWithYear, readAndCheck, withCode } from "../helpers";

describe("checkStatusColumn", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"];
  const row = ["Borging", null, "Achtervang", "Lefier", "groen", null, "groen", null];

  it("reports a monitoring year asked for without a status column, at the last status column's header", () => {
    const { findings } = readAndCheck([gridFromRows([header, row])], { year: 2023 });
    expect(withCode(findings, "missing-status-column")).toEqual([
      { code: "missing-status-column", severity: "error", sheet: "Afspraken", row: 1, cell: "G1", params: { year: 2023 } },
    ]);
  });

  it("reports a Model sheet's monitoring year without a status column", () => {
    const { findings } = readAndCheck([gridFromRows([header, row])], { model: modelWithYear(2030) });
    expect(withCode(findings, "missing-status-column").map((f) => f.params)).toEqual([{ year: 2030 }]);
  });

  it("reports a sheet whose header has no status column at all at its theme header", () => {
    const other = gridFromRows([["Onderwerp", "nr", "Afspraak", "Wie?"], ["Borging", null, "Achtervang", "Lefier"]], { sheet: "Oud" });
    const { findings } = readAndCheck([gridFromRows([header, row]), other]);
    expect(withCode(findings, "missing-status-column")).toEqual([
      { code: "missing-status-column", severity: "error", sheet: "Oud", row: 1, cell: "A1", params: { year: 2022 } },
    ]);
  });

  it("is silent when the monitoring year has its column, or a yearless Status column stands for it", () => {
    expect(withCode(readAndCheck([gridFromRows([header, row])], { year: 2022 }).findings, "missing-status-column")).toEqual([]);
    const yearless = gridFromRows([["Onderwerp", "nr", "Afspraak", "Wie?", "Status", "Toelichting"], ["Borging", null, "Achtervang", "Lefier", "groen", null]]);
    expect(withCode(readAndCheck([yearless], { year: 2030 }).findings, "missing-status-column")).toEqual([]);
  });

  it("is silent without a monitoring year", () => {
    const noStatus = gridFromRows([["Onderwerp", "nr", "Afspraak", "Wie?"], ["Borging", null, "Achtervang", "Lefier"]]);
    expect(withCode(readAndCheck([noStatus]).findings, "missing-status-column")).toEqual([]);
  });

  it("makes the workbook not in order: an error with a message naming the year", () => {
    const result = checkWorkbook([gridFromRows([header, row])], { year: 2030 });
    const found = result.findings.filter((f) => f.code === "missing-status-column");
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ["error", "Geen statuskolom voor monitoringjaar 2030: voeg de kolommen Status 2030 en Toelichting 2030 toe."],
    ]);
  });
});
