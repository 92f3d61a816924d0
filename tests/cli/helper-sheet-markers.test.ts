import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsx } from "../../src/cli/xlsx/read-xlsx";
import { HIGHLIGHT_MARKER_PREFIX, LIST_MARKER_NAME, VALUES_MARKER_PREFIX } from "../../src/domain";
import { agreementsSheet } from "../excel/workbooks";
import { runCliCaptured } from "./run-cli";

/**
 * The CLI and the add-in share one recognition of the tool's sheets (own-sheets.ts): the add-in's
 * helper sheets (mirror, value twin, list sheet), known by their markers, are not checked by the
 * CLI and its copy replaces the add-in's highlighting; a user's sheet named like ours is data.
 * And `--out` refuses to copy a file that changed after it was checked.
 */

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-markers-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A workbook as the add-in leaves it after a check, plus the user's own sheet called PM_Markering2. */
async function writeAddinMarkedWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet("Afspraken");
  for (const row of agreementsSheet(6)) data.addRow(row);
  // The add-in's highlight rule, as Excel saves it (names that need no quotes go bare).
  data.addConditionalFormatting({
    ref: "D3",
    rules: [{ type: "expression", priority: 1, formulae: ['AND(PM_Markering1!D3="error",D3=PM_Markering1_w!D3)'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
  });
  const mirror = workbook.addWorksheet("PM_Markering1", { state: "veryHidden" });
  mirror.getCell("D3").value = "error";
  // Our twin and list sheet hold what would give findings if they were read as data.
  for (const name of ["PM_Markering1_w", "PM_Keuzelijsten"]) {
    const sheet = workbook.addWorksheet(name, { state: "veryHidden" });
    for (const row of agreementsSheet(6)) sheet.addRow(row);
  }
  const user = workbook.addWorksheet("PM_Markering2");
  for (const row of agreementsSheet(6)) user.addRow(row);
  workbook.definedNames.add("PM_Markering1!$A$1", `${HIGHLIGHT_MARKER_PREFIX}1`);
  workbook.definedNames.add("PM_Markering1_w!$A$1", `${VALUES_MARKER_PREFIX}1`);
  workbook.definedNames.add("PM_Keuzelijsten!$A$1", LIST_MARKER_NAME);
  await workbook.xlsx.writeFile(file);
}

async function readSheetXml(bytes: Buffer, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id ?? "?"}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id ?? "?"}"`).exec(rels)?.[1];
  const xml = (await zip.file(`xl/${(target ?? "").replace(/^\/?xl\//, "")}`)?.async("string")) ?? "";
  return xml.replace(/&quot;/g, '"');
}

describe("the add-in's helper sheets in the CLI", () => {
  it("are not checked; a user's sheet named like ours is", async () => {
    const input = path.join(dir, "addin.xlsx");
    await writeAddinMarkedWorkbook(input);
    const run = await runCliCaptured(["check", input, "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { sheet: string }[] };
    const sheets = new Set(report.findings.map((f) => f.sheet));
    expect(sheets.has("Afspraken")).toBe(true);
    expect(sheets.has("PM_Markering2")).toBe(true);
    for (const ours of ["PM_Markering1", "PM_Markering1_w", "PM_Keuzelijsten"]) expect(sheets.has(ours)).toBe(false);
  });

  it("the copy reuses the marked mirror, replaces the add-in's rule and gives the next mirror a free name", async () => {
    const input = path.join(dir, "addin-copy.xlsx");
    const out = path.join(dir, "addin-copy-out.xlsx");
    await writeAddinMarkedWorkbook(input);
    const run = await runCliCaptured(["check", input, "--out", out]);
    expect(run.code).toBe(1);
    const bytes = await fs.readFile(out);
    const afspraken = await readSheetXml(bytes, "Afspraken");
    expect(afspraken).not.toContain("PM_Markering1_w");
    expect(afspraken).toContain(`'PM_Markering1'!D3="error"`);
    const copy = readXlsx(bytes, "copy.xlsx");
    const names = copy.sheets.map((s) => s.sheet);
    // The user's PM_Markering2 keeps its cells; its own highlighting went to a sheet of a free name.
    expect(names).toEqual(expect.arrayContaining(["PM_Markering2", "PM_Markering3"]));
    expect(copy.sheets.find((s) => s.sheet === "PM_Markering2")?.values[2]?.[3]).toBe("Gemeent");
    expect(copy.definedNames.get(`${HIGHLIGHT_MARKER_PREFIX}2`)).toMatch(/PM_Markering3'?!\$A\$1$/);
    expect(await readSheetXml(bytes, "PM_Markering2")).toContain(`'PM_Markering3'!D3="error"`);
  });
});

describe("check --out and a file that changes after the check", () => {
  it("is refused: exit 2, one line, no copy written", async () => {
    const input = path.join(dir, "changing.xlsx");
    const out = path.join(dir, "changing-out.xlsx");
    await fs.copyFile(FIXTURE, input);
    let changed = false;
    const run = await runCliCaptured(["check", input, "--out", out], async () => {
      // Someone saves the workbook while the check runs.
      await fs.appendFile(input, Buffer.from([0]));
      changed = true;
    });
    expect(changed).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("de werkmap is veranderd terwijl ze werd gecontroleerd");
    await expect(fs.stat(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await fs.readdir(dir)).filter((f) => f.startsWith("changing-out") || f.includes(".tmp"))).toEqual([]);
  });

  it("an unchanged file is copied (the step runs, the copy is written)", async () => {
    const input = path.join(dir, "steady.xlsx");
    const out = path.join(dir, "steady-out.xlsx");
    await fs.copyFile(FIXTURE, input);
    let ran = false;
    const run = await runCliCaptured(["check", input, "--out", out], async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(run.code).not.toBe(2);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });
});
