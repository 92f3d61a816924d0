import { randomBytes } from "crypto";
import fc from "fast-check";
import { InputError } from "../../../src/cli/input-error";
import { readXlsx } from "../../../src/cli/xlsx/read-xlsx";
import { buildPackage, MAIN_NS, REL_NS, writeSharedStringsXml, writeStylesXml, writeWorksheetXml, type PackageSpec } from "./build-package";
import { catchInputError } from "./expect-input-error";

/**
 * Damaged packages: the reader must refuse them with an InputError of one line that starts with
 * the file's name (the CLI prints it and exits 2), never with a zlib, RangeError or TypeError.
 */

/** PM_XLSX_RUNS raises the number of runs for a longer hunt. */
const RUNS = Number(process.env["PM_XLSX_RUNS"] ?? "100");
/** Room for a longer hunt: a run takes a few milliseconds. */
const TIMEOUT_MS = Math.max(30_000, RUNS * 20);

const SPEC: PackageSpec = {
  sheets: [
    {
      name: "Afspraken",
      xml: writeWorksheetXml(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.292</v></c><c r="C1" t="b"><v>1</v></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t>Lefier</t></is></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
        `<mergeCells count="1"><mergeCell ref="C2:D3"/></mergeCells>`,
      ),
    },
    { name: "Tabellen", xml: writeWorksheetXml(`<row r="3"><c r="C3"><v>3796</v></c></row>`) },
  ],
  sharedStrings: writeSharedStringsXml(["<t>Betaalbaarheid</t>"]),
  styles: writeStylesXml({ 164: "0.0%" }, [0, 164]),
  definedNamesXml: `<definedNames><definedName name="Monitoring">Afspraken!$A$1</definedName></definedNames>`,
};

/** The offset of the data of a zip entry, from its local header (signature, fixed 30 bytes, name, extra). */
function findEntryData(zip: Buffer, name: string): number {
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    if (zip.toString("utf8", at + 30, at + 30 + nameLength) === name) return at + 30 + nameLength + extraLength;
  }
  throw new Error(`no entry ${name}`);
}

/** The package with one part's XML replaced. */
async function buildWithSheet(xml: string): Promise<Buffer> {
  return buildPackage({ ...SPEC, sheets: [{ name: "Afspraken", xml }] });
}

describe("damaged packages are an InputError naming the file", () => {
  let valid: Buffer;
  beforeAll(async () => {
    valid = await buildPackage(SPEC);
  });

  it("reads the undamaged package (the baseline the damage is measured against)", () => {
    const contents = readXlsx(valid, "heel.xlsx");
    expect(contents.sheets.map((s) => s.sheet)).toEqual(["Afspraken", "Tabellen"]);
    expect(contents.sheets[0]?.values).toEqual([
      ["Betaalbaarheid", 0.292, true],
      ["Lefier", "#DIV/0!"],
    ]);
  });

  it.each([0.1, 0.25, 0.5, 0.75, 0.9, 0.99])("refuses the package cut at %p of its length", (fraction) => {
    const cut = valid.subarray(0, Math.floor(valid.length * fraction));
    catchInputError(() => readXlsx(cut, "afgekapt.xlsx"), "afgekapt.xlsx");
  });

  it("refuses random bytes after the zip magic", () => {
    for (let i = 0; i < 20; i += 1) {
      const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(64 + i * 100)]);
      catchInputError(() => readXlsx(bytes, "ruis.xlsx"), "ruis.xlsx");
    }
  });

  it("refuses an empty file and a lone zip magic", () => {
    catchInputError(() => readXlsx(Buffer.alloc(0), "leeg.xlsx"), "leeg.xlsx");
    catchInputError(() => readXlsx(Buffer.from([0x50, 0x4b, 0x03, 0x04]), "magie.xlsx"), "magie.xlsx");
  });

  it("refuses a corrupt deflate stream in a sheet", () => {
    const bytes = Buffer.from(valid);
    const data = findEntryData(bytes, "xl/worksheets/sheet1.xml");
    // 0x07: final block of type 3, which deflate reserves (invalid); the rest of the stream does not matter.
    bytes[data] = 0x07;
    catchInputError(() => readXlsx(bytes, "kapot.xlsx"), "kapot.xlsx");
  });

  it("refuses a sheet whose deflated bytes were altered in the middle (the CRC does not match)", () => {
    const bytes = Buffer.from(valid);
    const data = findEntryData(bytes, "xl/worksheets/sheet1.xml");
    const before = readXlsx(bytes, "x.xlsx");
    expect(before.sheets).toHaveLength(2);
    // Flipping every bit of a few bytes inside the stream: either inflate fails or the text is not what was stored.
    for (let i = 20; i < 24; i += 1) bytes[data + i] = (bytes[data + i] ?? 0) ^ 0xff;
    catchInputError(() => readXlsx(bytes, "crc.xlsx"), "crc.xlsx");
  });

  it("refuses a package without xl/workbook.xml", async () => {
    const bytes = await buildPackage({ ...SPEC, omit: ["xl/workbook.xml"] });
    catchInputError(() => readXlsx(bytes, "geen-werkboek.xlsx"), "geen-werkboek.xlsx");
  });

  it("refuses a package without the workbook's relationships (no sheet can be found)", async () => {
    const bytes = await buildPackage({ ...SPEC, omit: ["xl/_rels/workbook.xml.rels"] });
    catchInputError(() => readXlsx(bytes, "geen-rels.xlsx"), "geen-rels.xlsx");
  });

  it("refuses a zip that is not a workbook (a docx-like package)", async () => {
    const bytes = await buildPackage({ sheets: [], omit: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"], extra: { "word/document.xml": "<w:document/>" } });
    catchInputError(() => readXlsx(bytes, "brief.xlsx"), "brief.xlsx");
  });

  it.each([
    ["a closing tag that closes the wrong element", `<row r="1"><c r="A1"><v>1</v></row>`],
    ["an element that is never closed", `<row r="1"><c r="A1"><v>1</v></c>`],
    ["an unknown entity", `<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>`],
    ["a bare ampersand", `<row r="1"><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></row>`],
    ["an unquoted attribute", `<row r=1><c r="A1"><v>1</v></c></row>`],
    ["a tag cut off", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"`],
  ])("refuses malformed XML in a sheet: %s", async (_label, sheetData) => {
    const bytes = await buildWithSheet(writeWorksheetXml(sheetData));
    catchInputError(() => readXlsx(bytes, "fout.xlsx"), "fout.xlsx");
  });

  it("refuses a document type declaration (entity expansion) in a part", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    const bytes = await buildWithSheet(xml);
    catchInputError(() => readXlsx(bytes, "dtd.xlsx"), "dtd.xlsx");
  });

  it("refuses malformed XML in the workbook, the shared strings and the styles", async () => {
    const broken = "<broken";
    for (const spec of [
      { ...SPEC, workbookXml: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Afspraken" sheetId="1" r:id="rId1"></sheets></workbook>` },
      { ...SPEC, sharedStrings: broken },
      { ...SPEC, styles: broken },
    ]) {
      const bytes = await buildPackage(spec);
      catchInputError(() => readXlsx(bytes, "deel.xlsx"), "deel.xlsx");
    }
  });

  // Attribute values and sheet names come from the file; a decoded &#10; must not break the CLI's one-line message.
  it.each([
    ["a row number", { sheets: [{ name: "Afspraken", xml: writeWorksheetXml(`<row r="1&#10;2"><c r="A1"><v>1</v></c></row>`) }] }],
    ["a cell reference", { sheets: [{ name: "Afspraken", xml: writeWorksheetXml(`<row r="1"><c r="A&#13;&#10;1"><v>1</v></c></row>`) }] }],
    [
      "a sheet name",
      { workbookXml: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="twee&#10;regels" sheetId="1" r:id="rId9"/></sheets></workbook>` },
    ],
    [
      "a part name",
      { sheets: [{ name: "Afspraken", xml: writeWorksheetXml(""), path: "xl/worksheets/weg.xml", target: "worksheets/twee%0D%0Aregels.xml" }] },
    ],
  ])("keeps the message on one line when the damaged text in %s holds a line break", async (_label, change) => {
    const bytes = await buildPackage({ ...SPEC, ...change });
    catchInputError(() => readXlsx(bytes, "regels.xlsx"), "regels.xlsx");
  });

  it.each(["XFE1", "A0", "1A", "A1048577", "B5000000000"])("refuses the cell reference %s, which Excel cannot have", async (ref) => {
    const bytes = await buildWithSheet(writeWorksheetXml(`<row r="1"><c r="${ref}"><v>1</v></c></row>`));
    catchInputError(() => readXlsx(bytes, "ref.xlsx"), "ref.xlsx");
  });

  // Beyond Excel's last row, 1,048,576: a 300-byte package with row 30,000,000 made a reader fill 30 M rows
  // (half a minute, gigabytes); beyond 2^32 an array index is no index and the cell would silently vanish.
  it.each(["1048577", "5000000000"])("refuses the row number %s, which Excel cannot have", async (row) => {
    const bytes = await buildWithSheet(writeWorksheetXml(`<row r="${row}"><c><v>1</v></c></row>`));
    catchInputError(() => readXlsx(bytes, "rij.xlsx"), "rij.xlsx");
  });

  it("never throws anything but an InputError on bytes mutated from a valid package", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("zero" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let bytes = Buffer.from(valid);
        for (const m of mutations) {
          const at = m.at % Math.max(1, bytes.length);
          if (m.kind === "flip") bytes[at] = (bytes[at] ?? 0) ^ m.mask;
          else if (m.kind === "truncate") bytes = bytes.subarray(0, at);
          else if (m.kind === "zero") bytes.fill(0, at, Math.min(bytes.length, at + m.length));
          else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
        }
        try {
          const contents = readXlsx(bytes, "gemuteerd.xlsx");
          // Read anyway (the damage hit unused bytes): it must still be grids.
          for (const sheet of contents.sheets) {
            expect(Array.isArray(sheet.values)).toBe(true);
            for (const row of sheet.values) {
              for (const value of row) if (value !== null) expect(["string", "number", "boolean"]).toContain(typeof value);
            }
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          catchInputError(() => {
            throw error;
          }, "gemuteerd.xlsx");
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it("never throws anything but an InputError on mutated XML in a package with valid zip checksums", async () => {
    // Byte mutations mostly end at the CRC check; mutating the XML before zipping reaches the scanner and the cell reader.
    const parts = ["sheet", "sharedStrings", "styles", "workbook"] as const;
    const edit = fc.record({
      part: fc.constantFrom(...parts),
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 12 }),
      insert: fc.array(fc.constantFrom("<", ">", "/", "&", ";", '"', "'", "=", "#", "x", "1", "-", " ", "<c>", "</c>", "<v>", "</row>", "&#10;", "]]>", "<![CDATA["), {
        maxLength: 3,
      }),
    });
    const original = {
      sheet: (SPEC.sheets[0] as { xml: string }).xml,
      sharedStrings: SPEC.sharedStrings as string,
      styles: SPEC.styles as string,
      workbook: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr date1904="0"/><sheets><sheet name="Afspraken" sheetId="1" r:id="rId1"/><sheet name="Tabellen" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Monitoring">Afspraken!$A$1</definedName></definedNames></workbook>`,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const text: Record<(typeof parts)[number], string> = { ...original };
        for (const e of edits) {
          const body = text[e.part];
          const at = e.at % (body.length + 1);
          text[e.part] = body.slice(0, at) + e.insert.join("") + body.slice(at + e.remove);
        }
        const bytes = await buildPackage({
          ...SPEC,
          sheets: [{ name: "Afspraken", xml: text.sheet }, ...SPEC.sheets.slice(1)],
          sharedStrings: text.sharedStrings,
          styles: text.styles,
          workbookXml: text.workbook,
        });
        try {
          readXlsx(bytes, "xml.xlsx");
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          catchInputError(() => {
            throw error;
          }, "xml.xlsx");
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
