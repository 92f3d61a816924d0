import { describePackageProblem, PackageError, type PackageProblem } from "./read-zip";
import type { TextValues } from "../../domain";

/**
 * A pull scanner for the XML parts of an .xlsx: tags one by one, attributes and text on demand.
 * It checks what the reader relies on (tags close in order, entities are known, no DTD) and skips
 * comments and processing instructions. Element and attribute prefixes are kept in `qualifiedName`
 * and dropped from `name`, because the Open XML SDK writes `<x:c>` where Excel writes `<c>`.
 */
export type TagKind = "open" | "close" | "empty";

const GT = 0x3e; // >
const SLASH = 0x2f; // /
const EQUALS = 0x3d; // =
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const QUESTION = 0x3f; // ?
const BANG = 0x21; // !

export class XmlScanner {
  kind: TagKind = "close";
  /** Local name of the current tag (prefix dropped). */
  name = "";
  qualifiedName = "";
  /** Offsets of the current tag in the text: its "<" and just after its ">" (for patching a part in place). */
  tagStart = 0;
  tagEnd = 0;
  private position = 0;
  private readonly stack: string[] = [];
  private readonly attributeNames: string[] = [];
  private readonly attributeValues: string[] = [];
  private attributeCount = 0;

  constructor(
    private readonly xml: string,
    private readonly part: string,
  ) {}

  /** Moves to the next tag; false at the end of the document (which must close every element). */
  moveNext(): boolean {
    const { xml } = this;
    for (;;) {
      const start = xml.indexOf("<", this.position);
      if (start < 0) {
        if (this.stack.length > 0) this.fail("xmlNotClosed", { tag: this.stack[this.stack.length - 1] ?? "" });
        this.position = xml.length;
        return false;
      }
      const marker = xml.charCodeAt(start + 1);
      if (marker === QUESTION) {
        this.position = this.indexAfter("?>", start + 2, "xmlInstructionNotClosed");
        continue;
      }
      if (marker === BANG) {
        if (xml.startsWith("<!--", start)) {
          this.position = this.indexAfter("-->", start + 4, "xmlCommentNotClosed");
          continue;
        }
        if (xml.startsWith("<![CDATA[", start)) {
          this.position = this.indexAfter("]]>", start + 9, "xmlCdataNotClosed");
          continue;
        }
        // A DTD could declare entities (and expand them without bound); no Office part has one.
        this.fail("xmlDoctype");
      }
      if (marker === SLASH) {
        const end = xml.indexOf(">", start + 2);
        if (end < 0) this.fail("xmlClosingTagNotClosed");
        const qualifiedName = xml.slice(start + 2, end).trim();
        const open = this.stack.pop();
        if (open !== qualifiedName) this.fail("xmlWrongClose", { closing: qualifiedName, open: open ?? "" });
        this.setName(qualifiedName);
        this.kind = "close";
        this.attributeCount = 0;
        this.position = end + 1;
        this.tagStart = start;
        this.tagEnd = end + 1;
        return true;
      }
      this.readOpenTag(start);
      this.tagStart = start;
      this.tagEnd = this.position;
      return true;
    }
  }

  /** The value of attribute `qualifiedName` (e.g. "r", "r:id") of the current tag, entities decoded. */
  readAttribute(qualifiedName: string): string | undefined {
    for (let i = 0; i < this.attributeCount; i += 1) {
      if (this.attributeNames[i] === qualifiedName) return decodeAttributeValue(this.attributeValues[i] as string, this);
    }
    return undefined;
  }

  /**
   * The value of a prefixed attribute by its local name, whatever the prefix: relationship ids are
   * `r:id` in Excel's files but may carry any prefix bound to the relationships namespace.
   */
  readPrefixedAttribute(localName: string): string | undefined {
    for (let i = 0; i < this.attributeCount; i += 1) {
      const name = this.attributeNames[i] as string;
      const colon = name.indexOf(":");
      if (colon > 0 && !name.startsWith("xmlns") && name.slice(colon + 1) === localName) {
        return decodeAttributeValue(this.attributeValues[i] as string, this);
      }
    }
    return undefined;
  }

  /**
   * The text of the current element, which must hold only text (and CDATA or comments), up to and
   * including its closing tag. Line ends are normalised as an XML parser does; entities decoded.
   */
  readText(): string {
    if (this.kind === "empty") return "";
    const { xml } = this;
    let text = "";
    for (;;) {
      const start = xml.indexOf("<", this.position);
      if (start < 0) this.fail("xmlNotClosed", { tag: this.qualifiedName });
      if (start > this.position) text += decodeEntities(normaliseLineEnds(xml.slice(this.position, start)), this);
      if (xml.startsWith("<![CDATA[", start)) {
        const end = this.indexAfter("]]>", start + 9, "xmlCdataNotClosed");
        text += normaliseLineEnds(xml.slice(start + 9, end - 3));
        this.position = end;
        continue;
      }
      if (xml.startsWith("<!--", start)) {
        this.position = this.indexAfter("-->", start + 4, "xmlCommentNotClosed");
        continue;
      }
      // A processing instruction is no part of the text (XML 1.0 §2.6).
      if (xml.charCodeAt(start + 1) === QUESTION) {
        this.position = this.indexAfter("?>", start + 2, "xmlInstructionNotClosed");
        continue;
      }
      if (xml.charCodeAt(start + 1) !== SLASH) this.fail("xmlElementInText", { tag: this.qualifiedName });
      this.position = start;
      this.moveNext();
      return text;
    }
  }

  /** The depth of open elements (the root's children are at depth 1 once the root is open). */
  get depth(): number {
    return this.stack.length;
  }

  /**
   * Skips an open element's content by searching for its closing tag, without scanning what is
   * inside: for <sheetData>, which holds no element of the same name.
   */
  jumpToClose(): void {
    if (this.kind !== "open") return;
    const closing = `</${this.qualifiedName}`;
    const at = this.xml.indexOf(closing, this.position);
    if (at < 0) this.fail("xmlNotClosed", { tag: this.qualifiedName });
    this.position = at;
    this.moveNext();
  }

  /** Skips the current element and everything in it. */
  skipElement(): void {
    if (this.kind !== "open") return;
    const depth = this.stack.length;
    while (this.moveNext()) {
      // moveNext() changed the tag, which TypeScript's narrowing of this.kind does not see.
      if ((this.kind as TagKind) === "close" && this.stack.length === depth - 1) return;
    }
  }

  /** Stops reading with a PackageError naming the part. */
  fail(problem: PackageProblem, values: TextValues = {}): never {
    throw new PackageError("malformedXml", { part: this.part, reason: describePackageProblem(problem, values) });
  }

  private readOpenTag(start: number): void {
    const { xml } = this;
    let i = start + 1;
    const length = xml.length;
    while (i < length && !isNameEnd(xml.charCodeAt(i))) i += 1;
    if (i === start + 1) this.fail("xmlNoTagName");
    const qualifiedName = xml.slice(start + 1, i);
    this.attributeCount = 0;
    for (;;) {
      while (i < length && isSpace(xml.charCodeAt(i))) i += 1;
      if (i >= length) this.fail("xmlNotClosed", { tag: qualifiedName });
      const code = xml.charCodeAt(i);
      if (code === GT) {
        this.kind = "open";
        this.stack.push(qualifiedName);
        this.position = i + 1;
        break;
      }
      if (code === SLASH) {
        if (xml.charCodeAt(i + 1) !== GT) this.fail("xmlMalformedTag", { tag: qualifiedName });
        this.kind = "empty";
        this.position = i + 2;
        break;
      }
      const nameStart = i;
      while (i < length && !isNameEnd(xml.charCodeAt(i)) && xml.charCodeAt(i) !== EQUALS) i += 1;
      const attributeName = xml.slice(nameStart, i);
      while (i < length && isSpace(xml.charCodeAt(i))) i += 1;
      if (xml.charCodeAt(i) !== EQUALS || attributeName === "") this.fail("xmlMalformedAttribute", { tag: qualifiedName });
      i += 1;
      while (i < length && isSpace(xml.charCodeAt(i))) i += 1;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) this.fail("xmlUnquotedAttribute", { tag: qualifiedName });
      const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (valueEnd < 0) this.fail("xmlUnterminatedAttribute", { tag: qualifiedName });
      this.attributeNames[this.attributeCount] = attributeName;
      this.attributeValues[this.attributeCount] = xml.slice(i + 1, valueEnd);
      this.attributeCount += 1;
      i = valueEnd + 1;
    }
    this.setName(qualifiedName);
  }

  private setName(qualifiedName: string): void {
    this.qualifiedName = qualifiedName;
    const colon = qualifiedName.indexOf(":");
    this.name = colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
  }

  private indexAfter(token: string, from: number, problem: PackageProblem): number {
    const index = this.xml.indexOf(token, from);
    if (index < 0) this.fail(problem);
    return index + token.length;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isNameEnd(code: number): boolean {
  return isSpace(code) || code === GT || code === SLASH || Number.isNaN(code);
}

/** XML's end-of-line handling: CR LF and a lone CR become LF (before entities, so `&#13;` stays a CR). */
function normaliseLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** XML's attribute-value normalisation: literal tabs and line ends become spaces (before entities, so `&#10;` stays a line feed). */
function decodeAttributeValue(value: string, scanner: XmlScanner): string {
  return decodeEntities(/[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, " ") : value, scanner);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string, scanner: XmlScanner): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&]*);|&/g, (whole: string, body: string | undefined) => {
    if (body === undefined) return scanner.fail("xmlBareAmpersand");
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-f]+$/i.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
    if (!(code >= 0 && code <= 0x10ffff)) return scanner.fail("xmlUnknownEntity", { entity: whole });
    return String.fromCodePoint(code);
  });
}

/** Decodes a part's bytes: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
export function decodeXmlPart(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString("utf16le", 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 !== 0) throw new PackageError("xmlOddUtf16");
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return bytes.toString("utf8");
}
