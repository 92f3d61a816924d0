import { formatA1 } from "../../domain";
import { escapeCellText, escapeXml } from "./xml-outline";

/**
 * The XML of a worksheet we add (Monitoring, highlighting, Model): cells as inline strings, so the
 * workbook's shared-string table stays as the user's writer left it. Elements in CT_Worksheet order.
 */

export interface NewCell {
  /** One-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: string | number | boolean;
  /** cellXfs index. */
  readonly style?: number;
  /** A formula whose cached result is `value` (a text). */
  readonly formula?: string;
}

export interface NewSheet {
  readonly cells: readonly NewCell[];
  readonly columnWidths?: readonly number[];
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly freezeRows?: number;
  /** A4 landscape, fitted to one page wide. */
  readonly landscapeFitToWidth?: boolean;
  /** "#RRGGBB" */
  readonly tabColor?: string;
  /** Relationship ids of the sheet's table parts. */
  readonly tableRelationshipIds?: readonly string[];
  /** Relationship id of the sheet's drawing part (its chart). */
  readonly drawingRelationshipId?: string;
  /** Printed page header and footer, in Excel's header codes (&P page, &N pages). */
  readonly headerFooter?: { readonly header: string; readonly footer: string };
}

const CHUNK_CHARACTERS = 1 << 20;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The worksheet part, as UTF-8 chunks of about a megabyte: a Monitoring sheet's agenda or a
 * highlighting sheet can hold a million cells, which are never joined into one string.
 */
export function writeSheetXml(sheet: NewSheet): Buffer[] {
  const pieces = new ChunkWriter();
  pieces.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  const sheetPr: string[] = [];
  if (sheet.tabColor !== undefined) sheetPr.push(`<tabColor rgb="FF${sheet.tabColor.replace(/^#/, "").toUpperCase()}"/>`);
  if (sheet.landscapeFitToWidth === true) sheetPr.push('<pageSetUpPr fitToPage="1"/>');
  if (sheetPr.length > 0) pieces.push(`<sheetPr>${sheetPr.join("")}</sheetPr>`);
  const freeze = sheet.freezeRows ?? 0;
  pieces.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  pieces.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = sheet.columnWidths ?? [];
  if (widths.length > 0) {
    pieces.push("<cols>");
    widths.forEach((width, i) => pieces.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
    pieces.push("</cols>");
  }
  pieces.push("<sheetData>");
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const rows = new Map<number, NewCell[]>();
  for (const cell of sheet.cells) {
    let row = rows.get(cell.row);
    if (row === undefined) {
      row = [];
      rows.set(cell.row, row);
    }
    row.push(cell);
  }
  for (const rowNumber of [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b)) {
    const height = heights.get(rowNumber);
    pieces.push(`<row r="${rowNumber}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>`);
    const cells = (rows.get(rowNumber) ?? []).sort((a, b) => a.col - b.col);
    for (const cell of cells) pieces.push(writeCell(cell));
    pieces.push("</row>");
  }
  pieces.push("</sheetData>");
  pieces.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.landscapeFitToWidth === true) pieces.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  if (sheet.headerFooter !== undefined) {
    pieces.push(`<headerFooter><oddHeader>${escapeXml(sheet.headerFooter.header)}</oddHeader><oddFooter>${escapeXml(sheet.headerFooter.footer)}</oddFooter></headerFooter>`);
  }
  if (sheet.drawingRelationshipId !== undefined) pieces.push(`<drawing r:id="${sheet.drawingRelationshipId}"/>`);
  const tables = sheet.tableRelationshipIds ?? [];
  if (tables.length > 0) {
    pieces.push(`<tableParts count="${tables.length}">${tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`);
  }
  pieces.push("</worksheet>");
  return pieces.finish();
}

/** Collects text and turns it into buffers a megabyte at a time. */
class ChunkWriter {
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK_CHARACTERS) this.flush();
  }

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(""), "utf8"));
    this.pending = [];
    this.pendingLength = 0;
  }
}

function writeCell(cell: NewCell): string {
  const ref = formatA1(cell.row - 1, cell.col - 1);
  const style = cell.style !== undefined && cell.style !== 0 ? ` s="${cell.style}"` : "";
  if (cell.formula !== undefined) {
    return `<c r="${ref}"${style} t="str"><f>${escapeXml(cell.formula)}</f><v>${escapeCellText(String(cell.value))}</v></c>`;
  }
  if (typeof cell.value === "number") return `<c r="${ref}"${style}><v>${Number.isFinite(cell.value) ? cell.value : 0}</v></c>`;
  if (typeof cell.value === "boolean") return `<c r="${ref}"${style} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(cell.value)}</t></is></c>`;
}

/** An Excel table part over `range` (header row first) with these column names. */
export function writeTableXml(id: number, name: string, range: string, headers: readonly string[]): string {
  const columns = headers.map((header, i) => `<tableColumn id="${i + 1}" name="${escapeXml(escapeTableColumnName(header))}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${range}" totalsRowShown="0">` +
    `<autoFilter ref="${range}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Line breaks in a table column's name are stored as Excel's escapes. */
function escapeTableColumnName(name: string): string {
  return name.replace(/\r?\n/g, "_x000a_");
}
