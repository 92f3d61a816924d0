import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { findMarkedSheetInWorkbook } from "../../src/cli/write-monitored-copy";
import { runCliCaptured } from "../cli/run-cli";

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-cli-out-"));
});
afterEach(async () => {
  if (process.env["PM_CLI_ARTIFACTS"] !== undefined) {
    await fs.cp(dir, process.env["PM_CLI_ARTIFACTS"], { recursive: true });
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe("check --out / --export on the Stadskanaal monitoring fixture", () => {
  it("writes the monitored copy and the report, and leaves the input alone", async () => {
    const before = await fs.readFile(FIXTURE);
    const copy = path.join(dir, "copy.xlsx");
    const html = path.join(dir, "rapport.html");
    const run = await runCliCaptured(["check", FIXTURE, "--out", copy, "--export", html]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    expect((await fs.readFile(FIXTURE)).equals(before)).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy);
    expect(findMarkedSheetInWorkbook(workbook)).toBe("Monitoring");
    expect(workbook.getWorksheet("Monitoring")?.getCell("A1").value).toBe("Monitoring prestatieafspraken 2021");
    const report = await fs.readFile(html, "utf8");
    expect(report).toContain("Agenda bestuurlijk overleg (rood en oranje) 2021");
    expect(report).toContain("stadskanaal-monitoring-2021.xlsx");
  });

  it("exports CSV and JSON, and refuses an unknown export format with exit 2", async () => {
    for (const name of ["s.csv", "s.json", "s.xlsx"]) {
      const run = await runCliCaptured(["check", FIXTURE, "--export", path.join(dir, name)]);
      expect([0, 1]).toContain(run.code);
    }
    const summary = JSON.parse(await fs.readFile(path.join(dir, "s.json"), "utf8")) as { year: number; agenda: unknown[] };
    expect(summary.year).toBe(2021);
    expect(summary.agenda.length).toBeGreaterThan(0);
    const bad = await runCliCaptured(["check", FIXTURE, "--export", path.join(dir, "s.pdf")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/onbekend formaat '\.pdf'/);
  });
});
