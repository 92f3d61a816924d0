import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { readXlsx } from "../../src/cli/xlsx/read-xlsx";
import { PackagePatch } from "../../src/cli/xlsx/patch-package";
import { buildCorpusWorkbook, CORPUS } from "./corpus/build-corpus";
import { comparePackages, isWellFormed, listOutOfOrder, readParts } from "./corpus/compare-packages";
import { runCliCaptured } from "./run-cli";
import { buildPackage, writeWorksheetXml } from "./xlsx-reader/build-package";

/*
 * `check --out` and `model init --from` copy the input by patching it (DESIGN.md, "The CLI"):
 * every part they need not touch is the input's zip entry byte for byte, the parts they touch
 * keep every element of the user's, and what they add is well-formed and in schema order.
 */

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-patch-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function partsOf(bytes: Buffer): { workbook: string; rels: string; sheets: Map<string, string | undefined> } {
  const pkg = new PackagePatch(bytes);
  const slash = pkg.workbookPart.lastIndexOf("/");
  return {
    workbook: pkg.workbookPart,
    rels: `${pkg.workbookPart.slice(0, slash + 1)}_rels/${pkg.workbookPart.slice(slash + 1)}.rels`,
    sheets: new Map(pkg.readSheets().map((s) => [s.name, s.part === undefined ? undefined : pkg.canonicalName(s.part)])),
  };
}

function expectWellMadeAdditions(copy: Buffer, names: readonly string[]): void {
  const parts = readParts(copy);
  for (const name of names) {
    const data = parts.get(name) as Buffer;
    if (!/\.(xml|rels)$/i.test(name)) continue;
    expect({ name, wellFormed: isWellFormed(data, name) }).toEqual({ name, wellFormed: true });
    expect({ name, outOfOrder: listOutOfOrder(data, name) }).toEqual({ name, outOfOrder: [] });
  }
}

describe.each(CORPUS.map((c) => [c.name, c.options] as const))("a copy of the %s workbook", (name, options) => {
  let input: Buffer;
  let inputPath: string;
  beforeAll(async () => {
    input = await buildCorpusWorkbook(options);
    inputPath = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(inputPath, input);
  });

  it("check --out keeps every part it need not touch byte for byte, and every element of those it touches", async () => {
    const out = path.join(dir, `${name}-copy.xlsx`);
    const run = await runCliCaptured(["check", inputPath, "--out", out, "--json"]);
    expect([0, 1]).toContain(run.code);
    const copy = await fs.readFile(out);
    const layout = partsOf(input);
    const comparison = comparePackages(input, copy);
    expect(comparison.missing).toEqual([]);
    expect(comparison.lost).toEqual({});
    const allowed = new Set(["[Content_Types].xml", layout.workbook, layout.rels, layout.workbook.replace(/[^/]*$/, "styles.xml"), layout.sheets.get("Afspraken")]);
    if (options.userSheetsNamedLikeOurs === true) allowed.add(layout.sheets.get("Monitoring"));
    expect(comparison.changed.filter((part) => !allowed.has(part))).toEqual([]);
    // What a workbook's writer put there and we never need: all of it as it was.
    for (const kept of ["_rels/.rels", "docProps/core.xml", layout.sheets.get("Data"), layout.workbook.replace(/[^/]*$/, "sharedStrings.xml"), layout.workbook.replace(/[^/]*$/, "calcChain.xml")]) {
      expect(comparison.identical).toContain(kept);
    }
    expectWellMadeAdditions(copy, [...comparison.added, ...comparison.changed]);

    // The data reads as before, the 1904 dates included; our sheets are there.
    const before = readXlsx(input, "input");
    const after = readXlsx(copy, "copy");
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.sheet === sheet.sheet)).toEqual(sheet);
    const report = JSON.parse(run.stdout) as { findings: { sheet: string }[] };
    if (options.userSheetsNamedLikeOurs === true) {
      // The user's sheets called Monitoring and PM_Markering1 are data: checked, kept, not replaced.
      expect(report.findings.some((f) => f.sheet === "Monitoring")).toBe(true);
      // Checked as data, it gets stoplights like any agreements sheet; its own elements all stay.
      expect(comparison.changed).toContain(layout.sheets.get("Monitoring"));
      expect(comparison.identical).toContain(layout.sheets.get("PM_Markering1"));
      expect(after.sheets.map((s) => s.sheet)).toEqual(expect.arrayContaining(["Monitoring (2)", "PM_Markering2"]));
      expect(run.stderr).toMatch(/Monitoring \(2\)/);
    } else {
      expect(after.sheets.map((s) => s.sheet)).toEqual(expect.arrayContaining(["Monitoring", "PM_Markering1"]));
    }
  });

  it("checking the copy again replaces our sheets and formats instead of adding more", async () => {
    const first = path.join(dir, `${name}-copy.xlsx`);
    const second = path.join(dir, `${name}-copy2.xlsx`);
    const run = await runCliCaptured(["check", first, "--out", second]);
    expect([0, 1]).toContain(run.code);
    const a = await fs.readFile(first);
    const b = await fs.readFile(second);
    expect(readXlsx(b, "second").sheets.map((s) => s.sheet)).toEqual(readXlsx(a, "first").sheets.map((s) => s.sheet));
    const layout = partsOf(a);
    const comparison = comparePackages(a, b);
    const own = new Set([...layout.sheets.entries()].filter(([sheet]) => /^(Monitoring( \(\d\))?|PM_Markering\d)$/.test(sheet)).map(([, part]) => part));
    // Only our own parts (and their tables) may lose elements: they are rewritten.
    const lostElsewhere = Object.keys(comparison.lost).filter((part) => !own.has(part) && !/tables\//.test(part) && !/_rels\/sheet\d+\.xml\.rels$/.test(part));
    // On a data sheet only our conditional formats of the first run are replaced (new priorities).
    const notOurs = lostElsewhere.flatMap((part) =>
      (comparison.lost[part] ?? []).filter((token) => !/^<(\w+:)?(cfRule|conditionalFormatting|formula) |^#text:(TRIM\(|'PM_Markering)/.test(token)).map((token) => `${part}: ${token}`),
    );
    expect(notOurs).toEqual([]);
    const afspraken = layout.sheets.get("Afspraken") as string;
    const count = (bytes: Buffer): number => ((readParts(bytes).get(afspraken) as Buffer).toString("utf8").match(/<(\w+:)?conditionalFormatting /g) ?? []).length;
    expect(count(b)).toBe(count(a));
    expectWellMadeAdditions(b, [...comparison.added, ...comparison.changed]);
  });

  it("model init --from adds the Model sheet and keeps the rest", async () => {
    const out = path.join(dir, `${name}-model.xlsx`);
    const run = await runCliCaptured(["model", "init", out, "--from", inputPath]);
    expect(run.code).toBe(0);
    const copy = await fs.readFile(out);
    const layout = partsOf(input);
    const comparison = comparePackages(input, copy);
    expect(comparison.missing).toEqual([]);
    expect(comparison.lost).toEqual({});
    expect(comparison.changed.sort()).toEqual(["[Content_Types].xml", layout.workbook, layout.rels, layout.workbook.replace(/[^/]*$/, "styles.xml")].sort());
    expectWellMadeAdditions(copy, [...comparison.added, ...comparison.changed]);
    expect(readXlsx(copy, "copy").sheets.map((s) => s.sheet)).toContain("Model");
  });

  it("model init --lang en writes the Model sheet's title and note in English, and check reads the sheet as before", async () => {
    const out = path.join(dir, `${name}-model-en.xlsx`);
    expect((await runCliCaptured(["model", "init", out, "--from", inputPath, "--lang", "en"])).code).toBe(0);
    const model = readXlsx(await fs.readFile(out), "copy").sheets.find((s) => s.sheet === "Model");
    expect(model?.values[0]?.[0]).toMatch(/^Model of the performance agreements/);
    expect(model?.values[1]?.[0]).toMatch(/Block titles and column headers stay in Dutch/);
    const checked = await runCliCaptured(["check", out, "--json"]);
    expect(checked.code === 0 || checked.code === 1).toBe(true);
    const report = JSON.parse(checked.stdout) as { findings: { code: string }[] };
    expect(report.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
  });
});

describe("copies of workbooks whose sheet names need quoting and escaping", () => {
  it("keep every sheet readable and find their own sheets again", async () => {
    const letters = fc.constantFrom("a", "B", " ", "'", "&", "<", ">", '"', "é", "€", "(", "2");
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 28, unit: letters }), async (raw) => {
        const name = raw.trim().replace(/^'+|'+$/g, "") || "x";
        const xml = writeWorksheetXml(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>Onderwerp</t></is></c><c r="B1" t="inlineStr"><is><t>Actiepunt/prestatieafspraken</t></is></c><c r="C1" t="inlineStr"><is><t>Wie?</t></is></c><c r="D1" t="inlineStr"><is><t>Status 2022</t></is></c></row>` +
            `<row r="2"><c r="A2" t="inlineStr"><is><t>Duurzaamheid</t></is></c><c r="B2" t="inlineStr"><is><t>Warmtevisie</t></is></c><c r="C2" t="inlineStr"><is><t>Gemeent</t></is></c><c r="D2" t="inlineStr"><is><t>rood</t></is></c></row>`,
        );
        const input = path.join(dir, "odd.xlsx");
        await fs.writeFile(input, await buildPackage({ sheets: [{ name, xml }] }));
        const first = path.join(dir, "odd-copy.xlsx");
        const second = path.join(dir, "odd-copy2.xlsx");
        await fs.rm(first, { force: true });
        await fs.rm(second, { force: true });
        const run = await runCliCaptured(["check", input, "--out", first]);
        expect([0, 1]).toContain(run.code);
        const again = await runCliCaptured(["check", first, "--out", second]);
        expect(again.code).toBe(run.code);
        const copy = readXlsx(await fs.readFile(second), "copy");
        expect(copy.sheets.map((s) => s.sheet)).toEqual([name, "Monitoring", "PM_Markering1"]);
        expect(copy.sheets[0]?.values).toEqual(readXlsx(await fs.readFile(input), "input").sheets[0]?.values);
        const parts = readParts(await fs.readFile(second));
        for (const [part, data] of parts) if (/\.(xml|rels)$/.test(part)) expect({ part, ok: isWellFormed(data, part) }).toEqual({ part, ok: true });
      }),
      { numRuns: 25 },
    );
  });
});
