import { toColumnIndex, translate, type CellValue, type SheetGrid } from "../../domain";
import { InputError } from "../input-error";
import { describePackageProblem, openZip, PackageError, type ZipArchive } from "./read-zip";
import { decodeXmlPart, XmlScanner } from "./scan-xml";

/**
 * The CLI's own read-only .xlsx reader. A check needs only cell values and number formats, and
 * exceljs' full load builds a whole object model (styles, cells, shared formulas) that took about
 * three quarters of a check's time (issue #7). This reader unzips with Node's zlib and scans the
 * workbook, shared strings, styles and sheets for exactly what the engine's grids hold, as Excel's
 * `Range.values` and `Range.numberFormat` would show them. exceljs is still used to write copies.
 */
export interface XlsxContents {
  /** Every worksheet (hidden ones too; chartsheets and macro sheets skipped) in workbook order. */
  readonly sheets: SheetGrid[];
  /** The workbook-scoped defined names: name -> formula text as stored (e.g. "'Monitoring'!$A$1"). */
  readonly definedNames: ReadonlyMap<string, string>;
  /** Worksheets the workbook hides (state hidden or veryHidden): checked like any other, and said so. */
  readonly hiddenSheets: readonly string[];
}

const RELATIONSHIP_TYPE_SUFFIX = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
} as const;

/** Excel's day zero for serial dates (1900 date system, with Lotus' leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and the 1904 date systems' day zero. */
const DATE_1904_OFFSET_DAYS = 1462;

/**
 * The built-in number formats (ECMA-376 §18.8.30) that have one code whatever the locale: the
 * same table exceljs uses, so grids do not depend on which reader made them. Other built-in ids
 * are locale-specific (Asian dates) and read as "General", as exceljs reads them.
 */
const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, 'm/d/yy "h":mm'],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00 ;(#,##0.00)"],
  [40, "#,##0.00 ;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);
const GENERAL = "General";
const DOLLAR = 0x24;
/** Excel's last column (XFD) and row. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

/**
 * Most cells (values and the blanks between them, row by row) a workbook may give the engine: what
 * a check of this many takes stays within 2 GB and 60 s on the development machine (a million
 * agreement rows of six columns check in about 20 s and 1 GB). Beyond it the workbook is refused
 * (exit 2) before its grids are built, rather than running out of memory.
 */
export const MAX_GRID_SLOTS = 10_000_000;

/** The workbook is beyond what a check may cost; the CLI refuses it with exit 2. */
export class TooLargeError extends Error {
  override readonly name = "TooLargeError";
}

function countSlots(values: readonly (readonly CellValue[] | undefined)[]): number {
  let slots = values.length;
  // Indexed: the rows may still have holes (rows without cells), which for-of would visit too.
  for (let r = 0; r < values.length; r++) slots += values[r]?.length ?? 0;
  return slots;
}

/** Reads an .xlsx package held in memory. A damaged package is an InputError naming `name`. */
export function readXlsx(bytes: Buffer, name: string): XlsxContents {
  try {
    return readPackage(openZip(bytes));
  } catch (error) {
    if (error instanceof TooLargeError) throw new InputError(describePackageProblem("tooLargeToCheck", { file: name, reason: error.message }));
    if (error instanceof PackageError) {
      // Messages quote texts from the file (sheet names, references), which may hold line breaks: the CLI's message is one line.
      const detail = error.message.replace(/\r\n|\r|\n/g, "\\n");
      throw new InputError(translate("cli", "unreadableWorkbook", "en", { file: name, reason: detail }));
    }
    throw error;
  }
}

interface Relationship {
  readonly type: string;
  /** Absolute part name, without the leading slash. */
  readonly part: string;
}

interface SheetEntry {
  readonly name: string;
  readonly relationshipId: string;
  readonly hidden: boolean;
}

interface WorkbookPart {
  readonly sheets: SheetEntry[];
  readonly definedNames: Map<string, string>;
  readonly date1904: boolean;
}

function readPackage(zip: ZipArchive): XlsxContents {
  const workbookPart = findWorkbookPart(zip);
  const workbook = readWorkbookPart(readXml(zip, workbookPart), workbookPart);
  const relationships = readRelationships(zip, workbookPart);
  const relatedPart = (suffix: string): string | undefined =>
    [...relationships.values()].find((r) => r.type.endsWith(suffix) && zip.has(r.part))?.part;

  const sharedStringsPart = relatedPart(RELATIONSHIP_TYPE_SUFFIX.sharedStrings);
  const sharedStrings = sharedStringsPart === undefined ? [] : readSharedStrings(readXml(zip, sharedStringsPart));
  const stylesPart = relatedPart(RELATIONSHIP_TYPE_SUFFIX.styles);
  const cellFormats = stylesPart === undefined ? [] : readCellFormats(readXml(zip, stylesPart));

  const context: SheetContext = { sharedStrings, cellFormats, date1904: workbook.date1904 };
  const sheets: SheetGrid[] = [];
  const hiddenSheets: string[] = [];
  // Several sheets may point at one part: it is read once and its grid shared.
  const grids = new Map<string, SheetGrid>();
  let budget = MAX_GRID_SLOTS;
  for (const sheet of workbook.sheets) {
    const relationship = relationships.get(sheet.relationshipId);
    if (relationship === undefined) throw new PackageError("sheetHasNoPart", { sheet: sheet.name });
    // Chartsheets, dialog and macro sheets hold no cells for the engine.
    if (!relationship.type.endsWith(RELATIONSHIP_TYPE_SUFFIX.worksheet)) continue;
    if (!zip.has(relationship.part)) throw new PackageError("sheetPartMissing", { sheet: sheet.name, part: relationship.part });
    const key = relationship.part.toLowerCase();
    let grid = grids.get(key);
    if (grid === undefined) {
      grid = readWorksheetPart(readXml(zip, relationship.part), relationship.part, sheet.name, context, budget);
      grids.set(key, grid);
    }
    // A shared grid is checked once per sheet that shows it: each counts against the budget.
    budget -= countSlots(grid.values);
    if (budget < 0) throw new TooLargeError(describePackageProblem("tooManyCells", { cells: String(MAX_GRID_SLOTS) }));
    sheets.push(grid.sheet === sheet.name ? grid : { ...grid, sheet: sheet.name });
    if (sheet.hidden) hiddenSheets.push(sheet.name);
  }
  return { sheets, definedNames: workbook.definedNames, hiddenSheets };
}

function readXml(zip: ZipArchive, part: string): XmlScanner {
  return new XmlScanner(decodeXmlPart(zip.read(part)), part);
}

/** The main part from the package relationships; the usual name when a hand-made package has none. */
function findWorkbookPart(zip: ZipArchive): string {
  if (zip.has("_rels/.rels")) {
    const root = readRelationships(zip, "");
    for (const relationship of root.values()) {
      if (relationship.type.endsWith(RELATIONSHIP_TYPE_SUFFIX.officeDocument) && zip.has(relationship.part)) return relationship.part;
    }
  }
  if (zip.has("xl/workbook.xml")) return "xl/workbook.xml";
  throw new PackageError("noWorkbookPart");
}

/** The relationships of `part` ("" for the package's own), by id, with targets resolved to part names. */
function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const folder = part.slice(0, slash + 1);
  const relsPart = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  const relationships = new Map<string, Relationship>();
  if (!zip.has(relsPart)) return relationships;
  const xml = readXml(zip, relsPart);
  while (xml.moveNext()) {
    if (xml.name !== "Relationship" || xml.kind === "close") continue;
    const id = xml.readAttribute("Id");
    const target = xml.readAttribute("Target");
    if (id === undefined || target === undefined || xml.readAttribute("TargetMode") === "External") continue;
    relationships.set(id, { type: xml.readAttribute("Type") ?? "", part: resolvePartName(folder, target) });
  }
  return relationships;
}

/** Resolves a relationship target against the source part's folder ("../", "./" and absolute targets). */
function resolvePartName(folder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folder + target;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.map(decodeUriSegment).join("/");
}

function decodeUriSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readWorkbookPart(xml: XmlScanner, part: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let sawWorkbook = false;
  while (xml.moveNext()) {
    if (xml.kind === "close") continue;
    switch (xml.name) {
      case "workbook":
        sawWorkbook = true;
        break;
      case "workbookPr":
        date1904 = isTrue(xml.readAttribute("date1904"));
        break;
      case "sheet": {
        const name = xml.readAttribute("name");
        const relationshipId = xml.readPrefixedAttribute("id");
        if (name === undefined || relationshipId === undefined) xml.fail("sheetLacksName");
        const state = xml.readAttribute("state");
        sheets.push({ name, relationshipId, hidden: state === "hidden" || state === "veryHidden" });
        break;
      }
      case "definedName": {
        const name = xml.readAttribute("name");
        const sheetScoped = xml.readAttribute("localSheetId") !== undefined;
        const text = xml.readText();
        if (name !== undefined && !sheetScoped) definedNames.set(name, text);
        break;
      }
      default:
        break;
    }
  }
  if (!sawWorkbook) throw new PackageError("notAWorkbook", { part });
  return { sheets, definedNames, date1904 };
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** The shared string table: each item's text runs joined; phonetic runs (<rPh>) are not part of the text. */
function readSharedStrings(xml: XmlScanner): string[] {
  const strings: string[] = [];
  while (xml.moveNext()) {
    if (xml.name !== "si") continue;
    if (xml.kind === "empty") strings.push("");
    else if (xml.kind === "open") strings.push(readRichText(xml, "si"));
  }
  return strings;
}

/** Reads the text of an <si> or <is> element (plain <t> or rich <r><t> runs), ending on its closing tag. */
function readRichText(xml: XmlScanner, element: string): string {
  let text = "";
  while (xml.moveNext()) {
    if (xml.kind === "close") {
      if (xml.name === element) break;
      continue;
    }
    if (xml.name === "t") text += xml.readText();
    else if (xml.name === "rPh" || xml.name === "phoneticPr" || xml.name === "rPr") xml.skipElement();
  }
  return copyOwnString(decodeEscapes(text));
}

/**
 * A text that owns its characters. V8 cuts a substring of 13 characters or more as a slice that
 * points into its parent, so a shared string table of a million items would keep the whole part's
 * XML text (some 80 MB for a million rows) alive for as long as the grids live. A JSON round trip
 * makes a fresh flat string and, unlike a UTF-8 one, keeps every code unit (a lone surrogate from
 * `_xD800_` too).
 */
function copyOwnString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Excel writes characters XML cannot carry as `_xHHHH_` (a carriage return is `_x000D_`), and a
 * literal "_x" sequence with its underscore escaped as `_x005F_`.
 */
function decodeEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The number format code of each cell format (<cellXfs> entry), by index. */
function readCellFormats(xml: XmlScanner): string[] {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellFormats = false;
  let inNumberFormats = false;
  while (xml.moveNext()) {
    if (xml.name === "cellXfs") {
      inCellFormats = xml.kind === "open";
      continue;
    }
    // Differential formats (<dxfs>, for conditional formatting) have numFmts of their own.
    if (xml.name === "numFmts") {
      inNumberFormats = xml.kind === "open";
      continue;
    }
    if (xml.kind === "close") continue;
    if (xml.name === "numFmt" && inNumberFormats) {
      const id = Number(xml.readAttribute("numFmtId"));
      const code = xml.readAttribute("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (xml.name === "xf" && inCellFormats) {
      const id = Number(xml.readAttribute("numFmtId") ?? "0");
      formats.push(custom.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id) ?? GENERAL);
      xml.skipElement();
    }
  }
  return formats;
}

interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly cellFormats: readonly string[];
  readonly date1904: boolean;
}

/**
 * One worksheet's cells. Rows are ragged, as the exceljs-based reader made them: a row's arrays end
 * at its last cell with a value, a row without one is []. A cell with only a style is no cell.
 */
function readWorksheetPart(xml: XmlScanner, part: string, sheet: string, context: SheetContext, budget: number): SheetGrid {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const merges: string[] = [];
  const placing = { lastRow: -1, slots: 0, budget, sheet };
  let row = 0;
  let column = 0;
  let sawWorksheet = false;
  let inSheetData = false;
  while (xml.moveNext()) {
    if (xml.name === "sheetData") {
      inSheetData = xml.kind === "open";
      continue;
    }
    if (xml.kind === "close") continue;
    switch (xml.name) {
      case "worksheet":
        sawWorksheet = true;
        break;
      case "row": {
        if (!inSheetData) break;
        const r = xml.readAttribute("r");
        row = r === undefined ? row + 1 : parseRowNumber(r, xml);
        column = 0;
        break;
      }
      case "c": {
        if (!inSheetData) break;
        const reference = xml.readAttribute("r");
        if (reference === undefined) {
          column += 1;
        } else {
          const position = parseCellReference(reference, xml);
          column = position.column;
          if (position.row !== 0) row = position.row;
        }
        if (row === 0) row = 1;
        const styleText = xml.readAttribute("s");
        const type = xml.readAttribute("t") ?? "n";
        if (xml.kind === "empty") break;
        const value = readCellValue(xml, type, context);
        if (value === null) break;
        const format = styleText === undefined ? GENERAL : (context.cellFormats[Number(styleText)] ?? GENERAL);
        placeCell(values, formats, row, column, value, format, placing);
        break;
      }
      case "mergeCell": {
        const ref = xml.readAttribute("ref");
        if (ref !== undefined) merges.push(ref);
        break;
      }
      default:
        break;
    }
  }
  if (!sawWorksheet) throw new PackageError("notAWorksheet", { part });
  // Counted before the holes are filled: a sparse sheet (a cell at A1 and one at XFD1048576) would take gigabytes.
  if (countSlots(values) > budget) throw new TooLargeError(tooLargeSheet(sheet));
  for (const ref of merges) clearMergedCells(values, ref);
  fillHoles(values, () => []);
  fillHoles(formats, () => []);
  compactRows(values, null);
  compactRows(formats, GENERAL);
  return merges.length === 0 ? { sheet, origin: "A1", values, formats } : { sheet, origin: "A1", values, formats, merges };
}

function placeCell(
  values: CellValue[][],
  formats: string[][],
  row: number,
  column: number,
  value: CellValue,
  format: string,
  state: { lastRow: number; slots: number; budget: number; sheet: string },
): void {
  let rowValues = values[row - 1];
  let rowFormats = formats[row - 1];
  if (state.lastRow !== row - 1) {
    // The previous row is complete: cut its arrays to size now, while the oversized ones are still young garbage.
    const done = state.lastRow;
    const doneValues = values[done];
    const doneFormats = formats[done];
    if (doneValues !== undefined && doneFormats !== undefined) {
      // Counted before the row is filled: a sparse row (one cell at XFD) becomes 16k slots.
      state.slots += doneValues.length + 1;
      if (state.slots > state.budget) throw new TooLargeError(tooLargeSheet(state.sheet));
      values[done] = fillRow(doneValues, null);
      formats[done] = fillRow(doneFormats, GENERAL);
    }
    state.lastRow = row - 1;
  }
  if (rowValues === undefined || rowFormats === undefined) {
    rowValues = [];
    rowFormats = [];
    values[row - 1] = rowValues;
    formats[row - 1] = rowFormats;
  }
  rowValues[column - 1] = value;
  rowFormats[column - 1] = format;
}

/** Reads the children of an open <c> up to its closing tag and returns the value Excel's Range.values shows. */
function readCellValue(xml: XmlScanner, type: string, context: SheetContext): CellValue {
  let text: string | undefined;
  let inline: string | undefined;
  while (xml.moveNext()) {
    if (xml.kind === "close") {
      if (xml.name === "c") break;
      continue;
    }
    if (xml.name === "v") text = xml.readText();
    else if (xml.name === "is") inline = xml.kind === "empty" ? "" : readRichText(xml, "is");
    else xml.skipElement();
  }
  switch (type) {
    case "s": {
      if (text === undefined) return null;
      return context.sharedStrings[Number(text)] ?? null;
    }
    case "inlineStr":
      return inline ?? (text === undefined ? null : copyOwnString(decodeEscapes(text)));
    case "str":
      return text === undefined ? null : copyOwnString(decodeEscapes(text));
    case "b":
      return text === undefined ? null : text.trim() === "1" || text.trim() === "true";
    case "e":
      return text === undefined ? null : text.trim();
    case "d":
      return text === undefined ? null : parseIsoDate(text, context.date1904);
    default:
      return parseNumber(text);
  }
}

function parseNumber(text: string | undefined): number | null {
  // Number("") is 0: a blank <v/> is no value.
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A t="d" cell (ISO 8601 date-time) as the serial number Excel's Range.values shows. */
function parseIsoDate(text: string, date1904: boolean): number | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds] = match;
  const seconds_ = Number(seconds ?? "0");
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours ?? "0"), Number(minutes ?? "0"), 0) + seconds_ * 1000;
  const serial = (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
  if (date1904) return serial - DATE_1904_OFFSET_DAYS;
  // Excel's 1900 serials count the non-existent 1900-02-29 (serial 60): days before it are one lower.
  return serial < 61 ? serial - 1 : serial;
}

function parseRowNumber(text: string, xml: XmlScanner): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_ROWS) xml.fail("notRowNumber", { text });
  return value;
}

/**
 * "B7" -> column 2 and row 7 (row 0 when the reference has none: some generators write only the
 * column). Char codes instead of a pattern: this runs for every cell of every sheet.
 */
function parseCellReference(reference: string, xml: XmlScanner): { column: number; row: number } {
  let i = reference.charCodeAt(0) === DOLLAR ? 1 : 0;
  let column = 0;
  for (; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  if (reference.charCodeAt(i) === DOLLAR) i += 1;
  let row = 0;
  const digitsStart = i;
  for (; i < reference.length; i += 1) {
    const digit = reference.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    row = row * 10 + digit;
  }
  if (column === 0 || column > MAX_COLUMNS || i !== reference.length || (i > digitsStart && (row === 0 || row > MAX_ROWS))) {
    xml.fail("notCellReference", { reference });
  }
  return { column, row };
}

/** Range.values shows a merged area's value in its top-left cell only. */
function clearMergedCells(values: CellValue[][], ref: string): void {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match) return;
  const left = toColumnIndex(match[1] as string);
  const top = Number(match[2]) - 1;
  const right = toColumnIndex(match[3] as string);
  const bottom = Math.min(Number(match[4]) - 1, values.length - 1);
  for (let r = top; r <= bottom; r += 1) {
    const rowValues = values[r];
    if (rowValues === undefined) continue;
    for (let c = r === top ? left + 1 : left; c <= right && c < rowValues.length; c += 1) {
      if (c in rowValues) rowValues[c] = null;
    }
  }
}

/**
 * Fills each row's holes and gives it an array of exactly its length: an array grown cell by cell
 * keeps room for 17 and more, which for a million rows of five cells was two thirds of the grids'
 * memory. A row of formats that are all General is one shared array per length (grids are never
 * written to once read).
 */
function compactRows<T>(rows: T[][], blank: T): void {
  const shared = new Map<number, T[]>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as T[];
    let allBlank = true;
    for (let c = 0; c < row.length; c++) {
      if (!(c in row)) row[c] = blank;
      else if (row[c] !== blank) allBlank = false;
    }
    if (allBlank && blank !== null) {
      let same = shared.get(row.length);
      if (same === undefined) {
        same = row.slice();
        shared.set(row.length, same);
      }
      rows[r] = same;
    } else {
      rows[r] = row.slice();
    }
  }
}

function tooLargeSheet(sheet: string): string {
  return describePackageProblem("sheetTooManyCells", { sheet, cells: String(MAX_GRID_SLOTS) });
}

function fillRow<T>(row: T[], blank: T): T[] {
  for (let c = 0; c < row.length; c++) if (!(c in row)) row[c] = blank;
  return row.slice();
}

function fillHoles<T>(items: T[], blank: () => T): void {
  for (let i = 0; i < items.length; i += 1) if (!(i in items)) items[i] = blank();
}
