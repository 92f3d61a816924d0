import { parseA1, splitSheetAddress, toColumnIndex } from "../domain";

export { splitSheetAddress };

/** Zero-based, inclusive rectangle of sheet cells. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangle of an address with or without sheet ("Blad1!$B$3:$F$9", "B3", "5:7" rows only). */
export function parseRangeAddress(address: string): CellRect | undefined {
  const local = splitSheetAddress(address).local.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows?.[1] !== undefined && rows[2] !== undefined) {
    return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: 16_383 };
  }
  // Whole columns ("F:F", "A:C"): a user's validation or an event over entire columns.
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (columns?.[1] !== undefined && columns[2] !== undefined) {
    const a = toColumnIndex(columns[1].toUpperCase());
    const b = toColumnIndex(columns[2].toUpperCase());
    return { top: 0, left: Math.min(a, b), bottom: 1_048_575, right: Math.max(a, b) };
  }
  const [start, end] = local.split(":");
  const a = parseA1(start ?? "");
  const b = end === undefined ? a : parseA1(end);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** The areas of a RangeAreas address: "Blad1!E2:E9,Blad1!G4". */
export function parseAreas(address: string): CellRect[] {
  return address
    .split(",")
    .map((part) => parseRangeAddress(part))
    .filter((rect): rect is CellRect => rect !== undefined);
}

/** The local A1 ranges of a RangeAreas address ("Blad1!A4:A6, 'Mijn, blad'!B2:C2" -> A4:A6, B2:C2). */
export function listAreaRanges(address: string): string[] {
  const ranges: string[] = [];
  const pattern = /(?:'(?:[^']|'')*'|[^!,']*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  for (let match = pattern.exec(address); match; match = pattern.exec(address)) {
    if (match[1] !== undefined) ranges.push(match[1].replace(/\$/g, ""));
  }
  return ranges;
}

export function intersectRects(a: CellRect, b: CellRect): CellRect | undefined {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

/** True when every cell of `inner` lies in one of `outers` (one rectangle, or checked cell by cell). */
export function isCovered(inner: CellRect, outers: readonly CellRect[]): boolean {
  if (outers.some((o) => o.top <= inner.top && o.bottom >= inner.bottom && o.left <= inner.left && o.right >= inner.right)) return true;
  for (let row = inner.top; row <= inner.bottom; row += 1) {
    for (let col = inner.left; col <= inner.right; col += 1) {
      if (!outers.some((o) => row >= o.top && row <= o.bottom && col >= o.left && col <= o.right)) return false;
    }
  }
  return true;
}
