/**
 * A small reader for OLE2 compound files ([MS-CFB]), enough to check that the garbage fixtures
 * are real containers and not just a magic number: header, FAT chains, directory, streams in
 * regular sectors (streams below the mini-stream cutoff are listed without their data).
 */

export interface CompoundStream {
  readonly name: string;
  readonly size: number;
  /** The stream's bytes (empty for mini-stream streams, which this reader does not follow). */
  readonly data: Buffer;
}

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const STREAM = 2;

export function readCompoundFile(bytes: Buffer): CompoundStream[] {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("no OLE2 signature");
  if (bytes.readUInt16LE(28) !== 0xfffe) throw new Error("bad byte order mark");
  const sectorSize = 1 << bytes.readUInt16LE(30);
  const fatSectors = bytes.readUInt32LE(44);
  const firstDirSector = bytes.readUInt32LE(48);
  const cutoff = bytes.readUInt32LE(56);
  const sectorAt = (n: number): Buffer => {
    const start = (n + 1) * sectorSize;
    if (start + sectorSize > bytes.length) throw new Error(`sector ${n} lies beyond the file`);
    return bytes.subarray(start, start + sectorSize);
  };

  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, 109); i += 1) {
    const sector = sectorAt(bytes.readUInt32LE(76 + i * 4));
    for (let o = 0; o < sectorSize; o += 4) fat.push(sector.readUInt32LE(o));
  }
  const chain = (start: number): number[] => {
    const sectors: number[] = [];
    for (let n = start; n !== ENDOFCHAIN; n = fat[n] ?? FREESECT) {
      if (n === FREESECT || sectors.includes(n) || n >= fat.length) throw new Error(`broken sector chain at ${n}`);
      sectors.push(n);
    }
    return sectors;
  };

  const directory = Buffer.concat(chain(firstDirSector).map(sectorAt));
  const streams: CompoundStream[] = [];
  for (let o = 0; o + 128 <= directory.length; o += 128) {
    const nameLength = directory.readUInt16LE(o + 64);
    const type = directory.readUInt8(o + 66);
    if (type !== STREAM || nameLength < 2) continue;
    const name = directory.subarray(o, o + nameLength - 2).toString("utf16le");
    const start = directory.readUInt32LE(o + 116);
    const size = directory.readUInt32LE(o + 120);
    const data = size >= cutoff ? Buffer.concat(chain(start).map(sectorAt)).subarray(0, size) : Buffer.alloc(0);
    if (size >= cutoff && data.length !== size) throw new Error(`stream ${name} is shorter than its size`);
    streams.push({ name, size, data });
  }
  return streams;
}
