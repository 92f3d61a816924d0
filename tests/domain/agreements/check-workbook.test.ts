import { checkWorkbook } from "../../../src/domain/check-workbook";
import { buildReport } from "../../../src/domain/report/report";
import { gridFromRows } from "../../helpers/grid-from-a1";

/** The orchestrator with this engine's reader and row rules, on a small two-sheet workbook. */
describe("checkWorkbook on agreements sheets", () => {
  const agreements = gridFromRows(
    [
      ["Prestatieafspraken 2022"],
      [],
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2022", "Status 2022", "Toelichting 2022"],
      ["Duurzaamheid", "RES", "Warmtevisie", "Gemeente", "Visie opstellen", "groen", null],
      ["Borging", "Achtervangovereenkomst WSW", "Volgen", "Woonservice Lefier", "Afwachten", "Rood", null],
      ["Beschikbaarheid en betaalbaarheid", "Betaalbaarheid", "Huursom", "Lefier", "Inflatievolgend", "amber", "Wacht op wet"],
      ["Leefbare dorpen en wijken", "Leefbaarheid", "Bijeenkomst", null, "Organiseren", null, null],
    ],
    { sheet: "Afspraken 2022" },
  );
  const notes = gridFromRows([["Notities"], ["Lefier belt terug"]], { sheet: "Notities" });

  it("reads only the agreements sheet and reports the row findings, sorted, with messages", () => {
    const result = checkWorkbook([notes, agreements]);
    expect(result.agreementSheets).toEqual(["Afspraken 2022"]);
    expect(result.year).toBe(2022);
    expect(result.agreements).toHaveLength(4);
    expect(result.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ["error", "unknown-theme", "A6"],
      ["error", "missing-party", "D7"],
      ["warning", "party-separator", "D5"],
      ["warning", "missing-explanation", "G5"],
      ["warning", "missing-status", "F7"],
    ]);
    expect(result.findings.find((f) => f.code === "missing-explanation")?.message).toBe("Status rood in 2022 zonder toelichting.");
  });

  it("counts statuses of the monitoring year in the report", () => {
    const report = buildReport(checkWorkbook([agreements], { lang: "en" }), "test.xlsx");
    expect(report.agreements).toEqual({
      count: 4,
      byTheme: { Duurzaamheid: 1, Borging: 1, "Beschikbaarheid en betaalbaarheid": 1, "Leefbare dorpen en wijken": 1 },
      byStatus: { groen: 1, oranje: 1, rood: 1, grijs: 0, geen: 1 },
    });
    expect(report.findings.find((f) => f.code === "party-separator")?.message).toBe(
      "'Woonservice' and 'Lefier' have no separator in 'Woonservice Lefier'. Did you mean 'Woonservice, Lefier'?",
    );
  });

  it("uses the --year option for a yearless status column", () => {
    const grid = gridFromRows([["Thema", "Afspraak", "Partij", "Stoplicht"], ["Borging", "Volgen", "Lefier", null], ["Borging", "Anders", "Lefier", "groen"]]);
    const result = checkWorkbook([grid], { year: 2024 });
    expect(result.year).toBe(2024);
    expect(result.columns[0]?.status).toEqual({ 2024: "D" });
    expect(result.findings.map((f) => [f.code, f.cell, f.params?.["year"]])).toEqual([["missing-status", "D2", 2024]]);
    expect(buildReport(result, "x.xlsx").agreements.byStatus).toMatchObject({ groen: 1, geen: 1 });
  });
});
