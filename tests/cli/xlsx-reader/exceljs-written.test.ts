import ExcelJS from "exceljs";
import fc from "fast-check";
import { readXlsx } from "../../../src/cli/xlsx/read-xlsx";
import { formatA1, type SheetGrid } from "../../../src/domain/core/grid";
import { findDefinedNameDifference, findFirstDifference, normaliseReference } from "./compare-contents";
import { readWithExceljs } from "./read-with-exceljs";

/**
 * Random workbooks written by exceljs, read back by exceljs (the oracle) and by readXlsx: both must
 * see the same sheets, values, formats and defined names. PM_XLSX_RUNS raises the number of runs
 * for a longer hunt; the default keeps the whole folder within a few seconds.
 */
const RUNS = Number(process.env["PM_XLSX_RUNS"] ?? "60");

type CellSpec =
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "rich"; readonly runs: readonly { readonly text: string; readonly bold: boolean }[] }
  | { readonly kind: "formula"; readonly result: number | string | boolean | { readonly error: string } | undefined }
  | { readonly kind: "hyperlink"; readonly text: string }
  | { readonly kind: "date"; readonly ms: number; readonly format: string }
  | { readonly kind: "serial"; readonly value: number; readonly format: string };

interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: CellSpec;
  readonly numFmt: string | undefined;
}

interface MergeSpec {
  readonly height: number;
  readonly width: number;
  readonly master: CellSpec;
}

interface SheetSpec {
  readonly name: string;
  readonly hidden: boolean;
  readonly cells: readonly PlacedCell[];
  readonly merges: readonly MergeSpec[];
}

interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly date1904: boolean;
  /** Defined names pointing at A1 of the sheet with that index. */
  readonly names: readonly number[];
}

/**
 * Pieces that trip XML writers and readers: the five specials, whitespace at the ends, line breaks,
 * astral characters, Excel's escape syntax. exceljs writes "_x000D_" without escaping its underscore
 * (as _x005F_), so Excel, and both readers, read back a carriage return: they agree on the file.
 */
const TEXT_PIECES = ["<", ">", "&", '"', "'", " ", "  ", "\n", "\r\n", "\t", "é", "€", "😀", "中文", "_x000D_", "a", "Zz", "0", "=1+1", "&amp;", "]]>"];
const arbText = fc.array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(""));
const ERRORS = ["#N/A", "#DIV/0!", "#REF!", "#NAME?", "#VALUE!", "#NUM!", "#NULL!"];
const NUMBER_FORMATS = ["0.0%", "#,##0", "0.00", "0", "0%", "0.00E+00", "@", "#,##0.00;[Red]-#,##0.00", '"€ "#,##0'];
const DATE_FORMATS = ["mm-dd-yy", "dd-mm-yyyy", "d-mmm-yy", "yyyy-mm-dd hh:mm:ss", "h:mm"];
/** Sheet names Excel allows (no : \ / ? * [ ], at most 31 characters), with spaces, quotes and non-ASCII. */
const SHEET_NAMES = ["Afspraken", "Mijn blad", "It's", "Tabel 'A' 2", "Überblick €", "中文", "Sheet 😀", "a  b", "Monitoring", "x&y<z>"];

const arbNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-0, 1e21, -1e21, 0.1, 0.292, -123.456, 1e-7, Number.MAX_SAFE_INTEGER, 3796, -89),
);

const arbCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof({ weight: 9, arbitrary: arbText }, { weight: 1, arbitrary: fc.constant("") }).map((text) => ({ kind: "string" as const, text })) },
  { weight: 3, arbitrary: arbNumber.map((value) => ({ kind: "number" as const, value })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ kind: "boolean" as const, value })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ kind: "error" as const, error })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ text: arbText, bold: fc.boolean() }), { minLength: 1, maxLength: 3 })
      .map((runs) => ({ kind: "rich" as const, runs })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        arbNumber,
        arbText,
        fc.boolean(),
        fc.constantFrom(...ERRORS).map((error) => ({ error })),
        fc.constant(undefined),
      )
      .map((result) => ({ kind: "formula" as const, result })),
  },
  { weight: 1, arbitrary: arbText.map((text) => ({ kind: "hyperlink" as const, text })) },
  {
    weight: 1,
    // 1905..2099: clear of the 1900 leap-year bug and of negative 1904-system serials.
    arbitrary: fc
      .record({ ms: fc.integer({ min: Date.UTC(1905, 0, 1), max: Date.UTC(2099, 11, 31) }), format: fc.constantFrom(...DATE_FORMATS) })
      .map(({ ms, format }) => ({ kind: "date" as const, ms, format })),
  },
  {
    weight: 1,
    // A plain number under a date format (a serial typed in): exceljs reads it as a Date, within 1 ms. Up to 9999-12-31.
    arbitrary: fc
      .record({ value: fc.double({ min: 1, max: 2_958_465, noNaN: true }), format: fc.constantFrom(...DATE_FORMATS) })
      .map(({ value, format }) => ({ kind: "serial" as const, value, format })),
  },
);

/** Mostly near columns, sometimes far ones: Z/AA (letter rollover), ZZ/AAA, XFD (the last column). */
const arbCol = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(26, 27, 702, 703, 16384) });

const arbPlacedCell: fc.Arbitrary<PlacedCell> = fc.record({
  row: fc.integer({ min: 1, max: 30 }),
  col: arbCol,
  cell: arbCell,
  numFmt: fc.option(fc.constantFrom(...NUMBER_FORMATS), { nil: undefined }),
});

const arbMerge: fc.Arbitrary<MergeSpec> = fc.record({
  height: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 1, max: 3 }),
  master: arbCell,
});

const arbWorkbook: fc.Arbitrary<WorkbookSpec> = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 4 }),
    sheets: fc.array(
      fc.record({
        hidden: fc.boolean(),
        // One spec per position: a later value would inherit the earlier one's date format, and exceljs
        // reads a number beyond 9999-12-31 under a date format as an Invalid Date (NaN).
        cells: fc.uniqueArray(arbPlacedCell, { maxLength: 25, selector: (placed) => `${placed.row}:${placed.col}` }),
        merges: fc.array(arbMerge, { maxLength: 2 }),
      }),
      { minLength: 4, maxLength: 4 },
    ),
    date1904: fc.boolean(),
    definedNames: fc.array(fc.nat(3), { maxLength: 3 }),
  })
  .map(({ names, sheets, date1904, definedNames }) => ({
    sheets: names.map((name, i) => {
      const sheet = sheets[i] as (typeof sheets)[number];
      // Excel needs one visible sheet: the first always is.
      return { name, hidden: i > 0 && sheet.hidden, cells: sheet.cells, merges: sheet.merges };
    }),
    date1904,
    names: definedNames.filter((index) => index < names.length),
  }));

/** The exceljs value of a cell spec. */
function toExceljsValue(cell: CellSpec): ExcelJS.CellValue {
  switch (cell.kind) {
    case "string":
      return cell.text;
    case "number":
    case "boolean":
      return cell.value;
    case "error":
      return { error: cell.error } as ExcelJS.CellErrorValue;
    case "rich":
      return { richText: cell.runs.map((run) => (run.bold ? { text: run.text, font: { bold: true } } : { text: run.text })) };
    case "formula":
      // exceljs' typings want a result; a formula saved without one (never calculated) is a case of its own.
      return { formula: "ROW()", result: cell.result } as unknown as ExcelJS.CellFormulaValue;
    case "hyperlink":
      return { text: cell.text, hyperlink: "https://example.org/a?b=1&c=2" };
    case "date":
      return new Date(cell.ms);
    case "serial":
      return cell.value;
  }
}

/** The first row used for merged areas: below every random cell, so merges never cover them. */
const MERGE_TOP = 40;

async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = spec.date1904;
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    for (const placed of sheet.cells) {
      const cell = worksheet.getCell(placed.row, placed.col);
      cell.value = toExceljsValue(placed.cell);
      if (placed.cell.kind === "date" || placed.cell.kind === "serial") cell.numFmt = placed.cell.format;
      // A date format on a number would make exceljs turn 1e21 into an Invalid Date: only non-date formats here.
      else if (placed.numFmt !== undefined) cell.numFmt = placed.numFmt;
    }
    sheet.merges.forEach((merge, i) => {
      const top = MERGE_TOP + i * 4;
      const left = 2 + i;
      const master = worksheet.getCell(top, left);
      master.value = toExceljsValue(merge.master);
      if (merge.master.kind === "date" || merge.master.kind === "serial") master.numFmt = merge.master.format;
      worksheet.mergeCells(top, left, top + merge.height - 1, left + merge.width - 1);
    });
  }
  spec.names.forEach((index, i) => {
    const sheet = spec.sheets[index] as SheetSpec;
    workbook.definedNames.add(`'${sheet.name.replace(/'/g, "''")}'!$A$${i + 1}`, `pm_name_${i}`);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What an XML reader makes of a string exceljs wrote: CRLF normalised to LF, Excel's _xHHHH_ escapes decoded. */
function readBackText(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(/_x([0-9A-Fa-f]{4})_/g, (_whole: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Where the oracle is wrong, the expected grid gets the correct value. exceljs decodes the cached
 * string result of a formula (t="str") twice (cell-xform.js: utils.xmlDecode on text the XML parser
 * had already decoded), so a result "&amp;<" comes back as "&<"; Excel shows the text as written.
 */
function correctFormulaStrings(spec: WorkbookSpec, sheets: readonly SheetGrid[]): void {
  spec.sheets.forEach((sheet, i) => {
    const grid = sheets[i];
    if (grid === undefined) return;
    const cells = [
      ...sheet.cells.map((placed) => ({ row: placed.row, col: placed.col, cell: placed.cell })),
      ...sheet.merges.map((merge, m) => ({ row: MERGE_TOP + m * 4, col: 2 + m, cell: merge.master })),
    ];
    const last = new Map<string, CellSpec>();
    for (const { row, col, cell } of cells) last.set(`${row}:${col}`, cell);
    for (const [key, cell] of last) {
      if (cell.kind !== "formula" || typeof cell.result !== "string") continue;
      const [row, col] = key.split(":").map(Number) as [number, number];
      const values = grid.values[row - 1];
      if (values !== undefined && col - 1 < values.length) values[col - 1] = readBackText(cell.result);
    }
  });
}

describe("readXlsx on workbooks written by exceljs", () => {
  it("agrees with the exceljs oracle (sheets, order, values, formats, defined names)", async () => {
    await fc.assert(
      fc.asyncProperty(arbWorkbook, async (spec) => {
        const bytes = await writeWorkbook(spec);
        const oracle = await readWithExceljs(bytes);
        correctFormulaStrings(spec, oracle.sheets);
        const contents = readXlsx(bytes, "random.xlsx");
        expect(findFirstDifference(oracle.sheets, contents.sheets)).toBeUndefined();
        expect(findDefinedNameDifference(oracle.definedNames, contents.definedNames)).toBeUndefined();
        // exceljs may merge or drop names; what we wrote is the standard.
        spec.names.forEach((index, i) => {
          const formula = contents.definedNames.get(`pm_name_${i}`);
          expect(formula === undefined ? undefined : normaliseReference(formula)).toBe(`${(spec.sheets[index] as SheetSpec).name}!A${i + 1}`);
        });
      }),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 100));

  it("agrees on a sheet of a few thousand rows (shared string indexes and row numbers past the small cases)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Groot");
    for (let r = 1; r <= 2500; r += 1) {
      sheet.getCell(r, 1).value = `Afspraak ${r % 700} <${r % 3}> & 'x'`;
      sheet.getCell(r, 2).value = r % 11 === 0 ? { formula: `A${r}`, result: r * 0.1 } : r * 1.5 - 1000;
      sheet.getCell(r, 2).numFmt = r % 2 === 0 ? "0.0%" : "#,##0";
      if (r % 5 === 0) sheet.getCell(r, 4).value = r % 10 === 0;
      if (r % 97 === 0) sheet.getCell(r, 30).value = { richText: [{ text: "rijk " }, { text: String(r), font: { italic: true } }] };
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const oracle = await readWithExceljs(bytes);
    const contents = readXlsx(bytes, "groot.xlsx");
    expect(findFirstDifference(oracle.sheets, contents.sheets)).toBeUndefined();
    expect(contents.sheets[0]?.values.length).toBe(2500);
  });

  it("shows a merged area's value in its top-left cell only, and dates of a 1904 workbook as stored", async () => {
    // Pinned by hand, so that an oracle bug cannot hide a reader bug in the same place.
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Blad 1",
          hidden: false,
          cells: [{ row: 1, col: 16384, cell: { kind: "date", ms: Date.UTC(2021, 0, 1), format: "dd-mm-yyyy" }, numFmt: undefined }],
          merges: [{ height: 2, width: 2, master: { kind: "string", text: "samen" } }],
        },
      ],
      date1904: true,
      names: [],
    };
    const contents = readXlsx(await writeWorkbook(spec), "pinned.xlsx");
    const grid = contents.sheets[0];
    // 2021-01-01 is 44197 in the 1900 system, 44197 - 1462 in the 1904 system; Range.values shows the stored serial.
    expect(grid?.values[0]?.[16383]).toBe(44197 - 1462);
    expect(grid?.formats?.[0]?.[16383]).toBe("dd-mm-yyyy");
    const top = MERGE_TOP - 1;
    expect(grid?.values[top]?.[1]).toBe("samen");
    for (const [r, c] of [
      [top, 2],
      [top + 1, 1],
      [top + 1, 2],
    ] as const) {
      expect({ cell: formatA1(r, c), value: grid?.values[r]?.[c] ?? null }).toEqual({ cell: formatA1(r, c), value: null });
    }
  });
});
