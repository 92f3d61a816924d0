import { CONTENT_TYPES, PackagePatch, RELATIONSHIP_TYPES, WORKBOOK_ORDER, type SheetInfo } from "./patch-package";
import { StylesPatch } from "./patch-styles";
import { XmlScanner } from "./scan-xml";
import { writeChartXml, writeDrawingXml, type NewChart } from "./write-chart-xml";
import { writeSheetXml, writeTableXml, type NewSheet } from "./write-sheet-xml";
import { appendToElement, applyEdits, escapeXml, insertInSequence, readOutline, type TextEdit } from "./xml-outline";

/**
 * A workbook copy being patched: sheets we add or rewrite, defined names we add, styles we append,
 * edits to the user's worksheets. The workbook part gets only appended <sheet> and <definedName>
 * elements; everything else in it stays as the user's writer wrote it.
 */

export interface NewTable {
  readonly name: string;
  readonly range: string;
  readonly headers: readonly string[];
}

export interface DefinedName {
  readonly name: string;
  readonly formula: string;
  /** Index of the sheet in <sheets> for a sheet-scoped name. */
  readonly localSheetId?: number;
}

export class WorkbookPatch {
  readonly pkg: PackagePatch;
  readonly styles: StylesPatch;
  readonly sheets: SheetInfo[];
  private readonly newSheets: { name: string; state: string; relationshipId: string }[] = [];
  private readonly newNames: DefinedName[] = [];
  private readonly existingNames: { name: string; localSheetId: string | undefined }[] = [];
  private nextSheetId: number;
  private nextTableId: number;
  private readonly tableNames = new Set<string>();

  constructor(bytes: Buffer) {
    this.pkg = new PackagePatch(bytes);
    this.sheets = this.pkg.readSheets();
    this.styles = new StylesPatch(this.pkg);
    this.nextSheetId = Math.max(0, ...this.sheets.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0))) + 1;
    const xml = new XmlScanner(this.pkg.readText(this.pkg.workbookPart), this.pkg.workbookPart);
    while (xml.moveNext()) {
      if (xml.name !== "definedName" || xml.kind === "close") continue;
      this.existingNames.push({ name: xml.readAttribute("name") ?? "", localSheetId: xml.readAttribute("localSheetId") });
    }
    this.nextTableId = 1;
    for (const sheet of this.sheets) {
      if (sheet.part === undefined) continue;
      for (const relationship of this.pkg.readRelationships(sheet.part)) {
        if (!relationship.type.endsWith("/table") || relationship.external || !this.pkg.has(relationship.part)) continue;
        const table = new XmlScanner(this.pkg.readText(relationship.part), relationship.part);
        while (table.moveNext()) {
          if (table.name !== "table") continue;
          this.nextTableId = Math.max(this.nextTableId, Number(table.readAttribute("id") ?? "0") + 1 || 1);
          this.tableNames.add((table.readAttribute("name") ?? "").toLowerCase());
          break;
        }
      }
    }
    for (const name of this.existingNames) this.tableNames.add(name.name.toLowerCase());
  }

  /** The workbook-scoped defined names as stored (name -> formula text). */
  readDefinedNames(): Map<string, string> {
    const names = new Map<string, string>();
    const xml = new XmlScanner(this.pkg.readText(this.pkg.workbookPart), this.pkg.workbookPart);
    while (xml.moveNext()) {
      if (xml.name !== "definedName" || xml.kind === "close") continue;
      const name = xml.readAttribute("name");
      const local = xml.readAttribute("localSheetId");
      const text = xml.readText();
      if (name !== undefined && local === undefined) names.set(name, text);
    }
    return names;
  }

  hasDefinedName(name: string, localSheetId?: number): boolean {
    const local = localSheetId === undefined ? undefined : String(localSheetId);
    return [...this.existingNames, ...this.newNames.map((n) => ({ name: n.name, localSheetId: n.localSheetId === undefined ? undefined : String(n.localSheetId) }))].some(
      (n) => n.name.toLowerCase() === name.toLowerCase() && n.localSheetId === local,
    );
  }

  addDefinedName(name: DefinedName): void {
    if (!this.hasDefinedName(name.name, name.localSheetId)) this.newNames.push(name);
  }

  /** Every sheet name, the ones added in this patch included. */
  listSheetNames(): string[] {
    return [...this.sheets.map((s) => s.name), ...this.newSheets.map((s) => s.name)];
  }

  /** Position of a sheet in <sheets> (for localSheetId). */
  indexOfSheet(name: string): number {
    return this.listSheetNames().indexOf(name);
  }

  /** Adds a worksheet at the end; returns its part name. */
  addSheet(name: string, sheet: NewSheet, options: { hidden?: boolean; tables?: readonly NewTable[]; chart?: NewChart } = {}): string {
    const folder = this.pkg.workbookPart.slice(0, this.pkg.workbookPart.lastIndexOf("/") + 1);
    const part = this.pkg.findFreePartName(`${folder}worksheets/sheet`, ".xml");
    const [relationshipId] = this.pkg.addRelationships(this.pkg.workbookPart, [{ type: RELATIONSHIP_TYPES.worksheet, part }]);
    this.newSheets.push({ name, state: options.hidden === true ? "hidden" : "visible", relationshipId: relationshipId as string });
    this.writeSheet(part, sheet, options.tables ?? [], options.chart, true);
    return part;
  }

  /**
   * Rewrites one of our own sheets in place (same name, id and part): its old tables, drawing
   * (with its charts) and its relationships are ours and go with it.
   */
  replaceSheet(own: SheetInfo, sheet: NewSheet, tables: readonly NewTable[] = [], chart?: NewChart): void {
    if (own.part === undefined) return;
    for (const relationship of this.pkg.readRelationships(own.part)) {
      if (relationship.external || !this.pkg.has(relationship.part)) continue;
      if (relationship.type.endsWith("/table")) this.pkg.removePart(relationship.part);
      else if (relationship.type.endsWith("/drawing")) this.removeWithRelated(relationship.part, 2);
    }
    const relsPart = this.pkg.relationshipsPartOf(own.part);
    if (this.pkg.has(relsPart)) this.pkg.removePart(relsPart);
    this.writeSheet(own.part, sheet, tables, chart, false);
  }

  /** Removes a part of ours, its relationships part, and (to `depth` levels) the internal parts it refers to. */
  private removeWithRelated(part: string, depth: number): void {
    if (depth > 0) {
      for (const related of this.pkg.readRelationships(part)) {
        if (!related.external && this.pkg.has(related.part)) this.removeWithRelated(related.part, depth - 1);
      }
    }
    const relsPart = this.pkg.relationshipsPartOf(part);
    if (this.pkg.has(relsPart)) this.pkg.removePart(relsPart);
    this.pkg.removePart(part);
  }

  /** A table name not used in the workbook: `name`, else `name_2`, ... */
  freeTableName(name: string): string {
    let candidate = name;
    for (let n = 2; this.tableNames.has(candidate.toLowerCase()); n += 1) candidate = `${name}_${n}`;
    this.tableNames.add(candidate.toLowerCase());
    return candidate;
  }

  private writeSheet(part: string, sheet: NewSheet, tables: readonly NewTable[], chart: NewChart | undefined, isNew: boolean): void {
    const slash = part.lastIndexOf("/");
    const folder = part.slice(0, slash);
    const parent = folder.slice(0, folder.lastIndexOf("/") + 1);
    const tableParts = tables.map((table) => {
      const tablePart = this.pkg.findFreePartName(`${parent}tables/table`, ".xml");
      this.pkg.addPart(tablePart, writeTableXml(this.nextTableId++, table.name, table.range, table.headers), CONTENT_TYPES.table);
      return tablePart;
    });
    const ids = this.pkg.addRelationships(part, tableParts.map((p) => ({ type: RELATIONSHIP_TYPES.table, part: p })));
    let drawingRelationshipId: string | undefined;
    if (chart !== undefined) {
      // Free names: the user's workbook may already have drawings and charts of its own.
      const chartPart = this.pkg.findFreePartName(`${parent}charts/chart`, ".xml");
      this.pkg.addPart(chartPart, writeChartXml(chart), CONTENT_TYPES.chart);
      const drawingPart = this.pkg.findFreePartName(`${parent}drawings/drawing`, ".xml");
      const [chartId] = this.pkg.addRelationships(drawingPart, [{ type: RELATIONSHIP_TYPES.chart, part: chartPart }]);
      this.pkg.addPart(drawingPart, writeDrawingXml(chart, chartId as string), CONTENT_TYPES.drawing);
      [drawingRelationshipId] = this.pkg.addRelationships(part, [{ type: RELATIONSHIP_TYPES.drawing, part: drawingPart }]);
    }
    const text = writeSheetXml({ ...sheet, tableRelationshipIds: ids, ...(drawingRelationshipId !== undefined ? { drawingRelationshipId } : {}) });
    if (isNew) this.pkg.addPart(part, text, CONTENT_TYPES.worksheet);
    else this.pkg.writeText(part, text);
  }

  /** Applies the workbook part's edits and the styles; returns the copy's zip chunks. */
  write(): Buffer[] {
    this.styles.commit();
    this.patchWorkbookPart();
    return this.pkg.write();
  }

  private patchWorkbookPart(): void {
    if (this.newSheets.length === 0 && this.newNames.length === 0) return;
    const part = this.pkg.workbookPart;
    const text = this.pkg.readText(part);
    const outline = readOutline(text, part, new Set());
    const { prefix: relPrefix, declaration } = this.pkg.readRelationshipPrefix(text);
    const p = outline.prefix;
    const edits: TextEdit[] = [];
    if (this.newSheets.length > 0) {
      const elements = this.newSheets
        .map((s) => {
          const state = s.state === "visible" ? "" : ` state="${s.state}"`;
          return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${this.nextSheetId++}"${state} ${relPrefix}id="${s.relationshipId}"${declaration}/>`;
        })
        .join("");
      const sheets = outline.children.find((c) => c.name === "sheets");
      if (sheets) edits.push(...appendToElement(text, sheets, elements, this.newSheets.length));
      else edits.push(insertInSequence(outline, "sheets", WORKBOOK_ORDER, `<${p}sheets>${elements}</${p}sheets>`));
    }
    if (this.newNames.length > 0) {
      const elements = this.newNames
        .map((n) => `<${p}definedName name="${escapeXml(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}>${escapeXml(n.formula)}</${p}definedName>`)
        .join("");
      const names = outline.children.find((c) => c.name === "definedNames");
      if (names) edits.push(...appendToElement(text, names, elements, this.newNames.length));
      else edits.push(insertInSequence(outline, "definedNames", WORKBOOK_ORDER, `<${p}definedNames>${elements}</${p}definedNames>`));
    }
    this.pkg.writeText(part, applyEdits(text, edits));
  }
}
