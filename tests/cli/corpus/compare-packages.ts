import { readCentralDirectory, readEntry, type ZipEntry } from "../../../src/cli/xlsx/read-zip";
import { decodeXmlPart, XmlScanner } from "../../../src/cli/xlsx/scan-xml";
import { readOutline } from "../../../src/cli/xlsx/xml-outline";
import { STYLESHEET_ORDER, WORKBOOK_ORDER, WORKSHEET_ORDER } from "../../../src/cli/xlsx/patch-package";

/**
 * Part-by-part comparison of a copy with its input: which parts are byte-identical (zip entry
 * and all), which changed, which are new; for changed parts, the original elements the copy lost.
 */

export interface PackageComparison {
  /** Input parts whose zip entry (local header, compressed bytes) the copy holds unchanged. */
  readonly identical: string[];
  readonly changed: string[];
  readonly missing: string[];
  readonly added: string[];
  /** Per changed part: elements (and texts) of the input the copy no longer has. */
  readonly lost: Record<string, string[]>;
}

export function comparePackages(input: Buffer, copy: Buffer): PackageComparison {
  const before = new Map(readCentralDirectory(input).map((e) => [e.name, e]));
  const after = new Map(readCentralDirectory(copy).map((e) => [e.name, e]));
  const result: PackageComparison = { identical: [], changed: [], missing: [], added: [], lost: {} };
  for (const [name, entry] of before) {
    const other = after.get(name);
    if (other === undefined) {
      result.missing.push(name);
      continue;
    }
    if (localRecord(input, entry).equals(localRecord(copy, other))) {
      result.identical.push(name);
      continue;
    }
    result.changed.push(name);
    const lost = subtractMultiset(listTokens(readEntry(input, entry)), listTokens(readEntry(copy, other)));
    if (lost.length > 0) result.lost[name] = lost;
  }
  for (const name of after.keys()) if (!before.has(name)) result.added.push(name);
  return result;
}

/** The entry's local header, name, extra field and compressed data, as stored. */
function localRecord(bytes: Buffer, entry: ZipEntry): Buffer {
  const start = entry.localHeaderOffset;
  const dataStart = start + 30 + bytes.readUInt16LE(start + 26) + bytes.readUInt16LE(start + 28);
  return bytes.subarray(start, dataStart + entry.compressedSize);
}

/**
 * A part's elements as tokens: each start tag with its attributes sorted (a container's count
 * attribute left out: it changes when elements are appended), and each non-blank text as written.
 */
export function listTokens(data: Buffer): string[] {
  const text = decodeXmlPart(data);
  const tokens: string[] = [];
  const pattern = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/[^>]*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>|([^<]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push(`#cdata:${match[1]}`);
    else if (match[2] !== undefined) {
      const attributes = [...(match[3] ?? "").matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g)]
        .filter((a) => a[1] !== "count")
        .map((a) => `${a[1]}=${(a[2] ?? "").slice(1, -1)}`)
        .sort();
      tokens.push(`<${match[2]} ${attributes.join(" ")}>`);
    } else if (match[4] !== undefined && match[4].trim() !== "") tokens.push(`#text:${match[4]}`);
  }
  return tokens;
}

function subtractMultiset(from: readonly string[], take: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const token of take) counts.set(token, (counts.get(token) ?? 0) + 1);
  const left: string[] = [];
  for (const token of from) {
    const n = counts.get(token) ?? 0;
    if (n > 0) counts.set(token, n - 1);
    else left.push(token);
  }
  return left;
}

/** True when the part is well-formed XML (every element closed in order, entities known). */
export function isWellFormed(data: Buffer, part: string): boolean {
  try {
    const xml = new XmlScanner(decodeXmlPart(data), part);
    while (xml.moveNext()) {
      // Reading every tag is the check.
    }
    return true;
  } catch {
    return false;
  }
}

/** The root's children that are out of the schema's sequence (worksheet, workbook, styleSheet), or []. */
export function listOutOfOrder(data: Buffer, part: string): string[] {
  const outline = readOutline(decodeXmlPart(data), part);
  const order = outline.root.name === "worksheet" ? WORKSHEET_ORDER : outline.root.name === "workbook" ? WORKBOOK_ORDER : outline.root.name === "styleSheet" ? STYLESHEET_ORDER : undefined;
  if (order === undefined) return [];
  const wrong: string[] = [];
  let highest = -1;
  for (const child of outline.children) {
    const rank = order.indexOf(child.name);
    if (rank < 0) continue;
    if (rank < highest) wrong.push(child.name);
    highest = Math.max(highest, rank);
  }
  return wrong;
}

/** Every part of a package by name, inflated. */
export function readParts(bytes: Buffer): Map<string, Buffer> {
  return new Map(readCentralDirectory(bytes).map((e) => [e.name, readEntry(bytes, e)]));
}
