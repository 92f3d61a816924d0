import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeZip } from "../src/cli/xlsx/write-zip";

/**
 * `outPeakMb1MRows`: the peak resident memory (MB) of `prestatiemonitor check <1M rows> --out copy`,
 * run as a user runs it (the built CLI in its own process). The workbook is written the way Excel
 * writes one: shared strings, one agreements sheet of a million rows, a styles part.
 */

const ROWS = 1_000_000;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const STRINGS = [
  "Onderwerp",
  "Nr.",
  "Actiepunt/prestatieafspraken",
  "Wie?",
  "Status 2022",
  "Toelichting 2022",
  "Betaalbaarheid en beschikbaarheid",
  "Duurzaamheid",
  "De woningvoorraad",
  "Gemeente",
  "Lefier",
  "Woonservice",
  "groen",
  "oranje",
  "rood",
  "Loopt volgens planning",
];
const FIXED = STRINGS.length;

/** Writes the 1M-row workbook to `file`. */
export async function writeLargeWorkbook(file: string, rows = ROWS): Promise<void> {
  const pieces: string[] = [`${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>`];
  const s = (ref: string, i: number): string => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  pieces.push(`<row r="1">${s("A1", 0)}${s("B1", 2)}${s("C1", 3)}${s("D1", 4)}${s("E1", 5)}</row>`);
  // Every agreement its own text (a shared string each, as Excel writes them); mostly green, some orange with a note.
  for (let r = 2; r <= rows + 1; r += 1) {
    const status = r % 10 === 0 ? 13 : 12;
    const note = status === 13 ? s(`E${r}`, 15) : "";
    pieces.push(`<row r="${r}">${s(`A${r}`, 6 + (r % 3))}${s(`B${r}`, FIXED + r - 2)}${s(`C${r}`, 9 + (r % 3))}${s(`D${r}`, status)}${note}</row>`);
  }
  pieces.push("</sheetData></worksheet>");
  const sheet = Buffer.from(pieces.join(""), "utf8");
  pieces.length = 0;
  const parts: [string, Buffer][] = [
    [
      "[Content_Types].xml",
      Buffer.from(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      ),
    ],
    ["_rels/.rels", Buffer.from(`${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ["xl/workbook.xml", Buffer.from(`${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Afspraken" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    [
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
      ),
    ],
    ["xl/sharedStrings.xml", writeSharedStrings(rows)],
    [
      "xl/styles.xml",
      Buffer.from(
        `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
      ),
    ],
    ["xl/worksheets/sheet1.xml", sheet],
  ];
  const chunks = writeZip(Buffer.alloc(0), parts.map(([name, data]) => ({ kind: "new", name, data })));
  await fs.writeFile(file, Buffer.concat(chunks));
}

function writeSharedStrings(rows: number): Buffer {
  const items = STRINGS.map((t) => `<si><t>${t}</t></si>`);
  for (let i = 0; i < rows; i += 1) items.push(`<si><t>Afspraak ${i + 1}: vroegsignalering van huurachterstanden in wijk ${i % 97}</t></si>`);
  const total = STRINGS.length + rows;
  return Buffer.from(`${DECL}<sst xmlns="${MAIN}" count="${total}" uniqueCount="${total}">${items.join("")}</sst>`, "utf8");
}

/** Peak RSS (MB) of the built CLI writing a copy of a 1M-row workbook; needs lib/ (npm run build:cli). */
export async function measureOutPeakMb(root: string, rows = ROWS): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-out-peak-"));
  try {
    const input = path.join(dir, "groot.xlsx");
    await writeLargeWorkbook(input, rows);
    const report = path.join(dir, "peak.txt");
    // Read at exit in the CLI's own process: maxRSS is the kernel's high-water mark, in KB.
    const preload = path.join(dir, "peak.js");
    await fs.writeFile(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));`);
    const run = spawnSync(process.execPath, ["-r", preload, path.join(root, "bin", "prestatiemonitor.js"), "check", input, "--out", path.join(dir, "kopie.xlsx")], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI failed (${String(run.status)}): ${run.stderr}`);
    return Math.round(Number(await fs.readFile(report, "utf8")) / 1024);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? ROWS);
  measureOutPeakMb(path.resolve(__dirname, "..", ".."), rows).then(
    (mb) => process.stdout.write(`${JSON.stringify({ outPeakMb1MRows: mb, rows })}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
