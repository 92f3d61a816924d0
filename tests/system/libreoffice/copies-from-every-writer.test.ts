import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { PackagePatch } from "../../../src/cli/xlsx/patch-package";
import { readXlsx } from "../../../src/cli/xlsx/read-xlsx";
import { buildCorpusWorkbook, CORPUS } from "../../cli/corpus/build-corpus";
import { comparePackages, isWellFormed, listOutOfOrder, readParts } from "../../cli/corpus/compare-packages";
import { runCliCaptured } from "../../cli/run-cli";
import { itWithPrograms } from "../require-program";

const run = promisify(execFile);
/** Corpus workbooks LibreOffice reads whole (it loses the sheets of spaced part names), to have it write them. */
const LIBREOFFICE_READS = ["excel-like", "user-sheets-named-like-ours", "sdk-prefixed", "workbook-outside-xl"];
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1";

/*
 * Copies of workbooks from several writers: the hand-written corpus (Excel-like, Open XML SDK
 * prefixes, odd part names, a workbook part outside xl/) and the same workbooks as LibreOffice
 * writes them. Every copy keeps the input's parts it need not touch byte for byte, the elements of
 * those it touches, and opens in LibreOffice with its Monitoring sheet.
 */
describe("copies of workbooks from several writers", () => {
  itWithPrograms({ soffice: ["soffice", "libreoffice"] }, "keep the input's parts and open in LibreOffice", async ({ soffice }) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-writers-"));
    try {
      const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
      const inputs: string[] = [];
      for (const workbook of CORPUS) {
        const file = path.join(dir, `${workbook.name}.xlsx`);
        await fs.writeFile(file, await buildCorpusWorkbook(workbook.options));
        inputs.push(file);
      }
      // The same workbooks as LibreOffice writes them.
      const written = path.join(dir, "lo");
      await fs.mkdir(written);
      await run(soffice as string, [profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", written, ...inputs.filter((f) => LIBREOFFICE_READS.some((n) => f.endsWith(`${n}.xlsx`)))], {
        timeout: 120_000,
      });
      for (const file of await fs.readdir(written)) inputs.push(path.join(written, file));
      expect(inputs.length).toBe(CORPUS.length + LIBREOFFICE_READS.length);

      const copies = path.join(dir, "copies");
      await fs.mkdir(copies);
      const copyFiles: string[] = [];
      const readsInput = new Set<string>();
      for (const [i, input] of inputs.entries()) {
        const copy = path.join(copies, `copy${i}.xlsx`);
        const result = await runCliCaptured(["check", input, "--out", copy]);
        expect({ input, code: result.code, stderr: result.stderr.replace(/^let op.*\n/m, "") }).toEqual({ input, code: result.code === 0 ? 0 : 1, stderr: "" });
        const before = await fs.readFile(input);
        const after = await fs.readFile(copy);
        const comparison = comparePackages(before, after);
        expect({ input, missing: comparison.missing, lost: comparison.lost }).toEqual({ input, missing: [], lost: {} });
        const pkg = new PackagePatch(before);
        const sheetParts = new Set(pkg.readSheets().map((s) => (s.part === undefined ? "" : pkg.canonicalName(s.part))));
        const folder = pkg.workbookPart.replace(/[^/]*$/, "");
        const touchable = (part: string): boolean =>
          part === "[Content_Types].xml" || part === pkg.workbookPart || part === pkg.relationshipsPartOf(pkg.workbookPart) || sheetParts.has(part) || part === `${folder}styles.xml`;
        expect({ input, changed: comparison.changed.filter((part) => !touchable(part)) }).toEqual({ input, changed: [] });
        const parts = readParts(after);
        for (const part of [...comparison.added, ...comparison.changed].filter((p) => /\.(xml|rels)$/i.test(p))) {
          const data = parts.get(part) as Buffer;
          expect({ part, wellFormed: isWellFormed(data, part), outOfOrder: listOutOfOrder(data, part) }).toEqual({ part, wellFormed: true, outOfOrder: [] });
        }
        expect(readXlsx(after, "copy").sheets.map((s) => s.sheet)).toEqual(expect.arrayContaining(["Afspraken", "Data"]));
        copyFiles.push(copy);
        if (input.includes(`${path.sep}lo${path.sep}`) || LIBREOFFICE_READS.some((n) => input.endsWith(`${n}.xlsx`))) readsInput.add(copy);
      }

      // Every copy opens in LibreOffice, Monitoring sheet and data sheet alike.
      const csv = path.join(dir, "csv");
      await fs.mkdir(csv);
      await run(soffice as string, [profile, "--headless", "--convert-to", CSV_ALL_SHEETS, "--outdir", csv, ...copyFiles], { timeout: 300_000 });
      const files = await fs.readdir(csv);
      for (const copy of copyFiles) {
        const stem = path.basename(copy, ".xlsx");
        const monitoring = files.find((f) => f.startsWith(`${stem}-Monitoring`) && f !== `${stem}-Monitoring.csv`) ?? `${stem}-Monitoring.csv`;
        expect(files).toEqual(expect.arrayContaining([`${stem}-Afspraken.csv`]));
        const text = await fs.readFile(path.join(csv, files.includes(`${stem}-Monitoring (2).csv`) ? `${stem}-Monitoring (2).csv` : monitoring), "utf8");
        expect(text).toMatch(/^Monitoring prestatieafspraken/);
        const data = await fs.readFile(path.join(csv, `${stem}-Afspraken.csv`), "utf8");
        // Where LibreOffice cannot read the input's sheet (spaced part names), it cannot read the copy's either.
        if (readsInput.has(copy)) expect({ copy, data: data.includes("Warmtevisie opstellen") }).toEqual({ copy, data: true });
      }
    } finally {
      if (process.env["PM_KEEP"] === undefined) await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
