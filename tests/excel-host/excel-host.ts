import { cellKey, formatRect, parseKey, parseRect, qualify, splitSheetAddress, type Rect } from "./host-address";
import { HostError, WorkbookProxy, type HostBackend, type PendingLoad } from "./host-proxies";
import { HostSheet, type HostCell, type HostEventHandler, type HostNamedItem, type HostValue } from "./host-state";
import undoTable from "./undo-clearing-apis.json";

/**
 * An in-memory fake of the part of the Excel JavaScript API the add-in uses, for jest and for the
 * pane's browser tests. It behaves like Excel where it matters to the adapter: reads need load +
 * sync, writes apply at sync, every sync is a counted round trip with a measured request and
 * response size (over the limit: RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded),
 * cell-edit mode can be simulated, and tests fire onChanged (local or remote) and selection events.
 * No Node imports: it runs in a browser too.
 */

export type WorkbookCellValue = string | number | boolean | null;

export interface WorkbookData {
  readonly sheets: readonly {
    readonly name: string;
    readonly values: readonly (readonly WorkbookCellValue[])[];
    readonly formats?: readonly (readonly string[])[];
    /** Top-left cell of `values` (default A1). */
    readonly origin?: string;
    readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  }[];
}

/** Where the workbook is open: Microsoft's undo table differs between the web and Windows/Mac. */
export type HostPlatform = "web" | "windows" | "mac";

export interface ExcelHostOptions {
  /** Request and response size limit in bytes (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  readonly displayLanguage?: string;
  /** Default "web" (Office.context.platform "OfficeOnline"). */
  readonly platform?: HostPlatform;
  /**
   * Requirement sets the host supports (name -> highest version), answered by
   * Office.context.requirements.isSetSupported. Default: a current build (ExcelApi 1.20 and
   * ExcelUndoApiAll 1.0). Without ExcelUndoApiAll every add-in write clears the user's undo
   * stack (office-js #3788, #6170); without ExcelApi 1.20 mergeUndoGroup is ignored.
   */
  readonly apiSets?: Readonly<Record<string, string>>;
  /** The workbook is open read-only (or in view mode): every write is refused. */
  readonly readOnly?: boolean;
}

export const CURRENT_API_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.20", ExcelUndoApiAll: "1.0", DialogApi: "1.2" };

/** Excel.RunOptions (ExcelApi 1.11 delayForCellEdit, 1.20 mergeUndoGroup). */
export interface HostRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
}

/** What the host counts (reset by resetStats): the benchmark prints these. */
export interface HostStats {
  /** Round trips (context.sync with queued operations). */
  syncs: number;
  /** Write operations applied (property sets and modifying calls). */
  writes: number;
  /** Cells read by loads (values, formats, ...) and scanned by special-cell searches. */
  cellsRead: number;
  /** Times an add-in call cleared the user's undo stack. */
  undoClears: number;
}

/** One entry of the user's undo stack (Ctrl+Z takes the last one back). */
export interface UndoRecord {
  readonly by: "user" | "addin";
  readonly label: string;
}

export interface SyncRecord {
  /** The queued operations of this round trip (as described to the "server"). */
  readonly operations: readonly Record<string, unknown>[];
  readonly requestBytes: number;
  responseBytes: number;
  readonly failed?: string;
}

interface QueuedOp {
  readonly describe: Record<string, unknown>;
  readonly run: () => PendingLoad | void;
}

const FIVE_MB = 5 * 1024 * 1024;

export class ExcelHost {
  readonly sheets: HostSheet[] = [];
  readonly names: HostNamedItem[] = [];
  /** Every round trip, in order (failed ones too). */
  readonly syncs: SyncRecord[] = [];
  /** Base64 workbooks passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[] = [];
  payloadLimit: number;
  displayLanguage: string;
  /** Dialogs the add-in opened (Office.context.ui.displayDialogAsync): URL and messages sent to them. */
  readonly dialogs: { url: string; received: string[]; sendToParent(message: string): void }[] = [];
  /** False where Excel.createWorkbook is disabled (policy, office-js #3568). */
  createWorkbookAllowed = true;
  /** Called before each round trip (1-based index): tests change the workbook "meanwhile" here. */
  beforeSync: ((index: number) => void) | undefined;
  private cellEditSyncs = 0;
  private activeSheetId: string | undefined;
  private selected: { sheetId: string; rect: Rect } | undefined;
  private cfCounter = 0;
  private readonly registeredWorkbookHandlers: Set<HostEventHandler>[] = [];
  private readonly collectionHandlerSets = new Map<string, Set<HostEventHandler>>();
  readonly platform: HostPlatform;
  readonly apiSets: Readonly<Record<string, string>>;
  readOnly: boolean;
  readonly stats: HostStats = { syncs: 0, writes: 0, cellsRead: 0, undoClears: 0 };
  /** The user's undo stack, newest last. */
  readonly undoStack: UndoRecord[] = [];
  /** The add-in APIs that cleared the undo stack, in order (for test messages). */
  readonly undoClearedBy: string[] = [];

  constructor(data: WorkbookData = { sheets: [{ name: "Blad1", values: [] }] }, options: ExcelHostOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? FIVE_MB;
    this.displayLanguage = options.displayLanguage ?? "nl-NL";
    this.platform = options.platform ?? "web";
    this.apiSets = options.apiSets ?? CURRENT_API_SETS;
    this.readOnly = options.readOnly ?? false;
    for (const sheet of data.sheets) {
      const added = this.addSheet(sheet.name);
      added.visibility = sheet.visibility ?? "Visible";
      this.setValues(sheet.name, sheet.origin ?? "A1", sheet.values, sheet.formats);
    }
  }

  /** Round trips so far (each context.sync that had queued operations). */
  get roundTrips(): number {
    return this.syncs.length;
  }

  /** Forgets the recorded round trips and counters (tests measure one action at a time). */
  resetStats(): void {
    this.syncs.length = 0;
    this.stats.syncs = 0;
    this.stats.writes = 0;
    this.stats.cellsRead = 0;
    this.stats.undoClears = 0;
    this.undoClearedBy.length = 0;
  }

  /** Office.context.requirements.isSetSupported: numeric version comparison per part. */
  isSetSupported(name: string, version = "1.1"): boolean {
    const have = this.apiSets[name];
    if (have === undefined) return false;
    const a = have.split(".").map(Number);
    const b = version.split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return true;
  }

  /** The user protects (or unprotects) a sheet: Range writes on it are then refused. */
  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** The next `count` round trips fail with InvalidOperationInCellEditMode (the user is typing in a cell). */
  simulateCellEditMode(count: number): void {
    this.cellEditSyncs = count;
  }

  sheet(name: string): HostSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  findSheet(name: string): HostSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Values of a range as Range.values returns them ("" for blanks). */
  readValues(sheetName: string, address: string): HostValue[][] {
    const sheet = this.sheet(sheetName);
    const rect = requireRect(address);
    const rows: HostValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      const row: HostValue[] = [];
      for (let c = rect.left; c <= rect.right; c += 1) row.push(sheet.cellAt(r, c)?.value ?? "");
      rows.push(row);
    }
    return rows;
  }

  /** Sets values directly (no event, no round trip): the workbook as opened. */
  setValues(sheetName: string, origin: string, values: readonly (readonly WorkbookCellValue[])[], formats?: readonly (readonly string[])[]): void {
    const sheet = this.sheet(sheetName);
    const start = requireRect(origin);
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        const format = formats?.[r]?.[c];
        if ((value === null || value === "") && (format === undefined || format === "General")) return;
        const cell = sheet.touch(start.top + r, start.left + c);
        cell.value = value ?? "";
        if (format !== undefined) cell.numberFormat = format;
      });
    });
  }

  /** The user (Local) or a co-author (Remote) types values: applied, then onChanged fires. */
  async editCells(sheetName: string, address: string, values: readonly (readonly WorkbookCellValue[])[], source: "Local" | "Remote" = "Local"): Promise<void> {
    this.setValues(sheetName, address.split(":")[0] ?? address, values);
    // A co-author's edit is not on this user's undo stack.
    if (source === "Local") this.undoStack.push({ by: "user", label: `edit ${sheetName}!${address}` });
    await this.fireChanged(sheetName, address, "RangeEdited", source);
  }

  /**
   * The user picks a value from a validation dropdown. Excel on the web fires no onChanged for it
   * (office-js #3888, #4066); Windows and Mac fire it as an edit.
   */
  async pickFromDropdown(sheetName: string, cell: string, value: string): Promise<void> {
    this.setValues(sheetName, cell, [[value]]);
    this.undoStack.push({ by: "user", label: `pick ${sheetName}!${cell}` });
    if (this.platform !== "web") await this.fireChanged(sheetName, cell, "RangeEdited");
  }

  /**
   * The user sorts rows of a range by one column (ascending, text after numbers): one onChanged
   * over the whole sorted range, as Excel reports a sort.
   */
  async sortRows(sheetName: string, address: string, byColumn: number): Promise<void> {
    const sheet = this.sheet(sheetName);
    const rect = requireRect(address);
    const rows: (HostCell | undefined)[][] = [];
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      const row: (HostCell | undefined)[] = [];
      for (let c = rect.left; c <= rect.right; c += 1) row.push(sheet.cellAt(r, c));
      rows.push(row);
    }
    const key = (row: (typeof rows)[number]): string => {
      const value = row[byColumn]?.value ?? "";
      return typeof value === "number" ? `0${String(value).padStart(20, "0")}` : `1${String(value).toLowerCase()}`;
    };
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        const at = `${rect.top + i},${rect.left + j}`;
        if (cell) sheet.cells.set(at, cell);
        else sheet.cells.delete(at);
      });
    });
    this.undoStack.push({ by: "user", label: `sort ${sheetName}!${address}` });
    await this.fireChanged(sheetName, address, "RangeEdited");
  }

  /** The user adds a sheet: WorksheetCollection.onAdded fires (handlers per sheet never see it). */
  async addSheetByUser(name: string): Promise<void> {
    const sheet = this.addSheet(name);
    this.undoStack.push({ by: "user", label: `add sheet ${name}` });
    await this.fireCollection("onAdded", { type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
  }

  /** The user renames a sheet: WorksheetCollection.onNameChanged (ExcelApi 1.17) fires. */
  async renameSheetByUser(oldName: string, newName: string): Promise<void> {
    const sheet = this.sheet(oldName);
    sheet.name = newName;
    this.undoStack.push({ by: "user", label: `rename ${oldName}` });
    await this.fireCollection("onNameChanged", { type: "WorksheetNameChanged", worksheetId: sheet.id, nameBefore: oldName, nameAfter: newName, source: "Local" });
  }

  /** Rows inserted above one-based row `row` (as the user does it), then onChanged fires. */
  async insertRows(sheetName: string, row: number, count: number, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(sheetName);
    sheet.insertRows(row - 1, count);
    for (const name of this.names) {
      if (name.ref && name.ref.sheet === sheet) {
        const rect = name.ref.rect;
        if (rect.bottom >= row - 1) {
          name.ref.rect = rect.top >= row - 1 ? { ...rect, top: rect.top + count, bottom: rect.bottom + count } : { ...rect, bottom: rect.bottom + count };
        }
      }
    }
    await this.fireChanged(sheetName, `${row}:${row + count - 1}`, "RowInserted", source);
  }

  /**
   * Fires the worksheet's and the workbook's (WorksheetCollection.onChanged) handlers and waits for
   * them. `triggerSource` exists from ExcelApi 1.14 on.
   */
  async fireChanged(sheetName: string, address: string, changeType: string, source: "Local" | "Remote" = "Local", trigger: "Others" | "ThisLocalAddin" = "Others"): Promise<void> {
    const sheet = this.sheet(sheetName);
    const args: Record<string, unknown> = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source };
    if (this.isSetSupported("ExcelApi", "1.14")) args["triggerSource"] = trigger;
    const handlers = [...sheet.changedHandlers, ...this.collectionHandlers("onChanged")];
    await Promise.all(handlers.map((handler) => handler(args)));
  }

  private async fireCollection(event: string, args: Record<string, unknown>): Promise<void> {
    await Promise.all([...this.collectionHandlers(event)].map((handler) => handler(args)));
  }

  /** Handlers registered on WorksheetCollection events (onChanged, onAdded, onDeleted, onNameChanged, ...). */
  collectionHandlers(event: string): Set<HostEventHandler> {
    let set = this.collectionHandlerSets.get(event);
    if (!set) {
      set = new Set();
      this.collectionHandlerSets.set(event, set);
    }
    return set;
  }

  /** The user selects a range: worksheet and workbook onSelectionChanged handlers fire. */
  async fireSelection(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.selected = { sheetId: sheet.id, rect: requireRect(address) };
    this.activeSheetId = sheet.id;
    const args = { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address };
    const handlers = [...sheet.selectionHandlers, ...this.registeredWorkbookHandlers.flatMap((set) => [...set]), ...this.collectionHandlers("onSelectionChanged")];
    await Promise.all(handlers.map((handler) => handler(args)));
  }

  /** The user deletes a sheet (outside any request): WorksheetCollection.onDeleted fires. */
  removeSheet(name: string): void {
    const sheet = this.sheet(name);
    this.deleteSheet(sheet);
    void this.fireCollection("onDeleted", { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" });
  }

  /** The selected range as the user sees it. */
  get selection(): { sheet: string; address: string } {
    const { sheet, rect } = this.selectionTarget();
    return { sheet: sheet.name, address: qualify(sheet.name, rect).split("!")[1] ?? "" };
  }

  /**
   * Everything the user could see of a sheet, as plain data: values, formulas, number formats,
   * fills, fonts and other cell formats, conditional formats and data validation.
   */
  snapshot(sheetName: string): Record<string, unknown> {
    const sheet = this.sheet(sheetName);
    const cells = [...sheet.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.formula !== undefined || c.numberFormat !== "General" || c.fill !== undefined || Object.keys(c.font).length > 0 || Object.keys(c.extra).length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => [key, JSON.parse(JSON.stringify(c))]);
    return JSON.parse(
      JSON.stringify({
        name: sheet.name,
        visibility: sheet.visibility,
        cells,
        conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
        validations: [...sheet.validations.entries()].sort(([a], [b]) => a.localeCompare(b)),
        columnWidths: [...sheet.columnWidths.entries()],
        rowHeights: [...sheet.rowHeights.entries()],
      }),
    ) as Record<string, unknown>;
  }

  /** Excel.run(batch): a fresh request context per call (with its RunOptions). */
  async run<T>(batch: (context: HostRequestContext) => Promise<T>, context = new HostRequestContext(this), options: HostRunOptions = {}): Promise<T> {
    context.runOptions = options;
    context.undoGroupOpen = false;
    const result = await batch(context);
    await context.sync();
    return result;
  }

  /** The global `Excel` namespace: run, createWorkbook, and the enums (camelCase key -> PascalCase value). */
  createNamespace(): Record<string, unknown> {
    const base: Record<string, unknown> = {
      run: (...args: unknown[]) => {
        const batch = args[args.length - 1] as (context: HostRequestContext) => Promise<unknown>;
        // Excel.run(context, batch) continues an earlier context (e.g. to remove event handlers);
        // Excel.run(options, batch) takes RunOptions.
        const first = args.length > 1 ? args[0] : undefined;
        if (first instanceof HostRequestContext) return this.run(batch, first);
        return this.run(batch, new HostRequestContext(this), typeof first === "object" && first !== null ? (first as HostRunOptions) : {});
      },
      createWorkbook: async (base64?: string) => {
        // Disabled by policy or unavailable (office-js #3568): Excel rejects the call.
        if (!this.createWorkbookAllowed) throw new HostError("GeneralException", "There was an internal error while processing the request.");
        this.createdWorkbooks.push(base64 ?? "");
      },
      RequestContext: HostRequestContext,
      ErrorCodes: {
        itemNotFound: "ItemNotFound",
        invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
        requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
        invalidArgument: "InvalidArgument",
        invalidOperation: "InvalidOperation",
        itemAlreadyExists: "ItemAlreadyExists",
        propertyNotLoaded: "PropertyNotLoaded",
        accessDenied: "AccessDenied",
        undoNotSupported: "UndoNotSupported",
      },
    };
    return new Proxy(base, {
      get(target, key) {
        if (typeof key === "symbol") return undefined;
        if (key in target) return target[key];
        // Office.js enums are objects of camelCase keys with PascalCase string values.
        return new Proxy({}, { get: (_t, member) => (typeof member === "string" ? member.charAt(0).toUpperCase() + member.slice(1) : undefined) });
      },
    });
  }

  // -------------------------------------------------------------------------------------------
  // The "server" side, used by request contexts and proxies.

  /** Runs one round trip: fault injection, size limits, then the operations in order. */
  async execute(ops: readonly QueuedOp[], context?: HostRequestContext): Promise<void> {
    if (ops.length === 0) return; // Office.js sends nothing for an empty queue
    await Promise.resolve();
    const operations = ops.map((op) => op.describe);
    const requestBytes = JSON.stringify(operations).length;
    const record: SyncRecord = { operations, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    this.stats.syncs += 1;
    this.beforeSync?.(this.syncs.length);
    if (this.cellEditSyncs > 0) {
      // RunOptions.delayForCellEdit (ExcelApi 1.11): Excel holds the request until the user leaves the cell.
      if (context?.runOptions.delayForCellEdit === true && this.isSetSupported("ExcelApi", "1.11")) this.cellEditSyncs = 0;
      else {
        this.cellEditSyncs -= 1;
        this.fail(record, "InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      }
    }
    if (requestBytes > this.payloadLimit) this.fail(record, "RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const merge = context?.runOptions.mergeUndoGroup === true && this.isSetSupported("ExcelApi", "1.20");
    const pending: PendingLoad[] = [];
    const changed: { sheet: HostSheet; address: string }[] = [];
    let wrote = false;
    for (const op of ops) {
      try {
        const write = isWriteOp(op.describe);
        if (write) this.refuseWrite(op.describe, merge);
        const load = op.run();
        if (write) {
          this.stats.writes += 1;
          wrote = true;
          this.recordUndo(op.describe, merge);
          const target = this.changedCells(op.describe);
          if (target) changed.push(target);
        }
        if (load) {
          pending.push(load);
          record.responseBytes += JSON.stringify(load.response ?? null).length;
        }
      } catch (error) {
        // Like Excel: operations before the failing one stay applied, the rest are dropped.
        if (error instanceof HostError) this.fail(record, error.code, error.message);
        throw error;
      }
    }
    if (wrote && context && !(merge && context.undoGroupOpen) && !this.lastWriteCleared) {
      // Each sync is one undo record; with mergeUndoGroup the whole Excel.run is one.
      this.undoStack.push({ by: "addin", label: `sync ${this.stats.syncs}` });
      context.undoGroupOpen = true;
    }
    this.lastWriteCleared = false;
    if (record.responseBytes > this.payloadLimit) this.fail(record, "ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const load of pending) load.commit();
    // The add-in's own value writes raise onChanged too, after the request (triggerSource ThisLocalAddin).
    for (const { sheet, address } of changed) {
      if (!sheet.deleted) void Promise.resolve().then(() => this.fireChanged(sheet.name, address, "RangeEdited", "Local", "ThisLocalAddin"));
    }
  }

  private lastWriteCleared = false;

  /** Read-only workbook, protected sheet, and APIs without undo inside an undo group refuse the write. */
  private refuseWrite(describe: Record<string, unknown>, merge: boolean): void {
    const api = String(describe["api"] ?? "");
    if (this.readOnly) throw new HostError("AccessDenied", "The workbook is read-only.");
    const sheet = this.sheetOfPath(String(describe["object"] ?? ""));
    if (sheet?.protected && !SHEET_LEVEL_APIS.has(api)) throw new HostError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    if (merge && this.clearsUndo(api)) throw new HostError("UndoNotSupported", `${api} does not support undo and cannot run in an undo group.`);
  }

  /** True when calling `api` clears the user's undo stack on this host (Microsoft's table, or any write without ExcelUndoApiAll). */
  clearsUndo(api: string): boolean {
    if (!this.isSetSupported("ExcelUndoApiAll", "1.0")) return true;
    const entry = (undoTable.apis as Record<string, { web: boolean; windowsMac: boolean } | undefined>)[api];
    if (!entry) return false;
    return !(this.platform === "web" ? entry.web : entry.windowsMac);
  }

  private recordUndo(describe: Record<string, unknown>, _merge: boolean): void {
    const api = String(describe["api"] ?? "");
    if (!this.clearsUndo(api)) return;
    this.stats.undoClears += 1;
    this.undoClearedBy.push(api);
    this.undoStack.length = 0;
    this.lastWriteCleared = true;
  }

  /** Range value writes (what raises onChanged): the sheet and address written. */
  private changedCells(describe: Record<string, unknown>): { sheet: HostSheet; address: string } | undefined {
    if (describe["op"] !== "set" || (describe["prop"] !== "values" && describe["prop"] !== "formulas")) return undefined;
    const object = String(describe["object"] ?? "");
    const sheet = this.sheetOfPath(object);
    const at = /getRange\("([^"]*)"\)$/.exec(object) ?? /getRangeByIndexes\((\d+),(\d+),(\d+),(\d+)\)$/.exec(object);
    if (!sheet || !at) return undefined;
    if (at.length === 2) return at[1] ? { sheet, address: splitSheetAddress(at[1]).local } : undefined;
    const [top, left, rows, cols] = at.slice(1).map(Number) as [number, number, number, number];
    return { sheet, address: formatRectAddress({ top, left, bottom: top + rows - 1, right: left + cols - 1 }) };
  }

  /** The sheet an object path belongs to (by sheet name or a name's reference), if any. */
  sheetOfPath(path: string): HostSheet | undefined {
    const bySheet = /worksheets\.(?:getItem|getItemOrNullObject|add)\(("(?:[^"\\]|\\.)*")\)/.exec(path);
    if (bySheet?.[1] !== undefined) return this.findSheet(JSON.parse(bySheet[1]) as string);
    const byName = /names\.(?:getItem|getItemOrNullObject)\(("(?:[^"\\]|\\.)*")\)\.getRange/.exec(path);
    if (byName?.[1] !== undefined) {
      const name = (JSON.parse(byName[1]) as string).toLowerCase();
      return this.names.find((n) => n.name.toLowerCase() === name)?.ref?.sheet;
    }
    if (path.startsWith("worksheets.getActiveWorksheet()")) return this.activeSheet();
    if (path.startsWith("workbook.getSelectedRange()") || path.startsWith("workbook.getActiveCell()")) return this.selectionTarget().sheet;
    return undefined;
  }

  private fail(record: SyncRecord, code: string, message: string): never {
    (record as { failed?: string }).failed = code;
    throw new HostError(code, message);
  }

  backend(queue: QueuedOp[]): HostBackend {
    const host = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the backend object literal's arrows read host state
    return {
      enqueue: (describe, run) => queue.push({ describe, run }),
      sheets: host.sheets,
      names: host.names,
      findSheet: (name) => host.findSheet(name),
      addSheet: (name) => host.addSheet(name),
      deleteSheet: (sheet) => host.deleteSheet(sheet),
      select: (sheet, rect) => {
        host.selected = { sheetId: sheet.id, rect };
      },
      selection: () => host.selectionTarget(),
      activate: (sheet) => {
        host.activeSheetId = sheet.id;
      },
      activeSheet: () => host.activeSheet(),
      nextConditionalFormatId: () => `{cf-${++host.cfCounter}}`,
      registerHandler: (set, handler) => {
        set.add(handler);
      },
      collectionHandlers: (event) => host.collectionHandlers(event),
      countCellsRead: (count) => {
        host.stats.cellsRead += count;
      },
      get readOnly() {
        return host.readOnly;
      },
    };
  }

  /** Registers a workbook-level selection handler set (the workbook proxy of a context owns one). */
  trackWorkbookHandlers(set: Set<HostEventHandler>): void {
    if (!this.registeredWorkbookHandlers.includes(set)) this.registeredWorkbookHandlers.push(set);
  }

  addSheet(name: string): HostSheet {
    if (this.findSheet(name)) throw new HostError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
      throw new HostError("InvalidArgument", `'${name}' is not a valid sheet name.`);
    }
    const sheet = new HostSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: HostSheet): void {
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = undefined;
  }

  activeSheet(): HostSheet {
    const active = this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets.find((s) => s.visibility === "Visible");
    if (!active) throw new HostError("ItemNotFound", "No visible sheet.");
    return active;
  }

  selectionTarget(): { sheet: HostSheet; rect: Rect } {
    const sheet = this.sheets.find((s) => s.id === this.selected?.sheetId);
    if (sheet && this.selected) return { sheet, rect: this.selected.rect };
    return { sheet: this.activeSheet(), rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }
}

/** Calls that change nothing in the workbook (selection, activation, counting). */
const NON_WRITE_METHODS = new Set(["getCount", "select", "activate"]);

function isWriteOp(describe: Record<string, unknown>): boolean {
  if (describe["op"] === "set") return true;
  return describe["op"] === "call" && !NON_WRITE_METHODS.has(String(describe["method"]));
}

/** Sheet-level changes that sheet protection does not block (workbook structure protection would). */
const SHEET_LEVEL_APIS = new Set(["Worksheet.name", "Worksheet.visibility", "Worksheet.position", "Worksheet.delete", "WorksheetProtection.protect", "WorksheetProtection.unprotect"]);

function formatRectAddress(rect: Rect): string {
  return formatRect(rect);
}

function requireRect(address: string): Rect {
  const rect = parseRect(splitSheetAddress(address).local);
  if (!rect) throw new Error(`bad address ${address}`);
  return rect;
}

/** Excel.RequestContext of the host. */
export class HostRequestContext {
  private queue: QueuedOp[] = [];
  /** The RunOptions of the Excel.run this context belongs to. */
  runOptions: HostRunOptions = {};
  /** True once a sync of this run made an undo record (mergeUndoGroup adds to it). */
  undoGroupOpen = false;
  readonly workbook: WorkbookProxy;
  /** Office.js API; tracked objects need no bookkeeping here. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(private readonly host: ExcelHost) {
    this.workbook = new WorkbookProxy(host.backend(this.queue));
    host.trackWorkbookHandlers(this.workbook.workbookSelectionHandlers);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue.splice(0, this.queue.length);
    await this.host.execute(ops, this);
    return passThrough;
  }
}

/** Office.context.platform per host platform. */
const OFFICE_PLATFORMS: Readonly<Record<HostPlatform, string>> = { web: "OfficeOnline", windows: "PC", mac: "Mac" };

/** The minimal `Office` namespace the pane and adapter touch. */
export function createOfficeNamespace(host: ExcelHost): Record<string, unknown> {
  return {
    context: {
      get displayLanguage() {
        return host.displayLanguage;
      },
      requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) },
      ui: {
        // Office.context.ui.displayDialogAsync (DialogApi 1.1; messageChild 1.2): the test plays the dialog page.
        displayDialogAsync: (url: string, _options: unknown, callback: (result: Record<string, unknown>) => void) => {
          const handlers: ((arg: Record<string, unknown>) => void)[] = [];
          const record = { url, received: [] as string[], sendToParent: (message: string) => handlers.forEach((h) => h({ message, origin: url })) };
          host.dialogs.push(record);
          const dialog = {
            addEventHandler: (_event: string, handler: (arg: Record<string, unknown>) => void) => handlers.push(handler),
            messageChild: (message: string) => {
              if (!host.isSetSupported("DialogApi", "1.2")) throw new Error("messageChild needs DialogApi 1.2");
              record.received.push(message);
            },
            close: () => undefined,
          };
          callback({ status: "succeeded", value: dialog });
        },
      },
      get platform() {
        return OFFICE_PLATFORMS[host.platform];
      },
    },
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogParentMessageReceived: "dialogParentMessageReceived" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady: async (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: OFFICE_PLATFORMS[host.platform] };
      callback?.(info);
      return info;
    },
  };
}

/**
 * Installs a host preloaded with `workbookData` as `Excel` and `Office` on `globalObject`
 * (globalThis in jest, window in the pane's browser tests) and returns it.
 */
export function installExcelHost(globalObject: object, workbookData: WorkbookData, options: ExcelHostOptions = {}): ExcelHost {
  const host = new ExcelHost(workbookData, options);
  Object.assign(globalObject, { Excel: host.createNamespace(), Office: createOfficeNamespace(host) });
  return host;
}

/** Removes what installExcelHost installed. */
export function uninstallExcelHost(globalObject: object): void {
  const target = globalObject as Record<string, unknown>;
  delete target["Excel"];
  delete target["Office"];
}

export { cellKey, parseKey, HostError };
