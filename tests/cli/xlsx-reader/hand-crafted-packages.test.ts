import JSZip from "jszip";
import { readXlsx, type XlsxContents } from "../../../src/cli/xlsx/read-xlsx";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";
import { buildPackage, buildParts, MAIN_NS, REL_NS, writeSharedStringsXml, writeStylesXml, writeWorksheetXml, type PackageSpec } from "./build-package";
import { findGridDifference } from "./compare-contents";
import { catchInputError } from "./expect-input-error";
import { writeZip64 } from "./write-zip64";

/**
 * Packages exceljs never writes, built by hand: what Excel, LibreOffice, the Open XML SDK and
 * streaming writers put in real files. Each test states the grid Excel's Range.values would show.
 */

async function read(spec: PackageSpec): Promise<XlsxContents> {
  return readXlsx(await buildPackage(spec), "hand.xlsx");
}

/** One sheet from rows of <row> XML, read back. */
async function readSheet(sheetData: string, extra: Omit<PackageSpec, "sheets"> = {}): Promise<SheetGrid> {
  const contents = await read({ sheets: [{ name: "Blad1", xml: writeWorksheetXml(sheetData) }], ...extra });
  expect(contents.sheets.map((s) => s.sheet)).toEqual(["Blad1"]);
  return contents.sheets[0] as SheetGrid;
}

/**
 * Compares with the expected grid; trailing blanks do not count (see compare-contents). Without
 * `formats`, only values are compared.
 */
function expectGrid(actual: SheetGrid, values: CellValue[][], formats?: string[][]): void {
  const expected: SheetGrid = { sheet: actual.sheet, origin: "A1", values, formats: formats ?? actual.formats ?? [] };
  const compared: SheetGrid = formats === undefined ? { ...actual, formats: actual.formats ?? [] } : actual;
  expect(findGridDifference(expected, compared)).toBeUndefined();
}

const writeInlineCell = (ref: string, body: string): string => `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`;

describe("strings", () => {
  it("reads inline strings, plain and in rich runs", async () => {
    const grid = await readSheet(
      `<row r="1">${writeInlineCell("A1", "<t>plain</t>")}${writeInlineCell("B1", "<r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r>")}${writeInlineCell("C1", "")}</row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><i/><sz val="11"/></rPr><t xml:space="preserve">x </t></r><r><t>y</t></r></is></c></row>`,
    );
    expectGrid(grid, [["plain", "ab", ""], ["x y"]]);
  });

  it("joins the runs of a shared string and leaves out phonetic runs (<rPh>)", async () => {
    const grid = await readSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`, {
      sharedStrings: writeSharedStringsXml([
        `<r><rPr><b/></rPr><t>Stads</t></r><r><t>kanaal</t></r>`,
        `<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`,
        `<r><t>大</t></r><r><t>阪</t></r><rPh sb="0" eb="1"><t>オオ</t></rPh><rPh sb="1" eb="2"><t>サカ</t></rPh>`,
      ]),
    });
    expectGrid(grid, [["Stadskanaal", "東京", "大阪"]]);
  });

  it("decodes Excel's _xHHHH_ escapes in shared, inline and formula strings; _x005F_ escapes a literal", async () => {
    const grid = await readSheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c>${writeInlineCell("B1", "<t>tab_x0009_here</t>")}` +
        `<c r="C1" t="str"><f>A1</f><v>x_x000D_y</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c></row>`,
      { sharedStrings: writeSharedStringsXml(["<t>line_x000D_end_x000a_</t>", "<t>_x005F_x000D_ stays</t>", "<t>_xD83D__xDE00_ and _x0001_</t>"]) },
    );
    // E1: an astral character escaped as its two UTF-16 halves, and a control character XML 1.0 cannot carry.
    expectGrid(grid, [["line\rend\n", "tab\there", "x\ry", "_x000D_ stays", "😀 and \u0001"]]);
  });

  it("decodes entities: the five named ones, decimal and hex character references", async () => {
    const grid = await readSheet(`${"<row r=\"1\">"}${writeInlineCell("A1", "<t>&amp; &lt; &gt; &quot; &apos; &#233; &#x20AC; &#x1F600;</t>")}</row>`);
    expectGrid(grid, [[`& < > " ' é € 😀`]]);
  });

  it("reads CDATA sections as text", async () => {
    const grid = await readSheet(`<row r="1">${writeInlineCell("A1", "<t><![CDATA[a<b>&c]]></t>")}${writeInlineCell("B1", "<t>x<![CDATA[&amp;]]>y</t>")}</row>`);
    expectGrid(grid, [["a<b>&c", "x&amp;y"]]);
  });

  it('keeps the spaces of xml:space="preserve" text', async () => {
    const grid = await readSheet(`<row r="1">${writeInlineCell("A1", '<t xml:space="preserve">  twee  </t>')}</row>`, {});
    expectGrid(grid, [["  twee  "]]);
  });

  it('normalises line ends like an XML parser: "a\\r\\nb" and a lone "\\r" in the text become "\\n"', async () => {
    const grid = await readSheet(`<row r="1">${writeInlineCell("A1", "<t>a\r\nb</t>")}${writeInlineCell("B1", "<t>c\rd</t>")}<c r="C1" t="s"><v>0</v></c></row>`, {
      sharedStrings: writeSharedStringsXml(["<t>e\r\nf</t>"]),
    });
    expectGrid(grid, [["a\nb", "c\nd", "e\nf"]]);
  });
});

describe("cell types", () => {
  it("reads t=b, t=e, t=str formulas, t=n and cells without a value", async () => {
    const grid = await readSheet(
      `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>` +
        `<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c><c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
        `<c r="F1" t="b"><f>TRUE()</f><v>1</v></c><c r="G1"><f>1/3</f><v>0.33333333333333331</v></c></row>` +
        `<row r="2"><c r="A2" t="n"><v/></c><c r="B2"><v>-0</v></c><c r="C2"><v>1E+21</v></c><c r="D2"><v>-1.5e-7</v></c>` +
        `<c r="E2"><f>A1</f></c><c r="F2" t="n"><v>42</v></c></row>`,
    );
    expectGrid(grid, [
      [true, false, "#DIV/0!", "#N/A", "ab", true, 1 / 3],
      [null, 0, 1e21, -1.5e-7, null, 42],
    ]);
  });

  it("reads t=d ISO dates as serial numbers", async () => {
    const grid = await readSheet(
      `<row r="1"><c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d"><v>2021-01-01T12:00:00</v></c>` +
        `<c r="C1" t="d"><v>2021-01-01T06:00:00.000Z</v></c><c r="D1" t="d"><v>1900-03-01</v></c></row>`,
    );
    expectGrid(
      grid,
      [[44197, 44197.5, 44197.25, 61]],
      // A serial is a serial: without a style the format stays General.
      [["General", "General", "General", "General"]],
    );
  });

  it("counts t=d dates before March 1900 as Excel does (its serials include the non-existent 1900-02-29)", async () => {
    // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the Lotus 1900-02-29, 61 = 1900-03-01.
    const grid = await readSheet(
      `<row r="1"><c r="A1" t="d"><v>1900-01-01</v></c><c r="B1" t="d"><v>1900-02-28T12:00:00</v></c><c r="C1" t="d"><v>1900-03-01</v></c></row>`,
    );
    expectGrid(grid, [[1, 59.5, 61]]);
  });

  it("gives shared formulas their cached results", async () => {
    const grid = await readSheet(
      `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()</f><v>1</v></c></row>` +
        `<row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>` +
        `<row r="3"><c r="A3" t="str"><f t="shared" si="0"/><v>drie</v></c><c r="B3"><f t="array" ref="B3">SUM(A1:A2)</f><v>3</v></c></row>`,
    );
    expectGrid(grid, [[1], [2], ["drie", 3]]);
  });
});

describe("positions", () => {
  it("places <c> and <row> without r after the previous cell and row", async () => {
    const grid = await readSheet(
      `<row><c><v>1</v></c><c><v>2</v></c></row>` +
        `<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>` +
        `<row r="5"><c><v>5</v></c></row>` +
        `<row><c r="B6"><v>6</v></c></row>`,
    );
    expect(grid.values).toEqual([[1, 2], [null, null, 3, 4], [], [], [5], [null, 6]]);
  });

  it("makes rows ragged: a row ends at its last cell with a value; styled cells without one are no cells", async () => {
    const grid = await readSheet(
      `<row r="1"><c r="A1" s="1"/><c r="B1" s="1"></c><c r="C1" s="1"><v>1</v></c><c r="D1" s="1"/><c r="E1" s="1"></c></row>` +
        `<row r="2" spans="1:3"><c r="A2" s="1"/></row>` +
        `<row r="3"><c r="B3"><v>2</v></c></row>` +
        `<row r="4" s="1" customFormat="1"/>`,
      { styles: writeStylesXml({}, [0, 3]) },
    );
    expect(grid.values).toEqual([[null, null, 1], [], [null, 2]]);
    expect(grid.formats).toEqual([["General", "General", "#,##0"], [], ["General", "General"]]);
  });

  it("reads far columns and the last column XFD", async () => {
    const grid = await readSheet(`<row r="2"><c r="Z2"><v>26</v></c><c r="AA2"><v>27</v></c><c r="XFD2"><v>16384</v></c></row>`);
    const row = grid.values[1] ?? [];
    expect([row.length, row[25], row[26], row[16383]]).toEqual([16384, 26, 27, 16384]);
    expect(grid.values[0]).toEqual([]);
  });

  it("shows a merged area's value in its top-left cell only, also when the other cells hold values", async () => {
    const withMerges = await read({
      sheets: [
        {
          name: "Blad1",
          xml: writeWorksheetXml(
            `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>` +
              `<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><v>6</v></c><c r="D2"><v>7</v></c></row>` +
              `<row r="4"><c r="E4"><v>8</v></c></row>`,
            `<mergeCells count="2"><mergeCell ref="B1:C2"/><mergeCell ref="$E$4:$F$9"/></mergeCells>`,
          ),
        },
      ],
    });
    expectGrid(withMerges.sheets[0] as SheetGrid, [[1, 2, null], [4, null, null, 7], [], [null, null, null, null, 8]]);
  });
});

describe("number formats", () => {
  it("maps custom numFmts and the built-in ids (3, 9, 10, 14, 49) as exceljs' table does", async () => {
    // 167 keeps its backslash: `0.0\%` shows a literal percent sign without multiplying by 100 (exceljs would read `0.0%`).
    const styles = writeStylesXml({ 164: "0.0%", 165: '"€ "#,##0.00', 166: "dd/mm/yyyy", 167: "0.0\\%" }, [0, 164, 9, 10, 14, 3, 165, 166, 49, 4, 167]);
    const grid = await readSheet(
      `<row r="1">${[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 10].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>0.292</v></c>`).join("")}` +
        `<c r="L1" s="99"><v>1</v></c></row>`,
      { styles },
    );
    expectGrid(
      grid,
      [[0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 0.292, 1]],
      [["0.0%", "0%", "0.00%", "mm-dd-yy", "#,##0", '"€ "#,##0.00', "dd/mm/yyyy", "@", "#,##0.00", "General", "0.0\\%", "General"]],
    );
  });

  it("reads formats from cellXfs only (not cellStyleXfs or a conditional format's dxf), with entities in formatCode", async () => {
    const styles =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
      `<numFmts count="1"><numFmt numFmtId="170" formatCode="&quot;€&quot;\\ #,##0;[Red]&quot;€&quot;\\ \\-#,##0"/></numFmts>` +
      `<cellStyleXfs count="2"><xf numFmtId="10"/><xf numFmtId="170"/></cellStyleXfs>` +
      // A conditional format's own number format with the same id (out of schema order, to be
      // sure it is never taken for a cell format whatever the order): not a cell format.
      `<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.000%"/></dxf></dxfs>` +
      `<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="170" xfId="1" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
    const grid = await readSheet(`<row r="1"><c r="A1" s="1"><v>-5</v></c><c r="B1" s="0"><v>5</v></c></row>`, { styles });
    expectGrid(grid, [[-5, 5]], [['"€"\\ #,##0;[Red]"€"\\ \\-#,##0', "General"]]);
  });
});

describe("workbook structure", () => {
  const cell = (value: number): string => writeWorksheetXml(`<row r="1"><c r="A1"><v>${value}</v></c></row>`);

  it("lists sheets in workbook order, not zip order, hidden ones included", async () => {
    const contents = await read({
      sheets: [
        { name: "Tweede", xml: cell(2), path: "xl/worksheets/sheet2.xml" },
        { name: "Verborgen", xml: cell(3), state: "hidden", path: "xl/worksheets/sheet3.xml" },
        { name: "Heel verborgen", xml: cell(4), state: "veryHidden", path: "xl/worksheets/sheet4.xml" },
        { name: "Eerste", xml: cell(1), path: "xl/worksheets/sheet1.xml" },
      ],
      zipOrder: ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"],
    });
    expect(contents.sheets.map((s) => [s.sheet, s.values])).toEqual([
      ["Tweede", [[2]]],
      ["Verborgen", [[3]]],
      ["Heel verborgen", [[4]]],
      ["Eerste", [[1]]],
    ]);
  });

  it("resolves absolute and ../ relationship targets and part names in other folders", async () => {
    const contents = await read({
      sheets: [
        { name: "Absoluut", xml: cell(1), target: "/xl/worksheets/sheet1.xml" },
        { name: "Omweg", xml: cell(2), path: "xl/worksheets/sheet2.xml", target: "../xl/worksheets/./sheet2.xml" },
        { name: "Elders", xml: cell(3), path: "xl/bladen/blad 3.xml", target: "bladen/blad%203.xml" },
      ],
    });
    expect(contents.sheets.map((s) => [s.sheet, s.values])).toEqual([
      ["Absoluut", [[1]]],
      ["Omweg", [[2]]],
      ["Elders", [[3]]],
    ]);
  });

  it("reads a package without sharedStrings and styles parts", async () => {
    const grid = await readSheet(`<row r="1">${writeInlineCell("A1", "<t>tekst</t>")}<c r="B1" s="3"><v>1</v></c></row>`);
    expectGrid(grid, [["tekst", 1]], [["General", "General"]]);
  });

  it("skips a chartsheet", async () => {
    const chart =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`;
    const contents = await read({
      sheets: [
        { name: "Data", xml: cell(1) },
        { name: "Grafiek", xml: chart, chartsheet: true },
        { name: "Meer", xml: cell(2) },
      ],
    });
    expect(contents.sheets.map((s) => s.sheet)).toEqual(["Data", "Meer"]);
  });

  it("reads workbook-scoped defined names as stored and skips sheet-scoped ones", async () => {
    const contents = await read({
      sheets: [
        { name: "Mijn blad", xml: cell(1) },
        { name: "A&B", xml: cell(2) },
      ],
      definedNamesXml:
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Mijn blad'!$A$1:$B$2</definedName>` +
        `<definedName name="Monitoring">'Mijn blad'!$A$1</definedName><definedName name="Ent">'A&amp;B'!$A$1:$C$3</definedName>` +
        `<definedName name="Lokaal" localSheetId="1">'A&amp;B'!$B$2</definedName><definedName name="Constante">0.21</definedName></definedNames>`,
    });
    expect([...contents.definedNames].sort()).toEqual(
      [
        ["Monitoring", "'Mijn blad'!$A$1"],
        ["Ent", "'A&B'!$A$1:$C$3"],
        ["Constante", "0.21"],
      ].sort(),
    );
  });

  it("reads sheet names with entities and character references", async () => {
    const contents = await read({
      sheets: [{ name: "x", xml: cell(1) }],
      workbookXml: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="R&amp;D &#x20AC; &quot;q&quot;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    expect(contents.sheets.map((s) => s.sheet)).toEqual([`R&D € "q"`]);
  });

  it("normalises literal tabs and line ends in attribute values to spaces, as an XML parser does; &#10; stays a line feed", async () => {
    const contents = await read({
      sheets: [{ name: "x", xml: cell(1) }],
      workbookXml: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="a\tb\r\nc&#10;d" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    expect(contents.sheets.map((s) => s.sheet)).toEqual(["a b c\nd"]);
  });

  it("reads namespace prefixes as the Open XML SDK writes them (<x:worksheet>, <x:c>, <x:si>)", async () => {
    const X = `xmlns:x="${MAIN_NS}"`;
    const sheet =
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet ${X} xmlns:r="${REL_NS}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>0.5</x:v></x:c>` +
      `<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c></x:row></x:sheetData>` +
      `<x:mergeCells count="1"><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>`;
    const contents = await read({
      sheets: [{ name: "SDK", xml: sheet }],
      workbookXml: `<?xml version="1.0" encoding="utf-8"?><x:workbook ${X} xmlns:r="${REL_NS}"><x:workbookPr/><x:sheets><x:sheet name="SDK" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      sharedStrings: `<?xml version="1.0" encoding="utf-8"?><x:sst ${X}><x:si><x:t>gedeeld</x:t><x:rPh sb="0" eb="1"><x:t>no</x:t></x:rPh></x:si></x:sst>`,
      styles: `<?xml version="1.0" encoding="utf-8"?><x:styleSheet ${X}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
    });
    expect(contents.sheets.map((s) => s.sheet)).toEqual(["SDK"]);
    expectGrid(contents.sheets[0] as SheetGrid, [["gedeeld", 0.5, "inline"], [true]], [["General", "0.0%", "General"], ["General"]]);
  });

  it("gives the raw serial of a date1904 workbook, as Range.values does", async () => {
    for (const flag of ['date1904="1"', 'date1904="true"']) {
      const contents = await read({
        sheets: [{ name: "Data", xml: writeWorksheetXml(`<row r="1"><c r="A1" s="1"><v>42736.5</v></c><c r="B1" t="d"><v>2021-01-01</v></c></row>`) }],
        styles: writeStylesXml({}, [0, 14]),
        workbookPr: flag,
      });
      // B1: 2021-01-01 is 44197 in the 1900 system and 44197 - 1462 in the 1904 system.
      expectGrid(contents.sheets[0] as SheetGrid, [[42736.5, 44197 - 1462]]);
    }
  });

  it("reads a package without [Content_Types].xml (decided: readable, the parts are found through the relationships)", async () => {
    // Content types only label parts; the reader finds every part it needs through _rels. The CLI
    // only reads, so refusing such a package would turn a readable workbook into exit 2 for nothing.
    const contents = await read({ sheets: [{ name: "Data", xml: cell(7) }], omit: ["[Content_Types].xml"] });
    expect(contents.sheets.map((s) => [s.sheet, s.values])).toEqual([["Data", [[7]]]]);
  });

  it("reads a package without _rels/.rels from xl/workbook.xml", async () => {
    const contents = await read({ sheets: [{ name: "Data", xml: cell(8) }], omit: ["_rels/.rels"] });
    expect(contents.sheets.map((s) => [s.sheet, s.values])).toEqual([["Data", [[8]]]]);
  });

  it("refuses a sheet whose relationship target is missing from the zip, naming the file", async () => {
    const bytes = await buildPackage({
      sheets: [
        { name: "Data", xml: cell(1) },
        { name: "Weg", xml: cell(2), path: "xl/worksheets/sheet2.xml" },
      ],
      omit: ["xl/worksheets/sheet2.xml"],
    });
    catchInputError(() => readXlsx(bytes, "weg.xlsx"), "weg.xlsx");
  });

  it("refuses a sheet whose relationship id is not in the workbook's relationships", async () => {
    const bytes = await buildPackage({
      sheets: [{ name: "Data", xml: cell(1) }],
      workbookXml: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Data" sheetId="1" r:id="rId9"/></sheets></workbook>`,
    });
    catchInputError(() => readXlsx(bytes, "rid.xlsx"), "rid.xlsx");
  });
});

describe("XML as other writers lay it out", () => {
  it("reads parts with a UTF-8 byte order mark (the .NET writers' default) and in UTF-16", async () => {
    const sheet = writeWorksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>€ 5</t></is></c></row>`);
    const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
    const contents = await read({
      sheets: [{ name: "Blad1", xml: "\ufeff" + sheet }],
      sharedStrings: "\ufeff" + writeSharedStringsXml(["<t>één</t>"]),
    });
    expectGrid(contents.sheets[0] as SheetGrid, [["één", "€ 5"]]);
    const sixteen = await read({
      sheets: [{ name: "Blad1", xml: "placeholder", path: "xl/worksheets/sheet1.xml" }],
      extra: { "xl/worksheets/sheet1.xml": utf16(sheet) },
    });
    expectGrid(sixteen.sheets[0] as SheetGrid, [[null, "€ 5"]]);
  });

  it("reads single-quoted attributes, white space inside tags, comments, processing instructions and indentation", async () => {
    const grid = await readSheet(
      `\n  <!-- rij 1 -->\n  <row r='1' >\n    <c\n r = "A1"\n t="inlineStr" ><is>\n      <t>a</t>\n    </is></c >\n` +
        `    <?pi data?>\n    <c r='B1'>\n      <v>\n 2 \n</v>\n    </c>\n  </row\n>\n`,
    );
    expectGrid(grid, [["a", 2]]);
  });

  it("reads a raw > in attribute values and text (legal XML, unescaped by some writers)", async () => {
    const styles =
      `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode='[>=1000]#,##0;0.0'/></numFmts>` +
      `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const grid = await readSheet(`<row r="1"><c r="A1" s="1"><v>5</v></c>${writeInlineCell("B1", "<t>a > b -> c</t>")}</row>`, { styles });
    expectGrid(grid, [[5, "a > b -> c"]], [["[>=1000]#,##0;0.0", "General"]]);
  });

  it("reads CDATA in <v> and an empty <sheetData/>", async () => {
    expectGrid(await readSheet(`<row r="1"><c r="A1"><v><![CDATA[12.5]]></v></c></row>`), [[12.5]]);
    const empty = await read({ sheets: [{ name: "Leeg", xml: `<worksheet xmlns="${MAIN_NS}"><dimension ref="A1"/><sheetData/></worksheet>` }] });
    expect(empty.sheets.map((s) => [s.sheet, s.values])).toEqual([["Leeg", []]]);
  });

  it("reads a Strict Open XML package (other namespaces and relationship types)", async () => {
    const strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const rels =
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${strictRel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${strictRel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const contents = await read({
      sheets: [{ name: "Strikt", xml: `<worksheet xmlns="${strictMain}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>` }],
      workbookXml: `<workbook xmlns="${strictMain}" xmlns:r="${strictRel}"><sheets><sheet name="Strikt" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      workbookRels: rels,
      extra: {
        "xl/sharedStrings.xml": `<sst xmlns="${strictMain}"><si><t>strikt</t></si></sst>`,
        "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${strictRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
    });
    expectGrid(contents.sheets[0] as SheetGrid, [["strikt", 1]]);
  });

  it("finds parts whose names differ in case from the relationship target (OPC part names are case-insensitive)", async () => {
    const contents = await read({
      sheets: [{ name: "Hoofdletters", xml: writeWorksheetXml(`<row r="1"><c r="A1"><v>9</v></c></row>`), path: "xl/worksheets/Sheet1.xml", target: "Worksheets/SHEET1.xml" }],
    });
    expectGrid(contents.sheets[0] as SheetGrid, [[9]]);
  });
});

describe("zip container variants", () => {
  const spec: PackageSpec = {
    sheets: [{ name: "Data", xml: writeWorksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row>`) }],
    sharedStrings: writeSharedStringsXml(["<t>waarde</t>"]),
    styles: writeStylesXml({ 164: "0.0%" }, [0, 164]),
  };

  it.each([
    ["stored (uncompressed) entries", { compression: "STORE" as const, streamFiles: false }],
    ["deflated entries with data descriptors (streamed)", { compression: "DEFLATE" as const, streamFiles: true }],
    ["stored entries with data descriptors", { compression: "STORE" as const, streamFiles: true }],
  ])("reads %s", async (_label, options) => {
    const bytes = await buildPackage({ ...spec, ...options });
    // The first local header says what the package is: general purpose flag bit 3 = data descriptor, method 0 = stored.
    expect({ descriptor: (bytes.readUInt16LE(6) & 0x08) !== 0, stored: bytes.readUInt16LE(8) === 0 }).toEqual({
      descriptor: options.streamFiles === true,
      stored: options.compression === "STORE",
    });
    const contents = readXlsx(bytes, "zip.xlsx");
    expectGrid(contents.sheets[0] as SheetGrid, [["waarde", 0.5]], [["General", "0.0%"]]);
  });

  it("reads a Zip64 package (sizes and offsets only in the Zip64 fields)", async () => {
    const bytes = writeZip64(buildParts(spec));
    // jszip reads it too, so a failure here is the reader's, not the test writer's.
    const check = await JSZip.loadAsync(bytes);
    expect(await check.file("xl/sharedStrings.xml")?.async("string")).toContain("waarde");
    const contents = readXlsx(bytes, "zip64.xlsx");
    expectGrid(contents.sheets[0] as SheetGrid, [["waarde", 0.5]], [["General", "0.0%"]]);
  });
});
