import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CheckComparison } from "../../src/domain";
import { runCliCaptured } from "./run-cli";

/**
 * Every command that checks a file knows the tool's sheets by their markers, never by name: a
 * user's own sheet called Monitoring (no marker) is data for check, compare and model init alike.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pm-user-sheets-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ["Thema", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];

async function writeWorkbook(file: string, status: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const agreements = workbook.addWorksheet("Afspraken");
  agreements.addRow(HEADER);
  agreements.addRow(["Duurzaamheid", "Zonnepanelen op 50 daken", "Gemeente", "groen", ""]);
  // The user's own sheet that happens to be called Monitoring: agreements of its own.
  const own = workbook.addWorksheet("Monitoring");
  own.addRow(HEADER);
  own.addRow(["Duurzaamheid", "Isolatie van 100 woningen", "Bouwbedrijf Noord", status, status === "rood" ? "Vertraagd" : ""]);
  own.addRow(["Duurzaamheid", "Jaarlijks 200 woningen naar label B", "Huurdersvereniging Zuid", "groen", ""]);
  await workbook.xlsx.writeFile(file);
}

describe("a user's own sheet called Monitoring", () => {
  it("is checked by check, compared by compare, and learned from by model init --from", async () => {
    const before = join(dir, "voor.xlsx");
    const after = join(dir, "na.xlsx");
    await writeWorkbook(before, "groen");
    await writeWorkbook(after, "rood");

    const check = await runCliCaptured(["check", after, "--json"]);
    const report = JSON.parse(check.stdout) as { agreements: { count: number } };
    expect(report.agreements.count).toBe(3);

    const compare = await runCliCaptured(["compare", before, after, "--json"]);
    expect(compare.code).toBe(0);
    const comparison = JSON.parse(compare.stdout) as CheckComparison;
    expect(comparison.statusChanges.map((c) => [c.current.sheet, c.current.cell, c.from, c.to])).toEqual([["Monitoring", "D2", "groen", "rood"]]);

    const model = join(dir, "model.xlsx");
    const init = await runCliCaptured(["model", "init", model, "--from", after]);
    expect(init.code).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(model);
    const texts: string[] = [];
    written.getWorksheet("Model")?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    // Parties only the Monitoring sheet names: the model was learned from its rows too.
    expect(texts).toEqual(expect.arrayContaining(["Bouwbedrijf Noord", "Huurdersvereniging Zuid"]));
  });
});
