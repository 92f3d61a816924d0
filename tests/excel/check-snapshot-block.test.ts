import { compareWithSnapshot, describeChangesSince, SNAPSHOT_MARKER_NAME, takeSnapshot, type CheckResult } from "../../src/domain";
import { readCheckSnapshot } from "../../src/excel/check-snapshot-block";
import { writeMonitoringSheet } from "../../src/excel/write-monitoring-sheet";
import { installExcelHost, uninstallExcelHost, type ExcelHost } from "../excel-host";
import { makeCheckResult } from "../export/make-check-result";

const AT = "2026-11-03T12:00:00.000Z";
const DATA_SHEET = {
  name: "Afspraken",
  values: [
    ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2022"],
    ["Duurzaamheid", null, "Warmtevisie", "Lefier", "rood"],
  ],
};

let host: ExcelHost;
afterEach(() => uninstallExcelHost(globalThis));

function snapshotNames(h: ExcelHost): string[] {
  return h.names.filter((n) => n.name === SNAPSHOT_MARKER_NAME).map((n) => (n.ref?.sheet.deleted ? "#REF!" : (n.ref?.sheet.name ?? "")));
}

describe("the check snapshot kept with the Monitoring sheet (in-memory Excel host)", () => {
  it("is written beside the Monitoring sheet in the same round trips, marked by a name, and read back as taken", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    const result = makeCheckResult();
    host.resetStats();
    await Excel.run((context) => writeMonitoringSheet(context, result, { generatedAt: AT }));
    // The Monitoring sheet's two round trips, no more.
    expect(host.roundTrips).toBe(2);
    expect(snapshotNames(host)).toEqual(["Monitoring"]);
    // The block starts one empty column right of the Monitoring sheet's own area (its seven columns, the
    // chart below the title block inside them), and is left out of the print area.
    expect(host.readValues("Monitoring", "A1")[0]?.[0]).toMatch(/^Monitoring prestatieafspraken/);
    expect(host.readValues("Monitoring", "H1:H2")).toEqual([[""], [""]]);
    expect(host.readValues("Monitoring", "I1")[0]?.[0]).toMatch(/^Stand bij deze monitoring/);
    expect(host.readValues("Monitoring", "I2")[0]?.[0]).toBe("Prestatiemonitor-stand");
    const layout = host.sheet("Monitoring").props["pageLayout"] as { calls: Record<string, unknown[][]> };
    expect(layout.calls["setPrintArea"]).toEqual([[expect.stringMatching(/^A1:G\d+$/)]]);
    const read = await Excel.run((context) => readCheckSnapshot(context));
    expect(read).toEqual(takeSnapshot(result, AT));
  });

  it("is replaced, not added twice, when the Monitoring sheet is written again", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    const result = makeCheckResult();
    await Excel.run((context) => writeMonitoringSheet(context, result, { generatedAt: AT }));
    await Excel.run((context) => writeMonitoringSheet(context, result, { generatedAt: "2026-12-01T08:00:00.000Z" }));
    expect(snapshotNames(host)).toEqual(["Monitoring"]);
    expect((await Excel.run((context) => readCheckSnapshot(context)))?.takenAt).toBe("2026-12-01T08:00:00.000Z");
  });

  it("is gone when there is no Monitoring sheet, or it was deleted", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    expect(await Excel.run((context) => readCheckSnapshot(context))).toBeUndefined();
    await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: AT }));
    host.removeSheet("Monitoring");
    expect(await Excel.run((context) => readCheckSnapshot(context))).toBeUndefined();
  });

  it("tells a later check what changed since that Monitoring sheet", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    const before = makeCheckResult();
    await Excel.run((context) => writeMonitoringSheet(context, before, { generatedAt: AT }));
    const snapshot = await Excel.run((context) => readCheckSnapshot(context));
    const after: CheckResult = { ...before, agreements: before.agreements.slice(1) };
    const comparison = snapshot && compareWithSnapshot(snapshot, after, { previous: "Monitoring", current: "" });
    expect(comparison?.summary.removed).toBe(1);
    expect(snapshot && comparison && describeChangesSince(snapshot, comparison, "nl")).toMatch(/^Sinds het laatste Monitoring-sheet van 3 november 2026: .*1 afspraak vervallen/);
  });
});
