import { formatA1, parseA1 } from "../../domain";
import { WORKSHEET_ORDER } from "./patch-package";
import { appendToElement, applyEdits, escapeXml, insertInSequence, readOutline, type TextEdit } from "./xml-outline";

/**
 * Adds our conditional formats and status dropdowns to a user's worksheet part, in place: the new
 * <conditionalFormatting> elements go after the user's (CT_Worksheet's order), our <dataValidation>s
 * are appended to the user's <dataValidations> (or a new one at its place). Cells the user already
 * validates keep their own validation. Conditional formats we wrote on an earlier run are replaced,
 * never stacked; every other element, the cells included, is kept byte for byte.
 */

export interface ConditionalFormat {
  readonly range: string;
  readonly rules: readonly { readonly formula: string; readonly dxfId: number }[];
}

export interface ListValidation {
  readonly range: string;
  readonly list: readonly string[];
}

export interface WorksheetFormats {
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly validations: readonly ListValidation[];
  /** True for a rule formula we wrote on an earlier run (a conditional format all of whose rules are ours goes). */
  readonly isOwnRule: (formula: string) => boolean;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The worksheet's text with the formats added (and our earlier ones removed). */
export function patchWorksheetFormats(text: string, part: string, formats: WorksheetFormats): string {
  const outline = readOutline(text, part);
  const p = outline.prefix;
  const edits: TextEdit[] = [];
  let priority = 0;
  const covered: Rect[] = [];
  let validations: (typeof outline.children)[number] | undefined;
  for (const child of outline.children) {
    if (child.name === "sheetData") continue;
    const slice = text.slice(child.start, child.end);
    for (const match of slice.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(match[1]));
    if (child.name === "conditionalFormatting") {
      const formulas = [...slice.matchAll(/<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g)].map((m) => decodeEntities(m[1] ?? ""));
      const rules = [...slice.matchAll(/<(?:[\w.-]+:)?cfRule\b/g)].length;
      if (rules > 0 && formulas.length >= rules && formulas.every(formats.isOwnRule)) edits.push({ start: child.start, end: child.end, text: "" });
    } else if (child.name === "dataValidations") {
      validations = child;
      for (const match of slice.matchAll(/\ssqref\s*=\s*["']([^"']*)["']/g)) covered.push(...parseSqref(match[1] ?? ""));
    }
  }

  const conditional = formats.conditionalFormats
    .map((format) => {
      const rules = format.rules
        .map((rule) => `<${p}cfRule type="expression" dxfId="${rule.dxfId}" priority="${++priority}"><${p}formula>${escapeXml(rule.formula)}</${p}formula></${p}cfRule>`)
        .join("");
      return `<${p}conditionalFormatting sqref="${format.range.replace(/\$/g, "")}">${rules}</${p}conditionalFormatting>`;
    })
    .join("");
  if (conditional !== "") edits.push(insertInSequence(outline, "conditionalFormatting", WORKSHEET_ORDER, conditional));

  const validationElements: string[] = [];
  for (const validation of formats.validations) {
    const sqref = subtractCovered(validation.range, covered);
    if (sqref === "") continue;
    const list = `"${validation.list.join(",")}"`;
    validationElements.push(
      `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="${sqref}"><${p}formula1>${escapeXml(list)}</${p}formula1></${p}dataValidation>`,
    );
  }
  if (validationElements.length > 0) {
    if (validations !== undefined) edits.push(...appendToElement(text, validations, validationElements.join(""), validationElements.length));
    else {
      edits.push(
        insertInSequence(
          outline,
          "dataValidations",
          WORKSHEET_ORDER,
          `<${p}dataValidations count="${validationElements.length}">${validationElements.join("")}</${p}dataValidations>`,
        ),
      );
    }
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}

/**
 * The same patch on a worksheet's bytes, as chunks: the part is cut around its <sheetData>, only
 * the text outside it is decoded and patched (our elements all go after the rows), and the rows'
 * bytes are passed on as they are. A million-row sheet is never turned into a string. Undefined
 * when nothing changes.
 */
export function patchWorksheetBytes(bytes: Buffer, part: string, formats: WorksheetFormats): Buffer[] | undefined {
  const cut = findSheetData(bytes);
  if (cut === undefined) {
    const text = bytes.toString("utf8");
    const patched = patchWorksheetFormats(text, part, formats);
    return patched === text ? undefined : [Buffer.from(patched, "utf8")];
  }
  const head = bytes.toString("utf8", 0, cut.start);
  const placeholder = `<${cut.prefix}sheetData/>`;
  const small = head + placeholder + bytes.toString("utf8", cut.end);
  const patched = patchWorksheetFormats(small, part, formats);
  if (patched === small) return undefined;
  if (!patched.startsWith(head + placeholder)) throw new Error(`${part}: an edit landed before the rows`);
  return [bytes.subarray(0, cut.end), Buffer.from(patched.slice(head.length + placeholder.length), "utf8")];
}

/** Where the <sheetData> element lies in a UTF-8 worksheet part (its "<" and just after its end), with its prefix. */
function findSheetData(bytes: Buffer): { start: number; end: number; prefix: string } | undefined {
  // UTF-16 parts (a BOM of FF FE or FE FF) are rare and small: they go the text way.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  let at = bytes.indexOf("sheetData");
  while (at > 0) {
    let lt = at - 1;
    while (lt >= 0 && bytes[lt] !== 0x3c && bytes[lt] !== 0x3e && bytes[lt] !== 0x20) lt -= 1;
    const after = bytes[at + 9];
    if (lt >= 0 && bytes[lt] === 0x3c && (after === 0x3e || after === 0x20 || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) {
      const prefix = bytes.toString("utf8", lt + 1, at);
      if (prefix === "" || /^[A-Za-z_][\w.-]*:$/.test(prefix)) {
        const openEnd = bytes.indexOf(">", at);
        if (openEnd < 0) return undefined;
        if (bytes[openEnd - 1] === 0x2f) return { start: lt, end: openEnd + 1, prefix };
        const closing = `</${prefix}sheetData>`;
        const close = bytes.lastIndexOf(closing);
        return close < openEnd ? undefined : { start: lt, end: close + closing.length, prefix };
      }
    }
    at = bytes.indexOf("sheetData", at + 9);
  }
  return undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_whole: string, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name] ?? "");
}

function parseSqref(sqref: string): Rect[] {
  const rects: Rect[] = [];
  for (const token of sqref.trim().split(/\s+/)) {
    const rect = parseRange(token);
    if (rect !== undefined) rects.push(rect);
  }
  return rects;
}

function parseRange(range: string): Rect | undefined {
  const [first, second] = range.replace(/\$/g, "").split(":");
  const a = parseA1(first ?? "");
  const b = parseA1(second ?? first ?? "");
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** The cells of `range` no rect covers, as an sqref of column runs ("E2 E4:E9"). */
function subtractCovered(range: string, covered: readonly Rect[]): string {
  const rect = parseRange(range);
  if (rect === undefined) return "";
  const tokens: string[] = [];
  for (let col = rect.left; col <= rect.right; col += 1) {
    const blocking = covered
      .filter((c) => c.left <= col && col <= c.right && c.bottom >= rect.top && c.top <= rect.bottom)
      .sort((a, b) => a.top - b.top);
    let row = rect.top;
    for (const block of blocking) {
      if (block.top > row) tokens.push(formatRun(col, row, block.top - 1));
      row = Math.max(row, block.bottom + 1);
    }
    if (row <= rect.bottom) tokens.push(formatRun(col, row, rect.bottom));
  }
  return tokens.join(" ");
}

function formatRun(col: number, top: number, bottom: number): string {
  return top === bottom ? formatA1(top, col) : `${formatA1(top, col)}:${formatA1(bottom, col)}`;
}
