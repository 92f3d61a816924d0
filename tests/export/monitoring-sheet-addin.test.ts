import { MONITORING_MARKER_NAME } from "../../src/domain/report/plan-formats";
import { readSheetName, writeMonitoringSheet } from "../../src/excel/write-monitoring-sheet";
import { openSummaryWorkbook } from "../../src/excel/open-summary-workbook";
import { installExcelHost, uninstallExcelHost, type ExcelHost } from "../excel-host";
import { makeCheckResult } from "./make-check-result";

const AT = "2026-11-24T12:00:00.000Z";
const DATA_SHEET = {
  name: "Afspraken",
  values: [
    ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2022"],
    ["Duurzaamheid", null, "Warmtevisie", "Lefier", "rood"],
  ],
};

let host: ExcelHost;
afterEach(() => uninstallExcelHost(globalThis));

function markerSheet(h: ExcelHost): string | undefined {
  const marker = h.names.find((n) => n.name === MONITORING_MARKER_NAME);
  return marker?.ref?.sheet.deleted ? undefined : marker?.ref?.sheet.name;
}

function liveSheets(h: ExcelHost): string[] {
  return h.sheets.filter((s) => !s.deleted).map((s) => s.name);
}

describe("writeMonitoringSheet (Office.js, on the in-memory Excel host)", () => {
  it("writes a marked sheet with tables, links, colours, frozen header and a chart in two round trips", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    host.resetStats();
    const outcome = await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: AT }));
    expect(outcome).toEqual({ sheet: "Monitoring", renamedBecauseUserSheet: false });
    expect(host.roundTrips).toBe(2);
    expect(liveSheets(host)).toEqual(["Afspraken", "Monitoring"]);
    expect(markerSheet(host)).toBe("Monitoring");

    const sheet = host.sheet("Monitoring");
    expect(host.readValues("Monitoring", "A1:B3")).toEqual([
      ["Monitoring prestatieafspraken 2022", ""],
      ["Gemeente", "Stadskanaal"],
      ["Gegenereerd", AT],
    ]);
    expect(sheet.tables).toHaveLength(4);
    expect(sheet.tables.map((t) => t.props["name"])).toEqual([
      "PM_Monitoring_Thema",
      "PM_Monitoring_Partij",
      "PM_Monitoring_Agenda",
      "PM_Monitoring_Bevindingen",
    ]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.props["freezePanes"]).toMatchObject({ calls: { freezeRows: [[5]] } });
    expect(sheet.props["pageLayout"]).toMatchObject({
      props: {
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1 },
        "headersFooters.defaultForAllPages.centerHeader": "Monitoring prestatieafspraken 2022 – Stadskanaal",
        "headersFooters.defaultForAllPages.centerFooter": "Pagina &P / &N",
      },
      calls: { setPrintTitleRows: [["$1:$5"]] },
    });

    const links = [...sheet.cells.values()].map((c) => c.extra["hyperlink"]).filter(Boolean);
    expect(links).toEqual([
      { documentReference: "Afspraken!H4", textToDisplay: "Afspraken!H4" },
      { documentReference: "Afspraken!H5", textToDisplay: "Afspraken!H5" },
      { documentReference: "Afspraken!H3", textToDisplay: "Afspraken!H3" },
    ]);
    const red = [...sheet.cells.values()].filter((c) => c.value === "rood" && c.fill === "#C00000");
    expect(red.length).toBeGreaterThanOrEqual(3);
  });

  it("replaces its own sheet when written again", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: AT }));
    const second = await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: "2026-12-01T08:00:00.000Z" }));
    expect(second.sheet).toBe("Monitoring");
    expect(liveSheets(host)).toEqual(["Afspraken", "Monitoring"]);
    expect(host.readValues("Monitoring", "B3")).toEqual([["2026-12-01T08:00:00.000Z"]]);
    expect(host.names.filter((n) => n.name === MONITORING_MARKER_NAME)).toHaveLength(1);
  });

  it("never overwrites a user's own Monitoring sheet", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET, { name: "Monitoring", values: [["mijn aantekeningen"]] }] });
    const first = await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: AT }));
    expect(first).toEqual({ sheet: "Monitoring (2)", renamedBecauseUserSheet: true });
    const again = await Excel.run((context) => writeMonitoringSheet(context, makeCheckResult(), { generatedAt: AT }));
    expect(again.sheet).toBe("Monitoring (2)");
    expect(liveSheets(host)).toEqual(["Afspraken", "Monitoring", "Monitoring (2)"]);
    expect(host.readValues("Monitoring", "A1")).toEqual([["mijn aantekeningen"]]);
    expect(markerSheet(host)).toBe("Monitoring (2)");
  });

  it("keeps workbook text that looks like a formula as text", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    const base = makeCheckResult();
    const result = {
      ...base,
      agreements: base.agreements.map((a) => (a.row === 4 ? { ...a, agreement: "=1+1" } : a)),
    };
    await Excel.run((context) => writeMonitoringSheet(context, result, { generatedAt: AT }));
    const cells = [...host.sheet("Monitoring").cells.values()];
    // Range.values takes "'=1+1" as the text "=1+1" (the apostrophe is Excel's text prefix).
    expect(cells.some((c) => c.formula !== undefined && c.formula.includes("1+1"))).toBe(false);
    // Once in the Monitoring table, once in the snapshot block beside it (check-snapshot-block.ts).
    expect(cells.filter((c) => c.value === "=1+1" && c.formula === undefined)).toHaveLength(2);
  });

  it("reads the sheet name out of the marker's formula", () => {
    expect(readSheetName("=Monitoring!$A$1")).toBe("Monitoring");
    expect(readSheetName("='Monitoring (2)'!$A$1")).toBe("Monitoring (2)");
    expect(readSheetName("='Jan''s'!$A$1")).toBe("Jan's");
    expect(readSheetName("=#REF!")).toBeUndefined();
  });
});

describe("openSummaryWorkbook", () => {
  it("hands the base64 workbook to Excel.createWorkbook", async () => {
    host = installExcelHost(globalThis, { sheets: [DATA_SHEET] });
    await openSummaryWorkbook("UEsDBA==");
    expect(host.createdWorkbooks).toEqual(["UEsDBA=="]);
  });
});
