import { XmlScanner } from "./scan-xml";

/**
 * Where the root's child elements lie in a part's text, so a copy can insert its own elements at
 * their schema position and leave every byte of the user's around them as it was.
 */

export interface ElementSpan {
  /** Local name (prefix dropped) and the name as written. */
  readonly name: string;
  readonly qualifiedName: string;
  /** Offset of "<" of the start tag, just after its ">", of "</" of the end tag, and just after the end. */
  readonly start: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly end: number;
  readonly selfClosing: boolean;
  /** Element children directly inside (not counted for elements whose content was jumped over). */
  readonly childCount: number;
}

export interface XmlOutline {
  readonly text: string;
  readonly root: ElementSpan;
  /** The root's prefix with its colon ("x:"), or "": elements we add carry the same. */
  readonly prefix: string;
  readonly children: readonly ElementSpan[];
}

/** Reads a part's root and its children; the content of `jump` elements (sheetData) is not scanned. */
export function readOutline(text: string, part: string, jump: ReadonlySet<string> = new Set(["sheetData"])): XmlOutline {
  const xml = new XmlScanner(text, part);
  let root: { name: string; qualifiedName: string; start: number; openEnd: number; selfClosing: boolean } | undefined;
  const children: ElementSpan[] = [];
  let current: { name: string; qualifiedName: string; start: number; openEnd: number; childCount: number } | undefined;
  let rootChildren = 0;
  while (xml.moveNext()) {
    const depth = xml.depth;
    if (root === undefined) {
      root = { name: xml.name, qualifiedName: xml.qualifiedName, start: xml.tagStart, openEnd: xml.tagEnd, selfClosing: xml.kind === "empty" };
      if (xml.kind === "empty") break;
      continue;
    }
    if (xml.kind === "close" && depth === 0) {
      const colon = root.qualifiedName.indexOf(":");
      return {
        text,
        root: { ...root, closeStart: xml.tagStart, end: xml.tagEnd, selfClosing: false, childCount: rootChildren },
        prefix: colon < 0 ? "" : root.qualifiedName.slice(0, colon + 1),
        children,
      };
    }
    if (xml.kind === "empty" && depth === 1) {
      rootChildren += 1;
      children.push({ name: xml.name, qualifiedName: xml.qualifiedName, start: xml.tagStart, openEnd: xml.tagEnd, closeStart: xml.tagStart, end: xml.tagEnd, selfClosing: true, childCount: 0 });
      continue;
    }
    if (xml.kind === "open" && depth === 2) {
      rootChildren += 1;
      current = { name: xml.name, qualifiedName: xml.qualifiedName, start: xml.tagStart, openEnd: xml.tagEnd, childCount: 0 };
      if (jump.has(xml.name)) xml.jumpToClose();
      else continue;
    } else if (depth === 2 && xml.kind === "empty" && current !== undefined) {
      current.childCount += 1;
      continue;
    } else if (depth === 3 && xml.kind === "open" && current !== undefined) {
      current.childCount += 1;
      continue;
    }
    if ((xml.kind as string) === "close" && xml.depth === 1 && current !== undefined) {
      children.push({ ...current, closeStart: xml.tagStart, end: xml.tagEnd, selfClosing: false });
      current = undefined;
    }
  }
  if (root?.selfClosing === true) {
    const colon = root.qualifiedName.indexOf(":");
    return {
      text,
      root: { ...root, closeStart: root.openEnd, end: root.openEnd, childCount: 0 },
      prefix: colon < 0 ? "" : root.qualifiedName.slice(0, colon + 1),
      children,
    };
  }
  return xml.fail("xmlNoRootElement");
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies edits (non-overlapping; several at one offset keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.start - b.edit.start || a.i - b.i);
  const pieces: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    pieces.push(text.slice(at, edit.start), edit.text);
    at = Math.max(at, edit.end);
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

/**
 * The edit that inserts `content` (an element named `name`) into the root at its place in the
 * schema's sequence `order`: after every child that comes before it, before the first that comes
 * after. Children the order does not know (other namespaces) do not move the place.
 */
export function insertInSequence(outline: XmlOutline, name: string, order: readonly string[], content: string): TextEdit {
  const rank = order.indexOf(name);
  for (const child of outline.children) {
    const childRank = order.indexOf(child.name);
    if (childRank > rank) return { start: child.start, end: child.start, text: content };
  }
  return insertAtRootEnd(outline, content);
}

/** The edit that adds `content` at the end of the root. */
export function insertAtRootEnd(outline: XmlOutline, content: string): TextEdit {
  const { root } = outline;
  if (root.selfClosing) {
    const slash = outline.text.lastIndexOf("/", root.openEnd);
    return { start: slash, end: root.openEnd, text: `>${content}</${root.qualifiedName}>` };
  }
  return { start: root.closeStart, end: root.closeStart, text: content };
}

/**
 * Edits that append `content` (child elements) to `element` and set its count attribute, if it
 * has one, to the children it then holds.
 */
export function appendToElement(text: string, element: ElementSpan, content: string, added: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const startTag = text.slice(element.start, element.openEnd);
  const count = / count\s*=\s*("[^"]*"|'[^']*')/.exec(startTag);
  const total = element.childCount + added;
  if (element.selfClosing) {
    const slash = startTag.lastIndexOf("/");
    let head = startTag.slice(0, slash);
    if (count) head = head.replace(count[0], ` count="${total}"`);
    edits.push({ start: element.start, end: element.end, text: `${head}>${content}</${element.qualifiedName}>` });
    return edits;
  }
  if (count) edits.push({ start: element.start + count.index, end: element.start + count.index + count[0].length, text: ` count="${total}"` });
  edits.push({ start: element.closeStart, end: element.closeStart, text: content });
  return edits;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Text for a cell or formula: characters XML 1.0 cannot carry are written as Excel's `_xHHHH_`
 * escapes (and a literal "_x0041_"-like text has its underscore escaped), then XML-escaped.
 */
export function escapeCellText(text: string): string {
  const escaped = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(escaped);
}
