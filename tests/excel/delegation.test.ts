import { MONITORING_MARKER_NAME } from "../../src/domain/report/plan-formats";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook } from "./workbooks";

afterEach(tearDownAdapter);

/** The adapter hands the other actions to their modules inside one Excel.run each. */
describe("delegated actions on the host", () => {
  it("writes the Monitoring sheet, then replaces it", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    const { result } = await adapter.checkWorkbook("nl");
    await expect(adapter.writeMonitoringSheet(result)).resolves.toEqual({ sheet: "Monitoring", renamedBecauseUserSheet: false });
    expect(host.names.map((n) => n.name)).toContain(MONITORING_MARKER_NAME);
    expect(host.sheet("Monitoring").tables.length).toBeGreaterThan(0);
    await expect(adapter.writeMonitoringSheet(result)).resolves.toEqual({ sheet: "Monitoring", renamedBecauseUserSheet: false });
    expect(host.sheets.filter((s) => s.name.startsWith("Monitoring"))).toHaveLength(1);
    // The tool's sheet is never read as data by the next check.
    const again = await adapter.checkWorkbook("nl");
    expect(again.result.findings.filter((f) => f.sheet === "Monitoring")).toEqual([]);
  });

  it("never reads the tool's Monitoring sheet, also when it is called 'Monitoring (2)'", async () => {
    const own = { name: "Monitoring", values: [["mijn eigen aantekeningen"]] };
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6, [own]));
    const { result } = await adapter.checkWorkbook("nl");
    await expect(adapter.writeMonitoringSheet(result)).resolves.toEqual({ sheet: "Monitoring (2)", renamedBecauseUserSheet: true });
    host.resetStats();
    const again = await adapter.checkWorkbook("nl");
    expect(again.result.findings.filter((f) => f.sheet.startsWith("Monitoring"))).toEqual([]);
    expect(again.result.tables.filter((t) => t.sheet.startsWith("Monitoring"))).toEqual([]);
    expect(host.readValues("Monitoring", "A1")).toEqual([["mijn eigen aantekeningen"]]);
  });

  it("inserts the model sheet and opens the summary workbook", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(3));
    const { result } = await adapter.checkWorkbook("nl");
    await expect(adapter.insertModelSheet(result)).resolves.toBe("Model");
    expect(host.readValues("Model", "A1")[0]?.[0]).not.toBe("");
    await adapter.openSummaryWorkbook("UEsDBA==");
    expect(host.createdWorkbooks).toEqual(["UEsDBA=="]);
  });
});
