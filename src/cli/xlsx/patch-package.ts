import { openZip, readCentralDirectory, type ZipArchive, type ZipEntry } from "./read-zip";
import { decodeXmlPart, XmlScanner } from "./scan-xml";
import { writeZip, type OutputEntry } from "./write-zip";
import { appendToElement, applyEdits, escapeXml, insertAtRootEnd, insertInSequence, readOutline, type TextEdit } from "./xml-outline";

/**
 * An .xlsx package opened for a copy made by patching: parts are read on demand, and the copy is
 * the original with only the parts we set, add or remove changed; every other zip entry is copied
 * raw. Knows the workbook part, its sheets, relationships and content types, wherever the package
 * keeps them (the workbook part need not be xl/workbook.xml, targets may be percent-encoded).
 */

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
export const RELATIONSHIP_TYPES = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  table: `${REL_NS}/table`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
} as const;
export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;
const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly relationshipId: string;
  readonly state: string;
  /** The sheet's part name (no leading slash), or undefined when its relationship has none. */
  readonly part: string | undefined;
  readonly type: string;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The resolved part name (internal targets). */
  readonly part: string;
}

interface ContentTypeOverride {
  readonly part: string;
  readonly type: string;
}

export class PackagePatch {
  readonly workbookPart: string;
  private readonly entries: ZipEntry[];
  private readonly zip: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  /** Parts whose new content replaces the stored one (by lower-case name); chunks are written in order. */
  private readonly replaced = new Map<string, Buffer | Buffer[]>();
  private readonly added = new Map<string, { name: string; data: Buffer | Buffer[] }>();
  private readonly removed = new Set<string>();
  private readonly overridesAdded: ContentTypeOverride[] = [];
  private readonly overridesRemoved = new Set<string>();

  constructor(private readonly bytes: Buffer) {
    this.entries = readCentralDirectory(bytes);
    this.zip = openZip(bytes);
    for (const entry of this.entries) this.byName.set(entry.name.toLowerCase(), entry);
    this.workbookPart = this.findWorkbookPart();
  }

  has(part: string): boolean {
    const key = part.toLowerCase();
    return (this.byName.has(key) && !this.removed.has(key)) || this.added.has(key);
  }

  /** The part's text, as last set in this patch or as stored. */
  readText(part: string): string {
    return decodeXmlPart(this.readBytes(part));
  }

  /** The part's bytes, as last set in this patch or as stored. */
  readBytes(part: string): Buffer {
    const key = part.toLowerCase();
    const replaced = this.replaced.get(key);
    const data = this.added.get(key)?.data ?? replaced;
    if (data === undefined) return this.zip.read(part);
    return Array.isArray(data) ? Buffer.concat(data) : data;
  }

  /** Replaces a part's content with these chunks (a large sheet's rows are never joined into one string or buffer). */
  writeChunks(part: string, chunks: Buffer[]): void {
    this.writeText(part, chunks);
  }

  /** Replaces a stored part's content (the entry keeps its name and place), or adds a new part. */
  writeText(part: string, text: string | Buffer[]): void {
    const key = part.toLowerCase();
    const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    if (this.added.has(key) || !this.byName.has(key)) this.added.set(key, { name: part, data });
    else {
      this.replaced.set(key, data);
      this.removed.delete(key);
    }
  }

  /** Adds a new part with its content-type override. */
  addPart(part: string, text: string | Buffer[], contentType: string): void {
    this.writeText(part, text);
    this.overridesAdded.push({ part, type: contentType });
  }

  removePart(part: string): void {
    const key = part.toLowerCase();
    this.added.delete(key);
    this.replaced.delete(key);
    if (this.byName.has(key)) this.removed.add(key);
    this.overridesRemoved.add(key);
  }

  /** A part name not yet in the package, `${stem}${n}${extension}` from n = 1. */
  findFreePartName(stem: string, extension: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = `${stem}${n}${extension}`;
      if (!this.has(candidate)) return candidate;
    }
  }

  /** The relationships part of `part`. */
  relationshipsPartOf(part: string): string {
    const slash = part.lastIndexOf("/");
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  readRelationships(part: string): Relationship[] {
    const relsPart = this.relationshipsPartOf(part);
    if (!this.has(relsPart)) return [];
    const folder = part.slice(0, part.lastIndexOf("/") + 1);
    const xml = new XmlScanner(this.readText(relsPart), relsPart);
    const relationships: Relationship[] = [];
    while (xml.moveNext()) {
      if (xml.name !== "Relationship" || xml.kind === "close") continue;
      const id = xml.readAttribute("Id");
      const target = xml.readAttribute("Target");
      if (id === undefined || target === undefined) continue;
      const external = xml.readAttribute("TargetMode") === "External";
      relationships.push({ id, type: xml.readAttribute("Type") ?? "", target, external, part: external ? "" : resolvePartName(folder, target) });
    }
    return relationships;
  }

  /** Adds relationships from `part` to `targets` (part names); returns their ids in order. */
  addRelationships(part: string, targets: readonly { readonly type: string; readonly part: string }[]): string[] {
    const relsPart = this.relationshipsPartOf(part);
    const taken = new Set(this.readRelationships(part).map((r) => r.id));
    const ids: string[] = [];
    let n = 1;
    const elements = targets.map((target) => {
      while (taken.has(`rId${n}`)) n += 1;
      const id = `rId${n}`;
      taken.add(id);
      ids.push(id);
      return `<Relationship Id="${id}" Type="${escapeXml(target.type)}" Target="${escapeXml(relativeTarget(part, target.part))}"/>`;
    });
    if (elements.length === 0) return ids;
    if (!this.has(relsPart)) {
      this.addPart(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">${elements.join("")}</Relationships>`, CONTENT_TYPES.relationships);
      return ids;
    }
    const text = this.readText(relsPart);
    const outline = readOutline(text, relsPart);
    const prefixed = outline.prefix === "" ? elements : elements.map((e) => e.replace("<Relationship ", `<${outline.prefix}Relationship `));
    this.writeText(relsPart, applyEdits(text, [insertAtRootEnd(outline, prefixed.join(""))]));
    return ids;
  }

  /** The workbook's sheets in order, with their parts. */
  readSheets(): SheetInfo[] {
    const relationships = new Map(this.readRelationships(this.workbookPart).map((r) => [r.id, r]));
    const xml = new XmlScanner(this.readText(this.workbookPart), this.workbookPart);
    const sheets: SheetInfo[] = [];
    while (xml.moveNext()) {
      if (xml.name !== "sheet" || xml.kind === "close") continue;
      const name = xml.readAttribute("name");
      const relationshipId = xml.readPrefixedAttribute("id");
      if (name === undefined || relationshipId === undefined) continue;
      const relationship = relationships.get(relationshipId);
      const part = relationship !== undefined && !relationship.external && this.has(relationship.part) ? relationship.part : undefined;
      sheets.push({
        name,
        sheetId: Number(xml.readAttribute("sheetId") ?? "0"),
        relationshipId,
        state: xml.readAttribute("state") ?? "visible",
        part,
        type: relationship?.type ?? "",
      });
    }
    return sheets;
  }

  /** The prefix the workbook part binds to the relationships namespace ("r:"), or a declaration to add. */
  readRelationshipPrefix(text: string): { prefix: string; declaration: string } {
    const outline = readOutline(text, this.workbookPart, new Set());
    const rootTag = text.slice(outline.root.start, outline.root.openEnd);
    for (const ns of [REL_NS, STRICT_REL_NS]) {
      const match = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${ns.replace(/[.]/g, "\\.")}["']`).exec(rootTag);
      if (match) return { prefix: `${match[1] ?? "r"}:`, declaration: "" };
    }
    return { prefix: "r:", declaration: ` xmlns:r="${REL_NS}"` };
  }

  /** The copy's zip, as chunks. */
  write(): Buffer[] {
    this.patchContentTypes();
    const output: OutputEntry[] = [];
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      const replacement = this.replaced.get(key);
      output.push(replacement === undefined ? { kind: "raw", entry } : { kind: "new", name: entry.name, data: replacement });
    }
    for (const { name, data } of this.added.values()) output.push({ kind: "new", name, data });
    return writeZip(this.bytes, output);
  }

  private patchContentTypes(): void {
    if (this.overridesAdded.length === 0 && this.overridesRemoved.size === 0) return;
    const overrides = this.overridesAdded
      .filter((o) => !this.overridesRemoved.has(o.part.toLowerCase()) || this.has(o.part))
      .map((o) => `<Override PartName="/${escapeXml(encodePartName(o.part))}" ContentType="${escapeXml(o.type)}"/>`);
    if (!this.byName.has(CONTENT_TYPES_PART.toLowerCase())) {
      this.writeText(
        CONTENT_TYPES_PART,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CONTENT_TYPES_NS}"><Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
      );
      return;
    }
    const text = this.readText(CONTENT_TYPES_PART);
    const outline = readOutline(text, CONTENT_TYPES_PART, new Set());
    const edits: TextEdit[] = [];
    // Overrides of parts we removed go (the part is gone); a part that is replaced keeps its entry.
    if (this.overridesRemoved.size > 0) {
      const xml = new XmlScanner(text, CONTENT_TYPES_PART);
      while (xml.moveNext()) {
        if (xml.name !== "Override" || xml.kind === "close") continue;
        const part = decodePartName(xml.readAttribute("PartName") ?? "");
        if (this.overridesRemoved.has(part.toLowerCase()) && !this.has(part)) edits.push({ start: xml.tagStart, end: xml.tagEnd, text: "" });
      }
    }
    const existing = new Set<string>();
    const scan = new XmlScanner(text, CONTENT_TYPES_PART);
    while (scan.moveNext()) {
      if (scan.name === "Override" && scan.kind !== "close") existing.add(decodePartName(scan.readAttribute("PartName") ?? "").toLowerCase());
    }
    const fresh = this.overridesAdded
      .filter((o) => this.has(o.part) && !existing.has(o.part.toLowerCase()))
      .map((o) => `<${outline.prefix}Override PartName="/${escapeXml(encodePartName(o.part))}" ContentType="${escapeXml(o.type)}"/>`);
    if (fresh.length > 0) edits.push(insertAtRootEnd(outline, fresh.join("")));
    if (edits.length > 0) this.writeText(CONTENT_TYPES_PART, applyEdits(text, edits));
  }

  private findWorkbookPart(): string {
    for (const relationship of this.readRelationships("")) {
      if (relationship.type.endsWith("/officeDocument") && !relationship.external && this.has(relationship.part)) return this.canonicalName(relationship.part);
    }
    return this.canonicalName("xl/workbook.xml");
  }

  /** The part's name as the zip stores it (OPC names compare case-insensitively). */
  canonicalName(part: string): string {
    return this.byName.get(part.toLowerCase())?.name ?? part;
  }
}

/** Resolves a relationship target against the source part's folder ("../", "./", absolute and percent-encoded targets). */
export function resolvePartName(folder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folder + target;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.map(decodeSegment).join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function decodePartName(name: string): string {
  return name.replace(/^\/+/, "").split("/").map(decodeSegment).join("/");
}

function encodePartName(part: string): string {
  return part.split("/").map((s) => encodeURIComponent(s).replace(/%5B/g, "[").replace(/%5D/g, "]")).join("/");
}

/** A target for a relationship from `source` to `target` (both part names): relative to the source's folder. */
function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common]?.toLowerCase() === to[common]?.toLowerCase()) common += 1;
  const up = from.slice(common).map(() => "..");
  return [...up, ...to.slice(common)].map((s) => (s === ".." ? s : encodeURIComponent(s))).join("/");
}

/** Sheet-local order of CT_Worksheet's children (ECMA-376 Part 1, §18.3.1.99). */
export const WORKSHEET_ORDER: readonly string[] = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** CT_Workbook's children in order (§18.2.27). */
export const WORKBOOK_ORDER: readonly string[] = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** CT_Stylesheet's children in order (§18.8.39). */
export const STYLESHEET_ORDER: readonly string[] = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export { insertInSequence, appendToElement };
