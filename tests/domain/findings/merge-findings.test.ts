import type { Finding } from "../../../src/domain/findings/finding";
import { mergeAdjacentFindings } from "../../../src/domain/findings/merge-findings";

const status = (cell: string, message = "Geen status ingevuld voor 2022."): Finding => ({
  code: "missing-status",
  severity: "warning",
  sheet: "Afspraken",
  cell,
  row: Number(cell.slice(1)),
  params: { year: 2022 },
  message,
});

describe("mergeAdjacentFindings", () => {
  it("merges the same finding in consecutive rows of one column into one line with a range, keeping every finding", () => {
    const findings = [status("F3"), status("F4"), { ...status("G4"), code: "missing-explanation" as const, params: { status: "rood", year: 2022 } }, status("F5"), status("F7")];
    const merged = mergeAdjacentFindings(findings as Finding[]);
    expect(merged.map((m) => [m.where, m.findings.length])).toEqual([
      ["F3:F5", 3],
      ["G4", 1],
      ["F7", 1],
    ]);
    expect(merged[0]?.findings.map((f) => f.cell)).toEqual(["F3", "F4", "F5"]);
  });

  it("keeps findings with different messages, sheets or columns apart", () => {
    const merged = mergeAdjacentFindings([status("F3"), status("F4", "Onbekende partij 'x'."), { ...status("F5"), sheet: "Ander" }, status("E6")]);
    expect(merged.map((m) => m.where)).toEqual(["F3", "F4", "F5", "E6"]);
  });
});
