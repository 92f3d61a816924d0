import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { readXlsx } from "../../src/cli/xlsx/read-xlsx";
import type { SheetGrid } from "../../src/domain";
import { buildPackage, escapeXml, writeSharedStringsXml, writeStylesXml, writeWorksheetXml } from "./xlsx-reader/build-package";
import { runCliCaptured } from "./run-cli";

/*
 * The CLI's copies (`check --out`, `model init --from`) are the coordinator's workbook loaded and
 * written by exceljs. The cells the tool did not write must come out as they went in: values,
 * number formats and the workbook's date system. exceljs 4.4 read custom number formats without
 * their backslash escapes and wrote them back so: "0\%" (a literal percent sign) became "0%",
 * which shows 5 as 500 %.
 */

const STRINGS = ["Onderwerp", "Actiepunt/prestatieafspraken", "Wie?", "Status 2022", "Duurzaamheid", "Warmtevisie", "Gemeente", "groen"];
/** Custom formats with escapes as Excel and LibreOffice write them; the cellXfs index is the s attribute. */
const FORMATS: Readonly<Record<number, string>> = { 164: "0\\%", 165: "dd\\-mm\\-yyyy", 166: '#,##0\\ "m²"', 167: "0.0\\ \\k" };
const XF_FORMAT_IDS = [0, 164, 165, 166, 167];

const shared = (ref: string, index: number): string => `<c r="${ref}" t="s"><v>${index}</v></c>`;

async function buildInput(): Promise<Buffer> {
  const agreements = writeWorksheetXml(
    `<row r="1">${shared("A1", 0)}${shared("B1", 1)}${shared("C1", 2)}${shared("D1", 3)}</row>` +
      `<row r="2">${shared("A2", 4)}${shared("B2", 5)}${shared("C2", 6)}${shared("D2", 7)}</row>`,
  );
  const data = writeWorksheetXml(
    `<row r="1"><c r="A1" s="1"><v>5</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="3"><v>1234</v></c><c r="D1" s="4"><v>2.5</v></c></row>` +
      // Formula results that are easy to lose: 0, FALSE and a text with XML entities.
      `<row r="2"><c r="A2"><f>1-1</f><v>0</v></c><c r="B2" t="b"><f>1=2</f><v>0</v></c><c r="C2" t="str"><f>"&amp;"&amp;"&lt;"</f><v>&amp;&lt;</v></c></row>` +
      // A formatted cell without a value: the format must survive too.
      `<row r="3"><c r="A3" s="1"/></row>`,
  );
  return buildPackage({
    sheets: [
      { name: "Afspraken", xml: agreements },
      { name: "Data", xml: data },
    ],
    sharedStrings: writeSharedStringsXml(STRINGS.map((text) => `<t>${escapeXml(text)}</t>`)),
    styles: writeStylesXml(FORMATS, XF_FORMAT_IDS),
    workbookPr: 'date1904="1"',
  });
}

function findSheet(sheets: readonly SheetGrid[], name: string): SheetGrid {
  const sheet = sheets.find((s) => s.sheet === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The custom number formats the styles part declares (what a cell without a value keeps). */
async function listCustomFormats(bytes: Buffer): Promise<string[]> {
  const styles = (await JSZip.loadAsync(bytes).then((zip) => zip.file("xl/styles.xml")?.async("string"))) ?? "";
  return [...styles.matchAll(/formatCode="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}

async function readWorkbookXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes).then((zip) => zip.file("xl/workbook.xml")?.async("string"))) ?? "";
}

let dir: string;
let input: string;
let inputBytes: Buffer;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-copies-"));
  input = path.join(dir, "werkmap.xlsx");
  inputBytes = await buildInput();
  await fs.writeFile(input, inputBytes);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function expectSameCells(copyPath: string): Promise<void> {
  const copyBytes = await fs.readFile(copyPath);
  const before = findSheet(readXlsx(inputBytes, "input").sheets, "Data");
  const after = findSheet(readXlsx(copyBytes, "copy").sheets, "Data");
  expect(after.values).toEqual(before.values);
  expect(after.formats).toEqual(before.formats);
  expect(before.formats?.[0]).toEqual(["0\\%", "dd\\-mm\\-yyyy", '#,##0\\ "m²"', "0.0\\ \\k"]);
  // The empty formatted cell A3 keeps "0\%": the copy declares no unescaped variant of it.
  expect(await listCustomFormats(copyBytes)).toEqual(expect.arrayContaining(Object.values(FORMATS)));
  expect(await listCustomFormats(copyBytes)).not.toContain("0%");
  expect(await readWorkbookXml(copyBytes)).toMatch(/date1904="(1|true)"/);
}

describe("the CLI's copies keep the cells they do not write", () => {
  it("check --out", async () => {
    const copy = path.join(dir, "gecontroleerd.xlsx");
    const run = await runCliCaptured(["check", input, "--out", copy]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    await expectSameCells(copy);
  });

  it("model init --from", async () => {
    const copy = path.join(dir, "met-model.xlsx");
    const run = await runCliCaptured(["model", "init", copy, "--from", input]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await expectSameCells(copy);
  });
});
