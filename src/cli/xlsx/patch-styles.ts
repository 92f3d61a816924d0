import { CONTENT_TYPES, RELATIONSHIP_TYPES, STYLESHEET_ORDER, type PackagePatch } from "./patch-package";
import { appendToElement, applyEdits, escapeXml, insertInSequence, readOutline, type ElementSpan, type TextEdit, type XmlOutline } from "./xml-outline";

/**
 * The styles our sheets and formats need, appended to the workbook's styles part: new fonts,
 * fills, borders, cell formats (<cellXfs>) and differential formats (<dxfs>) after the user's,
 * whose indices therefore stay valid. Nothing of the user's is changed.
 */

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  /** "#RRGGBB" colours. */
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
}

export interface DifferentialStyle {
  readonly font?: string;
  readonly fill?: string;
  readonly border?: string;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"></styleSheet>`;
/** What a container holds before anything of ours, when the part lacks it: the defaults every workbook has. */
const DEFAULT_CHILDREN: Readonly<Record<string, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  dxfs: [],
};
const CONTAINERS = ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"] as const;
type Container = (typeof CONTAINERS)[number];

export class StylesPatch {
  private readonly part: string;
  private readonly text: string;
  private readonly outline: XmlOutline;
  private readonly pending = new Map<Container, string[]>(CONTAINERS.map((c) => [c, []]));
  private readonly existing = new Map<Container, number>();
  private readonly cellStyles = new Map<string, number>();
  private readonly differentialStyles = new Map<string, number>();
  private readonly fontBase: string;

  constructor(private readonly pkg: PackagePatch) {
    const related = pkg.readRelationships(pkg.workbookPart).find((r) => r.type.endsWith("/styles") && !r.external && pkg.has(r.part));
    if (related !== undefined) {
      this.part = pkg.canonicalName(related.part);
      this.text = pkg.readText(this.part);
    } else {
      const folder = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf("/") + 1);
      this.part = pkg.findFreePartName(`${folder}styles`, ".xml");
      this.text = EMPTY_STYLES;
      pkg.addPart(this.part, this.text, CONTENT_TYPES.styles);
      pkg.addRelationships(pkg.workbookPart, [{ type: RELATIONSHIP_TYPES.styles, part: this.part }]);
    }
    this.outline = readOutline(this.text, this.part, new Set());
    for (const container of CONTAINERS) {
      const span = this.findContainer(container);
      this.existing.set(container, span === undefined ? DEFAULT_CHILDREN[container]?.length ?? 0 : span.childCount);
    }
    this.fontBase = this.readFontBase();
  }

  /** The cellXfs index of a cell format with this look (one per distinct look). */
  cellStyle(style: CellStyle): number {
    // Asked once per cell of a sheet we write: a plain key, not JSON.
    const key = `${style.bold === true ? "b" : ""}${style.italic === true ? "i" : ""}${style.underline === true ? "u" : ""}|${style.size ?? ""}|${style.color ?? ""}|${style.fill ?? ""}|${style.wrap === true ? "w" : ""}`;
    const known = this.cellStyles.get(key);
    if (known !== undefined) return known;
    const fontId = this.add("fonts", this.writeFont(style));
    const fillId = style.fill === undefined ? 0 : this.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${toArgb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`);
    const alignment = style.wrap === true ? '<alignment wrapText="1" vertical="top"/>' : "";
    const xf =
      `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1"` +
      `${style.fill !== undefined ? ' applyFill="1"' : ""}${alignment !== "" ? ' applyAlignment="1">' + alignment + "</xf>" : "/>"}`;
    const index = this.add("cellXfs", xf);
    this.cellStyles.set(key, index);
    return index;
  }

  /** The dxfs index of a differential format (conditional formatting). */
  differentialStyle(style: DifferentialStyle): number {
    const key = JSON.stringify(style);
    const known = this.differentialStyles.get(key);
    if (known !== undefined) return known;
    const font = style.font === undefined ? "" : `<font><color rgb="${toArgb(style.font)}"/></font>`;
    const fill = style.fill === undefined ? "" : `<fill><patternFill patternType="solid"><bgColor rgb="${toArgb(style.fill)}"/></patternFill></fill>`;
    const side = (name: string): string => (style.border === undefined ? "" : `<${name} style="thin"><color rgb="${toArgb(style.border)}"/></${name}>`);
    const border = style.border === undefined ? "" : `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}</border>`;
    const index = this.add("dxfs", `<dxf>${font}${fill}${border}</dxf>`);
    this.differentialStyles.set(key, index);
    return index;
  }

  /** Writes the styles part when anything was added. */
  commit(): void {
    if (CONTAINERS.every((c) => (this.pending.get(c) ?? []).length === 0)) return;
    const edits: TextEdit[] = [];
    const prefix = this.outline.prefix;
    const withPrefix = (xml: string): string => (prefix === "" ? xml : xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`));
    for (const container of CONTAINERS) {
      const items = this.pending.get(container) ?? [];
      if (items.length === 0) continue;
      const span = this.findContainer(container);
      if (span !== undefined) {
        edits.push(...appendToElement(this.text, span, withPrefix(items.join("")), items.length));
      } else {
        const all = [...(DEFAULT_CHILDREN[container] ?? []), ...items];
        edits.push(insertInSequence(this.outline, container, STYLESHEET_ORDER, withPrefix(`<${container} count="${all.length}">${all.join("")}</${container}>`)));
      }
    }
    // Containers created at one offset keep the order of CONTAINERS, which is the schema's.
    this.pkg.writeText(this.part, applyEdits(this.text, edits));
  }

  private add(container: Container, xml: string): number {
    const items = this.pending.get(container) as string[];
    items.push(xml);
    return (this.existing.get(container) ?? 0) + items.length - 1;
  }

  private findContainer(name: string): ElementSpan | undefined {
    return this.outline.children.find((child) => child.name === name);
  }

  /** The workbook's default font (the first), without the parts our styles set: our texts keep its face. */
  private readFontBase(): string {
    const fonts = this.findContainer("fonts");
    if (fonts === undefined || fonts.selfClosing) return '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    const inner = this.text.slice(fonts.openEnd, fonts.closeStart);
    const first = /<(?:[\w.-]+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?font>)/.exec(inner);
    const body = first?.[1] ?? "";
    const keep = [...body.matchAll(/<(?:[\w.-]+:)?(name|family|charset|scheme)\b[^>]*\/>/g)].map((m) => `<${m[1] ?? ""}${/\sval\s*=\s*("[^"]*"|'[^']*')/.exec(m[0])?.[0] ?? ""}/>`);
    const size = /<(?:[\w.-]+:)?sz\b[^>]*\sval\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
    return `<sz val="${escapeXml(size ?? "11")}"/>${keep.join("")}`;
  }

  private writeFont(style: CellStyle): string {
    const base = style.size === undefined ? this.fontBase : this.fontBase.replace(/<sz val="[^"]*"\/>/, `<sz val="${style.size}"/>`);
    // CT_Font is a sequence: b, i, strike, condense, extend, outline, shadow, u, vertAlign, sz, color, name, family, charset, scheme.
    const [sz, ...rest] = splitFirst(base);
    return (
      `<font>${style.bold === true ? "<b/>" : ""}${style.italic === true ? "<i/>" : ""}${style.underline === true ? "<u/>" : ""}` +
      `${sz}${style.color !== undefined ? `<color rgb="${toArgb(style.color)}"/>` : ""}${rest.join("")}</font>`
    );
  }
}

function splitFirst(base: string): string[] {
  return base.match(/<[^>]*\/>/g) ?? [];
}

/** "#RRGGBB" -> "FFRRGGBB" (an "#AARRGGBB" colour is kept). */
export function toArgb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}
