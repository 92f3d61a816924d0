import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { readXlsx } from "../../../src/cli/xlsx/read-xlsx";
import { findDefinedNameDifference, findFirstDifference } from "../../cli/xlsx-reader/compare-contents";
import { readWithExceljs } from "../../cli/xlsx-reader/read-with-exceljs";
import { itWithPrograms } from "../require-program";

/**
 * The own .xlsx reader on files LibreOffice wrote: another writer's choices (its own styles and
 * number format ids, recalculated formula results, shared strings laid out its way) must read the
 * same as through exceljs, the old path.
 */
const run = promisify(execFile);
const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
/** The fixtures that are workbooks (the others are the CLI's bad-input cases). */
const WORKBOOKS = [
  "fault-free.xlsx",
  "no-agreements.xlsx",
  "other-column-order.xlsx",
  "other-municipality-model.xlsx",
  "other-municipality.xlsx",
  "stadskanaal-2021-2025.xlsx",
  "stadskanaal-faithful-paste.xlsx",
  "stadskanaal-monitoring-2021.xlsx",
  "tables-own-sheet.xlsx",
];

/** A workbook with the cell kinds the engine meets, for LibreOffice to rewrite. */
async function writeVariedWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Gegevens 'A' & €");
  sheet.getCell("A1").value = ' <tekst> & "quotes" \'s ';
  sheet.getCell("B1").value = "regel 1\nregel 2";
  sheet.getCell("C1").value = "😀 é 中文";
  sheet.getCell("D1").value = -0.5;
  sheet.getCell("E1").value = 1e21;
  sheet.getCell("F1").value = true;
  sheet.getCell("G1").value = { error: "#N/A" };
  sheet.getCell("H1").value = { richText: [{ text: "vet", font: { bold: true } }, { text: " en gewoon" }] };
  sheet.getCell("A2").value = 0.292;
  sheet.getCell("A2").numFmt = "0.0%";
  sheet.getCell("B2").value = 4324;
  sheet.getCell("B2").numFmt = "#,##0";
  sheet.getCell("C2").value = new Date(Date.UTC(2021, 11, 31, 12, 0, 0));
  sheet.getCell("C2").numFmt = "dd-mm-yyyy hh:mm";
  sheet.getCell("D2").value = { formula: "B2*2", result: 8648 };
  // No spaces at the ends: LibreOffice trims those from the cached result of a string formula it writes.
  sheet.getCell("E2").value = { formula: '"<a> & "&"b"', result: "<a> & b" };
  sheet.getCell("F2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("G2").value = { formula: "B2>0", result: true };
  sheet.getCell("H2").value = { text: "link", hyperlink: "https://example.org/" };
  sheet.getCell("AA5").value = "ver weg";
  sheet.mergeCells("B7:D9");
  sheet.getCell("B7").value = "samengevoegd";
  const hidden = workbook.addWorksheet("Verborgen", { state: "hidden" });
  hidden.getCell("C3").value = 3796;
  workbook.definedNames.add("'Gegevens ''A'' & €'!$A$1", "Begin");
  await workbook.xlsx.writeFile(file);
}

describe("readXlsx on workbooks LibreOffice wrote", () => {
  itWithPrograms(
    { soffice: ["soffice", "libreoffice"] },
    "agrees with the exceljs oracle on every fixture and on a varied workbook",
    async ({ soffice }) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-lo-xlsx-"));
      try {
        const inputs = path.join(dir, "in");
        const outputs = path.join(dir, "out");
        await fs.mkdir(inputs);
        for (const name of WORKBOOKS) await fs.copyFile(path.join(FIXTURES, name), path.join(inputs, name));
        await writeVariedWorkbook(path.join(inputs, "gevarieerd.xlsx"));
        const names = [...WORKBOOKS, "gevarieerd.xlsx"];

        // One LibreOffice start for all files (a start costs seconds); a fresh profile, as it refuses to share one.
        const profile = `file://${path.join(dir, "profile")}`;
        await run(
          soffice as string,
          [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outputs, ...names.map((n) => path.join(inputs, n))],
          { timeout: 100_000 },
        );

        const failures: string[] = [];
        for (const name of names) {
          const bytes = await fs.readFile(path.join(outputs, name));
          const oracle = await readWithExceljs(bytes);
          const contents = readXlsx(bytes, name);
          const difference =
            findFirstDifference(oracle.sheets, contents.sheets) ?? findDefinedNameDifference(oracle.definedNames, contents.definedNames);
          if (difference !== undefined) failures.push(`${name}: ${difference}`);
        }
        expect(failures).toEqual([]);

        // Pinned by hand, so that a value both readers get wrong the same way still fails.
        const varied = readXlsx(await fs.readFile(path.join(outputs, "gevarieerd.xlsx")), "gevarieerd.xlsx");
        expect(varied.sheets.map((s) => s.sheet)).toEqual(["Gegevens 'A' & €", "Verborgen"]);
        const grid = varied.sheets[0];
        expect(grid?.values[0]?.slice(0, 8)).toEqual([
          ' <tekst> & "quotes" \'s ',
          "regel 1\nregel 2",
          "😀 é 中文",
          -0.5,
          1e21,
          true,
          "#N/A",
          "vet en gewoon",
        ]);
        expect(grid?.values[1]?.slice(0, 8)).toEqual([
          0.292,
          4324,
          44561.5,
          8648,
          "<a> & b",
          "#DIV/0!",
          true,
          "link",
        ]);
        expect(grid?.formats?.[1]?.slice(0, 2)).toEqual(["0.0%", "#,##0"]);
        // LibreOffice escapes the separators (dd\-mm\-yyyy); the escapes are part of the code as stored.
        expect(grid?.formats?.[1]?.[2]?.replace(/\\(.)/g, "$1")).toBe("dd-mm-yyyy hh:mm");
        expect(grid?.values[4]?.[26]).toBe("ver weg");
        expect(grid?.values[6]?.[1]).toBe("samengevoegd");
        expect([grid?.values[6]?.[2] ?? null, grid?.values[7]?.[1] ?? null]).toEqual([null, null]);
        expect(varied.sheets[1]?.values[2]?.[2]).toBe(3796);
        expect(varied.definedNames.has("Begin")).toBe(true);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    100_000,
  );
});
