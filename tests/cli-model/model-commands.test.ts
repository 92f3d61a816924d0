import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readModelFile, runModelInit } from "../../src/cli/commands/model-commands";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { DEFAULT_MODEL } from "../../src/domain";
import { runCliCaptured } from "../cli/run-cli";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const OTHER = path.join(FIXTURES, "other-municipality.xlsx");
const OTHER_MODEL = path.join(FIXTURES, "other-municipality-model.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-model-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeWorkbook(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
  }
  await workbook.xlsx.writeFile(file);
}

/** The model without where it was read from (the sheet and the Controle rows' cells). */
function withoutSource<T extends { source: unknown; crossChecks: readonly { source?: unknown }[] }>(model: T) {
  const { source: _source, ...rest } = model;
  return { ...rest, crossChecks: rest.crossChecks.map(({ source: _cell, ...check }) => check) };
}

describe("model init", () => {
  it("writes a new workbook whose Model sheet reads back as the built-in model", async () => {
    const file = path.join(dir, "nieuw-model.xlsx");
    const run = await runCliCaptured(["model", "init", file]);
    expect(run).toEqual({ code: 0, stdout: `${file}\n`, stderr: "" });
    const input = await readWorkbookFile(file);
    const { sheets } = input;
    const workbook = await input.loadWorkbook();
    expect(sheets.map((s) => s.sheet)).toEqual(["Model"]);
    expect(withoutSource(await readModelFile(file))).toEqual(withoutSource(DEFAULT_MODEL));

    const sheet = workbook.getWorksheet("Model");
    if (!sheet) throw new Error("no Model sheet");
    const titleRow = sheets[0]?.values.findIndex((row) => row[0] === "Statussen") ?? -1;
    expect(titleRow).toBeGreaterThan(0);
    expect(sheet.getCell(titleRow + 1, 1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it("--from copies a workbook and adds the Model sheet; the copy checks the same, now from its Model sheet", async () => {
    const source = path.join(dir, "afspraken.xlsx");
    await writeWorkbook(source, {
      Afspraken: [
        ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2022"],
        ["Duurzaamheid", "Nieuwbouw", "Nieuwe verduurzamingstechnieken", "Gemeente", "groen"],
      ],
      // The default model's Controles compare these two tables; they hold here.
      Tabellen: [
        ["Tabel 1: Ontwikkeling kernvoorraad"],
        ["Woongelegenheden (aantallen)", 2020, 2021, 2022, 2023],
        ["Stand per 1 januari", 100, 100, 110, 120],
        ["Nieuwbouw", 0, 10, 10, 0],
        ["Stand per 31 december", 100, 110, 120, 120],
        [],
        ["Tabel 5: Maatregelen verduurzaming"],
        ["Verduurzaming (aantallen)", 2020, 2021, 2022, 2023],
        ["Aantal NOM nieuwbouw", 0, 10, 10, 0],
      ],
    });
    const before = await fs.readFile(source);
    const file = path.join(dir, "afspraken-met-model.xlsx");
    expect(await runModelInit({ file, from: source })).toBe(file);
    expect(await fs.readFile(source)).toEqual(before); // the input is never written

    const copy = await readWorkbookFile(file);
    expect(copy.sheets.map((s) => s.sheet)).toEqual(["Afspraken", "Tabellen", "Model"]);
    expect(copy.sheets[0]?.values[1]).toEqual(["Duurzaamheid", "Nieuwbouw", "Nieuwe verduurzamingstechnieken", "Gemeente", "groen"]);
    const run = await runCliCaptured(["check", file, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; agreements: { count: number } };
    expect(report.findings).toEqual([]);
    expect(report.agreements.count).toBe(1);
  });

  it("the written default model checks a real workbook exactly as the built-in one does", async () => {
    const sample = path.join(FIXTURES, "stadskanaal-2021-2025.xlsx");
    const file = path.join(dir, "stadskanaal-met-model.xlsx");
    await runModelInit({ file, from: sample });
    const before = await runCliCaptured(["check", sample, "--json"]);
    const after = await runCliCaptured(["check", file, "--json"]);
    const strip = (stdout: string) => {
      const report = JSON.parse(stdout) as { workbook: string; findings: unknown[] };
      return { ...report, workbook: "" };
    };
    expect(after.code).toBe(before.code);
    expect(strip(after.stdout)).toEqual(strip(before.stdout));
    expect(strip(before.stdout).findings.length).toBeGreaterThan(0);
  });

  it("--from a workbook unlike the built-in model writes the model learned from it: the copy checks the same", async () => {
    const sample = path.join(FIXTURES, "real-wageningen-monitor-2021.xlsx");
    const file = path.join(dir, "wageningen-met-model.xlsx");
    await runModelInit({ file, from: sample });
    const model = await readModelFile(file);
    expect(model.themes.map((t) => t.name)).toEqual(["Betaalbaarheid, Beschikbaarheid & Leefbaarheid", "Wonen & Gezondheid", "Duurzaamheid"]);
    // The misspelling seen once is not learned: the coordinator confirms the model without it.
    expect(model.parties.map((p) => p.name)).toEqual(["de Woningstichting", "gemeente", "Idealis", "SFO"]);
    const before = await runCliCaptured(["check", sample, "--json"]);
    const after = await runCliCaptured(["check", file, "--json"]);
    const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;
    expect(findingsOf(after.stdout)).toEqual(findingsOf(before.stdout));
    expect(after.code).toBe(before.code);
  });

  it("refuses to overwrite an existing file (exit 2, one line, file untouched)", async () => {
    const file = path.join(dir, "bestaat.xlsx");
    await fs.writeFile(file, "niet overschrijven");
    const run = await runCliCaptured(["model", "init", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/bestaat al; model init overschrijft nooit een bestand/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(await fs.readFile(file, "utf8")).toBe("niet overschrijven");
  });

  it("refuses a --from workbook that already has a Model sheet", async () => {
    const file = path.join(dir, "tweede-model.xlsx");
    const run = await runCliCaptured(["model", "init", file, "--from", OTHER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/heeft al een blad 'Model'/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it("a --from that is not a workbook is unusable input", async () => {
    const source = path.join(dir, "geen-werkmap.xlsx");
    await fs.writeFile(source, "tekst");
    const file = path.join(dir, "uit.xlsx");
    const run = await runCliCaptured(["model", "init", file, "--from", source]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not an \.xlsx/);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it("a folder that does not exist is unusable input", async () => {
    const run = await runCliCaptured(["model", "init", path.join(dir, "nergens", "m.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kan niet worden geschreven: de map bestaat niet/);
  });
});

describe("--model <file.xlsx>", () => {
  it("reads another workbook's Model sheet over the built-in model", async () => {
    const model = await readModelFile(OTHER_MODEL);
    expect(model.crossChecks[0]?.source).toEqual({ sheet: "Model (other-municipality-model.xlsx)", cell: "A30" });
    expect(model.source).toEqual({ kind: "sheet", sheet: "Model", blocks: ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"] });
    expect(model.settings).toEqual({ monitoringYear: 2023, municipality: "Veendam" });
    expect(model.themes.map((t) => t.name)).toEqual(["Wonen en betaalbaarheid", "Duurzaamheid", "Leefbaarheid"]);
  });

  it("checks a workbook without a Model sheet against the model of another workbook", async () => {
    // The Veendam agreements and tables, without their Model sheet.
    const workbook = await (await readWorkbookFile(OTHER)).loadWorkbook();
    const modelSheet = workbook.getWorksheet("Model");
    if (modelSheet) workbook.removeWorksheet(modelSheet.id);
    const file = path.join(dir, "veendam-zonder-model.xlsx");
    await workbook.xlsx.writeFile(file);

    const without = JSON.parse((await runCliCaptured(["check", file, "--json"])).stdout) as { year: number | null; findings: { code: string }[] };
    // The built-in model does not know Veendam: its themes and parties are learned from its rows
    // (no unknown-theme), but the Model sheet's monitoring year and Controles are not there.
    expect(without.findings.some((f) => f.code === "unknown-theme" || f.code === "cross-check")).toBe(false);
    expect(without.year).not.toBe(2023);

    const run = await runCliCaptured(["check", file, "--json", "--model", OTHER_MODEL]);
    const report = JSON.parse(run.stdout) as { year: number; findings: { code: string; cell: string }[] };
    expect(report.year).toBe(2023);
    expect(report.findings.map((f) => [f.code, f.cell])).toEqual([["cross-check", "D4"]]);
    expect(run.code).toBe(1);
  });

  it("a Controle of the --model file that points at nothing is reported at its row in that file", async () => {
    const file = path.join(dir, "alleen-afspraken.xlsx");
    await writeWorkbook(file, {
      Afspraken: [
        ["Thema", "Subthema", "Afspraak", "Partijen", "Status 2023"],
        ["Duurzaamheid", "Isolatie", "Label B", "Acantus", "groen"],
      ],
      // The checked workbook's own Model sheet must not be confused with the --model file's.
      Model: [["Instellingen"], ["Instelling", "Waarde"], ["Gemeente", "Veendam"]],
    });
    const out = path.join(dir, "alleen-afspraken-gecontroleerd.xlsx");
    const run = await runCliCaptured(["check", file, "--json", "--model", OTHER_MODEL, "--out", out]);
    expect(run.code).toBe(1);
    await expect(fs.access(out)).resolves.toBeUndefined();
    const report = JSON.parse(run.stdout) as { findings: { code: string; sheet: string; cell: string }[] };
    expect(report.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ["invalid-model", "Model (other-municipality-model.xlsx)", "A30"],
      ["invalid-model", "Model (other-municipality-model.xlsx)", "A30"],
      ["invalid-model", "Model (other-municipality-model.xlsx)", "A31"],
      ["invalid-model", "Model (other-municipality-model.xlsx)", "A31"],
      ["invalid-model", "Model (other-municipality-model.xlsx)", "A32"],
    ]);
  });

  it("a workbook without a Model sheet is an unreadable model (exit 2)", async () => {
    const file = path.join(dir, "geen-model.xlsx");
    await writeWorkbook(file, { Blad1: [["a"]] });
    await expect(readModelFile(file)).rejects.toMatchObject({ name: "InputError" });
    const run = await runCliCaptured(["check", OTHER, "--model", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/onleesbaar model: de werkmap heeft geen blad Model/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a Model sheet with problems is an unreadable model, naming the first one", async () => {
    const run = await runCliCaptured(["check", OTHER_MODEL, "--model", OTHER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/onleesbaar model: Model!B15: Model \(Partijen\): onbekende soort 'zorgpartner'/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a missing model file is unusable input", async () => {
    const run = await runCliCaptured(["check", OTHER, "--model", path.join(dir, "nope.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such file/);
  });
});
