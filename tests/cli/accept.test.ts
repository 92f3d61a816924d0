import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { runCliCaptured } from "./run-cli";

const FIXTURES = join(__dirname, "..", "fixtures");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pm-accept-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  summary: { errors: number; warnings: number };
  findings: { code: string; cell?: string }[];
  accepted?: { code: string; cell?: string; reason: string; acceptedAt: string }[];
}
async function checkJson(file: string): Promise<{ code: number; report: JsonReport }> {
  const run = await runCliCaptured(["check", file, "--json"]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

describe("prestatiemonitor accept", () => {
  it("accepts a finding on a copy without a Model sheet: the copy gets one, and the error no longer counts", async () => {
    const input = join(FIXTURES, "stadskanaal-2021-2025.xlsx");
    const before = await checkJson(input);
    const out = join(dir, "geaccepteerd.xlsx");
    const run = await runCliCaptured(["accept", input, "--cel", "Afspraken!D33", "--code", "unknown-party", "--reden", "schrijfwijze uit het convenant", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Geaccepteerd: unknown-party in Afspraken!D33");
    const after = await checkJson(out);
    expect(after.report.summary.errors).toBe(before.report.summary.errors - 1);
    expect(after.report.findings.some((f) => f.code === "unknown-party" && f.cell === "D33")).toBe(false);
    expect(after.report.accepted).toEqual([expect.objectContaining({ code: "unknown-party", cell: "D33", reason: "schrijfwijze uit het convenant", acceptedAt: "Model!A3" })]);
    // The same model as before: the new Model sheet holds only the acceptance.
    expect(after.report.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
    // Readable by another writer's reader too.
    const workbook = await (await readWorkbookFile(out)).loadWorkbook();
    expect(workbook.getWorksheet("Model")?.getCell("E3").value).toBe("schrijfwijze uit het convenant");
  });

  it("appends to the Geaccepteerd block of an existing Model sheet, one row per acceptance", async () => {
    const input = join(FIXTURES, "monitor-2022.xlsx");
    const first = join(dir, "een.xlsx");
    const second = join(dir, "twee.xlsx");
    expect((await runCliCaptured(["accept", input, "--cel", "Afspraken!G4", "--reden", "bewust", "--out", first])).code).toBe(0);
    expect((await runCliCaptured(["accept", first, "--cel", "Afspraken!g7", "--reden", "ook bewust", "--out", second])).code).toBe(0);
    const { report } = await checkJson(second);
    expect(report.accepted?.map((a) => [a.cell, a.reason])).toEqual([
      ["G4", "bewust"],
      ["G7", "ook bewust"],
    ]);
    const rows = report.accepted?.map((a) => Number(/\d+$/.exec(a.acceptedAt)?.[0]));
    expect(rows?.[1]).toBe((rows?.[0] ?? 0) + 1);
    expect(report.summary.warnings).toBe(1);
  });

  it("refuses (exit 2, one line in the chosen language) a cell without that finding, one already accepted, no --out, and the input as output", async () => {
    const input = join(FIXTURES, "monitor-2022.xlsx");
    const out = join(dir, "nooit.xlsx");
    const none = await runCliCaptured(["accept", input, "--cel", "Afspraken!A1", "--reden", "x", "--out", out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^prestatiemonitor: Afspraken!A1: geen bevinding/);
    const english = await runCliCaptured(["accept", input, "--cel", "Afspraken!G4", "--code", "unknown-party", "--reden", "x", "--out", out, "--lang", "en"]);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain("no finding 'unknown-party' in this cell (findings here: status-vs-realisation)");
    expect((await runCliCaptured(["accept", input, "--cel", "Afspraken!G4", "--reden", "x"])).stderr).toContain("geef --out");
    expect((await runCliCaptured(["accept", input, "--cel", "G4", "--reden", "x", "--out", out])).code).toBe(2);
    expect((await runCliCaptured(["accept", input, "--cel", "Afspraken!G4", "--reden", "x", "--out", input])).code).toBe(2);
    expect(() => statSync(out)).toThrow();
    const accepted = join(dir, "al.xlsx");
    await runCliCaptured(["accept", input, "--cel", "Afspraken!G4", "--reden", "x", "--out", accepted]);
    const again = await runCliCaptured(["accept", accepted, "--cel", "Afspraken!G4", "--reden", "x", "--out", join(dir, "weer.xlsx")]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("is al geaccepteerd");
  });

  it("checks a user's own sheet called Model as data, and refuses to write an acceptance into it", async () => {
    const input = join(dir, "eigen-model-blad.xlsx");
    const workbook = new ExcelJS.Workbook();
    const own = workbook.addWorksheet("Model");
    own.addRow(["Thema", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"]);
    own.addRow(["Duurzaamheid", "Jaarlijks 200 woningen naar label B", "Onbekende Partij", "groen", ""]);
    // Known parties too: else the workbook would get a model learned from its own rows.
    own.addRow(["Duurzaamheid", "Zonnepanelen op 50 daken", "Gemeente", "groen", ""]);
    own.addRow(["Duurzaamheid", "Isolatie van 100 woningen", "Lefier", "groen", ""]);
    await workbook.xlsx.writeFile(input);
    const check = await checkJson(input);
    expect(check.report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown-party", cell: "C2" })]));
    const out = join(dir, "eigen-model-blad-geaccepteerd.xlsx");
    const run = await runCliCaptured(["accept", input, "--cel", "Model!C2", "--code", "unknown-party", "--reden", "x", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prestatiemonitor: Het blad Model bevat gegevens en geen modelblokken/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(() => statSync(out)).toThrow();
  });
});
