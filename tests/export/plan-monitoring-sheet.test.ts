import { formatA1, parseA1 } from "../../src/domain/core/grid";
import { chooseMonitoringSheetName, planMonitoringSheet, type MonitoringSheetPlan } from "../../src/domain/report/plan-monitoring-sheet";
import { buildMonitoringSummary } from "../../src/domain/report/summary";
import { makeCheckResult } from "./make-check-result";

const summary = buildMonitoringSummary(makeCheckResult(), { generatedAt: "2026-11-24T12:00:00.000Z" });
const plan = planMonitoringSheet(summary, "nl");

function valueAt(p: MonitoringSheetPlan, address: string): string | number | undefined {
  const pos = parseA1(address);
  return p.cells.find((c) => pos && c.row === pos.row + 1 && c.col === pos.col + 1)?.value;
}

describe("planMonitoringSheet", () => {
  it("plans tables whose ranges hold exactly their header and rows", () => {
    expect(plan.tables.map((t) => t.name)).toEqual([
      "PM_Monitoring_Thema",
      "PM_Monitoring_Partij",
      "PM_Monitoring_Agenda",
      "PM_Monitoring_Bevindingen",
    ]);
    for (const table of plan.tables) {
      const [start, end] = table.range.split(":").map((a) => parseA1(a ?? ""));
      expect(end!.row - start!.row).toBe(table.rows.length);
      expect(end!.col - start!.col + 1).toBe(table.headers.length);
      table.headers.forEach((h, i) => expect(valueAt(plan, formatA1(start!.row, start!.col + i))).toBe(h));
      table.rows.forEach((r, i) => r.forEach((v, j) => expect(valueAt(plan, formatA1(start!.row + 1 + i, start!.col + j))).toBe(v)));
    }
  });

  it("never plans two values for one cell", () => {
    const seen = new Set(plan.cells.map((c) => `${c.row}:${c.col}`));
    expect(seen.size).toBe(plan.cells.length);
  });

  it("counts theme x status like the summary, with status-coloured headers", () => {
    const theme = plan.tables[0]!;
    expect(theme.headers).toEqual(["Thema", "groen", "oranje", "rood", "grijs", "geen", "Totaal"]);
    expect(theme.rows[0]).toEqual(["Betaalbaarheid en beschikbaarheid", 0, 1, 1, 0, 0, 2]);
    const rood = plan.cells.find((c) => c.value === "rood" && c.style === "header");
    expect(rood).toMatchObject({ fill: "#C00000", font: "#FFFFFF" });
  });

  it("links every agenda row back to its status cell and colours its status", () => {
    const links = plan.cells.filter((c) => c.link !== undefined);
    expect(links.map((c) => c.link)).toEqual(["Afspraken!H4", "Afspraken!H5", "Afspraken!H3"]);
    const statusCells = plan.cells.filter((c) => c.fill !== undefined && c.style === undefined);
    expect(statusCells.map((c) => [c.value, c.fill])).toEqual([
      ["rood", "#C00000"],
      ["rood", "#C00000"],
      ["oranje", "#FFC000"],
    ]);
  });

  it("charts theme x status without the total column", () => {
    const theme = plan.tables[0]!;
    const [start, end] = theme.range.split(":");
    expect(plan.chart?.source).toBe(`${start}:${end!.replace(/^G/, "F")}`);
    expect(plan.chart?.seriesColors).toEqual(["#00B050", "#FFC000", "#C00000", "#A6A6A6", "#D9D9D9"]);
  });

  it("places the chart under the title block, above the tables and within the printed columns", () => {
    const top = parseA1(plan.chart!.topLeft)!;
    const bottom = parseA1(plan.chart!.bottomRight)!;
    expect(top.row + 1).toBeGreaterThan(plan.freezeRows);
    expect(bottom.col).toBeLessThan(plan.columnWidths.length);
    const firstTable = parseA1(plan.tables[0]!.range.split(":")[0]!)!;
    expect(firstTable.row).toBeGreaterThan(bottom.row + 1);
    // Nothing is planned in the cells the chart covers.
    expect(plan.cells.filter((c) => c.row - 1 >= top.row && c.row - 1 <= bottom.row)).toEqual([]);
    // Without a chart (the summary workbook) no rows are kept free for it.
    const plain = planMonitoringSheet(summary, "nl", { chart: false });
    expect(plain.chart).toBeUndefined();
    expect(parseA1(plain.tables[0]!.range.split(":")[0]!)!.row).toBeLessThan(top.row + 3);
    expect(plan.printTitle).toBe("Monitoring prestatieafspraken 2022 – Stadskanaal");
  });

  it("notes an empty agenda instead of planning an empty table", () => {
    const quiet = { ...summary, agenda: [] };
    const p = planMonitoringSheet(quiet, "en");
    expect(p.tables.map((t) => t.name)).not.toContain("PM_Monitoring_Agenda");
    expect(p.cells.some((c) => c.value === "No agreements with status red or orange.")).toBe(true);
  });

  it("freezes the title block", () => {
    expect(plan.freezeRows).toBe(5);
    expect(valueAt(plan, "A1")).toBe("Monitoring prestatieafspraken 2022");
    expect(valueAt(plan, "B2")).toBe("Stadskanaal");
  });
});

describe("chooseMonitoringSheetName", () => {
  it("takes Monitoring when free or ours", () => {
    expect(chooseMonitoringSheetName(["Afspraken"], undefined)).toBe("Monitoring");
    expect(chooseMonitoringSheetName(["Afspraken", "Monitoring"], "Monitoring")).toBe("Monitoring");
  });
  it("never takes a user's sheet, whatever its case", () => {
    expect(chooseMonitoringSheetName(["monitoring"], undefined)).toBe("Monitoring (2)");
    expect(chooseMonitoringSheetName(["Monitoring", "Monitoring (2)"], undefined)).toBe("Monitoring (3)");
    expect(chooseMonitoringSheetName(["Monitoring", "Monitoring (2)"], "Monitoring (2)")).toBe("Monitoring (2)");
  });
});

describe("without a monitoring year", () => {
  it("plans a title without year, a note for the year and no agenda table", () => {
    const base = makeCheckResult();
    const result = { ...base, year: undefined, agreements: base.agreements.map((a) => ({ ...a, statuses: [], explanations: [] })) };
    const s = buildMonitoringSummary(result, { generatedAt: "2026-11-24T12:00:00.000Z" });
    const p = planMonitoringSheet(s, "nl");
    expect(valueAt(p, "A1")).toBe("Monitoring prestatieafspraken");
    expect(valueAt(p, "E2")).toBe("geen (geen statuskolom)");
    expect(p.tables.map((t) => t.name)).not.toContain("PM_Monitoring_Agenda");
    expect(p.tables[0]?.rows.every((r) => r[5] === r[6])).toBe(true);
  });
});

describe("planned for the board (the summary workbook)", () => {
  it("writes the date out and counts points per kind, one row per kind whatever its severities; the coordinator's sheet keeps both", () => {
    const mixed = {
      ...summary,
      findings: {
        ...summary.findings,
        summary: { errors: 2, warnings: 1, infos: 0 },
        counts: [
          { code: "unknown-party" as const, severity: "error" as const, count: 2 },
          { code: "unknown-party" as const, severity: "warning" as const, count: 1 },
        ],
      },
    };
    const board = planMonitoringSheet(mixed, "nl", { board: true });
    expect([valueAt(board, "A3"), valueAt(board, "B3")]).toEqual(["Gegenereerd", "24 november 2026"]);
    expect([valueAt(board, "A4"), valueAt(board, "B4")]).toEqual(["Aandachtspunten", "3 punten voor de coördinator"]);
    const kinds = board.tables.find((t) => t.name === "PM_Monitoring_Bevindingen");
    expect(kinds?.headers).toEqual(["Soort", "Aantal"]);
    expect(kinds?.rows).toEqual([["Onbekende partij", 3]]);
    const one = { ...mixed, findings: { ...mixed.findings, summary: { errors: 0, warnings: 0, infos: 1 } } };
    expect(valueAt(planMonitoringSheet(one, "en", { board: true }), "B4")).toBe("1 point for the coordinator");
    const none = { ...mixed, findings: { ...mixed.findings, summary: { errors: 0, warnings: 0, infos: 0 }, counts: [] } };
    expect(valueAt(planMonitoringSheet(none, "nl", { board: true }), "B4")).toBe("geen");

    const own = planMonitoringSheet(mixed, "nl");
    expect(valueAt(own, "B3")).toBe("2026-11-24T12:00:00.000Z");
    expect(own.tables.find((t) => t.name === "PM_Monitoring_Bevindingen")?.headers).toEqual(["Soort", "Ernst", "Aantal"]);
  });
});
