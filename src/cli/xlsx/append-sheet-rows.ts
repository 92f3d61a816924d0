import { formatA1, parseA1 } from "../../domain";
import { XmlScanner } from "./scan-xml";
import { appendToElement, applyEdits, escapeCellText, readOutline } from "./xml-outline";

/**
 * Rows appended below the last row of a user's worksheet (an acceptance on the Model sheet, the
 * headers of a new monitoring year): new <row> elements at the end of <sheetData>, every byte of
 * the user's kept. Cells are inline strings (the shared-string table stays as it was) or numbers.
 */

export interface AppendedCell {
  /** One-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
  /** cellXfs index. */
  readonly style?: number;
}

/** The highest row number a <row> element of the sheet has (0 when none). */
export function readLastRowNumber(text: string, part: string): number {
  let last = 0;
  let position = 0;
  const xml = new XmlScanner(text, part);
  while (xml.moveNext()) {
    if (xml.name !== "row" || xml.kind === "close") continue;
    position += 1;
    // A <row> without r follows the one before it (ECMA-376 §18.3.1.73).
    const r = Number(xml.readAttribute("r") ?? String(position));
    position = Number.isFinite(r) ? r : position;
    last = Math.max(last, position);
  }
  return last;
}

/**
 * The worksheet text with `cells` in new rows after its last <row>. Undefined when a cell's row
 * is not beyond the sheet's last row element: appending there would break the rows' order.
 */
export function appendSheetRows(text: string, part: string, cells: readonly AppendedCell[]): string | undefined {
  if (cells.length === 0) return text;
  const last = readLastRowNumber(text, part);
  if (cells.some((cell) => cell.row <= last)) return undefined;
  const outline = readOutline(text, part);
  const sheetData = outline.children.find((c) => c.name === "sheetData");
  if (sheetData === undefined) return undefined;
  const p = outline.prefix;
  const byRow = new Map<number, AppendedCell[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const content = (byRow.get(row) ?? [])
        .sort((a, b) => a.col - b.col)
        .map((cell) => writeAppendedCell(cell, p))
        .join("");
      return `<${p}row r="${row}">${content}</${p}row>`;
    })
    .join("");
  return applyEdits(text, appendToElement(text, sheetData, rows, byRow.size));
}

function writeAppendedCell(cell: AppendedCell, p: string): string {
  const ref = formatA1(cell.row - 1, cell.col - 1);
  const style = cell.style !== undefined && cell.style !== 0 ? ` s="${cell.style}"` : "";
  if (typeof cell.value === "number") return `<${p}c r="${ref}"${style}><${p}v>${Number.isFinite(cell.value) ? cell.value : 0}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(cell.value)}</${p}t></${p}is></${p}c>`;
}

/**
 * The worksheet text with `cells` written into rows that exist (a new year's headers on the header
 * rows): each new <c> goes at its column's place in its <row>, replacing an empty cell element of
 * the same reference (a formatted blank). Undefined when a cell's row has no <row> element.
 * Cells keep `style` when given, else the style of `styleFrom` (ref -> ref of the cell to copy it from).
 */
export function setCellsInRows(text: string, part: string, cells: readonly AppendedCell[], styleFrom: ReadonlyMap<string, string> = new Map()): string | undefined {
  if (cells.length === 0) return text;
  const p = readOutline(text, part).prefix;
  const styles = readCellStyles(text, part, new Set(styleFrom.values()));
  const byRow = new Map<number, AppendedCell[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const edits: { start: number; end: number; text: string }[] = [];
  const done = new Set<number>();
  const xml = new XmlScanner(text, part);
  let position = 0;
  let current: number | undefined;
  let rowCells: { col: number; start: number; end: number }[] = [];
  let open: { col: number; start: number } | undefined;
  let lastCol = -1;
  let rowTag = { start: 0, end: 0 };
  const styled = (cell: AppendedCell): AppendedCell => {
    if (cell.style !== undefined) return cell;
    const from = styleFrom.get(formatA1(cell.row - 1, cell.col - 1));
    const style = from === undefined ? undefined : styles.get(from);
    return style === undefined ? cell : { ...cell, style };
  };
  while (xml.moveNext()) {
    if (xml.name === "row" && xml.kind !== "close") {
      position = Number(xml.readAttribute("r") ?? String(position + 1));
      current = byRow.has(position) ? position : undefined;
      rowCells = [];
      lastCol = -1;
      rowTag = { start: xml.tagStart, end: xml.tagEnd };
      if (current !== undefined && xml.kind === "empty") {
        const tag = text.slice(xml.tagStart, xml.tagEnd);
        const content = (byRow.get(current) ?? []).sort((a, b) => a.col - b.col).map((c) => writeAppendedCell(styled(c), p)).join("");
        edits.push({ start: xml.tagStart, end: xml.tagEnd, text: `${tag.slice(0, tag.lastIndexOf("/"))}>${content}</${xml.qualifiedName}>` });
        done.add(current);
        current = undefined;
      }
      continue;
    }
    if (current === undefined) continue;
    if (xml.name === "c" && xml.kind !== "close") {
      const ref = xml.readAttribute("r");
      const col = ref === undefined ? lastCol + 1 : (parseA1(ref)?.col ?? lastCol + 1);
      lastCol = col;
      if (xml.kind === "empty") rowCells.push({ col, start: xml.tagStart, end: xml.tagEnd });
      else open = { col, start: xml.tagStart };
      continue;
    }
    if (xml.name === "c" && xml.kind === "close" && open !== undefined) {
      rowCells.push({ ...open, end: xml.tagEnd });
      open = undefined;
      continue;
    }
    if (xml.name === "row" && xml.kind === "close") {
      const inserts = new Map<number, string>();
      for (const cell of (byRow.get(current) ?? []).sort((a, b) => a.col - b.col)) {
        const written = writeAppendedCell(styled(cell), p);
        const same = rowCells.find((c) => c.col === cell.col - 1);
        if (same !== undefined) {
          const existing = text.slice(same.start, same.end);
          // Only an empty cell element (a formatted blank) gives way; content is the user's.
          if (/<(?:\w+:)?[vf][\s>]|<(?:\w+:)?is[\s>]/.test(existing)) return undefined;
          edits.push({ start: same.start, end: same.end, text: written });
          continue;
        }
        const after = rowCells.find((c) => c.col > cell.col - 1);
        const at = after?.start ?? xml.tagStart;
        inserts.set(at, (inserts.get(at) ?? "") + written);
      }
      for (const [at, content] of inserts) edits.push({ start: at, end: at, text: content });
      // spans (an optional hint of the row's first and last column) would no longer hold: it goes.
      const tag = text.slice(rowTag.start, rowTag.end);
      const spans = / spans\s*=\s*("[^"]*"|'[^']*')/.exec(tag);
      if (spans) edits.push({ start: rowTag.start + spans.index, end: rowTag.start + spans.index + spans[0].length, text: "" });
      done.add(current);
      current = undefined;
    }
  }
  if ([...byRow.keys()].some((row) => !done.has(row))) return undefined;
  return applyEdits(text, edits);
}

/** The `s` attribute of the cells at `refs` (A1 without $). */
function readCellStyles(text: string, part: string, refs: ReadonlySet<string>): Map<string, number> {
  const styles = new Map<string, number>();
  if (refs.size === 0) return styles;
  const xml = new XmlScanner(text, part);
  while (xml.moveNext()) {
    if (xml.name !== "c" || xml.kind === "close") continue;
    const ref = xml.readAttribute("r");
    const style = xml.readAttribute("s");
    if (ref !== undefined && style !== undefined && refs.has(ref)) styles.set(ref, Number(style));
  }
  return styles;
}
