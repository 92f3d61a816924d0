import { gridFromRows } from "../../../helpers/grid-from-a1";
import { checkRow, modelWithYear, readAndCheck, withCode } from "../helpers";

describe("checkStatuses", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"];
  const row = (s2021: string | null, t2021: string | null, s2022: string | null, t2022: string | null) =>
    ["Borging", null, "Achtervang", "Lefier", s2021, t2021, s2022, t2022];

  it("reports an invalid status with the year and the allowed statuses, suggesting a near one", () => {
    const { findings } = readAndCheck([gridFromRows([header, row("groen", null, "groem", null), row("paars", null, "groen", null)])]);
    expect(withCode(findings, "invalid-status")).toEqual([
      {
        code: "invalid-status",
        severity: "error",
        sheet: "Afspraken",
        cell: "G2",
        row: 2,
        params: { value: "groem", year: 2022, allowed: "groen, oranje, rood, grijs" },
        suggestion: "groen",
      },
      {
        code: "invalid-status",
        severity: "error",
        sheet: "Afspraken",
        cell: "E3",
        row: 3,
        params: { value: "paars", year: 2021, allowed: "groen, oranje, rood, grijs" },
      },
    ]);
  });

  it("accepts synonyms and case variants of statuses", () => {
    const { findings } = readAndCheck([gridFromRows([header, row("Op Schema", null, "GREY", null), row("gerealiseerd", null, "niet gestart", null)])]);
    // The two rows are copies of each other apart from their statuses: only that is reported.
    expect(findings.map((f) => f.code)).toEqual(["duplicate-agreement"]);
  });

  it("warns about a missing status only in the monitoring year, at the status cell", () => {
    const { findings } = readAndCheck([gridFromRows([header, row(null, null, null, null), row(null, null, "groen", null)])]);
    // Monitoring year: the latest status year (2022); 2021's blanks are history.
    expect(withCode(findings, "missing-status")).toEqual([
      { code: "missing-status", severity: "warning", sheet: "Afspraken", cell: "G2", row: 2, params: { year: 2022 } },
    ]);
    const in2021 = readAndCheck([gridFromRows([header, row(null, null, "groen", null)])], { year: 2021 });
    expect(withCode(in2021.findings, "missing-status")).toEqual([expect.objectContaining({ cell: "E2", params: { year: 2021 } })]);
  });

  it("does not ask for a status when the monitoring year has no status column", () => {
    const { findings } = readAndCheck([gridFromRows([header, row(null, null, null, null)])], { year: 2023 });
    expect(withCode(findings, "missing-status")).toEqual([]);
    expect(withCode(checkRow("Borging", null, "X", "Lefier"), "missing-status")).toEqual([]);
  });

  it("warns about rood/oranje without an explanation that year, at the explanation cell", () => {
    const { findings } = readAndCheck([
      gridFromRows([header, row("rood", null, "oranje", "Vertraagd door WSW"), row("amber", "uitleg", "red", "  "), row("groen", null, "grijs", null)]),
    ]);
    expect(withCode(findings, "missing-explanation")).toEqual([
      { code: "missing-explanation", severity: "warning", sheet: "Afspraken", cell: "F2", row: 2, params: { status: "rood", year: 2021 } },
      { code: "missing-explanation", severity: "warning", sheet: "Afspraken", cell: "H3", row: 3, params: { status: "rood", year: 2022 } },
    ]);
  });

  it("points at the status cell when there is no explanation column", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Status 2022"], ["Borging", "X", "Lefier", "rood"]]);
    expect(withCode(readAndCheck([grid]).findings, "missing-explanation")).toEqual([
      expect.objectContaining({ cell: "D2", params: { status: "rood", year: 2022 } }),
    ]);
  });

  it("reads a yearless Status column as the monitoring year", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Status", "Toelichting"], ["Borging", "X", "Lefier", null, null], ["Borging", "Y", "Lefier", "rood", null]]);
    const withYear = readAndCheck([grid], { model: modelWithYear(2022) }).findings;
    expect(withCode(withYear, "missing-status")).toEqual([expect.objectContaining({ cell: "D2", params: { year: 2022 } })]);
    expect(withCode(withYear, "missing-explanation")).toEqual([expect.objectContaining({ cell: "E3", params: { status: "rood", year: 2022 } })]);
    // No year anywhere: the --year option still makes the yearless column the monitoring year.
    const optionYear = readAndCheck([grid], { year: 2024 }).findings;
    expect(withCode(optionYear, "missing-status")).toEqual([expect.objectContaining({ cell: "D2", params: { year: 2024 } })]);
    // No year at all: nothing to require, but an explanation is still asked for rood.
    const noYear = readAndCheck([grid]).findings;
    expect(withCode(noYear, "missing-status")).toEqual([]);
    expect(withCode(noYear, "missing-explanation")).toEqual([expect.objectContaining({ params: { status: "rood", year: "\u2013" } })]);
  });
});
