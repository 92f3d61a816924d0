import { mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { importExcelJs, readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { runCliCaptured } from "./run-cli";

const FIXTURES = join(__dirname, "..", "fixtures");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pm-new-year-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  year: number | null;
  summary: { errors: number; warnings: number };
  findings: { code: string; cell?: string }[];
}
async function checkJson(...args: string[]): Promise<{ code: number; report: JsonReport }> {
  const run = await runCliCaptured(["check", ...args, "--json"]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

async function writeWorkbook(file: string, rows: (string | null)[][]): Promise<void> {
  const { Workbook } = await importExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Afspraken");
  rows.forEach((row) => sheet.addRow(row));
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe("a monitoring year without its status column", () => {
  it("is an error (missing-status-column), never In orde", async () => {
    const { code, report } = await checkJson(join(FIXTURES, "monitor-2022.xlsx"), "--year", "2030");
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.code === "missing-status-column")).toHaveLength(1);
  });
});

describe("prestatiemonitor nieuw-jaar", () => {
  it("adds Status and Toelichting of the year after last year's, with dropdown and stoplights, on a copy", async () => {
    const input = join(FIXTURES, "monitor-2022.xlsx");
    const out = join(dir, "2023.xlsx");
    const run = await runCliCaptured(["nieuw-jaar", input, "--year", "2023", "--out", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Status 2023 en Toelichting 2023 toegevoegd op Afspraken");
    const { code, report } = await checkJson(out, "--year", "2023");
    expect(code).toBe(0);
    expect(report.findings.filter((f) => f.code === "missing-status-column")).toEqual([]);
    // Every agreement now lacks its 2023 status: one warning each, in the new column.
    expect(report.findings.filter((f) => f.code === "missing-status").map((f) => f.cell?.replace(/\d+$/, ""))).toEqual(Array(10).fill("I"));
    const workbook = await (await readWorkbookFile(out)).loadWorkbook();
    const sheet = workbook.getWorksheet("Afspraken");
    expect([sheet?.getCell("I3").value, sheet?.getCell("J3").value]).toEqual(["Status 2023", "Toelichting 2023"]);
    expect(sheet?.getCell("I4").dataValidation).toMatchObject({ type: "list", formulae: ['"groen,oranje,rood,grijs"'] });
    // The header looks like last year's.
    expect(sheet?.getCell("I3").font).toEqual(sheet?.getCell("G3").font);
    // Last year's cells are untouched.
    const original = (await (await readWorkbookFile(input)).loadWorkbook()).getWorksheet("Afspraken");
    expect(sheet?.getCell("G4").value).toEqual(original?.getCell("G4").value);
  });

  it("refuses (exit 2) when something stands right of last year's columns, and when the year is there already", async () => {
    const input = join(dir, "vol.xlsx");
    await writeWorkbook(input, [
      ["Onderwerp", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022", "Notitie"],
      ["Wonen", "Bouwen", "Lefier", "groen", null, "zie bijlage"],
    ]);
    const out = join(dir, "nooit.xlsx");
    const full = await runCliCaptured(["nieuw-jaar", input, "--year", "2023", "--out", out]);
    expect(full.code).toBe(2);
    expect(full.stderr).toBe("prestatiemonitor: Afspraken: rechts van de kolommen van 2022 staat nog iets; voeg de kolommen Status 2023 en Toelichting 2023 zelf in.\n");
    const present = await runCliCaptured(["nieuw-jaar", input, "--year", "2022", "--out", out, "--lang", "en"]);
    expect(present.code).toBe(2);
    expect(present.stderr).toContain("already has a Status 2022 column");
    expect((await runCliCaptured(["nieuw-jaar", input, "--out", out])).code).toBe(2);
    expect((await runCliCaptured(["nieuw-jaar", input, "--year", "2023"])).code).toBe(2);
    expect(() => statSync(out)).toThrow();
  });
});
