import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { MONITORING_MARKER_NAME, type FormatPlan } from "../../src/domain/report/plan-formats";
import { InputError } from "../../src/cli/input-error";
import { findMarkedSheetInWorkbook, writeMonitoredCopy } from "../../src/cli/write-monitored-copy";
import { makeCheckResult } from "./make-check-result";

const AT = "2026-11-24T12:00:00.000Z";
const NO_FORMATS: FormatPlan = { highlights: [], stoplights: [] };

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-copy-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function makeInput(withOwnMonitoring = false): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Afspraken");
  sheet.addRow(["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2021", "Toelichting 2021"]);
  sheet.addRow(["Duurzaamheid", null, "Warmtevisie", "Lefier", "rood", null]);
  if (withOwnMonitoring) workbook.addWorksheet("Monitoring").getCell("A1").value = "mijn eigen aantekeningen";
  return workbook;
}

async function reload(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("writeMonitoredCopy", () => {
  it("adds a marked Monitoring sheet with tables, links, colours and a frozen header", async () => {
    const out = path.join(dir, "copy.xlsx");
    const outcome = await writeMonitoredCopy(makeInput(), makeCheckResult(), out, { generatedAt: AT, formats: NO_FORMATS });
    expect(outcome).toEqual({ sheet: "Monitoring", renamedBecauseUserSheet: false });

    const copy = await reload(out);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["Afspraken", "Monitoring"]);
    expect(findMarkedSheetInWorkbook(copy)).toBe("Monitoring");
    const ws = copy.getWorksheet("Monitoring") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Monitoring prestatieafspraken 2022");
    expect(ws.getCell("B3").value).toBe(AT);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });

    const xml = await readSheetXml(out, "Monitoring");
    expect(xml).toContain(`HYPERLINK("#Afspraken!H4","Afspraken!H4")`);
    expect(xml).toContain(`HYPERLINK("#Afspraken!H5","Afspraken!H5")`);
    const tableNames = await listTableNames(out);
    expect(tableNames.sort()).toEqual(["PM_Monitoring_Agenda", "PM_Monitoring_Bevindingen", "PM_Monitoring_Partij", "PM_Monitoring_Thema"]);

    // The agenda's status cells carry the model colour and keep the word.
    let found = false;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === "rood" && cell.fill?.type === "pattern" && cell.fill.fgColor?.argb === "FFC00000") found = true;
      });
    });
    expect(found).toBe(true);
  });

  it("replaces its own sheet when written again: one Monitoring sheet", async () => {
    const first = path.join(dir, "first.xlsx");
    await writeMonitoredCopy(makeInput(), makeCheckResult(), first, { generatedAt: AT, formats: NO_FORMATS });
    const second = path.join(dir, "second.xlsx");
    const outcome = await writeMonitoredCopy(await reload(first), makeCheckResult(), second, {
      generatedAt: "2026-12-01T08:00:00.000Z",
      formats: NO_FORMATS,
    });
    expect(outcome.sheet).toBe("Monitoring");
    const copy = await reload(second);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["Afspraken", "Monitoring"]);
    expect(copy.getWorksheet("Monitoring")?.getCell("B3").value).toBe("2026-12-01T08:00:00.000Z");
    expect(copy.definedNames.model.filter((n) => n.name === MONITORING_MARKER_NAME)).toHaveLength(1);
  });

  it("never overwrites a user's own sheet named Monitoring", async () => {
    const first = path.join(dir, "first.xlsx");
    const outcome = await writeMonitoredCopy(makeInput(true), makeCheckResult(), first, { generatedAt: AT, formats: NO_FORMATS });
    expect(outcome).toEqual({ sheet: "Monitoring (2)", renamedBecauseUserSheet: true });
    let copy = await reload(first);
    expect(copy.getWorksheet("Monitoring")?.getCell("A1").value).toBe("mijn eigen aantekeningen");
    expect(findMarkedSheetInWorkbook(copy)).toBe("Monitoring (2)");

    // Again on the copy: our "Monitoring (2)" is replaced, the user's sheet still untouched, no "(3)".
    const second = path.join(dir, "second.xlsx");
    await writeMonitoredCopy(copy, makeCheckResult(), second, { generatedAt: AT, formats: NO_FORMATS });
    copy = await reload(second);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["Afspraken", "Monitoring", "Monitoring (2)"]);
    expect(copy.getWorksheet("Monitoring")?.getCell("A1").value).toBe("mijn eigen aantekeningen");
  });

  it("applies the planned stoplights, dropdowns and highlighting", async () => {
    const plan: FormatPlan = {
      stoplights: [
        {
          sheet: "Afspraken",
          year: 2021,
          range: "E2:E3",
          rules: [
            { status: "groen", fill: "#00B050", font: "#000000" },
            { status: "rood", fill: "#C00000", font: "#FFFFFF" },
          ],
          list: ["groen", "oranje", "rood", "grijs"],
        },
      ],
      highlights: [
        {
          sheet: "Afspraken",
          mirrorSheet: "PM_Markering1",
          cells: [{ cell: "F2", severity: "warning" }],
          range: "F2",
          rules: [{ formula: `'PM_Markering1'!F2="warning"`, fill: "#FFF2CC", border: "#BF8F00" }],
        },
      ],
    };
    const input = makeInput();
    input.getWorksheet("Afspraken")!.getCell("E3").dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"ja,nee"'],
    };
    const out = path.join(dir, "formats.xlsx");
    await writeMonitoredCopy(input, makeCheckResult(), out, { generatedAt: AT, formats: plan });
    const copy = await reload(out);
    const data = copy.getWorksheet("Afspraken") as ExcelJS.Worksheet;
    expect(data.getCell("E2").dataValidation).toMatchObject({ type: "list", formulae: ['"groen,oranje,rood,grijs"'] });
    expect(data.getCell("E3").dataValidation).toMatchObject({ formulae: ['"ja,nee"'] });
    expect(data.getCell("E2").value).toBe("rood");
    const mirror = copy.getWorksheet("PM_Markering1") as ExcelJS.Worksheet;
    expect(mirror.state).toBe("hidden");
    expect(mirror.getCell("F2").value).toBe("warning");
    const xml = await readSheetXml(out, "Afspraken");
    expect(xml).toContain(`<formula>TRIM(E2)="groen"</formula>`);
    expect(xml).toContain(`<formula>'PM_Markering1'!F2="warning"</formula>`);
  });

  it("reports an unwritable target as unusable input and leaves no temp file", async () => {
    const out = path.join(dir, "missing-folder", "copy.xlsx");
    await expect(writeMonitoredCopy(makeInput(), makeCheckResult(), out, { formats: NO_FORMATS })).rejects.toBeInstanceOf(InputError);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

/** The XML of one worksheet in an .xlsx (found through workbook.xml and its relationships). */
async function readSheetXml(file: string, sheet: string): Promise<string> {
  const zip = await openZip(file);
  const workbookXml = zip["xl/workbook.xml"] ?? "";
  const rels = zip["xl/_rels/workbook.xml.rels"] ?? "";
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbookXml)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  return zip[`xl/${(target ?? "").replace(/^\/?xl\//, "")}`] ?? "";
}

async function listTableNames(file: string): Promise<string[]> {
  const zip = await openZip(file);
  return Object.entries(zip)
    .filter(([name]) => /^xl\/tables\/[^/]+\.xml$/.test(name))
    .map(([, xml]) => /<table [^>]*name="([^"]+)"/.exec(xml)?.[1] ?? "");
}

async function openZip(file: string): Promise<Record<string, string>> {
  // exceljs depends on jszip; reuse it to look inside the package.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- transitive dependency, test-only
  const JSZip = require("jszip") as { loadAsync(data: Buffer): Promise<{ files: Record<string, { async(kind: "string"): Promise<string> }> }> };
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) out[name] = decodeXmlText(await entry.async("string"));
  return out;
}

function decodeXmlText(xml: string): string {
  return xml.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
