import { checkWorkbook } from "../../../src/domain/check-workbook";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { CellValue } from "../../../src/domain/core/grid";
import { gridFromRows } from "../../helpers/grid-from-a1";

/** Instellingen Monitoringjaar wins over --year, which wins over the latest status year. */

const AGREEMENTS = gridFromRows([
  ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"],
  ["Duurzaamheid", "Nieuwbouw", "Nieuwe verduurzamingstechnieken", "Gemeente", "groen", null, "groen", null],
  ["Borging", "Achtervangovereenkomst WSW", "Partijen volgen de landelijke ontwikkelingen", "Lefier", "groen", null, null, null],
]);

function modelSheet(year: CellValue) {
  return gridFromRows([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", year]], { sheet: "Model" });
}

describe("monitoring year", () => {
  it("without a setting or --year: the latest status year", () => {
    const result = checkWorkbook([AGREEMENTS]);
    expect(result.year).toBe(2022);
    // Row 3 has no status in 2022.
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["missing-status", "G3"]]);
  });

  it("--year wins over the latest status year", () => {
    const result = checkWorkbook([AGREEMENTS], { year: 2021 });
    expect(result.year).toBe(2021);
    expect(result.findings).toEqual([]);
  });

  it("the Model sheet's Monitoringjaar wins over --year", () => {
    const result = checkWorkbook([AGREEMENTS, modelSheet(2021)], { year: 2022 });
    expect(result.year).toBe(2021);
    expect(result.model.settings.monitoringYear).toBe(2021);
    expect(result.findings).toEqual([]);
  });

  it("a --model file's Monitoringjaar wins over --year as well", () => {
    const result = checkWorkbook([AGREEMENTS], { year: 2022, model: { ...DEFAULT_MODEL, settings: { monitoringYear: 2021 } } });
    expect(result.year).toBe(2021);
  });

  it("a Monitoringjaar left blank leaves --year in force", () => {
    expect(checkWorkbook([AGREEMENTS, modelSheet(null)], { year: 2021 }).year).toBe(2021);
  });

  it("a bad Monitoringjaar is a finding at its cell and --year stays in force", () => {
    const result = checkWorkbook([AGREEMENTS, modelSheet("volgend jaar")], { year: 2021 });
    expect(result.year).toBe(2021);
    expect(result.findings.map((f) => [f.code, f.sheet, f.cell, f.params?.["problem"]])).toEqual([
      ["invalid-model", "Model", "A1", "unusable-block"],
      ["invalid-model", "Model", "B3", "invalid-year"],
    ]);
  });
});
