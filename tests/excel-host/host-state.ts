import { cellKey, MAX_COLUMNS, MAX_ROWS, parseKey, type Rect } from "./host-address";

/**
 * The workbook the in-memory Excel host keeps: plain data, changed only by queued operations at
 * sync (or directly by a test, playing the user or a co-author).
 */

export type HostValue = string | number | boolean;

export interface HostCell {
  value: HostValue;
  formula?: string;
  numberFormat: string;
  fill?: string;
  font: Record<string, unknown>;
  /** Other cell formatting and properties (wrapText, alignment, hyperlink, ...). */
  extra: Record<string, unknown>;
}

export interface HostConditionalFormat {
  readonly id: string;
  readonly type: string;
  rect: Rect;
  /** Custom rule formula (type "Custom"). */
  formula?: string;
  /** Text comparison rule (type "ContainsText"). */
  text?: { operator: string; text: string };
  fill?: string;
  fontColor?: string;
  fontBold?: boolean;
  borders: Record<string, string>;
}

export interface HostValidation {
  readonly type: string;
  readonly rule: Record<string, unknown>;
  readonly prompt?: Record<string, unknown>;
  readonly errorAlert?: Record<string, unknown>;
}

export type HostEventHandler = (args: Record<string, unknown>) => unknown;

export interface HostNamedItem {
  readonly name: string;
  /** A range reference (kept up to date when rows are inserted), or a constant formula. */
  ref?: { sheet: HostSheet; rect: Rect };
  formula?: string;
  comment: string;
}

export interface HostTable {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  props: Record<string, unknown>;
  addedRows: unknown[][];
}

export interface HostChart {
  readonly type: string;
  readonly source: Rect;
  readonly seriesBy: string;
  props: Record<string, unknown>;
}

let nextId = 1;

export class HostSheet {
  readonly id = `{sheet-${nextId++}}`;
  visibility = "Visible";
  deleted = false;
  readonly cells = new Map<string, HostCell>();
  conditionalFormats: HostConditionalFormat[] = [];
  readonly validations = new Map<string, HostValidation>();
  /**
   * Validation set on large ranges (whole columns such as A:A): kept as rectangles, as Excel keeps
   * them, rather than a million cell entries. A cell entry in `validations` wins over an area.
   */
  validationAreas: { rect: Rect; validation: HostValidation }[] = [];
  /** Worksheet protection (Range writes are refused with AccessDenied while it is on). */
  protected = false;
  /** Merged areas (zero-based rects), as a test sets them up: the host keeps a value in the top-left cell only. */
  readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freezeRows = 0;
  readonly tables: HostTable[] = [];
  readonly charts: HostChart[] = [];
  readonly props: Record<string, unknown> = {};
  readonly changedHandlers = new Set<HostEventHandler>();
  readonly selectionHandlers = new Set<HostEventHandler>();

  constructor(public name: string) {}

  cellAt(row: number, col: number): HostCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell, created blank when absent (for writes). */
  touch(row: number, col: number): HostCell {
    const key = cellKey(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", font: {}, extra: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The validation of one cell (cell entry first, then the newest area holding it). */
  validationAt(row: number, col: number): HostValidation | undefined {
    const own = this.validations.get(cellKey(row, col));
    if (own) return own;
    for (let i = this.validationAreas.length - 1; i >= 0; i -= 1) {
      const area = this.validationAreas[i];
      if (area && row >= area.rect.top && row <= area.rect.bottom && col >= area.rect.left && col <= area.rect.right) return area.validation;
    }
    return undefined;
  }

  /** Excel's used range: the smallest rectangle holding every value (or any format too). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let top = MAX_ROWS;
    let left = MAX_COLUMNS;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      const hasValue = cell.value !== "" || cell.formula !== undefined;
      const hasFormat =
        cell.numberFormat !== "General" || cell.fill !== undefined || Object.keys(cell.font).length > 0 || Object.keys(cell.extra).length > 0;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const { row, col } = parseKey(key);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** Shifts everything at or below `row` down by `count` rows, like Excel's row insertion. */
  insertRows(row: number, count: number): void {
    const moved = new Map<string, HostCell>();
    for (const [key, cell] of this.cells) {
      const pos = parseKey(key);
      moved.set(pos.row >= row ? cellKey(pos.row + count, pos.col) : key, cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    const validations = [...this.validations];
    this.validations.clear();
    for (const [key, v] of validations) {
      const pos = parseKey(key);
      this.validations.set(pos.row >= row ? cellKey(pos.row + count, pos.col) : key, v);
    }
    for (const cf of this.conditionalFormats) cf.rect = shiftRect(cf.rect, row, count);
    for (const area of this.validationAreas) area.rect = area.rect.bottom >= MAX_ROWS - 1 ? area.rect : shiftRect(area.rect, row, count);
  }
}

/** A rectangle after `count` rows were inserted at `row`. */
export function shiftRect(rect: Rect, row: number, count: number): Rect {
  if (rect.bottom < row) return rect;
  if (rect.top >= row) return { ...rect, top: rect.top + count, bottom: rect.bottom + count };
  return { ...rect, bottom: rect.bottom + count };
}
