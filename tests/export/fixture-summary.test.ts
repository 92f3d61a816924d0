import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { findOwnSheets } from "../../src/domain/report/own-sheets";
import { writeMonitoredCopy } from "../../src/cli/write-monitored-copy";
import { checkWorkbook } from "../../src/domain/check-workbook";
import { buildReport, NO_STATUS_KEY } from "../../src/domain/report/report";
import { buildMonitoringSummary } from "../../src/domain/report/summary";

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

describe("the illustrative Stadskanaal monitoring fixture", () => {
  it("summarises with exactly the JSON report's numbers, and has an agenda", async () => {
    const { sheets } = await readWorkbookFile(FIXTURE);
    const result = checkWorkbook(sheets, { lang: "nl" });
    const report = buildReport(result, "stadskanaal-monitoring-2021.xlsx");
    const summary = buildMonitoringSummary(result, { generatedAt: "2026-11-24T12:00:00.000Z" });

    expect(summary.year).toBe(2021);
    expect(summary.agreementCount).toBe(report.agreements.count);
    expect(summary.byStatus).toEqual(report.agreements.byStatus);
    // The board counts a misspelt theme under the theme it means (the unknown-theme finding's
    // suggestion); the JSON report keeps the themes as typed.
    const meant = { ...report.agreements.byTheme };
    for (const f of result.findings) {
      if (f.code !== "unknown-theme" || f.suggestion === undefined) continue;
      const typed = f.params.value;
      meant[typed] = (meant[typed] ?? 0) - 1;
      if (meant[typed] === 0) delete meant[typed];
      meant[f.suggestion] = (meant[f.suggestion] ?? 0) + 1;
    }
    expect(meant["Beschikbaarheid en betaalbaarheid"]).toBeUndefined();
    expect(Object.fromEntries(summary.byTheme.map((t) => [t.name, t.total]))).toEqual(meant);
    expect(summary.findings.summary).toEqual(report.summary);
    expect(summary.findings.counts.reduce((n, c) => n + c.count, 0)).toBe(report.findings.length);

    // The fixture's illustrative statuses put rood and oranje rows on the agenda, one rood without explanation.
    const rood = summary.agenda.filter((a) => a.status === "rood");
    const oranje = summary.agenda.filter((a) => a.status === "oranje");
    expect(rood.length).toBeGreaterThan(0);
    expect(oranje.length).toBeGreaterThan(0);
    expect(summary.agenda.slice(0, rood.length).every((a) => a.status === "rood")).toBe(true);
    expect(rood.filter((a) => a.explanation === "")).toHaveLength(1);
    expect(summary.byStatus[NO_STATUS_KEY]).toBeLessThan(summary.agreementCount);
  });
});

describe("re-checking a monitored copy", () => {
  it("reads none of our Monitoring sheet as data, also when it had to be named Monitoring (2)", async () => {
    const input = await readWorkbookFile(FIXTURE);
    (await input.loadWorkbook()).addWorksheet("Monitoring").getCell("A1").value = "eigen aantekeningen";
    const first = checkWorkbook(input.sheets, { lang: "nl" });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-recheck-"));
    try {
      const copy = path.join(dir, "copy.xlsx");
      const outcome = await writeMonitoredCopy(await input.loadWorkbook(), first, copy, { generatedAt: "2026-11-24T12:00:00.000Z" });
      expect(outcome.sheet).toBe("Monitoring (2)");
      const again = await readWorkbookFile(copy);
      const own = findOwnSheets(
        again.definedNames,
        again.sheets.map((sheet) => sheet.sheet),
      ).monitoring;
      expect(own).toBe("Monitoring (2)");
      const second = checkWorkbook(again.sheets, { lang: "nl", toolSheets: own === undefined ? [] : [own] });
      expect(second.findings.filter((f) => f.sheet.startsWith("Monitoring"))).toEqual([]);
      expect(second.agreements).toHaveLength(first.agreements.length);
      expect(second.tables.map((t) => t.id)).toEqual(first.tables.map((t) => t.id));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
