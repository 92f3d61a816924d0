import JSZip from "jszip";

/**
 * Builds small .xlsx packages by hand (jszip), for the shapes exceljs never writes: inline strings,
 * namespace prefixes, missing parts, odd rel targets, data descriptors. Every part can be given as
 * XML text, replaced, or left out, so a test states exactly the bytes the reader sees.
 */

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const CHARTSHEET_TYPE = `${REL_NS}/chartsheet`;

export interface SheetPart {
  readonly name: string;
  /** The worksheet (or chartsheet) XML. */
  readonly xml: string;
  readonly state?: "visible" | "hidden" | "veryHidden";
  /** Part name inside the zip; default xl/worksheets/sheetN.xml. */
  readonly path?: string;
  /** The Target written in workbook.xml.rels; default the path relative to xl/. */
  readonly target?: string;
  readonly chartsheet?: boolean;
}

export interface PackageSpec {
  /** Sheets in workbook order. */
  readonly sheets: readonly SheetPart[];
  /** xl/sharedStrings.xml; none when absent. */
  readonly sharedStrings?: string;
  /** xl/styles.xml; none when absent. */
  readonly styles?: string;
  /** Replaces the generated xl/workbook.xml. */
  readonly workbookXml?: string;
  /** XML put into <workbook> after <sheets>: the <definedNames> block. */
  readonly definedNamesXml?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  readonly workbookPr?: string;
  /** Replaces the generated xl/_rels/workbook.xml.rels. */
  readonly workbookRels?: string;
  /** Parts to leave out of the zip (after generation), e.g. "[Content_Types].xml". */
  readonly omit?: readonly string[];
  /** Further parts, written as given. */
  readonly extra?: Readonly<Record<string, string | Buffer>>;
  /** Order of the zip entries: part names first in this order, the rest after. */
  readonly zipOrder?: readonly string[];
  readonly compression?: "STORE" | "DEFLATE";
  /** Writes local headers with data descriptors (sizes after the data). */
  readonly streamFiles?: boolean;
}

/** Rows of cells as worksheet XML: `writeWorksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')`. */
export function writeWorksheetXml(sheetData: string, after = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`
  );
}

/** A shared-string table of <si> bodies: `writeSharedStringsXml(["<t>a</t>", "<r><t>b</t></r>"])`. */
export function writeSharedStringsXml(items: readonly string[]): string {
  const body = items.map((item) => `<si>${item}</si>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${body}</sst>`;
}

/**
 * A styles part: custom number formats and one cellXfs entry per numFmtId (s="0" is the first).
 * `writeStylesXml({ 164: "0.0%" }, [0, 164, 14])`.
 */
export function writeStylesXml(numFmts: Readonly<Record<number, string>>, xfNumFmtIds: readonly number[]): string {
  const formats = Object.entries(numFmts)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join("");
  const numFmtsXml = formats === "" ? "" : `<numFmts count="${Object.keys(numFmts).length}">${formats}</numFmts>`;
  const xfs = xfNumFmtIds
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id === 0 ? "" : ' applyNumberFormat="1"'}/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">${numFmtsXml}` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfs}</cellXfs></styleSheet>`
  );
}

/** Escapes text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The zip bytes of the package. */
export async function buildPackage(spec: PackageSpec): Promise<Buffer> {
  const parts = buildParts(spec);
  const zip = new JSZip();
  const ordered = [...(spec.zipOrder ?? []).filter((name) => parts.has(name)), ...[...parts.keys()].filter((name) => !(spec.zipOrder ?? []).includes(name))];
  // A fixed date keeps the bytes the same on every run.
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const name of ordered) zip.file(name, parts.get(name) as string | Buffer, { date, createFolders: false });
  return zip.generateAsync({
    type: "nodebuffer",
    compression: spec.compression ?? "DEFLATE",
    streamFiles: spec.streamFiles ?? false,
  });
}

/** The package's parts by name (what goes into the zip), for other zip writers. */
export function buildParts(spec: PackageSpec): Map<string, string | Buffer> {
  const parts = new Map<string, string | Buffer>();
  const rels: string[] = [];
  const sheetsXml: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const folder = sheet.chartsheet === true ? "chartsheets" : "worksheets";
    const path = sheet.path ?? `xl/${folder}/sheet${n}.xml`;
    parts.set(path, sheet.xml);
    const target = sheet.target ?? path.replace(/^xl\//, "");
    const type = sheet.chartsheet === true ? CHARTSHEET_TYPE : WORKSHEET_TYPE;
    rels.push(`<Relationship Id="rId${n}" Type="${type}" Target="${escapeXml(target)}"/>`);
    const state = sheet.state === undefined ? "" : ` state="${sheet.state}"`;
    sheetsXml.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}"${state} r:id="rId${n}"/>`);
  });
  const next = spec.sheets.length + 1;
  if (spec.sharedStrings !== undefined) {
    parts.set("xl/sharedStrings.xml", spec.sharedStrings);
    rels.push(`<Relationship Id="rId${next}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    parts.set("xl/styles.xml", spec.styles);
    rels.push(`<Relationship Id="rId${next + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  }
  const workbookPr = spec.workbookPr === undefined ? "" : `<workbookPr ${spec.workbookPr}/>`;
  parts.set(
    "xl/workbook.xml",
    spec.workbookXml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${workbookPr}` +
        `<sheets>${sheetsXml.join("")}</sheets>${spec.definedNamesXml ?? ""}</workbook>`,
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    spec.workbookRels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join("")}</Relationships>`,
  );
  parts.set(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set("[Content_Types].xml", writeContentTypesXml(spec));
  for (const [name, body] of Object.entries(spec.extra ?? {})) parts.set(name, body);
  for (const name of spec.omit ?? []) parts.delete(name);
  return parts;
}

function writeContentTypesXml(spec: PackageSpec): string {
  const overrides = [`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`];
  spec.sheets.forEach((sheet, i) => {
    const folder = sheet.chartsheet === true ? "chartsheets" : "worksheets";
    const path = sheet.path ?? `xl/${folder}/sheet${i + 1}.xml`;
    const kind = sheet.chartsheet === true ? "chartsheet" : "worksheet";
    overrides.push(`<Override PartName="/${escapeXml(path)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  if (spec.styles !== undefined) {
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`
  );
}
