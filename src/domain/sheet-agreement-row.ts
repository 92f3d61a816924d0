import type { AgreementField, AgreementRow, YearStatus, YearText } from "./agreement";
import type { Model, StatusDef } from "./model";
import { normaliseStatus } from "./normalise-status";
import { stripMarkup } from "./normalise-text";
import { parseParties } from "./parse-parties";

/**
 * Where the cells of the rows one header governs are (the sheet's column letters), shared by every
 * such row. Per-year lists are ascending by year.
 */
export interface RowShape {
  readonly sheet: string;
  /** The model a row's parties and statuses are read against. */
  readonly model: Model;
  readonly themeLetters: string;
  readonly subthemeLetters: string | undefined;
  readonly agreementLetters: string;
  readonly partiesLetters: string;
  readonly activityYears: readonly number[];
  readonly activityLetters: readonly string[];
  readonly statusYears: readonly number[];
  readonly statusLetters: readonly string[];
  readonly explanationYears: readonly number[];
  readonly explanationLetters: readonly string[];
}

/*
 * Why rows are stored column by column: a check's agreement rows live as long as its result, and
 * on a large sheet everything that lives that long is copied by the garbage collector while the
 * rest of the check runs (100k rows as plain objects with their cell addresses and per-year
 * entries: some 690 bytes in 18 objects each, and most of the time beyond linear). A store keeps
 * the texts of up to STORE_ROWS rows in a few arrays; numbers sit in typed arrays, outside the
 * collector's heap. A row is a view of its store (two fields); its addresses and per-year entries
 * are built when asked for, and die young.
 */

/**
 * Rows per store: its arrays stay below the size V8 moves to the large-object space, where every
 * check of a large sheet faulted in fresh pages (nearly a third of the time reading 100k rows took).
 */
export const STORE_ROWS = 4096;

/** The texts of up to STORE_ROWS rows read from one sheet, as parallel arrays. */
export class SheetAgreementStore {
  private count = 0;
  private yearCount = 0;
  /** One-based sheet row numbers. */
  readonly rows: Int32Array;
  /** Index in `shapes` of each row's shape. */
  readonly shapeIndexes: Int32Array;
  readonly shapes: RowShape[] = [];
  /** Theme and subtheme as names (readName); agreement and parties texts trimmed, undefined when blank. */
  readonly themes: (string | undefined)[];
  readonly subthemes: (string | undefined)[];
  readonly agreementTexts: (string | undefined)[];
  readonly partiesTexts: (string | undefined)[];
  /** Index in `yearTexts` of each row's first per-year cell. */
  readonly yearTextsAt: Int32Array;
  /**
   * Every row's per-year cells as read (trimmed, "" when blank or an Excel error): activities, then statuses, then explanations, in its
   * shape's column order.
   */
  readonly yearTexts: string[];
  /** The store's agreements in sheet order: views of its rows, and any read another way (addAgreement). */
  readonly agreements: AgreementRow[];

  /**
   * `capacity`: the most rows it takes (at most STORE_ROWS; a small sheet's store is no larger than
   * its rows); `yearWidth`: the most per-year cells a row of the sheet can have.
   */
  constructor(
    private readonly capacity: number,
    yearWidth: number,
  ) {
    this.rows = new Int32Array(capacity);
    this.shapeIndexes = new Int32Array(capacity);
    this.themes = new Array<string | undefined>(capacity);
    this.subthemes = new Array<string | undefined>(capacity);
    this.agreementTexts = new Array<string | undefined>(capacity);
    this.partiesTexts = new Array<string | undefined>(capacity);
    this.yearTextsAt = new Int32Array(capacity);
    this.yearTexts = new Array<string>(capacity * yearWidth);
    this.agreements = new Array<AgreementRow>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Whether one more row with `yearTextCount` per-year cells fits. */
  hasRoomFor(yearTextCount: number): boolean {
    return this.count < this.capacity && this.yearCount + yearTextCount <= this.yearTexts.length;
  }

  /** Stores the next per-year cell of the row about to be added. */
  addYearText(text: string): void {
    this.yearTexts[this.yearCount++] = text;
  }

  /** Stores a row whose `yearTextCount` per-year cells were just added (addYearText). */
  addRow(
    shape: RowShape,
    row: number,
    theme: string | undefined,
    subtheme: string | undefined,
    agreement: string | undefined,
    partiesText: string | undefined,
    yearTextCount: number,
  ): void {
    const index = this.count++;
    let shapeIndex = this.shapes.length - 1;
    // Rows come header by header: the shape is nearly always the last one added.
    if (this.shapes[shapeIndex] !== shape) {
      shapeIndex = this.shapes.indexOf(shape);
      if (shapeIndex < 0) shapeIndex = this.shapes.push(shape) - 1;
    }
    this.rows[index] = row;
    this.shapeIndexes[index] = shapeIndex;
    this.themes[index] = theme;
    this.subthemes[index] = subtheme;
    this.agreementTexts[index] = agreement;
    this.partiesTexts[index] = partiesText;
    this.yearTextsAt[index] = this.yearCount - yearTextCount;
    this.agreements[index] = new SheetAgreementRow(this, index);
  }

  /** Stores an agreement read another way (one field per line) in its place in sheet order. */
  addAgreement(agreement: AgreementRow): void {
    this.agreements[this.count++] = agreement;
  }
}

/** An agreement read from one row of an agreements sheet (the usual layout): a view of its store. */
export class SheetAgreementRow implements AgreementRow {
  constructor(
    private readonly store: SheetAgreementStore,
    private readonly index: number,
  ) {}

  get sheet(): string {
    return this.shape.sheet;
  }

  get row(): number {
    return this.store.rows[this.index] as number;
  }

  get theme(): string | undefined {
    return this.store.themes[this.index];
  }

  get subtheme(): string | undefined {
    return this.store.subthemes[this.index];
  }

  get agreement(): string | undefined {
    return this.store.agreementTexts[this.index];
  }

  get partiesText(): string | undefined {
    return this.store.partiesTexts[this.index];
  }

  get parties(): readonly string[] {
    return readPartyNames(this.store.partiesTexts[this.index] ?? "", this.shape.model);
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
    const shape = this.shape;
    const label = String(this.row);
    const cells: Partial<Record<AgreementField, string>> = { theme: shape.themeLetters + label };
    if (shape.subthemeLetters !== undefined) cells.subtheme = shape.subthemeLetters + label;
    cells.agreement = shape.agreementLetters + label;
    cells.parties = shape.partiesLetters + label;
    const activities = shape.activityLetters[0];
    if (activities !== undefined) cells.activities = activities + label;
    const status = shape.statusLetters[0];
    if (status !== undefined) cells.status = status + label;
    const explanation = shape.explanationLetters[0];
    if (explanation !== undefined) cells.explanation = explanation + label;
    return cells;
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
    const raw = this.readStatusRaw(index);
    return raw === "" ? undefined : normaliseStatus(raw, this.shape.model.statuses);
  }

  /** The `index`-th status entry, with its cell address. */
  readStatusAt(index: number): YearStatus {
    return this.createStatusAt(index);
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

  /** The Toelichting entry of `year` alone (see findExplanationCell). */
  findExplanationCell(year: number): YearText | undefined {
    const index = this.shape.explanationYears.indexOf(year);
    return index < 0 ? undefined : this.createExplanationAt(index);
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

  private get shape(): RowShape {
    const store = this.store;
    return store.shapes[store.shapeIndexes[this.index] as number] as RowShape;
  }

  /** The row's `offset`-th per-year cell text (see SheetAgreementStore.yearTexts). */
  private readYearText(offset: number): string {
    const store = this.store;
    return store.yearTexts[(store.yearTextsAt[this.index] as number) + offset] as string;
  }

  /** The `index`-th Toelichting cell's text ("" when blank): after the activities and status cells. */
  private readExplanationText(index: number): string {
    const shape = this.shape;
    return this.readYearText(shape.activityYears.length + shape.statusYears.length + index);
  }

  private createStatusAt(index: number): YearStatus {
    const shape = this.shape;
    const raw = this.readStatusRaw(index);
    return createYearStatus(
      shape.statusYears[index] as number,
      raw,
      (shape.statusLetters[index] as string) + String(this.row),
      shape.model.statuses,
    );
  }

  private createExplanationAt(index: number): YearText {
    const shape = this.shape;
    return this.createYearText(shape.explanationYears[index] as number, this.readExplanationText(index), shape.explanationLetters[index] as string);
  }

  private createYearText(year: number, text: string, letters: string): YearText {
    return { year, text, cell: letters + String(this.row) };
  }
}

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
  const status = raw === "" ? undefined : normaliseStatus(raw, statuses);
  return status !== undefined ? { year, raw, cell, status } : { year, raw, cell };
}
