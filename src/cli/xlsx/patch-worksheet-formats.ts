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
