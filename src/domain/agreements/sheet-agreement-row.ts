import type { AgreementField, AgreementRow, YearStatus, YearText } from "./agreement";
import type { CellValue } from "../core/grid";
import type { Model, StatusDef } from "../model/model";
import { normaliseStatus } from "./normalise-status";
import { stripMarkup } from "../core/normalise-text";
import { parseParties } from "./parse-parties";

/**
 * Where the cells of the rows one header governs are (grid columns, and the sheet's column
 * letters), shared by every such row. Per-year lists are ascending by year.
 */
export interface RowShape {
  readonly sheet: string;
  /** The model a row's parties and statuses are read against. */
  readonly model: Model;
  readonly themeCol: number;
  readonly themeLetters: string;
  readonly subthemeCol: number | undefined;
  readonly subthemeLetters: string | undefined;
  readonly agreementCol: number;
  readonly agreementLetters: string;
  readonly partiesCol: number;
  readonly partiesLetters: string;
  /** Grid columns of a row's per-year cells in the store's order: activities, statuses, explanations. */
  readonly yearCols: readonly number[];
  readonly activityYears: readonly number[];
  readonly activityLetters: readonly string[];
  readonly statusYears: readonly number[];
  readonly statusLetters: readonly string[];
  readonly explanationYears: readonly number[];
  readonly explanationLetters: readonly string[];
}

/*
 * Why rows are stored this way: a check's agreement rows live as long as its result, and on a
 * large sheet everything that lives that long is copied twice by V8's young-generation collector
 * while the rest of the check runs (100k rows as plain objects with their cell addresses and
 * per-year entries: some 690 bytes in 18 objects each, and most of the time beyond linear).
 * Nearly every text a row holds is its grid cell's string as it stands (already trimmed, no
 * markup in a theme), or blank, and that string lives as long as the grid anyway. So a store
 * keeps, per row, the grid row it was read from, and one bit per text for the few the reader
 * changed (trimmed, markup taken out of a name, a number as text, an error or spaces read as
 * blank), whose texts it keeps itself. Row numbers, shapes and those bits sit in one typed array,
 * outside the collector's heap. A row is a view of its store; its addresses and per-year entries
 * are built when asked for, and die young.
 */

/**
 * Rows per store: its arrays stay below the size V8 moves to the large-object space, where every
 * check of a large sheet faulted in fresh pages (nearly a third of the time reading 100k rows took).
 */
export const STORE_ROWS = 4096;

/** A row's text slots: theme, subtheme, agreement, parties, then its per-year cells in RowShape.yearCols order. */
const THEME_SLOT = 0;
const SUBTHEME_SLOT = 1;
const AGREEMENT_SLOT = 2;
const PARTIES_SLOT = 3;
const FIRST_YEAR_SLOT = 4;

/** Per row in SheetAgreementStore.numbers: sheet row number, shape index, then the changed-text bits. */
const ROW_NUMBER = 0;
const SHAPE_INDEX = 1;
const FIRST_BITS = 2;

/** A blank grid row (a ragged grid may lack one). */
const NO_CELLS: readonly CellValue[] = Object.freeze([]);

/** The texts of up to STORE_ROWS rows read from one sheet. */
export class SheetAgreementStore {
  private count = 0;
  private readonly shapes: RowShape[] = [];
  /**
   * The grid row each row was read from. Grid rows are never changed in place (a live edit puts
   * new row arrays into its grid), so a result keeps reading the texts it was checked with.
   */
  private readonly cells: (readonly CellValue[])[];
  /** Text slots per row: the four fixed texts and the most per-year cells a row of the sheet has. */
  private readonly slots: number;
  /** Numbers per row: ROW_NUMBER, SHAPE_INDEX, and one bit per text slot (set: see `texts`). */
  private readonly width: number;
  private readonly numbers: Int32Array;
  /** The texts the reader changed, by row index * slots + slot; none for a text it read as blank. */
  private texts: Map<number, string> | undefined;
  /** Agreements read another way (one field per line), by row index; made with the first one. */
  private others: (AgreementRow | undefined)[] | undefined;

  /**
   * `capacity`: the most rows it takes (at most STORE_ROWS; a small sheet's store is no larger than
   * its rows); `yearWidth`: the most per-year cells a row of the sheet can have.
   */
  constructor(
    private readonly capacity: number,
    yearWidth: number,
  ) {
    this.cells = new Array<readonly CellValue[]>(capacity);
    this.slots = FIRST_YEAR_SLOT + yearWidth;
    this.width = FIRST_BITS + Math.ceil(this.slots / 32);
    this.numbers = new Int32Array(capacity * this.width);
  }

  get size(): number {
    return this.count;
  }

  /** Whether one more row fits. */
  hasRoom(): boolean {
    return this.count < this.capacity;
  }

  /** Stores the `offset`-th per-year cell text (trimmed, "" when blank) of the row about to be added, read from `cell`. */
  addYearText(offset: number, text: string, cell: CellValue | undefined): void {
    this.putText(this.count, FIRST_YEAR_SLOT + offset, text, cell);
  }

  /**
   * Stores a row read from grid row `cells` (its per-year texts were just added, addYearText):
   * theme and subtheme as names (readName), agreement and parties texts trimmed, undefined when blank.
   */
  addRow(
    shape: RowShape,
    row: number,
    cells: readonly CellValue[] | undefined,
    theme: string | undefined,
    subtheme: string | undefined,
    agreement: string | undefined,
    partiesText: string | undefined,
  ): void {
    const index = this.count++;
    let shapeIndex = this.shapes.length - 1;
    // Rows come header by header: the shape is nearly always the last one added.
    if (this.shapes[shapeIndex] !== shape) {
      shapeIndex = this.shapes.indexOf(shape);
      if (shapeIndex < 0) shapeIndex = this.shapes.push(shape) - 1;
    }
    const values = cells ?? NO_CELLS;
    const at = index * this.width;
    this.numbers[at + ROW_NUMBER] = row;
    this.numbers[at + SHAPE_INDEX] = shapeIndex;
    this.cells[index] = values;
    this.putText(index, THEME_SLOT, theme, values[shape.themeCol]);
    this.putText(index, SUBTHEME_SLOT, subtheme, shape.subthemeCol === undefined ? undefined : values[shape.subthemeCol]);
    this.putText(index, AGREEMENT_SLOT, agreement, values[shape.agreementCol]);
    this.putText(index, PARTIES_SLOT, partiesText, values[shape.partiesCol]);
  }

  /** Stores an agreement read another way (one field per line) in its place in sheet order. */
  addAgreement(agreement: AgreementRow): void {
    (this.others ??= new Array<AgreementRow | undefined>(this.capacity))[this.count++] = agreement;
  }

  /** The store's `index`-th agreement: a new view of a row read from the sheet, else the agreement as added. */
  readRow(index: number): AgreementRow {
    return this.others?.[index] ?? new SheetAgreementRow(this, index);
  }

  /** The agreement added at `index` when it was read another way (addAgreement); undefined for a row of the sheet. */
  findOther(index: number): AgreementRow | undefined {
    return this.others?.[index];
  }

  /** Row `index`'s one-based sheet row number. */
  readRowNumber(index: number): number {
    return this.numbers[index * this.width + ROW_NUMBER] as number;
  }

  /** Where row `index`'s cells are. */
  readShape(index: number): RowShape {
    return this.shapes[this.numbers[index * this.width + SHAPE_INDEX] as number] as RowShape;
  }

  /** Row `index`'s theme text (undefined when blank). */
  readTheme(index: number, shape: RowShape): string | undefined {
    return this.readText(index, THEME_SLOT, shape.themeCol);
  }

  readSubtheme(index: number, shape: RowShape): string | undefined {
    return shape.subthemeCol === undefined ? undefined : this.readText(index, SUBTHEME_SLOT, shape.subthemeCol);
  }

  readAgreement(index: number, shape: RowShape): string | undefined {
    return this.readText(index, AGREEMENT_SLOT, shape.agreementCol);
  }

  readPartiesText(index: number, shape: RowShape): string | undefined {
    return this.readText(index, PARTIES_SLOT, shape.partiesCol);
  }

  /** Row `index`'s `offset`-th per-year cell text ("" when blank), in RowShape.yearCols order. */
  readYearText(index: number, shape: RowShape, offset: number): string {
    return this.readText(index, FIRST_YEAR_SLOT + offset, shape.yearCols[offset] as number) ?? "";
  }

  /** A slot's text: the store's own when the reader changed it, else the cell's string (undefined when blank). */
  private readText(index: number, slot: number, col: number): string | undefined {
    const bits = this.numbers[index * this.width + FIRST_BITS + (slot >> 5)] as number;
    if ((bits & (1 << (slot & 31))) !== 0) return this.texts?.get(index * this.slots + slot);
    const value = (this.cells[index] as readonly CellValue[])[col];
    return typeof value === "string" && value !== "" ? value : undefined;
  }

  /**
   * Records slot `slot` of row `index` as read from `cell`: nothing when reading the cell gives the
   * text back (its string as it stands, or blank for a blank), else a bit and the text.
   */
  private putText(index: number, slot: number, text: string | undefined, cell: CellValue | undefined): void {
    const blank = text === undefined || text === "";
    if (blank ? cell === null || cell === undefined || cell === "" : cell === text) return;
    const at = index * this.width + FIRST_BITS + (slot >> 5);
    this.numbers[at] = (this.numbers[at] as number) | (1 << (slot & 31));
    if (!blank) (this.texts ??= new Map()).set(index * this.slots + slot, text);
  }
}

/** An agreement read from one row of an agreements sheet (the usual layout): a view of its store. */
export class SheetAgreementRow implements AgreementRow {
  /** The row's header columns: looked up once, as the rules read several fields of each row. */
  protected shape: RowShape;

  constructor(
    protected store: SheetAgreementStore,
    protected index: number,
  ) {
    this.shape = store.readShape(index);
  }

  get sheet(): string {
    return this.shape.sheet;
  }

  get row(): number {
    return this.store.readRowNumber(this.index);
  }

  get theme(): string | undefined {
    return this.store.readTheme(this.index, this.shape);
  }

  get subtheme(): string | undefined {
    return this.store.readSubtheme(this.index, this.shape);
  }

  get agreement(): string | undefined {
    return this.store.readAgreement(this.index, this.shape);
  }

  get partiesText(): string | undefined {
    return this.store.readPartiesText(this.index, this.shape);
  }

  get parties(): readonly string[] {
    return readPartyNames(this.partiesText ?? "", this.shape.model);
  }

  get activities(): readonly YearText[] {
    const { activityYears, activityLetters } = this.shape;
    const entries: YearText[] = [];
    for (let i = 0; i < activityYears.length; i++) {
      const text = this.readYearText(i);
      if (text !== "") entries.push(this.createYearText(activityYears[i] as number, text, activityLetters[i] as string));
    }
    return entries;
  }

  get statuses(): readonly YearStatus[] {
    const count = this.shape.statusYears.length;
    const entries = new Array<YearStatus>(count);
    for (let i = 0; i < count; i++) entries[i] = this.createStatusAt(i);
    return entries;
  }

  get explanations(): readonly YearText[] {
    const count = this.shape.explanationYears.length;
    const entries = new Array<YearText>(count);
    for (let i = 0; i < count; i++) entries[i] = this.createExplanationAt(i);
    return entries;
  }

  get cells(): Readonly<Partial<Record<AgreementField, string>>> {
    const label = String(this.row);
    const cells: Partial<Record<AgreementField, string>> = {};
    for (const field of AGREEMENT_FIELDS) {
      const letters = this.readFieldLetters(field);
      if (letters !== undefined) cells[field] = letters + label;
    }
    return cells;
  }

  /** The address of the row's cell of `field` alone (see findFieldCell). */
  findFieldCell(field: AgreementField): string | undefined {
    const letters = this.readFieldLetters(field);
    return letters === undefined ? undefined : this.addressOf(letters);
  }

  /** The column letters of `field` on this row (per-year fields: their first year's column). */
  private readFieldLetters(field: AgreementField): string | undefined {
    const shape = this.shape;
    switch (field) {
      case "theme":
        return shape.themeLetters;
      case "subtheme":
        return shape.subthemeLetters;
      case "agreement":
        return shape.agreementLetters;
      case "parties":
        return shape.partiesLetters;
      case "activities":
        return shape.activityLetters[0];
      case "status":
        return shape.statusLetters[0];
      case "explanation":
        return shape.explanationLetters[0];
    }
  }

  /** The row as a plain AgreementRow, for JSON.stringify and logs (its own fields are only a store and an index). */
  toJSON(): AgreementRow {
    const plain: { -readonly [K in keyof AgreementRow]: AgreementRow[K] } = { sheet: this.sheet, row: this.row } as AgreementRow;
    const { theme, subtheme, agreement, partiesText } = this;
    if (theme !== undefined) plain.theme = theme;
    if (subtheme !== undefined) plain.subtheme = subtheme;
    if (agreement !== undefined) plain.agreement = agreement;
    if (partiesText !== undefined) plain.partiesText = partiesText;
    plain.parties = this.parties;
    plain.activities = this.activities;
    plain.statuses = this.statuses;
    plain.explanations = this.explanations;
    plain.cells = this.cells;
    return plain;
  }

  /** How many status columns the row's header has (see StatusCells). */
  get statusCount(): number {
    return this.shape.statusYears.length;
  }

  /** The year of the row's `index`-th status column. */
  readStatusYear(index: number): number {
    return this.shape.statusYears[index] as number;
  }

  /** The `index`-th status cell's text as read ("" when blank). */
  readStatusRaw(index: number): string {
    return this.readYearText(this.shape.activityYears.length + index);
  }

  /** The model status the `index`-th status cell stands for, as its entry would have it. */
  readStatusName(index: number): string | undefined {
    return readModelStatus(this.readStatusRaw(index), this.shape.model.statuses);
  }

  /** The A1 address of the `index`-th status cell. */
  readStatusCell(index: number): string {
    return this.addressOf(this.shape.statusLetters[index] as string);
  }

  /** The status entry of `year` alone, without building the others (see findStatus). */
  findStatus(year: number): YearStatus | undefined {
    const index = this.shape.statusYears.indexOf(year);
    return index < 0 ? undefined : this.createStatusAt(index);
  }

  /** The Toelichting text of `year` ("" when blank), without its address; undefined without a column. */
  findExplanationText(year: number): string | undefined {
    const index = this.shape.explanationYears.indexOf(year);
    return index < 0 ? undefined : this.readExplanationText(index);
  }

  /** The address of the Toelichting cell of `year` alone (see findExplanationCell). */
  findExplanationCell(year: number): string | undefined {
    const index = this.shape.explanationYears.indexOf(year);
    return index < 0 ? undefined : this.addressOf(this.shape.explanationLetters[index] as string);
  }

  /** The activities text of `year`, undefined when blank (see findActivities). */
  findActivities(year: number): string | undefined {
    const index = this.shape.activityYears.indexOf(year);
    const text = index < 0 ? "" : this.readYearText(index);
    return text === "" ? undefined : text;
  }

  /** Whether any activities cell of the row holds text. */
  hasActivities(): boolean {
    const count = this.shape.activityYears.length;
    for (let i = 0; i < count; i++) if (this.readYearText(i) !== "") return true;
    return false;
  }

  /** The row's `offset`-th per-year cell text (see SheetAgreementStore.readYearText). */
  private readYearText(offset: number): string {
    return this.store.readYearText(this.index, this.shape, offset);
  }

  /** The `index`-th Toelichting cell's text ("" when blank): after the activities and status cells. */
  private readExplanationText(index: number): string {
    const shape = this.shape;
    return this.readYearText(shape.activityYears.length + shape.statusYears.length + index);
  }

  private createStatusAt(index: number): YearStatus {
    const shape = this.shape;
    return createYearStatus(shape.statusYears[index] as number, this.readStatusRaw(index), this.readStatusCell(index), shape.model.statuses);
  }

  private createExplanationAt(index: number): YearText {
    const shape = this.shape;
    return this.createYearText(shape.explanationYears[index] as number, this.readExplanationText(index), shape.explanationLetters[index] as string);
  }

  private createYearText(year: number, text: string, letters: string): YearText {
    return { year, text, cell: this.addressOf(letters) };
  }

  /** The A1 address of this row's cell in the column of `letters`. */
  private addressOf(letters: string): string {
    return letters + String(this.row);
  }
}

/**
 * One view moved from row to row (AgreementRowSource.visitRow): the row rules read every row once
 * and keep none, and a view per row was a tenth of a small check's garbage.
 */
export class MovingAgreementRow extends SheetAgreementRow {
  moveTo(store: SheetAgreementStore, index: number): this {
    this.store = store;
    this.index = index;
    this.shape = store.readShape(index);
    return this;
  }
}

/** The fields in the order a row's `cells` lists them. */
const AGREEMENT_FIELDS: readonly AgreementField[] = ["theme", "subtheme", "agreement", "parties", "activities", "status", "explanation"];

/** A theme or subtheme text as stored: a name, without pasted markup; undefined when blank. */
export function readName(text: string): string | undefined {
  const name = text === "" ? "" : stripMarkup(text);
  return name === "" ? undefined : name;
}

/** No parties: one array shared by every row without a parties text. */
const NO_PARTIES: readonly string[] = Object.freeze([]);

/** Canonical names of the model parties in a parties text (readings are memoised per distinct text). */
export function readPartyNames(partiesText: string, model: Model): readonly string[] {
  return partiesText === "" ? NO_PARTIES : parseParties(partiesText, model.parties).parties;
}

/** A status cell's entry: the text as typed, and the model status it stands for when there is one. */
export function createYearStatus(year: number, raw: string, cell: string, statuses: readonly StatusDef[]): YearStatus {
  const status = readModelStatus(raw, statuses);
  return status !== undefined ? { year, raw, cell, status } : { year, raw, cell };
}

/** The model status a status cell's text stands for; undefined when blank or not recognised. */
function readModelStatus(raw: string, statuses: readonly StatusDef[]): string | undefined {
  return raw === "" ? undefined : normaliseStatus(raw, statuses);
}
