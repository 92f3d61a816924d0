import { checkWorkbook } from "../../src/domain/check-workbook";
import { buildReport, NO_STATUS_KEY } from "../../src/domain/report/report";
import { planMonitoringSheet } from "../../src/domain/report/plan-monitoring-sheet";
import { buildMonitoringSummary, NO_PARTY_KEY, type MonitoringSummary } from "../../src/domain/report/summary";
import { gridFromRows } from "../helpers/grid-from-a1";
import { makeCheckResult } from "./make-check-result";

const AT = "2026-11-24T12:00:00.000Z";

/** The summary's numbers must be the JSON report's numbers. */
function expectSameNumbersAsReport(summary: MonitoringSummary, report: ReturnType<typeof buildReport>): void {
  expect(summary.agreementCount).toBe(report.agreements.count);
  expect(summary.byStatus).toEqual(report.agreements.byStatus);
  const themeTotals = Object.fromEntries(summary.byTheme.map((t) => [t.name, t.total]));
  expect(themeTotals).toEqual(report.agreements.byTheme);
  expect(summary.findings.summary).toEqual(report.summary);
  expect(summary.findings.counts.reduce((n, c) => n + c.count, 0)).toBe(report.findings.length);
  expect(summary.year).toBe(report.year);
  // Every theme row's status counts add up to its total, and per status to byStatus.
  for (const status of summary.statuses) {
    const sum = summary.byTheme.reduce((n, t) => n + (t.counts[status.name] ?? 0), 0);
    expect(sum).toBe(report.agreements.byStatus[status.name]);
  }
}

describe("buildMonitoringSummary", () => {
  const result = makeCheckResult();
  const summary = buildMonitoringSummary(result, { generatedAt: AT });

  it("has the JSON report's numbers", () => {
    expectSameNumbersAsReport(summary, buildReport(result, "test.xlsx"));
    expect(summary.byStatus).toEqual({ groen: 1, oranje: 1, rood: 2, grijs: 0, [NO_STATUS_KEY]: 2 });
  });

  it("counts an agreement once for each of its parties, and rows without a party apart", () => {
    const lefier = summary.byParty.find((p) => p.name === "Lefier");
    expect(lefier?.counts).toEqual({ groen: 1, oranje: 1, rood: 1, grijs: 0, [NO_STATUS_KEY]: 0 });
    expect(summary.byParty.find((p) => p.name === "Woonservice")?.total).toBe(2);
    expect(summary.byParty.find((p) => p.name === "De Koepel")?.counts[NO_STATUS_KEY]).toBe(1);
    expect(summary.byParty.find((p) => p.name === NO_PARTY_KEY)?.total).toBe(1);
    expect(summary.byParty.map((p) => p.name).slice(0, 4)).toEqual(["Gemeente Stadskanaal", "Lefier", "Woonservice", "De Koepel"]);
  });

  it("puts rood before oranje on the agenda, with cell links and explanations", () => {
    expect(summary.agenda.map((a) => [a.status, a.row])).toEqual([
      ["rood", 4],
      ["rood", 5],
      ["oranje", 3],
    ]);
    expect(summary.agenda[0]).toMatchObject({ sheet: "Afspraken", cell: "H4", reference: "Afspraken!H4", parties: "Gemeente" });
    expect(summary.agenda[1]?.explanation).toBe("");
    expect(summary.agenda[2]?.explanation).toBe("Huurbeleid wordt in 2022 aangepast.");
  });

  it("lists agreements without a valid status, keeping what was typed", () => {
    expect(summary.withoutStatus.map((w) => [w.row, w.statusText])).toEqual([
      [6, "paars"],
      [8, ""],
    ]);
  });

  it("quotes sheet names in references the way Excel does", () => {
    expect(summary.items.find((i) => i.sheet === "Jan's blad")?.reference).toBe("'Jan''s blad'!H2");
  });

  it("counts findings per code and severity and lists the table findings", () => {
    expect(summary.findings.counts[0]).toEqual({ code: "invalid-status", severity: "error", count: 1 });
    expect(summary.findings.counts.map((c) => c.severity)).toEqual(["error", "error", "error", "error", "warning", "info"]);
    expect(summary.findings.tableFindings.map((f) => f.code)).toEqual(["stock-flow", "number-as-text"]);
  });

  it("shows the trend when two years have a status column", () => {
    expect(summary.trend?.years).toEqual([2021, 2022]);
    const row3 = summary.trend?.rows.find((r) => r.row === 3);
    expect(row3?.statuses).toEqual({ 2021: "groen", 2022: "oranje" });
    expect(row3?.changed).toBe(true);
    expect(summary.trend?.rows.find((r) => r.sheet === "Jan's blad")?.changed).toBe(true);
  });

  it("has no trend with one status year", () => {
    const one = { ...result, agreements: result.agreements.map((a) => ({ ...a, statuses: [] })) };
    expect(buildMonitoringSummary(one, { generatedAt: AT }).trend).toBeUndefined();
  });

  it("records the model, municipality and the time it was given", () => {
    expect(summary).toMatchObject({ generatedAt: AT, municipality: "Stadskanaal", year: 2022, model: { kind: "default" } });
  });

  it("matches the report on a workbook run through the engine", () => {
    const grid = gridFromRows(
      [
        ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2022", "Toelichting 2022"],
        ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "Huursom", "Lefier", "rood", "Vertraagd"],
        ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "Streefhuren", "Woonservice", "groen", null],
        ["Duurzaamheid", null, "Warmtevisie", "Gemeente en Lefier", "Oranje", null],
        ["Leefbaarheid", null, "Buurtbeheer", "Lefier", null, null],
      ],
      { sheet: "Afspraken" },
    );
    const engine = checkWorkbook([grid], { lang: "nl" });
    expectSameNumbersAsReport(buildMonitoringSummary(engine, { generatedAt: AT }), buildReport(engine, "x.xlsx"));
  });

  it("plans the same Monitoring sheet from the sheet's scope, which lists only the agenda and the rows without a status", () => {
    const lean = buildMonitoringSummary(result, { generatedAt: AT, scope: "sheet" });
    expect(lean.items.map((i) => i.row)).toEqual([3, 4, 5, 6, 8]);
    expect(lean.items.length).toBeLessThan(summary.items.length);
    expect(lean.trend).toBeUndefined();
    expect({ ...lean, items: [], trend: undefined }).toEqual({ ...summary, items: [], trend: undefined });
    for (const lang of ["nl", "en"] as const) expect(planMonitoringSheet(lean, lang)).toEqual(planMonitoringSheet(summary, lang));
  });
});
