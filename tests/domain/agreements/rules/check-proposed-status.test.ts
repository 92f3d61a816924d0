import { checkWorkbook, formatMessage } from "../../../../src/domain";
import type { CellValue } from "../../../../src/domain/core/grid";
import { gridFromRows } from "../../../helpers/grid-from-a1";
import { readAndCheck, withCode } from "../helpers";

const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Doel 2022", "Realisatie 2022", "Status 2022", "Toelichting 2022"];

function rows(...figures: readonly (readonly [CellValue, CellValue, CellValue])[]) {
  return gridFromRows([
    HEADER,
    ...figures.map(([target, realised, status], i) => ["Beschikbaarheid", "Nieuwbouw", `Afspraak ${i + 1}`, "Lefier", target, realised, status, "Loopt"]),
  ]);
}

describe("proposed-status", () => {
  it("proposes the status the figures imply where the monitoring year's status is blank, as an info with a suggestion", () => {
    const { findings } = readAndCheck([rows([200, 190, null], [200, 120, ""], [200, 40, null])]);
    expect(withCode(findings, "proposed-status")).toEqual([
      {
        code: "proposed-status",
        severity: "info",
        suggestion: "groen",
        sheet: "Afspraken",
        row: 2,
        cell: "G2",
        params: { year: 2022, target: 200, realised: 190, unit: "", share: 95, proposed: "groen" },
      },
      expect.objectContaining({ cell: "G3", suggestion: "oranje" }),
      expect.objectContaining({ cell: "G4", suggestion: "rood" }),
    ]);
    // missing-status still says the status is not filled in: the proposal is the coordinator's to take.
    expect(withCode(findings, "missing-status").map((f) => f.cell)).toEqual(["G2", "G3", "G4"]);
  });

  it("says it in plain Dutch with Dutch numbers and no 'Bedoelt u'", () => {
    const { findings } = readAndCheck([rows(["1.250", "1.200", null])]);
    const [finding] = withCode(findings, "proposed-status");
    expect(finding && formatMessage(finding, "nl")).toBe(
      "Nog geen status voor 2022; de cijfers wijzen op groen: 1.250 beoogd, 1.200 gerealiseerd (96 % van het doel).",
    );
    expect(finding && formatMessage(finding, "en")).toBe(
      "No status for 2022 yet; the figures point at groen: 1,250 targeted, 1,200 realised (96% of the target).",
    );
  });

  it("proposes nothing where a status is filled in or the figures are missing or not comparable", () => {
    const { findings } = readAndCheck([rows([200, 190, "oranje"], [200, null, null], [null, 12, null], ["80%", 70, null], [0, 0, null])]);
    expect(withCode(findings, "proposed-status")).toEqual([]);
  });

  it("follows the model's thresholds (Instellingen: Drempel groen / Drempel oranje)", () => {
    const modelSheet = gridFromRows([["Instellingen"], ["Instelling", "Waarde"], ["Drempel groen", 80], ["Drempel oranje", 30]], { sheet: "Model" });
    const result = checkWorkbook([rows([100, 85, null], [100, 35, null]), modelSheet]);
    expect(result.findings.filter((f) => f.code === "proposed-status").map((f) => [f.cell, f.suggestion])).toEqual([
      ["G2", "groen"],
      ["G3", "oranje"],
    ]);
  });

  it("keeps agreements with figures and neither status nor Toelichting as agreements, never as a numeric table", () => {
    // Short agreement texts, numbers only under Doel and Realisatie: the rows look like a table's body,
    // but their header is the agreements header.
    const grid = gridFromRows([
      HEADER,
      ["Wonen", null, "Lefier bouwt", "Lefier", 225, 120, null, null],
      ["Wonen", null, "Woonservice bouwt", "Woonservice", "1.250", "1.200", null, null],
      ["Wonen", null, "Isoleren", "Lefier", 40, 40, null, null],
    ]);
    const result = checkWorkbook([grid]);
    expect(result.tables).toEqual([]);
    expect(result.agreements).toHaveLength(3);
    expect(result.findings.filter((f) => f.code === "unparseable-number")).toEqual([]);
    expect(result.findings.filter((f) => f.code === "proposed-status").map((f) => [f.cell, f.suggestion])).toEqual([
      ["G2", "oranje"],
      ["G3", "groen"],
      ["G4", "groen"],
    ]);
  });
});
