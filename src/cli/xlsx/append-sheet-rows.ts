import { formatA1 } from "../../domain";
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
