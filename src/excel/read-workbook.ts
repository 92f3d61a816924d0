import { isMirrorSheet, isToolSheet, LIST_SHEET_NAME } from "../domain";
import { formatA1, type CellValue } from "../domain";
import { isItemNotFoundError, isPayloadTooLargeError, AddinError } from "./addin-error";
import { findAddinSheets } from "./addin-sheets";
import { listAreaRanges, parseRangeAddress, type CellRect } from "./range-address";
import { isSetSupported } from "./excel-run";

/**
 * The read round trip of a check: sheet list, defined names, and per checked sheet the used
 * range's values + the number formats of its numeric cells, the conditional formats and the cells
 * with data validation (what the write round trip needs to replace the add-in's own formats). All queued, one sync;
 * more syncs only when Excel's payload limit forces row chunks.
 */

/** Counts round trips for CheckOutcome.syncs. */
export type Sync = () => Promise<void>;

/** A grid the adapter keeps between checks (patched by live edits). */
export interface MutableGrid {
  readonly sheet: string;
  origin: string;
  /** Zero-based sheet row/column of the origin. */
  top: number;
  left: number;
  values: CellValue[][];
  formats: string[][];
  /** Merged areas as sheet A1 ranges (ExcelApi 1.13; absent on older hosts). */
  merges?: string[];
  /** Size of the last full read's response (values + numeric cells' formats, JSON): the next read's estimate. */
  bytes?: number;
}

export interface SheetFormatsState {
  readonly sheet: string;
  /** Loaded: items/type, items/customOrNullObject/rule/formula. */
  readonly conditionalFormats: Excel.ConditionalFormatCollection;
  /** Loaded: address (null object when no cell has validation). Searched in the used range only. */
  readonly validationCells: Excel.RangeAreas;
  /** Loaded: protected (WorksheetProtection, ExcelApi 1.2). */
  readonly protection: Excel.WorksheetProtection;
  /** Loaded: address (null object when nothing is merged); absent where ExcelApi 1.13 is not supported. */
  readonly mergedAreas?: Excel.RangeAreas;
}

/** The values of one of the add-in's own sheets (mirror, snapshot, list), as last written. */
export interface OwnedSheetRead {
  readonly sheet: string;
  /** Loaded: areas/items/address, areas/items/values: the non-blank cells only (null object when none). */
  readonly cells: Excel.RangeAreas;
}

export interface WorkbookState {
  /** Loaded: items/name, items/visibility, items/id. */
  readonly worksheets: Excel.WorksheetCollection;
  /** Loaded: items/name, items/formula, items/comment. */
  readonly names: Excel.NamedItemCollection;
  readonly formats: ReadonlyMap<string, SheetFormatsState>;
  /** The add-in's own sheets' contents (for writing only differences); absent when not read. */
  readonly owned?: ReadonlyMap<string, OwnedSheetRead>;
  /** Workbook.readOnly (ExcelApi 1.8), loaded with the sheet list. */
  readonly workbook?: Excel.Workbook;
}

export interface ReadOptions {
  /** Excel on the web rejects requests and responses over 5 MB. */
  readonly payloadLimitBytes: number;
  /** First guess of a cell's size in the response (value + share of numeric formats, JSON); measured afterwards. */
  readonly bytesPerCell: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { payloadLimitBytes: 5 * 1024 * 1024, bytesPerCell: 48 };

/** Loads the sheet list, the defined names and whether the workbook is read-only (queued, no sync). */
export function queueWorkbookLoads(context: Excel.RequestContext): void {
  context.workbook.worksheets.load("items/name,items/visibility,items/id");
  context.workbook.names.load("items/name,items/formula,items/comment");
  // Workbook.readOnly (ExcelApi 1.8): a file opened read-only or in view mode refuses every write.
  context.workbook.load("readOnly");
}

/** Queues the loads of a sheet's conditional formats, validation cells and protection (no sync). */
export function queueFormatsLoad(context: Excel.RequestContext, sheet: string): SheetFormatsState {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  // Range.conditionalFormats is a navigation property (a collection proxy), not a loaded value.
  // eslint-disable-next-line office-addins/load-object-before-read
  const conditionalFormats = worksheet.getRange().conditionalFormats;
  conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
  // Range.getSpecialCells over a whole sheet can hang Excel on big sheets (office-js #4245, all
  // hosts): search the used range by values only (on an empty sheet that is A1, never a null object).
  const validationCells = worksheet.getUsedRange(true).getSpecialCellsOrNullObject("DataValidations");
  validationCells.load("address");
  // Worksheet.protection is a navigation property (an object proxy), not a loaded value.
  // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
  const protection = worksheet.protection;
  protection.load("protected");
  // Range.getMergedAreasOrNullObject (ExcelApi 1.13, above the manifest's 1.9): on older hosts a
  // merged theme cell is read on its first row only, as Range.values shows it. Searched in the used
  // range (by values), like the validation cells, never the whole sheet.
  const mergedAreas = isSetSupported("ExcelApi", "1.13") ? worksheet.getUsedRange(true).getMergedAreasOrNullObject() : undefined;
  mergedAreas?.load("address");
  return { sheet, conditionalFormats, validationCells, protection, ...(mergedAreas !== undefined ? { mergedAreas } : {}) };
}

/**
 * Queues the load of one of the add-in's own sheets' non-blank cells (no sync). Marks are sparse:
 * the used range's full matrix would be mostly blanks in the response.
 */
export function queueOwnedSheetLoad(context: Excel.RequestContext, sheet: string): OwnedSheetRead {
  const cells = context.workbook.worksheets.getItem(sheet).getUsedRange(true).getSpecialCellsOrNullObject(Excel.SpecialCellType.constants);
  cells.load("areas/items/address,areas/items/values");
  return { sheet, cells };
}

/**
 * A guess from names only, for the first round trip of a session's first check: the add-in's
 * helper sheets are usually called so. Never relied on: finishRead reads the marked sheets it
 * missed and drops what is not ours.
 */
function guessHelperSheet(name: string): boolean {
  return isMirrorSheet(name) || name === LIST_SHEET_NAME;
}

/**
 * The numeric cells of a range (typed numbers and formulas yielding numbers) with their number
 * formats. The engine reads a format only for a number (percent scaling, decimals shown), while
 * `numberFormat` of a whole used range adds a string ("General" nearly everywhere) per cell to the
 * response: on the 10k-row benchmark 0.7 MB, enough to push the read past the chunking threshold.
 */
export interface NumericFormatsRead {
  readonly constants: Excel.RangeAreas;
  readonly formulas: Excel.RangeAreas;
}

/** Queues the loads of the numeric cells' addresses and number formats in `range` (no sync). */
export function queueNumericFormatsLoad(range: Excel.Range): NumericFormatsRead {
  const constants = range.getSpecialCellsOrNullObject(Excel.SpecialCellType.constants, Excel.SpecialCellValueType.numbers);
  constants.load("areas/items/address,areas/items/numberFormat");
  const formulas = range.getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas, Excel.SpecialCellValueType.numbers);
  formulas.load("areas/items/address,areas/items/numberFormat");
  return { constants, formulas };
}

/**
 * The formats grid of `rect` (rows x ragged columns) from the numeric cells' areas; "General"
 * elsewhere (formatAt's default), rows without numbers stay empty. Areas are clipped to `rect`.
 */
export function buildFormatsGrid(read: NumericFormatsRead, rect: CellRect): string[][] {
  const formats: string[][] = Array.from({ length: rect.bottom - rect.top + 1 }, () => []);
  for (const cells of [read.constants, read.formulas]) {
    if (cells.isNullObject) continue;
    for (const area of cells.areas.items) {
      const at = parseRangeAddress(area.address);
      if (!at) continue;
      area.numberFormat.forEach((row, i) => {
        const line = formats[at.top + i - rect.top];
        if (!line) return;
        row.forEach((format, j) => {
          const col = at.left + j - rect.left;
          if (col < 0 || col > rect.right - rect.left) return;
          while (line.length < col) line.push("General");
          line[col] = String(format);
        });
      });
    }
  }
  return formats;
}

/** JSON size of the numeric cells' part of a response (for the next read's estimate). */
export function measureNumericFormats(read: NumericFormatsRead): number {
  let bytes = 0;
  for (const cells of [read.constants, read.formulas]) {
    if (cells.isNullObject) continue;
    for (const area of cells.areas.items) bytes += JSON.stringify(area.address).length + JSON.stringify(area.numberFormat).length;
  }
  return bytes;
}

interface FullRead {
  readonly sheet: string;
  readonly used: Excel.Range;
  readonly numeric: NumericFormatsRead;
}

function queueFullRead(context: Excel.RequestContext, sheet: string): FullRead {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  // getUsedRange(true) (ExcelApi 1.2): bounded by values, so formatting down to row 1,048,576
  // costs nothing; on an empty sheet it is A1 (not a null object, so methods on it are safe).
  const used = worksheet.getUsedRange(true);
  used.load("address,values");
  return { sheet, used, numeric: queueNumericFormatsLoad(used) };
}

/**
 * The workbook's sheets by role. The add-in's own are recognised as the CLI recognises them: by the workbook-level marker
 * names (findOwnSheets: the Monitoring sheet, e.g. "Monitoring (2)" next to a user's own
 * "Monitoring", the highlighting sheets, their value twins and the list sheet), and an older
 * add-in's unmarked helper sheets by its registry (findAddinSheets). Never by name: a user's sheet
 * called Monitoring or PM_Markering1 is data.
 */
export function sortSheetsByRole(state: Pick<WorkbookState, "worksheets" | "names">): SheetRoles {
  const sheets = findAddinSheets(state);
  const own = new Set(sheets.all);
  const names = state.worksheets.items.map((ws) => ws.name);
  return { own: names.filter((name) => own.has(name)), helpers: [...sheets.helpers], checked: names.filter((name) => !own.has(name)) };
}

/** The sheets of a workbook by role, from one reading of its markers and registry (sortSheetsByRole). */
export interface SheetRoles {
  /** Every sheet of ours, in workbook order. */
  readonly own: readonly string[];
  /** Our helper sheets (mirrors, value twins, list sheet): what a check reads back to diff against. */
  readonly helpers: readonly string[];
  /** Every other sheet, in workbook order: what a check reads. */
  readonly checked: readonly string[];
}

/** What the last action learned of the add-in's sheets: lets the first round trip read the right ones. */
export type KnownOwn = Pick<SheetRoles, "own" | "helpers">;

/** The names of the sheets a check reads: every sheet but the add-in's own (sortSheetsByRole). */
export function listCheckedSheets(state: Pick<WorkbookState, "worksheets" | "names">): string[] {
  return [...sortSheetsByRole(state).checked];
}

export interface WorkbookRead {
  readonly state: WorkbookState;
  /** Checked sheets in workbook order. */
  readonly grids: MutableGrid[];
  /** The sheets by role, as this read found them. */
  readonly roles: SheetRoles;
}

/**
 * Reads the workbook for a full check. `knownSheets` (from an earlier action) lets the sheet list
 * and the sheets' contents travel in the same round trip; a sheet unknown then costs one more
 * sync, a known sheet that vanished restarts the read with the fresh list.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  knownSheets: readonly string[] | undefined,
  sync: Sync,
  options: ReadOptions = DEFAULT_READ_OPTIONS,
  previous: readonly MutableGrid[] = [],
  /** False for a live read: it writes nothing, so what the last check wrote is not needed. */
  withOwned = true,
  /** Our sheets as the last action found them by marker; absent: guessed from names. */
  knownOwn?: KnownOwn,
): Promise<WorkbookRead> {
  // A guess, to read in the first round trip: finishRead reads what the markers show it missed (a
  // user's sheet called Monitoring or PM_Markering1) and drops what they show is ours.
  const known = knownSheets ?? [];
  const guessed = knownOwn !== undefined ? known.filter((name) => !knownOwn.own.includes(name)) : known.filter((name) => !isToolSheet(name));
  const guessedOwned = !withOwned ? [] : knownOwn !== undefined ? known.filter((name) => knownOwn.helpers.includes(name)) : known.filter(guessHelperSheet);
  const formats = new Map<string, SheetFormatsState>();
  const owned = new Map<string, OwnedSheetRead>();
  const queueState = (): void => {
    queueWorkbookLoads(context);
    for (const sheet of guessed) formats.set(sheet, queueFormatsLoad(context, sheet));
    for (const sheet of guessedOwned) owned.set(sheet, queueOwnedSheetLoad(context, sheet));
  };
  queueState();
  let grids = new Map<string, MutableGrid>();
  // The last read's size predicts this one: when it was near the limit, go straight to chunks
  // rather than spend a round trip on a request Excel would reject.
  const estimate = guessed.reduce((sum, name) => sum + (previous.find((g) => g.sheet === name)?.bytes ?? 0), 0);
  if (estimate > options.payloadLimitBytes * 0.8) {
    grids = await readInChunks(context, guessed, sync, options);
    return finishRead(context, { formats, owned, grids, withOwned }, sync, options);
  }
  const full = guessed.map((sheet) => queueFullRead(context, sheet));
  try {
    await sync();
    for (const read of full) grids.set(read.sheet, toGrid(read));
  } catch (error) {
    if (isItemNotFoundError(error) && (guessed.length > 0 || guessedOwned.length > 0)) return readWorkbook(context, undefined, sync, options, previous, withOwned, knownOwn);
    if (!isPayloadTooLargeError(error)) throw error;
    queueState();
    grids = await readInChunks(context, guessed, sync, options);
  }
  return finishRead(context, { formats, owned, grids, withOwned }, sync, options);
}

interface PartialRead {
  readonly formats: Map<string, SheetFormatsState>;
  readonly owned: Map<string, OwnedSheetRead>;
  readonly grids: Map<string, MutableGrid>;
  readonly withOwned: boolean;
}

/** Reads the sheets the sheet list showed that were not read yet, and assembles the result. */
async function finishRead(context: Excel.RequestContext, read: PartialRead, sync: Sync, options: ReadOptions): Promise<WorkbookRead> {
  const { formats, owned, grids } = read;
  const roles = sortSheetsByRole({ worksheets: context.workbook.worksheets, names: context.workbook.names });
  const checked = roles.checked;
  const missing = checked.filter((name) => !grids.has(name));
  const helpers = new Set(roles.helpers);
  // A guessed helper sheet that the markers show is the user's: its read is dropped, never used.
  for (const sheet of owned.keys()) if (!helpers.has(sheet)) owned.delete(sheet);
  const missingOwned = read.withOwned ? [...helpers].filter((name) => !owned.has(name)) : [];
  if (missing.length > 0 || missingOwned.length > 0) {
    for (const sheet of missing) formats.set(sheet, queueFormatsLoad(context, sheet));
    for (const sheet of missingOwned) owned.set(sheet, queueOwnedSheetLoad(context, sheet));
    const more = missing.map((sheet) => queueFullRead(context, sheet));
    try {
      await sync();
      for (const full of more) grids.set(full.sheet, toGrid(full));
    } catch (error) {
      if (!isPayloadTooLargeError(error)) throw error;
      for (const sheet of missing) formats.set(sheet, queueFormatsLoad(context, sheet));
      for (const sheet of missingOwned) owned.set(sheet, queueOwnedSheetLoad(context, sheet));
      for (const [sheet, grid] of await readInChunks(context, missing, sync, options)) grids.set(sheet, grid);
    }
  }
  const state: WorkbookState = { worksheets: context.workbook.worksheets, names: context.workbook.names, formats, owned, workbook: context.workbook };
  const readGrids = checked.map((name) => grids.get(name) ?? emptyGrid(name));
  for (const grid of readGrids) {
    const merged = formats.get(grid.sheet)?.mergedAreas;
    if (merged && !merged.isNullObject) grid.merges = listAreaRanges(merged.address);
  }
  return { state, grids: readGrids, roles };
}

interface Chunk {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * Reads sheets in row chunks small enough for Excel's payload limit: one sync for the used-range
 * sizes (the caller queued the sheet list and formats loads before), then as few syncs as the
 * estimated sizes allow. A chunk batch still over the limit is split again.
 */
async function readInChunks(context: Excel.RequestContext, sheets: readonly string[], sync: Sync, options: ReadOptions): Promise<Map<string, MutableGrid>> {
  const sizes = sheets.map((sheet) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet, used };
  });
  await sync();
  const budget = Math.floor(options.payloadLimitBytes * 0.8);
  const chunks: Chunk[] = [];
  for (const { sheet, used } of sizes) {
    if (used.isNullObject) continue;
    const rowsPerChunk = Math.max(1, Math.floor(budget / (used.columnCount * options.bytesPerCell)));
    for (let top = 0; top < used.rowCount; top += rowsPerChunk) {
      chunks.push({ sheet, top: used.rowIndex + top, left: used.columnIndex, rows: Math.min(rowsPerChunk, used.rowCount - top), columns: used.columnCount });
    }
  }
  const parts = await readChunks(context, chunks, sync, budget, options.bytesPerCell);
  const grids = new Map<string, MutableGrid>();
  for (const sheet of sheets) grids.set(sheet, emptyGrid(sheet));
  for (const { chunk, values, formats, bytes } of parts) {
    const grid = grids.get(chunk.sheet);
    if (!grid) continue;
    if (grid.values.length === 0) {
      grid.top = chunk.top;
      grid.left = chunk.left;
      grid.origin = formatA1(chunk.top, chunk.left);
    }
    // A loop, not push(...rows): spreading a chunk of 100k+ rows into a call overflows the stack.
    for (const row of values) grid.values.push(row);
    for (const row of formats) grid.formats.push(row);
    grid.bytes = (grid.bytes ?? 0) + bytes;
  }
  return grids;
}

interface ChunkRead {
  readonly chunk: Chunk;
  readonly values: CellValue[][];
  readonly formats: string[][];
  /** Size of this chunk's part of the response. */
  readonly bytes: number;
}

/** Loads chunks in batches of at most `budget` estimated bytes; halves a batch that is still too large. */
async function readChunks(context: Excel.RequestContext, chunks: readonly Chunk[], sync: Sync, budget: number, bytesPerCell: number): Promise<ChunkRead[]> {
  const reads: ChunkRead[] = [];
  let start = 0;
  let estimate = bytesPerCell;
  while (start < chunks.length) {
    let end = start;
    let bytes = 0;
    while (end < chunks.length) {
      const chunk = chunks[end] as Chunk;
      const size = chunk.rows * chunk.columns * estimate;
      if (end > start && bytes + size > budget) break;
      bytes += size;
      end += 1;
    }
    const batch = chunks.slice(start, end);
    const ranges = batch.map((chunk) => {
      const range = context.workbook.worksheets.getItem(chunk.sheet).getRangeByIndexes(chunk.top, chunk.left, chunk.rows, chunk.columns);
      range.load("values");
      return { range, numeric: queueNumericFormatsLoad(range) };
    });
    try {
      // Each batch needs the previous one's measured size before it can be planned.
      await sync();
    } catch (error) {
      if (!isPayloadTooLargeError(error)) throw error;
      const smaller = batch.flatMap(splitChunk);
      if (smaller.length === batch.length) throw new AddinError("payload-too-large", "rowTooLarge", {}, batch[0]?.sheet, { cause: error });
      reads.push(...(await readChunks(context, smaller, sync, Math.floor(budget / 2), estimate * 2)));
      start = end;
      continue;
    }
    let measured = 0;
    let cells = 0;
    batch.forEach((chunk, i) => {
      const { range, numeric } = ranges[i] as { range: Excel.Range; numeric: NumericFormatsRead };
      const rect = { top: chunk.top, left: chunk.left, bottom: chunk.top + chunk.rows - 1, right: chunk.left + chunk.columns - 1 };
      const bytes = JSON.stringify(range.values).length + measureNumericFormats(numeric);
      reads.push({ chunk, values: range.values.map((row) => row.map(toCellValue)), formats: buildFormatsGrid(numeric, rect), bytes });
      measured += bytes;
      cells += chunk.rows * chunk.columns;
    });
    if (cells > 0) estimate = Math.max(estimate, measured / cells);
    start = end;
  }
  return reads;
}

function splitChunk(chunk: Chunk): Chunk[] {
  if (chunk.rows <= 1) return [chunk];
  const half = Math.ceil(chunk.rows / 2);
  return [
    { ...chunk, rows: half },
    { ...chunk, top: chunk.top + half, rows: chunk.rows - half },
  ];
}

/** Excel's blank "" becomes null, as the domain expects. */
export function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function emptyGrid(sheet: string): MutableGrid {
  return { sheet, origin: "A1", top: 0, left: 0, values: [], formats: [] };
}

function toGrid({ sheet, used, numeric }: FullRead): MutableGrid {
  const values = used.values.map((row) => row.map(toCellValue));
  // An empty sheet's used range is its blank A1.
  if (values.length === 1 && values[0]?.length === 1 && values[0][0] === null) return emptyGrid(sheet);
  const rect = parseRangeAddress(used.address) ?? { top: 0, left: 0, bottom: values.length - 1, right: (values[0]?.length ?? 1) - 1 };
  const { top, left } = rect;
  return {
    sheet,
    origin: formatA1(top, left),
    top,
    left,
    values,
    formats: buildFormatsGrid(numeric, rect),
    bytes: JSON.stringify(used.values).length + measureNumericFormats(numeric),
  };
}
