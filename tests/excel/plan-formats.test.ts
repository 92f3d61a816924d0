import type { AgreementColumns } from "../../src/domain/agreements/agreement";
import { checkWorkbook, type CheckResult } from "../../src/domain/check-workbook";
import { DEFAULT_MODEL } from "../../src/domain/model/default-model";
import type { Finding } from "../../src/domain/findings/finding";
import { HIGHLIGHT_SHEET_PREFIX, planFormats } from "../../src/domain/report/plan-formats";
import { readableTextColor as readableFontColor } from "../../src/domain/findings/summary-labels";
import { gridFromRows } from "../helpers/grid-from-a1";
import { agreementsSheet } from "./workbooks";

function finding(sheet: string, cell: string, severity: Finding["severity"], code: Finding["code"] = "unknown-party"): Finding {
  // Highlighting reads no params: the code's params are left out.
  return { code, severity, sheet, cell, message: "" } as Finding;
}

function resultWith(findings: Finding[], columns: AgreementColumns[] = []): CheckResult {
  return { year: 2021, model: DEFAULT_MODEL, agreementSheets: [], columns, agreements: [], tables: [], findings, lang: "nl" };
}

describe("planFormats", () => {
  it("mirrors errors and warnings (error wins on a cell) and skips infos", () => {
    const plan = planFormats(
      resultWith([
        finding("Afspraken", "D3", "warning", "party-separator"),
        finding("Afspraken", "D3", "error"),
        finding("Afspraken", "G10", "warning", "missing-explanation"),
        finding("Afspraken", "A2", "info", "repeated-header"),
      ]),
    );
    expect(plan.highlights).toEqual([
      {
        sheet: "Afspraken",
        mirrorSheet: "PM_Markering1",
        cells: [
          { cell: "D3", severity: "error" },
          { cell: "G10", severity: "warning" },
        ],
        range: "D3:G10",
        rules: [
          { formula: `='PM_Markering1'!D3="error"`, fill: "#FFC7CE", border: "#C00000" },
          { formula: `='PM_Markering1'!D3="warning"`, fill: "#FFF2CC", border: "#BF8F00" },
        ],
      },
    ]);
  });

  it("gives each data sheet its own valid mirror sheet, and never marks tool sheets", () => {
    const long = "Een heel erg lange bladnaam van 31";
    const plan = planFormats(
      resultWith([finding(long, "B2", "error"), finding("Afspraken", "C5", "warning"), finding("Monitoring", "A1", "error"), finding("PM_Oud", "A1", "error")]),
    );
    expect(plan.highlights.map((h) => [h.sheet, h.mirrorSheet])).toEqual([
      ["Afspraken", "PM_Markering1"],
      [long, "PM_Markering2"],
    ]);
    for (const h of plan.highlights) {
      expect(h.mirrorSheet.startsWith(HIGHLIGHT_SHEET_PREFIX)).toBe(true);
      expect(h.mirrorSheet.length).toBeLessThanOrEqual(31);
      expect(h.mirrorSheet).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(plan.highlights[0]?.range).toBe("C5");
  });

  it("marks the top-left cell of a finding that only has a range", () => {
    const plan = planFormats(resultWith([{ code: "percent-sum", severity: "error", sheet: "Tabellen", range: "C4:C9", params: { column: "C", sum: 90, tolerance: 0.5 }, message: "" }]));
    expect(plan.highlights[0]?.cells).toEqual([{ cell: "C4", severity: "error" }]);
  });

  it("plans a stoplight per status column of every header, with the model's colours and words", () => {
    const columns: AgreementColumns[] = [
      { sheet: "Afspraken", headerRow: 1, firstRow: 2, lastRow: 40, activities: {}, status: { 2022: "G", 2021: "F" }, explanation: {} },
      { sheet: "Afspraken", headerRow: 41, firstRow: 42, lastRow: 41, activities: {}, status: { 2021: "F" }, explanation: {} },
    ];
    const plan = planFormats(resultWith([], columns));
    expect(plan.stoplights.map((s) => [s.year, s.range])).toEqual([
      [2021, "F2:F40"],
      [2022, "G2:G40"],
    ]);
    expect(plan.stoplights[0]?.list).toEqual(["groen", "oranje", "rood", "grijs"]);
    expect(plan.stoplights[0]?.rules).toEqual(
      DEFAULT_MODEL.statuses.map((s) => ({ status: s.name, fill: s.color.toUpperCase(), font: readableFontColor(s.color) })),
    );
  });

  it("picks a readable font for each fill", () => {
    expect(readableFontColor("#C00000")).toBe("#FFFFFF");
    expect(readableFontColor("#00B050")).toBe("#000000");
    expect(readableFontColor("#FFC000")).toBe("#000000");
    expect(readableFontColor("#203864")).toBe("#FFFFFF");
  });

  it("plans from a real engine result", () => {
    const result = checkWorkbook([gridFromRows(agreementsSheet(6))]);
    const plan = planFormats(result);
    expect(plan.stoplights).toEqual([expect.objectContaining({ sheet: "Afspraken", year: 2021, range: "F2:F7" })]);
    expect(plan.highlights[0]?.cells).toEqual(expect.arrayContaining([{ cell: "D3", severity: "error" }, { cell: "G4", severity: "warning" }]));
  });
});
