import * as zlib from "zlib";
import { translate, type Catalogue, type TextValues } from "../../domain";

/**
 * A read-only view of a zip package (the container of an .xlsx), enough for the CLI's reader:
 * the central directory is read once and an entry is inflated only when it is asked for.
 * Handles stored and deflated entries, data descriptors and Zip64 (sizes and offsets come from
 * the central directory, never from the local headers).
 */
export interface ZipArchive {
  /** True when the package has a part of that name (case-insensitive, as OPC part names are). */
  has(name: string): boolean;
  /** The part's bytes; throws PackageError when it is missing or damaged. */
  read(name: string): Buffer;
}

/** The package is not a readable zip, or a part of it is damaged. Bad input: the CLI turns it into an InputError. */
export class PackageError extends Error {
  override readonly name = "PackageError";
  /** The words are the catalogue's (`packageErrors`), in English as every reason the CLI gives. */
  constructor(problem: PackageProblem, values: TextValues = {}) {
    super(describePackageProblem(problem, values));
  }
}

/** A text of the catalogue's `packageErrors` section. */
export type PackageProblem = keyof Catalogue["packageErrors"];

/** A package problem in words, English as the CLI's other reasons. */
export function describePackageProblem(problem: PackageProblem, values: TextValues = {}): string {
  return translate("packageErrors", problem, "en", values);
}

export interface ZipEntry {
  readonly name: string;
  /** Where the entry's central directory record lies (a raw copy keeps it, name bytes included). */
  readonly centralStart: number;
  readonly centralEnd: number;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_EXTRA_ID = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/**
 * Largest part we inflate: a V8 string cannot hold more than about 512 M characters, so a bigger
 * sheet could not be scanned anyway, and the cap keeps a zip bomb from exhausting memory.
 */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/** Reads the central directory of a zip held in memory. */
export function openZip(bytes: Buffer): ZipArchive {
  const entries = new Map<string, ZipEntry>();
  for (const entry of readCentralDirectory(bytes)) entries.set(entry.name.toLowerCase(), entry);
  return {
    has: (name) => entries.has(normalisePartName(name)),
    read: (name) => {
      const entry = entries.get(normalisePartName(name));
      if (!entry) throw new PackageError("noPart", { part: name });
      return readEntry(bytes, entry);
    },
  };
}

function normalisePartName(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/** Every entry of the central directory, in its order. */
export function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(bytes, eocd);
    count = zip64.count;
    size = zip64.size;
    offset = zip64.offset;
  }
  if (offset + size > bytes.length) throw new PackageError("directoryBeyondEnd");
  const entries: ZipEntry[] = [];
  let position = offset;
  for (let i = 0; i < count; i += 1) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== CENTRAL_HEADER_SIGNATURE) {
      throw new PackageError("directoryDamaged");
    }
    const flags = bytes.readUInt16LE(position + 8);
    const method = bytes.readUInt16LE(position + 10);
    const crc = bytes.readUInt32LE(position + 16);
    let compressedSize = bytes.readUInt32LE(position + 20);
    let entrySize = bytes.readUInt32LE(position + 24);
    const nameLength = bytes.readUInt16LE(position + 28);
    const extraLength = bytes.readUInt16LE(position + 30);
    const commentLength = bytes.readUInt16LE(position + 32);
    let localHeaderOffset = bytes.readUInt32LE(position + 42);
    const nameStart = position + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw new PackageError("directoryDamaged");
    const name = bytes.toString("utf8", nameStart, extraStart);
    if (entrySize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64: the real values follow in the extra field, in this order, only for those that overflowed.
      const extra = findExtraField(bytes, extraStart, extraStart + extraLength, ZIP64_EXTRA_ID);
      let field = extra?.start ?? -1;
      const take = (): number => {
        if (extra === undefined || field + 8 > extra.end) throw new PackageError("entryDamaged", { part: name });
        const value = readUInt64(bytes, field);
        field += 8;
        return value;
      };
      if (entrySize === 0xffffffff) entrySize = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
    }
    entries.push({ name, centralStart: position, centralEnd: next, method, flags, crc, compressedSize, size: entrySize, localHeaderOffset });
    position = next;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let position = bytes.length - EOCD_SIZE; position >= lowest; position -= 1) {
    if (bytes.readUInt32LE(position) === EOCD_SIGNATURE) return position;
  }
  throw new PackageError("directoryMissing");
}

function readZip64End(bytes: Buffer, eocd: number): { count: number; size: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_EOCD_LOCATOR_SIGNATURE) {
    throw new PackageError("zip64DirectoryMissing");
  }
  const record = readUInt64(bytes, locator + 8);
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
    throw new PackageError("zip64DirectoryDamaged");
  }
  return { count: readUInt64(bytes, record + 32), size: readUInt64(bytes, record + 40), offset: readUInt64(bytes, record + 48) };
}

function findExtraField(bytes: Buffer, start: number, end: number, id: number): { start: number; end: number } | undefined {
  let position = start;
  while (position + 4 <= end) {
    const fieldId = bytes.readUInt16LE(position);
    const length = bytes.readUInt16LE(position + 2);
    if (fieldId === id) return { start: position + 4, end: Math.min(end, position + 4 + length) };
    position += 4 + length;
  }
  return undefined;
}

function readUInt64(bytes: Buffer, position: number): number {
  const value = bytes.readBigUInt64LE(position);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PackageError("zip64OutOfRange");
  return Number(value);
}

/** The part's bytes, inflated and checked. */
export function readEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw new PackageError("partEncrypted", { part: entry.name });
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE) {
    throw new PackageError("partDamaged", { part: entry.name });
  }
  const dataStart = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new PackageError("partCutOff", { part: entry.name });
  if (entry.size > MAX_PART_BYTES) throw new PackageError("partTooLargeToRead", { part: entry.name });
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === METHOD_STORED) return checkCrc(data, entry);
  if (entry.method !== METHOD_DEFLATE) {
    throw new PackageError("compressionUnsupported", { part: entry.name, method: String(entry.method) });
  }
  let inflated: Buffer;
  try {
    // One output chunk of the declared size: zlib otherwise grows 16 KB chunks and copies them together.
    inflated = zlib.inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES, chunkSize: Math.max(64, entry.size + 1) });
  } catch (error) {
    throw new PackageError("partDamagedBecause", { part: entry.name, detail: error instanceof Error ? error.message : String(error) });
  }
  if (inflated.length !== entry.size) throw new PackageError("partWrongSize", { part: entry.name });
  return checkCrc(inflated, entry);
}

/** Raw deflate has no checksum of its own: a flipped bit could otherwise inflate into other cell values. */
function checkCrc(data: Buffer, entry: ZipEntry): Buffer {
  if (computeCrc32(data) !== entry.crc) throw new PackageError("partChecksum", { part: entry.name });
  return data;
}

/** CRC-32 (the zip and PNG polynomial), Node's native one. Also used by the icon script's PNG writer. */
export function computeCrc32(data: Uint8Array): number {
  return zlib.crc32(data) >>> 0;
}
