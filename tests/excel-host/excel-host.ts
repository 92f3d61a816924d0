import { cellKey, parseKey, parseRect, qualify, splitSheetAddress, type Rect } from "./host-address";
import { HostError, WorkbookProxy, type HostBackend, type PendingLoad } from "./host-proxies";
import { HostSheet, type HostEventHandler, type HostNamedItem, type HostValue } from "./host-state";

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

export interface ExcelHostOptions {
  /** Request and response size limit in bytes (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  readonly displayLanguage?: string;
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
  /** Called before each round trip (1-based index): tests change the workbook "meanwhile" here. */
  beforeSync: ((index: number) => void) | undefined;
  private cellEditSyncs = 0;
  private activeSheetId: string | undefined;
  private selected: { sheetId: string; rect: Rect } | undefined;
  private cfCounter = 0;
  private readonly registeredWorkbookHandlers: Set<HostEventHandler>[] = [];

  constructor(data: WorkbookData = { sheets: [{ name: "Blad1", values: [] }] }, options: ExcelHostOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? FIVE_MB;
    this.displayLanguage = options.displayLanguage ?? "nl-NL";
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

  /** Forgets the recorded round trips (tests measure one action at a time). */
  resetStats(): void {
    this.syncs.length = 0;
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
    await this.fireChanged(sheetName, address, "RangeEdited", source);
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

  /** Fires the worksheet's onChanged handlers and waits for them. */
  async fireChanged(sheetName: string, address: string, changeType: string, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(sheetName);
    const args = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source, triggerSource: "Others" };
    await Promise.all([...sheet.changedHandlers].map((handler) => handler(args)));
  }

  /** The user selects a range: worksheet and workbook onSelectionChanged handlers fire. */
  async fireSelection(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.selected = { sheetId: sheet.id, rect: requireRect(address) };
    this.activeSheetId = sheet.id;
    const args = { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address };
    const handlers = [...sheet.selectionHandlers, ...this.registeredWorkbookHandlers.flatMap((set) => [...set])];
    await Promise.all(handlers.map((handler) => handler(args)));
  }

  /** The user deletes a sheet (outside any request). */
  removeSheet(name: string): void {
    this.deleteSheet(this.sheet(name));
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

  /** Excel.run(batch): a fresh request context per call. */
  async run<T>(batch: (context: HostRequestContext) => Promise<T>, context = new HostRequestContext(this)): Promise<T> {
    const result = await batch(context);
    await context.sync();
    return result;
  }

  /** The global `Excel` namespace: run, createWorkbook, and the enums (camelCase key -> PascalCase value). */
  createNamespace(): Record<string, unknown> {
    const base: Record<string, unknown> = {
      run: (...args: unknown[]) => {
        const batch = args[args.length - 1] as (context: HostRequestContext) => Promise<unknown>;
        // Excel.run(context, batch) continues an earlier context (e.g. to remove event handlers).
        const first = args.length > 1 ? args[0] : undefined;
        return first instanceof HostRequestContext ? this.run(batch, first) : this.run(batch);
      },
      createWorkbook: async (base64?: string) => {
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
  async execute(ops: readonly QueuedOp[]): Promise<void> {
    if (ops.length === 0) return; // Office.js sends nothing for an empty queue
    await Promise.resolve();
    const operations = ops.map((op) => op.describe);
    const requestBytes = JSON.stringify(operations).length;
    const record: SyncRecord = { operations, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    this.beforeSync?.(this.syncs.length);
    if (this.cellEditSyncs > 0) {
      this.cellEditSyncs -= 1;
      this.fail(record, "InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    if (requestBytes > this.payloadLimit) this.fail(record, "RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const pending: PendingLoad[] = [];
    for (const op of ops) {
      try {
        const load = op.run();
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
    if (record.responseBytes > this.payloadLimit) this.fail(record, "ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const load of pending) load.commit();
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

function requireRect(address: string): Rect {
  const rect = parseRect(splitSheetAddress(address).local);
  if (!rect) throw new Error(`bad address ${address}`);
  return rect;
}

/** Excel.RequestContext of the host. */
export class HostRequestContext {
  private queue: QueuedOp[] = [];
  readonly workbook: WorkbookProxy;
  /** Office.js API; tracked objects need no bookkeeping here. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(private readonly host: ExcelHost) {
    this.workbook = new WorkbookProxy(host.backend(this.queue));
    host.trackWorkbookHandlers(this.workbook.workbookSelectionHandlers);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue.splice(0, this.queue.length);
    await this.host.execute(ops);
    return passThrough;
  }
}

/** The minimal `Office` namespace the pane and adapter touch. */
export function createOfficeNamespace(host: ExcelHost): Record<string, unknown> {
  return {
    context: {
      get displayLanguage() {
        return host.displayLanguage;
      },
      requirements: { isSetSupported: () => true },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    onReady: async (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
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
