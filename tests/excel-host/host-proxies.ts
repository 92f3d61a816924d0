import { cellKey, columnLetters, formatRect, intersect, parseKey, parseRect, qualify, splitSheetAddress, type Rect } from "./host-address";
import type { HostConditionalFormat, HostNamedItem, HostSheet, HostValidation, HostValue } from "./host-state";

/**
 * Proxy objects of the in-memory Excel host. Like Office.js: every property read needs a `load`
 * and a `sync` first (else PropertyNotLoaded), every write and method call is queued and applied
 * at `sync`, objects from `...OrNullObject` know `isNullObject` only after a sync.
 */

export class HostError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a queued load yields at sync: the response (for its size) and how to apply it. */
export interface PendingLoad {
  readonly response: unknown;
  commit(): void;
}

/** The context's side of the host: queueing and the workbook state. */
export interface HostBackend {
  enqueue(describe: Record<string, unknown>, run: () => PendingLoad | void): void;
  readonly sheets: HostSheet[];
  readonly names: HostNamedItem[];
  findSheet(name: string): HostSheet | undefined;
  addSheet(name: string): HostSheet;
  deleteSheet(sheet: HostSheet): void;
  select(sheet: HostSheet, rect: Rect): void;
  selection(): { sheet: HostSheet; rect: Rect };
  activate(sheet: HostSheet): void;
  activeSheet(): HostSheet;
  nextConditionalFormatId(): string;
  registerHandler(set: Set<(args: Record<string, unknown>) => unknown>, handler: (args: Record<string, unknown>) => unknown): void;
  /** Workbook-level event handler sets (WorksheetCollection.onChanged, onAdded, ...), by event name. */
  collectionHandlers(event: string): Set<(args: Record<string, unknown>) => unknown>;
  /** Counts cells a load reads or a search scans (the host's cost counter). */
  countCellsRead(count: number): void;
  /** True when the host's workbook is open read-only (Workbook.readOnly). */
  readonly readOnly: boolean;
}

type LoadSpec = string | string[] | { select?: string } | Record<string, unknown> | undefined;

function parseLoadSpec(spec: LoadSpec): string[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s) ?? []);
  if (typeof spec.select === "string") return parseLoadSpec(spec.select);
  return Object.keys(spec);
}

export abstract class HostObject {
  protected readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, HostObject>();

  constructor(
    readonly backend: HostBackend,
    readonly path: string,
  ) {}

  /** The Office.js type this proxy stands for ("Worksheet", "RangeFormat", ...): the undo table's key. */
  get apiType(): string {
    return this.constructor.name.replace(/Proxy$/, "");
  }

  /** Scalar properties `load()` without arguments loads. */
  protected abstract readonly scalars: readonly string[];
  /** Value of a scalar property, computed at sync. */
  protected abstract fetch(prop: string): unknown;
  /** Navigation properties (format, fill, ...) by name. */
  protected navigate(_name: string): HostObject | undefined {
    return undefined;
  }
  /** True when this is a null object (only for ...OrNullObject results). */
  protected isNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  /** Office.js serialises loaded properties; handy in test failure output. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec) ?? [...this.scalars];
    // Paths into a child collection ("areas/items/address,areas/items/numberFormat") load as one
    // list, as Office.js does: separate loads would each replace the collection's items.
    const byCollection = new Map<HostCollection<HostObject>, string[]>();
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      const child = rest.length > 0 && !this.scalars.includes(head) ? this.child(head) : undefined;
      if (child instanceof HostCollection) byCollection.set(child, [...(byCollection.get(child) ?? []), rest.join("/")]);
      else this.backend.enqueue({ op: "load", object: this.path, path }, () => this.fetchPath(path));
    }
    for (const [collection, sub] of byCollection) collection.load(sub);
    return this;
  }

  /** What `load()` without arguments loads. */
  defaultLoad(): string {
    return this.scalars.join(",");
  }

  /** Computes a load at sync time. */
  fetchPath(path: string): PendingLoad {
    if (path === "") {
      const isNull = this.isNull();
      return { response: null, commit: () => this.loaded.set("isNullObject", isNull) };
    }
    if (path.includes(",")) {
      const loads = path.split(",").map((p) => this.fetchPath(p.trim()));
      return { response: loads.map((l) => l.response), commit: () => loads.forEach((l) => l.commit()) };
    }
    const [head = "", ...rest] = path.split("/");
    if (rest.length > 0 || !this.scalars.includes(head)) {
      const child = this.child(head);
      if (!child) throw new HostError("InvalidArgument", `Cannot load '${head}' on ${this.path}.`);
      return child.fetchPath(rest.length > 0 ? rest.join("/") : child.scalars.join(","));
    }
    const isNull = this.isNull();
    const value = isNull ? null : this.fetch(head);
    return {
      response: value,
      commit: () => {
        this.loaded.set(head, value);
        this.loaded.set("isNullObject", isNull);
      },
    };
  }

  /** Queued at creation of ...OrNullObject objects: isNullObject is known after the next sync. */
  protected trackNull(): void {
    this.backend.enqueue({ op: "resolve", object: this.path }, () => {
      const isNull = this.isNull();
      return { response: isNull, commit: () => this.loaded.set("isNullObject", isNull) };
    });
  }

  protected child(name: string): HostObject | undefined {
    let child = this.children.get(name);
    if (!child) {
      child = this.navigate(name);
      if (child) this.children.set(name, child);
    }
    return child;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new HostError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** A property write: visible locally at once (as in Office.js), applied to the workbook at sync. */
  protected assign(prop: string, value: unknown, apply: () => void): void {
    this.loaded.set(prop, value);
    this.backend.enqueue({ op: "set", object: this.path, api: `${this.apiType}.${prop}`, prop, value }, () => {
      if (this.isNull()) throw new HostError("InvalidOperation", `${this.path} is a null object.`);
      apply();
    });
  }

  protected call(method: string, args: unknown[], apply: () => void): void {
    this.backend.enqueue({ op: "call", object: this.path, api: `${this.apiType}.${method}`, method, args: args.map(describeArg) }, apply);
  }
}

function describeArg(arg: unknown): unknown {
  return arg instanceof HostObject ? { object: arg.path } : typeof arg === "function" ? "function" : arg;
}

/** Value of a property over several cells: the common value, or null when they differ (as Excel). */
function common<T>(values: T[]): T | null {
  const first = values[0];
  if (first === undefined) return null;
  const key = JSON.stringify(first);
  return values.every((v) => JSON.stringify(v) === key) ? first : null;
}

/** ClientResult<T> of methods such as getCount(). */
export class HostResult<T> {
  private loadedValue: { v: T } | undefined;
  set(value: T): void {
    this.loadedValue = { v: value };
  }
  get value(): T {
    if (!this.loadedValue) throw new HostError("PropertyNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() first.");
    return this.loadedValue.v;
  }
}

/** A resolver from proxy to workbook state, cached once it succeeded. */
export type Resolve<T> = () => T | undefined;

export function cached<T>(resolve: Resolve<T>): Resolve<T> {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = resolve();
      done = value !== undefined;
    }
    return value;
  };
}

// ---------------------------------------------------------------------------------------------
// Generic recorder for objects whose details the tests only inspect (charts, page layout, panes).

export interface Recording {
  readonly props: Record<string, unknown>;
  readonly calls: Record<string, unknown[][]>;
}

export function createRecorder(backend: HostBackend, path: string, recording: Recording, prefix = ""): unknown {
  const target = function recorder(): void {};
  return new Proxy(target, {
    get(_t, key) {
      if (typeof key === "symbol" || key === "then") return undefined;
      if (key === "load" || key === "toJSON") return () => recording.props;
      const sub = prefix === "" ? key : `${prefix}.${key}`;
      const props = recordedSoFar(recording);
      if (key in props && typeof props[sub] !== "object") return props[sub];
      return createRecorder(backend, path, recording, sub);
    },
    set(_t, key, value) {
      if (typeof key === "symbol") return false;
      const sub = prefix === "" ? key : `${prefix}.${key}`;
      backend.enqueue({ op: "set", object: path, prop: sub, value: describeArg(value) }, () => {
        recording.props[sub] = value;
      });
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      backend.enqueue({ op: "call", object: path, method: prefix, args: args.map(describeArg) }, () => {
        (recording.calls[prefix] ??= []).push(args);
      });
      return createRecorder(backend, path, recording, `${prefix}()`);
    },
  });
}

/**
 * The props recorded so far; none yet when the owner does not exist until the next sync (e.g.
 * `worksheets.add(name).freezePanes.freezeRows(5)` queued in one batch, as Excel allows).
 */
function recordedSoFar(recording: Recording): Record<string, unknown> {
  try {
    return recording.props;
  } catch (error) {
    if (error instanceof HostError) return {};
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Events

export class HostEventHandlers {
  constructor(
    private readonly backend: HostBackend,
    private readonly path: string,
    private readonly handlers: () => Set<(args: Record<string, unknown>) => unknown>,
  ) {}

  add(handler: (args: Record<string, unknown>) => unknown): { remove(): void } {
    this.backend.enqueue({ op: "addHandler", object: this.path }, () => {
      this.backend.registerHandler(this.handlers(), handler);
    });
    return {
      remove: () => {
        this.backend.enqueue({ op: "removeHandler", object: this.path }, () => {
          this.handlers().delete(handler);
        });
      },
    };
  }
}

/** A collection: `load("items/a, items/b/c")` loads one list of item proxies, read via `items`. */
export abstract class HostCollection<T extends HostObject> extends HostObject {
  protected readonly scalars = ["count"] as const;
  private itemProxies: T[] | undefined;

  /** Item proxies for the collection's current members (at sync). */
  protected abstract makeItems(): T[];

  get items(): T[] {
    if (!this.itemProxies) throw new HostError("PropertyNotLoaded", "The property 'items' is not available. Call load and context.sync() first.");
    return this.itemProxies;
  }

  protected fetch(): unknown {
    return this.makeItems().length;
  }

  override load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec) ?? ["items"];
    const isItems = (p: string): boolean => p === "items" || p.startsWith("items/");
    const itemPaths = paths.filter(isItems).map((p) => p.slice("items/".length));
    const others = paths.filter((p) => !isItems(p));
    if (itemPaths.length > 0) this.backend.enqueue({ op: "load", object: this.path, path: paths.filter(isItems).join(",") }, () => this.fetchItems(itemPaths));
    if (others.length > 0) super.load(others);
    return this;
  }

  override fetchPath(path: string): PendingLoad {
    if (path === "items" || path.startsWith("items/")) return this.fetchItems([path.slice("items/".length)]);
    return super.fetchPath(path);
  }

  private fetchItems(subPaths: readonly string[]): PendingLoad {
    const proxies = this.makeItems();
    const loads = proxies.flatMap((p) => subPaths.map((sub) => p.fetchPath(sub === "" ? p.defaultLoad() : sub)));
    return {
      response: loads.map((l) => l.response),
      commit: () => {
        this.itemProxies = proxies;
        loads.forEach((l) => l.commit());
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets, names

export class WorkbookProxy extends HostObject {
  protected readonly scalars = ["name", "readOnly"] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  private readonly selectionHandlers = new Set<(args: Record<string, unknown>) => unknown>();
  readonly onSelectionChanged: HostEventHandlers;

  constructor(backend: HostBackend) {
    super(backend, "workbook");
    this.worksheets = new WorksheetCollectionProxy(backend);
    this.names = new NamedItemCollectionProxy(backend);
    this.onSelectionChanged = new HostEventHandlers(backend, "workbook.onSelectionChanged", () => this.selectionHandlers);
  }

  /** Handlers registered on the workbook (for host.fireSelection). */
  get workbookSelectionHandlers(): Set<(args: Record<string, unknown>) => unknown> {
    return this.selectionHandlers;
  }

  protected fetch(prop: string): unknown {
    // Workbook.readOnly (ExcelApi 1.8): true when the file was opened read-only or in view mode.
    return prop === "readOnly" ? this.backend.readOnly : "Book1";
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }

  getSelectedRange(): RangeProxy {
    const range = new RangeProxy(this.backend, "workbook.getSelectedRange()", cached(() => this.backend.selection()));
    return range;
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.backend,
      "workbook.getActiveCell()",
      cached(() => {
        const { sheet, rect } = this.backend.selection();
        return { sheet, rect: { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left } };
      }),
    );
  }
}

export class WorksheetCollectionProxy extends HostCollection<WorksheetProxy> {
  /** Workbook-level events (ExcelApi 1.7 onAdded/onDeleted/onActivated, 1.9 onChanged, 1.17 onNameChanged): cover sheets added later. */
  readonly onChanged: HostEventHandlers;
  readonly onAdded: HostEventHandlers;
  readonly onDeleted: HostEventHandlers;
  readonly onNameChanged: HostEventHandlers;
  readonly onActivated: HostEventHandlers;
  readonly onSelectionChanged: HostEventHandlers;

  constructor(backend: HostBackend) {
    super(backend, "worksheets");
    const events = (name: string): HostEventHandlers => new HostEventHandlers(backend, `worksheets.${name}`, () => backend.collectionHandlers(name));
    this.onChanged = events("onChanged");
    this.onAdded = events("onAdded");
    this.onDeleted = events("onDeleted");
    this.onNameChanged = events("onNameChanged");
    this.onActivated = events("onActivated");
    this.onSelectionChanged = events("onSelectionChanged");
  }

  protected makeItems(): WorksheetProxy[] {
    return this.backend.sheets.map((s) => new WorksheetProxy(this.backend, `worksheets.getItem(${JSON.stringify(s.name)})`, () => s));
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.backend, `worksheets.getItem(${JSON.stringify(name)})`, cached(() => this.findOrThrow(name)));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const sheet = new WorksheetProxy(
      this.backend,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      cached(() => this.backend.findSheet(name) ?? this.backend.sheets.find((s) => s.id === name)),
      true,
    );
    return sheet;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.backend, "worksheets.getActiveWorksheet()", cached(() => this.backend.activeSheet()));
  }

  add(name?: string): WorksheetProxy {
    let created: HostSheet | undefined;
    const sheetName = name ?? `Sheet${this.backend.sheets.length + 1}`;
    this.call("add", [sheetName], () => {
      created = this.backend.addSheet(sheetName);
    });
    return new WorksheetProxy(this.backend, `worksheets.add(${JSON.stringify(sheetName)})`, () => created);
  }

  getCount(): HostResult<number> {
    const result = new HostResult<number>();
    this.backend.enqueue({ op: "call", object: this.path, method: "getCount" }, () => ({
      response: this.backend.sheets.length,
      commit: () => result.set(this.backend.sheets.length),
    }));
    return result;
  }

  private findOrThrow(name: string): HostSheet {
    // WorksheetCollection.getItem takes a name or an id.
    const sheet = this.backend.findSheet(name) ?? this.backend.sheets.find((s) => s.id === name);
    if (!sheet) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    return sheet;
  }
}

export class WorksheetProxy extends HostObject {
  protected readonly scalars = ["name", "id", "position", "visibility"] as const;
  private readonly resolveSheet: Resolve<HostSheet>;
  readonly onChanged: HostEventHandlers;
  readonly onSelectionChanged: HostEventHandlers;

  constructor(
    backend: HostBackend,
    path: string,
    resolve: Resolve<HostSheet>,
    private readonly nullable = false,
  ) {
    super(backend, path);
    this.resolveSheet = resolve;
    this.onChanged = new HostEventHandlers(backend, `${path}.onChanged`, () => this.sheet().changedHandlers);
    this.onSelectionChanged = new HostEventHandlers(backend, `${path}.onSelectionChanged`, () => this.sheet().selectionHandlers);
    if (nullable) this.trackNull();
  }

  /** The sheet at sync time; ItemNotFound when it was deleted meanwhile. */
  sheet(): HostSheet {
    const sheet = this.resolveSheet();
    if (!sheet || sheet.deleted) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    return sheet;
  }

  protected override isNull(): boolean {
    return this.nullable && this.resolveSheet() === undefined;
  }

  protected fetch(prop: string): unknown {
    const sheet = this.sheet();
    switch (prop) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.backend.sheets.indexOf(sheet);
      default:
        return sheet.visibility;
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.assign("name", value, () => {
      const sheet = this.sheet();
      const other = this.backend.findSheet(value);
      if (other && other !== sheet) throw new HostError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.assign("visibility", value, () => {
      const sheet = this.sheet();
      if (value !== "Visible" && this.backend.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value;
    });
  }

  get tables(): TableCollectionProxy {
    return this.child("tables") as TableCollectionProxy;
  }
  get protection(): WorksheetProtectionProxy {
    return this.child("protection") as WorksheetProtectionProxy;
  }
  get charts(): unknown {
    return this.childRecorder("charts");
  }
  get freezePanes(): unknown {
    return this.childRecorder("freezePanes");
  }
  get pageLayout(): unknown {
    return this.childRecorder("pageLayout");
  }

  private recorders = new Map<string, unknown>();
  private childRecorder(name: string): unknown {
    let recorder = this.recorders.get(name);
    if (recorder === undefined) {
      recorder = name === "charts" ? new ChartCollectionProxy(this.backend, `${this.path}.charts`, () => this.sheet()) : createRecorder(this.backend, `${this.path}.${name}`, this.recordingOf(name));
      this.recorders.set(name, recorder);
    }
    return recorder;
  }

  /** freezePanes/pageLayout are recorded on the sheet's props (resolved at sync through the proxy). */
  private recordingOf(name: string): Recording {
    const resolveProps = (): Record<string, unknown> => {
      const props = this.sheet().props;
      props[name] ??= { props: {}, calls: {} };
      return props[name] as Record<string, unknown>;
    };
    return {
      get props() {
        return resolveProps()["props"] as Record<string, unknown>;
      },
      get calls() {
        return resolveProps()["calls"] as Record<string, unknown[][]>;
      },
    };
  }

  protected override navigate(name: string): HostObject | undefined {
    if (name === "tables") return new TableCollectionProxy(this.backend, `${this.path}.tables`, () => this.sheet());
    if (name === "protection") return new WorksheetProtectionProxy(this.backend, `${this.path}.protection`, () => this.sheet());
    return undefined;
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.getRange(${JSON.stringify(address ?? "")})`,
      cached(() => {
        const sheet = this.sheet();
        if (address === undefined || address === "") return { sheet, rect: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } };
        const rect = parseRect(splitSheetAddress(address).local);
        if (!rect) throw new HostError("InvalidArgument", `Bad address '${address}'.`);
        return { sheet, rect };
      }),
    );
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.getRangeByIndexes(${row},${col},${rowCount},${columnCount})`,
      cached(() => ({ sheet: this.sheet(), rect: { top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 } })),
    );
  }

  getCell(row: number, col: number): RangeProxy {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.getUsedRange(${valuesOnly})`,
      cached(() => {
        const sheet = this.sheet();
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      cached(() => {
        const sheet = this.sheet();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : undefined;
      }),
      true,
    );
  }

  activate(): void {
    this.call("activate", [], () => this.backend.activate(this.sheet()));
  }

  delete(): void {
    this.call("delete", [], () => {
      const sheet = this.sheet();
      // Worksheet.delete (ExcelApi 1.1): a VeryHidden sheet cannot be deleted (InvalidOperation).
      if (sheet.visibility === "VeryHidden") throw new HostError("InvalidOperation", "A very hidden sheet cannot be deleted.");
      if (sheet.visibility === "Visible" && this.backend.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      this.backend.deleteSheet(sheet);
    });
  }
}

/** WorksheetProtection (ExcelApi 1.2): `protected` is readable; protect/unprotect clear undo everywhere. */
export class WorksheetProtectionProxy extends HostObject {
  protected readonly scalars = ["protected"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly resolveSheet: () => HostSheet,
  ) {
    super(backend, path);
  }

  protected fetch(): unknown {
    return this.resolveSheet().protected;
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protect(): void {
    this.call("protect", [], () => {
      this.resolveSheet().protected = true;
    });
  }

  unprotect(): void {
    this.call("unprotect", [], () => {
      this.resolveSheet().protected = false;
    });
  }
}

export class NamedItemCollectionProxy extends HostCollection<NamedItemProxy> {
  constructor(backend: HostBackend) {
    super(backend, "names");
  }

  protected makeItems(): NamedItemProxy[] {
    return this.backend.names.map((n) => new NamedItemProxy(this.backend, `names.getItem(${JSON.stringify(n.name)})`, () => n));
  }

  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    let created: HostNamedItem | undefined;
    this.call("add", [name, reference, comment], () => {
      if (this.find(name)) throw new HostError("ItemAlreadyExists", `The name '${name}' already exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new HostError("InvalidArgument", `Bad name '${name}'.`);
      if (reference instanceof RangeProxy) {
        const target = reference.target();
        created = { name, ref: { sheet: target.sheet, rect: target.rect }, comment };
      } else {
        created = { name, formula: reference, comment };
      }
      this.backend.names.push(created);
    });
    return new NamedItemProxy(this.backend, `names.add(${JSON.stringify(name)})`, () => created);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.backend, `names.getItem(${JSON.stringify(name)})`, () => {
      const item = this.find(name);
      if (!item) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
      return item;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.backend, `names.getItemOrNullObject(${JSON.stringify(name)})`, () => this.find(name), true);
  }

  private find(name: string): HostNamedItem | undefined {
    return this.backend.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
}

export class NamedItemProxy extends HostObject {
  protected readonly scalars = ["name", "formula", "type", "value", "comment", "visible"] as const;

  constructor(
    backend: HostBackend,
    path: string,
    private readonly resolveItem: Resolve<HostNamedItem>,
    private readonly nullable = false,
  ) {
    super(backend, path);
    if (nullable) this.trackNull();
  }

  protected override isNull(): boolean {
    return this.nullable && this.resolveItem() === undefined;
  }

  private item(): HostNamedItem {
    const item = this.resolveItem();
    if (!item) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    return item;
  }

  protected fetch(prop: string): unknown {
    const item = this.item();
    // A workbook-scoped name outlives its sheet: once the sheet is deleted its formula reads
    // "=#REF!$A$1" (office-js #263, #4772), and the name stays, so adding it again fails.
    const formula = item.ref
      ? item.ref.sheet.deleted
        ? `=#REF!${formatRect(item.ref.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`
        : `=${qualify(item.ref.sheet.name, item.ref.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`
      : (item.formula ?? "");
    switch (prop) {
      case "name":
        return item.name;
      case "formula":
        return formula;
      case "type":
        return item.ref ? "Range" : "String";
      case "value":
        return formula.replace(/^=/, "");
      case "comment":
        return item.comment;
      default:
        return true;
    }
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): string {
    return this.read("value");
  }
  get comment(): string {
    return this.read("comment");
  }

  delete(): void {
    this.call("delete", [], () => {
      const item = this.item();
      const names = this.backend.names;
      names.splice(names.indexOf(item), 1);
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.getRange()`,
      cached(() => {
        const ref = this.item().ref;
        if (!ref || ref.sheet.deleted) throw new HostError("InvalidOperation", "The name does not refer to a range.");
        return ref;
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  readonly sheet: HostSheet;
  readonly rect: Rect;
}

type Matrix = unknown[][];

/** Range properties that return one entry per cell (what the host's cells-read counter counts). */
const CELL_PROPERTIES = new Set(["values", "numberFormat", "formulas", "text", "valueTypes"]);

export class RangeProxy extends HostObject {
  protected readonly scalars = [
    "address",
    "addressLocal",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "cellCount",
    "values",
    "numberFormat",
    "formulas",
    "text",
    "valueTypes",
    "hyperlink",
  ] as const;

  constructor(
    backend: HostBackend,
    path: string,
    private readonly resolveTarget: Resolve<RangeTarget>,
    private readonly nullable = false,
  ) {
    super(backend, path);
    if (nullable) this.trackNull();
  }

  protected override isNull(): boolean {
    return this.nullable && this.resolveTarget() === undefined;
  }

  /** Sheet and rectangle at sync time. */
  target(): RangeTarget {
    const target = this.resolveTarget();
    if (!target) throw new HostError("InvalidOperation", `${this.path} is a null object.`);
    if (target.sheet.deleted) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    return target;
  }

  private matrix<T>(pick: (row: number, col: number) => T): T[][] {
    const { rect } = this.target();
    const rows: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c += 1) row.push(pick(r, c));
      rows.push(row);
    }
    return rows;
  }

  protected fetch(prop: string): unknown {
    const { sheet, rect } = this.target();
    if (CELL_PROPERTIES.has(prop)) this.backend.countCellsRead((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1));
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualify(sheet.name, rect);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "cellCount":
        return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      case "values":
        return this.matrix((r, c) => sheet.cellAt(r, c)?.value ?? "");
      case "numberFormat":
        return this.matrix((r, c) => sheet.cellAt(r, c)?.numberFormat ?? "General");
      case "formulas":
        return this.matrix((r, c) => sheet.cellAt(r, c)?.formula ?? sheet.cellAt(r, c)?.value ?? "");
      case "text":
        return this.matrix((r, c) => String(sheet.cellAt(r, c)?.value ?? ""));
      case "valueTypes":
        return this.matrix((r, c) => valueType(sheet.cellAt(r, c)?.value ?? ""));
      default:
        return sheet.cellAt(rect.top, rect.left)?.extra["hyperlink"] ?? null;
    }
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): HostValue[][] {
    return this.read("values");
  }
  set values(values: unknown) {
    this.assign("values", values, () => this.writeCells(values, (cell, v) => setCellInput(cell, v)));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: unknown) {
    this.assign("numberFormat", formats, () => this.writeCells(formats, (cell, v) => (cell.numberFormat = String(v))));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(formulas: unknown) {
    this.assign("formulas", formulas, () => this.writeCells(formulas, (cell, v) => setCellInput(cell, v)));
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get hyperlink(): unknown {
    return this.read("hyperlink");
  }
  set hyperlink(link: unknown) {
    this.assign("hyperlink", link, () => {
      const { sheet, rect } = this.target();
      sheet.touch(rect.top, rect.left).extra["hyperlink"] = link;
    });
  }

  /** Writes a matrix (or one value for every cell, as Excel allows) over the range. */
  private writeCells(input: unknown, apply: (cell: ReturnType<HostSheet["touch"]>, value: unknown) => void): void {
    const { sheet, rect } = this.target();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const matrix = Array.isArray(input) ? (input as Matrix) : undefined;
    if (matrix && (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== cols))) {
      throw new HostError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
    }
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < cols; c += 1) {
        const value = matrix ? matrix[r]?.[c] : input;
        apply(sheet.touch(rect.top + r, rect.left + c), value);
      }
    }
  }

  get format(): RangeFormatProxy {
    return this.child("format") as RangeFormatProxy;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child("conditionalFormats") as ConditionalFormatCollectionProxy;
  }
  get dataValidation(): DataValidationProxy {
    return this.child("dataValidation") as DataValidationProxy;
  }
  get worksheet(): WorksheetProxy {
    return this.child("worksheet") as WorksheetProxy;
  }

  protected override navigate(name: string): HostObject | undefined {
    switch (name) {
      case "format":
        return new RangeFormatProxy(this.backend, `${this.path}.format`, this);
      case "conditionalFormats":
        return new ConditionalFormatCollectionProxy(this.backend, `${this.path}.conditionalFormats`, this);
      case "dataValidation":
        return new DataValidationProxy(this.backend, `${this.path}.dataValidation`, this);
      case "worksheet":
        return new WorksheetProxy(this.backend, `${this.path}.worksheet`, () => this.target().sheet);
      default:
        return undefined;
    }
  }

  private derived(name: string, compute: (target: RangeTarget) => Rect | undefined, nullable = false): RangeProxy {
    return new RangeProxy(
      this.backend,
      `${this.path}.${name}`,
      cached(() => {
        const target = this.target();
        const rect = compute(target);
        if (!rect) {
          if (nullable) return undefined;
          throw new HostError("InvalidArgument", `${name} is outside the range.`);
        }
        return { sheet: target.sheet, rect };
      }),
      nullable,
    );
  }

  getCell(row: number, col: number): RangeProxy {
    return this.derived(`getCell(${row},${col})`, ({ rect }) => ({ top: rect.top + row, left: rect.left + col, bottom: rect.top + row, right: rect.left + col }));
  }
  getRow(row: number): RangeProxy {
    return this.derived(`getRow(${row})`, ({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  getColumn(col: number): RangeProxy {
    return this.derived(`getColumn(${col})`, ({ rect }) => ({ ...rect, left: rect.left + col, right: rect.left + col }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({
      top: rect.top + rowOffset,
      left: rect.left + columnOffset,
      bottom: rect.bottom + rowOffset,
      right: rect.right + columnOffset,
    }));
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derived(
      "getIntersectionOrNullObject()",
      ({ rect }) => {
        const otherRect = typeof other === "string" ? parseRect(splitSheetAddress(other).local) : other.target().rect;
        return otherRect ? intersect(rect, otherRect) : undefined;
      },
      true,
    );
  }

  /**
   * "DataValidations", "ConditionalFormats", and "Constants"/"Formulas" with a value type ("Numbers",
   * "Text", "Logical", "Errors", their combinations such as "LogicalNumbers", or "All").
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = "All"): RangeAreasProxy {
    const args = cellType === "Constants" || cellType === "Formulas" ? [cellType, cellValueType] : [cellType];
    const areas = new RangeAreasProxy(this.backend, `${this.path}.getSpecialCellsOrNullObject(${args.map((a) => JSON.stringify(a)).join(",")})`, () => {
      const { sheet, rect } = this.target();
      // Excel searches every cell of the range that holds anything, formatting included: on a
      // whole sheet with stray formatting that is millions of cells (office-js #4245: it hangs).
      const searched = intersect(rect, sheet.usedRect(false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
      if (searched) this.backend.countCellsRead((searched.bottom - searched.top + 1) * (searched.right - searched.left + 1));
      if (cellType === "Constants" || cellType === "Formulas") {
        const wanted = parseValueTypes(cellValueType);
        const cells: [number, number][] = [];
        for (const [key, cell] of sheet.cells) {
          const { row, col } = parseKey(key);
          if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
          if ((cell.formula !== undefined) !== (cellType === "Formulas")) continue;
          const kind = valueType(cell.value);
          if (kind !== "Empty" && wanted.has(kind)) cells.push([row, col]);
        }
        return { sheet, rects: mergeCells(cells) };
      }
      if (cellType === "DataValidations") {
        const cells = [...sheet.validations.keys()].map((k) => k.split(",").map(Number) as [number, number]);
        const areas = sheet.validationAreas.map((a) => intersect(a.rect, rect)).filter((r): r is Rect => r !== undefined);
        return { sheet, rects: [...areas, ...columnRuns(cells.filter(([r, c]) => r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right))] };
      }
      if (cellType === "ConditionalFormats") {
        return { sheet, rects: sheet.conditionalFormats.map((cf) => intersect(cf.rect, rect)).filter((r): r is Rect => r !== undefined) };
      }
      throw new HostError("InvalidArgument", `The in-memory host does not support special cells '${cellType}'.`);
    });
    return areas;
  }

  /** Merged areas whose top-left cell lies in the range (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.backend, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, rect } = this.target();
      const rects = sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
      return { sheet, rects };
    });
  }

  select(): void {
    this.call("select", [], () => {
      const { sheet, rect } = this.target();
      this.backend.activate(sheet);
      this.backend.select(sheet, rect);
    });
  }

  clear(applyTo = "All"): void {
    this.call("clear", [applyTo], () => {
      const { sheet, rect } = this.target();
      for (let r = rect.top; r <= rect.bottom; r += 1) {
        for (let c = rect.left; c <= rect.right; c += 1) {
          const cell = sheet.cellAt(r, c);
          if (!cell) continue;
          if (applyTo === "All" || applyTo === "Contents") {
            cell.value = "";
            delete cell.formula;
          }
          if (applyTo === "All" || applyTo === "Formats") {
            cell.numberFormat = "General";
            delete cell.fill;
            cell.font = {};
            cell.extra = {};
          }
        }
      }
    });
  }
}

function valueType(value: HostValue): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return /^#/.test(value) ? "Error" : "String";
}

/** Range.values takes typed input: "=..." is a formula, a leading apostrophe keeps text as text. */
function setCellInput(cell: ReturnType<HostSheet["touch"]>, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged, as in Excel
  // A cell formatted as Text ("@") keeps what is written as text, a leading "=" included.
  if (typeof input === "string" && cell.numberFormat === "@") {
    delete cell.formula;
    cell.value = input;
    return;
  }
  if (typeof input === "string" && input.startsWith("=")) {
    cell.formula = input;
    cell.value = ""; // the host does not calculate
    return;
  }
  delete cell.formula;
  if (typeof input === "string" && input.startsWith("'")) cell.value = input.slice(1);
  else if (typeof input === "string" && cell.numberFormat !== "@") convertTypedText(cell, input);
  else if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") cell.value = input;
  else throw new HostError("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}.`);
}

/**
 * Excel parses text written through Range.values as if typed (Dutch locale here): "1-2" becomes
 * a date, "12%" a percentage, "3,5" a number, "WAAR" a boolean. Only number format "@" (Text)
 * or a leading apostrophe keeps the text as written.
 */
function convertTypedText(cell: ReturnType<HostSheet["touch"]>, text: string): void {
  const trimmed = text.trim();
  const number = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)(e[+-]?\d+)?$/i.exec(trimmed);
  const percent = /^([+-]?\d+([.,]\d+)?)%$/.exec(trimmed);
  const date = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2}|\d{4}))?$/.exec(trimmed) ?? undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed) ?? undefined;
  if (number) {
    cell.value = Number(trimmed.replace(",", "."));
  } else if (percent?.[1] !== undefined) {
    cell.value = Number(percent[1].replace(",", ".")) / 100;
    if (cell.numberFormat === "General") cell.numberFormat = "0%";
  } else if (/^(waar|onwaar|true|false)$/i.test(trimmed)) {
    cell.value = /^(waar|true)$/i.test(trimmed);
  } else if (date || iso) {
    const [day, month, year] = iso ? [Number(iso[3]), Number(iso[2]), Number(iso[1])] : [Number(date?.[1]), Number(date?.[2]), date?.[3] === undefined ? new Date().getUTCFullYear() : Number(date[3].length === 2 ? `20${date[3]}` : date[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      cell.value = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      if (cell.numberFormat === "General") cell.numberFormat = "d-m-yyyy";
    } else {
      cell.value = text;
    }
  } else {
    cell.value = text;
  }
}

/** Groups cells into vertical runs per column (enough for addresses of special cells). */
function columnRuns(cells: [number, number][]): Rect[] {
  const sorted = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const rects: Rect[] = [];
  for (const [row, col] of sorted) {
    const last = rects[rects.length - 1];
    if (last && last.left === col && last.bottom === row - 1) rects[rects.length - 1] = { ...last, bottom: row };
    else rects.push({ top: row, left: col, bottom: row, right: col });
  }
  return rects;
}

/** SpecialCellValueType ("LogicalNumbers", "ErrorsNumberText", "All") as valueType() kinds. */
function parseValueTypes(cellValueType: string): Set<string> {
  if (cellValueType === "All") return new Set(["Double", "String", "Boolean", "Error"]);
  const kinds = new Set<string>();
  if (cellValueType.includes("Error")) kinds.add("Error");
  if (cellValueType.includes("Logical")) kinds.add("Boolean");
  if (cellValueType.includes("Number")) kinds.add("Double");
  if (cellValueType.includes("Text")) kinds.add("String");
  if (kinds.size === 0) throw new HostError("InvalidArgument", `Unknown cell value type '${cellValueType}'.`);
  return kinds;
}

/**
 * Rectangles covering the cells, as Excel's areas do: runs along each row, stacked while the
 * next row has a run with the same columns.
 */
function mergeCells(cells: [number, number][]): Rect[] {
  const sorted = [...cells].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Rect[] = [];
  for (const [row, col] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) runs[runs.length - 1] = { ...last, right: col };
    else runs.push({ top: row, left: col, bottom: row, right: col });
  }
  const open = new Map<string, number>();
  const rects: Rect[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const index = open.get(key);
    const above = index === undefined ? undefined : rects[index];
    if (above && index !== undefined && above.bottom === run.top - 1) {
      rects[index] = { ...above, bottom: run.top };
    } else {
      open.set(key, rects.length);
      rects.push(run);
    }
  }
  return rects.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** RangeAreas.areas: one Range per rectangle. */
export class RangeAreaCollectionProxy extends HostCollection<RangeProxy> {
  constructor(
    backend: HostBackend,
    path: string,
    private readonly resolveAreas: Resolve<{ sheet: HostSheet; rects: Rect[] }>,
  ) {
    super(backend, path);
  }

  protected makeItems(): RangeProxy[] {
    const areas = this.resolveAreas();
    if (!areas) return [];
    return areas.rects.map((rect, i) => new RangeProxy(this.backend, `${this.path}.getItemAt(${i})`, () => ({ sheet: areas.sheet, rect })));
  }
}

export class RangeAreasProxy extends HostObject {
  protected readonly scalars = ["address", "areaCount", "cellCount"] as const;
  private readonly resolveAreas: Resolve<{ sheet: HostSheet; rects: Rect[] }>;

  constructor(backend: HostBackend, path: string, resolve: Resolve<{ sheet: HostSheet; rects: Rect[] }>) {
    super(backend, path);
    this.resolveAreas = cached(resolve);
    this.trackNull();
  }

  protected override isNull(): boolean {
    return (this.resolveAreas()?.rects.length ?? 0) === 0;
  }

  protected fetch(prop: string): unknown {
    const areas = this.resolveAreas();
    if (!areas) return null;
    if (prop === "address") return areas.rects.map((r) => qualify(areas.sheet.name, r)).join(",");
    if (prop === "areaCount") return areas.rects.length;
    return areas.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get areas(): RangeAreaCollectionProxy {
    return this.child("areas") as RangeAreaCollectionProxy;
  }

  protected override navigate(name: string): HostObject | undefined {
    return name === "areas" ? new RangeAreaCollectionProxy(this.backend, `${this.path}.areas`, this.resolveAreas) : undefined;
  }
}

export class RangeFormatProxy extends HostObject {
  protected readonly scalars = ["columnWidth", "rowHeight", "wrapText", "verticalAlignment", "horizontalAlignment"] as const;

  constructor(
    backend: HostBackend,
    path: string,
    readonly range: RangeProxy,
  ) {
    super(backend, path);
  }

  protected fetch(prop: string): unknown {
    const { sheet, rect } = this.range.target();
    const cells: unknown[] = [];
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      for (let c = rect.left; c <= rect.right; c += 1) {
        if (prop === "columnWidth") cells.push(sheet.columnWidths.get(c) ?? 48);
        else if (prop === "rowHeight") cells.push(sheet.rowHeights.get(r) ?? 15);
        else cells.push(sheet.cellAt(r, c)?.extra[prop] ?? (prop === "wrapText" ? false : "General"));
        if (cells.length > 10_000) break;
      }
    }
    return common(cells);
  }

  private setEach(prop: string, value: unknown): void {
    this.assign(prop, value, () => {
      const { sheet, rect } = this.range.target();
      if (prop === "columnWidth") for (let c = rect.left; c <= rect.right; c += 1) sheet.columnWidths.set(c, Number(value));
      else if (prop === "rowHeight") for (let r = rect.top; r <= rect.bottom; r += 1) sheet.rowHeights.set(r, Number(value));
      else forEachCell(sheet, rect, (cell) => (cell.extra[prop] = value));
    });
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(value: number) {
    this.setEach("columnWidth", value);
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(value: number) {
    this.setEach("rowHeight", value);
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.setEach("wrapText", value);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.setEach("verticalAlignment", value);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.setEach("horizontalAlignment", value);
  }

  get fill(): RangeFillProxy {
    return this.child("fill") as RangeFillProxy;
  }
  get font(): RangeFontProxy {
    return this.child("font") as RangeFontProxy;
  }

  protected override navigate(name: string): HostObject | undefined {
    if (name === "fill") return new RangeFillProxy(this.backend, `${this.path}.fill`, this.range);
    if (name === "font") return new RangeFontProxy(this.backend, `${this.path}.font`, this.range);
    return undefined;
  }

  autofitColumns(): void {
    this.call("autofitColumns", [], () => {
      const { sheet, rect } = this.range.target();
      for (let c = rect.left; c <= rect.right; c += 1) {
        let longest = 0;
        for (const [key, cell] of sheet.cells) {
          if (Number(key.split(",")[1]) === c) longest = Math.max(longest, String(cell.value).length);
        }
        sheet.columnWidths.set(c, Math.round(longest * 5.25 + 5));
      }
    });
  }

  autofitRows(): void {
    this.call("autofitRows", [], () => undefined);
  }
}

function forEachCell(sheet: HostSheet, rect: Rect, apply: (cell: ReturnType<HostSheet["touch"]>) => void): void {
  if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000) {
    throw new HostError("InvalidOperation", "The in-memory host does not format whole sheets cell by cell.");
  }
  for (let r = rect.top; r <= rect.bottom; r += 1) for (let c = rect.left; c <= rect.right; c += 1) apply(sheet.touch(r, c));
}

export class RangeFillProxy extends HostObject {
  protected readonly scalars = ["color"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(backend, path);
  }
  protected fetch(): unknown {
    const { sheet, rect } = this.range.target();
    const colors: unknown[] = [];
    for (let r = rect.top; r <= rect.bottom && colors.length < 10_000; r += 1) {
      for (let c = rect.left; c <= rect.right; c += 1) colors.push(sheet.cellAt(r, c)?.fill ?? "#FFFFFF");
    }
    return common(colors);
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.assign("color", value, () => {
      const { sheet, rect } = this.range.target();
      forEachCell(sheet, rect, (cell) => (cell.fill = value));
    });
  }
  clear(): void {
    this.call("clear", [], () => {
      const { sheet, rect } = this.range.target();
      for (let r = rect.top; r <= rect.bottom; r += 1) for (let c = rect.left; c <= rect.right; c += 1) delete sheet.cellAt(r, c)?.fill;
    });
  }
}

export class RangeFontProxy extends HostObject {
  protected readonly scalars = ["bold", "color", "italic", "size", "name", "underline"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(backend, path);
  }
  protected fetch(prop: string): unknown {
    const { sheet, rect } = this.range.target();
    const defaults: Record<string, unknown> = { bold: false, color: "#000000", italic: false, size: 11, name: "Calibri", underline: "None" };
    const values: unknown[] = [];
    for (let r = rect.top; r <= rect.bottom && values.length < 10_000; r += 1) {
      for (let c = rect.left; c <= rect.right; c += 1) values.push(sheet.cellAt(r, c)?.font[prop] ?? defaults[prop]);
    }
    return common(values);
  }
  private setFont(prop: string, value: unknown): void {
    this.assign(prop, value, () => {
      const { sheet, rect } = this.range.target();
      forEachCell(sheet, rect, (cell) => (cell.font[prop] = value));
    });
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.setFont("bold", value);
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setFont("color", value);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(value: boolean) {
    this.setFont("italic", value);
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.setFont("size", value);
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setFont("name", value);
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(value: string) {
    this.setFont("underline", value);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

export class DataValidationProxy extends HostObject {
  protected readonly scalars = ["type", "rule", "prompt", "errorAlert", "valid", "ignoreBlanks"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(backend, path);
  }

  private cellValidations(): (HostValidation | undefined)[] {
    const { sheet, rect } = this.range.target();
    if (isLargeRect(rect)) {
      // A whole column: the areas and cell entries inside it decide (sampled per distinct rule).
      const inside = sheet.validationAreas.filter((a) => intersect(a.rect, rect)).map((a) => a.validation);
      const covering = sheet.validationAreas.some((a) => a.rect.top <= rect.top && a.rect.bottom >= rect.bottom && a.rect.left <= rect.left && a.rect.right >= rect.right);
      const cells = [...sheet.validations.entries()].filter(([key]) => {
        const { row, col } = parseKey(key);
        return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
      });
      return [...(covering ? [] : [undefined]), ...inside, ...cells.map(([, v]) => v)];
    }
    const found: (HostValidation | undefined)[] = [];
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      for (let c = rect.left; c <= rect.right; c += 1) found.push(sheet.validationAt(r, c));
    }
    return found;
  }

  protected fetch(prop: string): unknown {
    const all = this.cellValidations();
    const same = common(all.map((v) => (v ? JSON.stringify(v) : "none")));
    const first = all[0];
    switch (prop) {
      case "type":
        return same === null ? "Inconsistent" : (first?.type ?? "None");
      case "rule":
        return same === null || !first ? {} : first.rule;
      case "prompt":
        return same === null || !first?.prompt ? { showPrompt: false, title: "", message: "" } : first.prompt;
      case "errorAlert":
        return same === null || !first?.errorAlert ? { showAlert: true, style: "Stop", title: "", message: "" } : first.errorAlert;
      case "valid":
        return true;
      default:
        return true;
    }
  }

  get type(): string {
    return this.read("type");
  }
  get rule(): Record<string, unknown> {
    return this.read("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.update("rule", rule, (old) => ({ ...old, type: ruleType(rule), rule: normaliseRule(rule) }));
  }
  get prompt(): Record<string, unknown> {
    return this.read("prompt");
  }
  set prompt(prompt: Record<string, unknown>) {
    this.update("prompt", prompt, (old) => ({ ...old, prompt }));
  }
  get errorAlert(): Record<string, unknown> {
    return this.read("errorAlert");
  }
  set errorAlert(errorAlert: Record<string, unknown>) {
    this.update("errorAlert", errorAlert, (old) => ({ ...old, errorAlert }));
  }

  private update(prop: string, value: unknown, next: (old: HostValidation) => HostValidation): void {
    this.assign(prop, value, () => {
      const { sheet, rect } = this.range.target();
      if (isLargeRect(rect)) {
        const same = sheet.validationAreas.find((a) => JSON.stringify(a.rect) === JSON.stringify(rect));
        if (same) same.validation = next(same.validation);
        else sheet.validationAreas.push({ rect, validation: next({ type: "None", rule: {} }) });
        return;
      }
      for (let r = rect.top; r <= rect.bottom; r += 1) {
        for (let c = rect.left; c <= rect.right; c += 1) {
          const key = cellKey(r, c);
          sheet.validations.set(key, next(sheet.validations.get(key) ?? { type: "None", rule: {} }));
        }
      }
    });
  }

  clear(): void {
    this.call("clear", [], () => {
      const { sheet, rect } = this.range.target();
      sheet.validationAreas = sheet.validationAreas.filter((a) => !intersect(a.rect, rect));
      if (isLargeRect(rect)) {
        for (const key of [...sheet.validations.keys()]) {
          const { row, col } = parseKey(key);
          if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) sheet.validations.delete(key);
        }
        return;
      }
      for (let r = rect.top; r <= rect.bottom; r += 1) for (let c = rect.left; c <= rect.right; c += 1) sheet.validations.delete(cellKey(r, c));
    });
  }
}

/** Ranges the host keeps as one validation area instead of cell entries (whole columns and rows). */
function isLargeRect(rect: Rect): boolean {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 100_000;
}

const RULE_TYPES: Record<string, string> = {
  list: "List",
  custom: "Custom",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
};

function ruleType(rule: Record<string, unknown>): string {
  const key = Object.keys(rule)[0];
  const type = key === undefined ? undefined : RULE_TYPES[key];
  if (type === undefined) throw new HostError("InvalidArgument", `Unsupported data validation rule ${JSON.stringify(rule)}.`);
  return type;
}

function normaliseRule(rule: Record<string, unknown>): Record<string, unknown> {
  const list = rule["list"] as { inCellDropDown?: boolean; source?: unknown } | undefined;
  if (list && list.source instanceof RangeProxy) {
    const { sheet, rect } = list.source.target();
    return { list: { inCellDropDown: list.inCellDropDown ?? true, source: `=${qualify(sheet.name, rect)}` } };
  }
  if (list) return { list: { inCellDropDown: list.inCellDropDown ?? true, source: list.source } };
  return rule;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

export class ConditionalFormatCollectionProxy extends HostCollection<ConditionalFormatProxy> {
  constructor(
    backend: HostBackend,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(backend, path);
  }

  /** Conditional formats that intersect the range, in priority order (as Excel lists them). */
  private list(): HostConditionalFormat[] {
    const { sheet, rect } = this.range.target();
    return sheet.conditionalFormats.filter((cf) => intersect(cf.rect, rect) !== undefined);
  }

  protected makeItems(): ConditionalFormatProxy[] {
    const { sheet } = this.range.target();
    return this.list().map((cf) => new ConditionalFormatProxy(this.backend, `${this.path}.getItem(${JSON.stringify(cf.id)})`, () => ({ sheet, cf })));
  }

  add(type: string): ConditionalFormatProxy {
    let created: { sheet: HostSheet; cf: HostConditionalFormat } | undefined;
    this.call("add", [type], () => {
      const { sheet, rect } = this.range.target();
      if (type !== "Custom" && type !== "ContainsText") throw new HostError("InvalidArgument", `The in-memory host supports Custom and ContainsText, not ${type}.`);
      const cf: HostConditionalFormat = { id: this.backend.nextConditionalFormatId(), type, rect, borders: {} };
      // New rules go on top of the list (priority 0), as Excel does.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return new ConditionalFormatProxy(this.backend, `${this.path}.add(${JSON.stringify(type)})`, () => created);
  }

  getCount(): HostResult<number> {
    const result = new HostResult<number>();
    this.backend.enqueue({ op: "call", object: this.path, method: "getCount" }, () => {
      const count = this.list().length;
      return { response: count, commit: () => result.set(count) };
    });
    return result;
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.backend,
      `${this.path}.getItemAt(${index})`,
      cached(() => {
        const cf = this.list()[index];
        if (!cf) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
        return { sheet: this.range.target().sheet, cf };
      }),
    );
  }

  clearAll(): void {
    this.call("clearAll", [], () => {
      const { sheet } = this.range.target();
      const doomed = new Set(this.list());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !doomed.has(cf));
    });
  }
}

type CfTarget = { sheet: HostSheet; cf: HostConditionalFormat };

export class ConditionalFormatProxy extends HostObject {
  protected readonly scalars = ["id", "type", "priority", "stopIfTrue"] as const;

  constructor(
    backend: HostBackend,
    path: string,
    private readonly resolveCf: Resolve<CfTarget>,
  ) {
    super(backend, path);
  }

  target(): CfTarget {
    const target = this.resolveCf();
    if (!target || target.sheet.deleted || !target.sheet.conditionalFormats.includes(target.cf)) {
      throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return target;
  }

  protected fetch(prop: string): unknown {
    const { sheet, cf } = this.target();
    if (prop === "id") return cf.id;
    if (prop === "type") return cf.type;
    if (prop === "priority") return sheet.conditionalFormats.indexOf(cf);
    return false;
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }

  get custom(): CustomConditionalFormatProxy {
    return this.child("custom") as CustomConditionalFormatProxy;
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this.child("customOrNullObject") as CustomConditionalFormatProxy;
  }
  get textComparison(): TextConditionalFormatProxy {
    return this.child("textComparison") as TextConditionalFormatProxy;
  }

  protected override navigate(name: string): HostObject | undefined {
    if (name === "custom" || name === "customOrNullObject") {
      return new CustomConditionalFormatProxy(this.backend, `${this.path}.${name}`, this, name === "customOrNullObject");
    }
    if (name === "textComparison") return new TextConditionalFormatProxy(this.backend, `${this.path}.textComparison`, this);
    return undefined;
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.backend, `${this.path}.getRange()`, () => {
      const { sheet, cf } = this.target();
      return { sheet, rect: cf.rect };
    });
  }

  delete(): void {
    this.call("delete", [], () => {
      const { sheet, cf } = this.target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
}

export class CustomConditionalFormatProxy extends HostObject {
  protected readonly scalars = [] as const;
  constructor(
    backend: HostBackend,
    path: string,
    readonly owner: ConditionalFormatProxy,
    private readonly nullable: boolean,
  ) {
    super(backend, path);
  }
  protected override isNull(): boolean {
    return this.nullable && this.owner.target().cf.type !== "Custom";
  }
  protected fetch(): unknown {
    return null;
  }
  override fetchPath(path: string): PendingLoad {
    const isNull = this.isNull();
    if (path === "" || path === "isNullObject") return { response: isNull, commit: () => this.loaded.set("isNullObject", isNull) };
    const inner = isNull ? { response: null, commit: () => undefined } : super.fetchPath(path);
    return {
      response: inner.response,
      commit: () => {
        this.loaded.set("isNullObject", isNull);
        inner.commit();
      },
    };
  }
  get rule(): RuleProxy {
    return this.child("rule") as RuleProxy;
  }
  get format(): ConditionalRangeFormatProxy {
    return this.child("format") as ConditionalRangeFormatProxy;
  }
  protected override navigate(name: string): HostObject | undefined {
    if (name === "rule") return new RuleProxy(this.backend, `${this.path}.rule`, this.owner);
    if (name === "format") return new ConditionalRangeFormatProxy(this.backend, `${this.path}.format`, this.owner);
    return undefined;
  }
}

export class RuleProxy extends HostObject {
  protected readonly scalars = ["formula"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly owner: ConditionalFormatProxy,
  ) {
    super(backend, path);
  }
  protected fetch(): unknown {
    return this.owner.target().cf.formula ?? "";
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.assign("formula", value, () => {
      this.owner.target().cf.formula = value;
    });
  }
}

export class TextConditionalFormatProxy extends HostObject {
  protected readonly scalars = ["rule"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly owner: ConditionalFormatProxy,
  ) {
    super(backend, path);
  }
  protected fetch(): unknown {
    return this.owner.target().cf.text ?? null;
  }
  get rule(): { operator: string; text: string } {
    return this.read("rule");
  }
  set rule(value: { operator: string; text: string }) {
    this.assign("rule", value, () => {
      this.owner.target().cf.text = value;
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return this.child("format") as ConditionalRangeFormatProxy;
  }
  protected override navigate(name: string): HostObject | undefined {
    return name === "format" ? new ConditionalRangeFormatProxy(this.backend, `${this.path}.format`, this.owner) : undefined;
  }
}

export class ConditionalRangeFormatProxy extends HostObject {
  protected readonly scalars = [] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly owner: ConditionalFormatProxy,
  ) {
    super(backend, path);
  }
  protected fetch(): unknown {
    return null;
  }
  get fill(): { color: string } {
    return this.child("fill") as unknown as { color: string };
  }
  get font(): { color: string; bold: boolean } {
    return this.child("font") as unknown as { color: string; bold: boolean };
  }
  get borders(): { getItem(side: string): { color: string; style: string } } {
    return {
      getItem: (side: string) => new CfPartProxy(this.backend, `${this.path}.borders.getItem(${JSON.stringify(side)})`, this.owner, `border:${side}`) as unknown as { color: string; style: string },
    };
  }
  protected override navigate(name: string): HostObject | undefined {
    if (name === "fill" || name === "font") return new CfPartProxy(this.backend, `${this.path}.${name}`, this.owner, name);
    return undefined;
  }
}

/** fill / font / one border of a conditional format: color (and bold for fonts, style for borders). */
export class CfPartProxy extends HostObject {
  protected readonly scalars = ["color", "bold", "style"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly owner: ConditionalFormatProxy,
    private readonly part: string,
  ) {
    super(backend, path);
  }
  protected fetch(prop: string): unknown {
    const { cf } = this.owner.target();
    if (this.part === "fill") return prop === "color" ? (cf.fill ?? null) : null;
    if (this.part === "font") return prop === "color" ? (cf.fontColor ?? null) : prop === "bold" ? (cf.fontBold ?? false) : null;
    return prop === "color" ? (cf.borders[this.part] ?? null) : "Continuous";
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.assign("color", value, () => {
      const { cf } = this.owner.target();
      if (this.part === "fill") cf.fill = value;
      else if (this.part === "font") cf.fontColor = value;
      else cf.borders[this.part] = value;
    });
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.assign("bold", value, () => {
      this.owner.target().cf.fontBold = value;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.assign("style", value, () => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables and charts (recorded; the Monitoring writer's tests inspect them)

export class TableCollectionProxy extends HostObject {
  protected readonly scalars = ["count"] as const;
  constructor(
    backend: HostBackend,
    path: string,
    private readonly sheet: () => HostSheet,
  ) {
    super(backend, path);
  }
  protected fetch(): unknown {
    return this.sheet().tables.length;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): unknown {
    const props: Record<string, unknown> = {};
    const calls: Record<string, unknown[][]> = {};
    this.call("add", [address, hasHeaders], () => {
      const sheet = this.sheet();
      const rect = typeof address === "string" ? parseRect(splitSheetAddress(address).local) : address.target().rect;
      if (!rect) throw new HostError("InvalidArgument", `Bad table address ${String(address)}.`);
      sheet.tables.push({ name: `Table${sheet.tables.length + 1}`, rect, hasHeaders, props, addedRows: [] });
    });
    return createRecorder(this.backend, `${this.path}.add()`, { props, calls });
  }
}

export class ChartCollectionProxy {
  constructor(
    private readonly backend: HostBackend,
    private readonly path: string,
    private readonly sheet: () => HostSheet,
  ) {}
  add(type: string, source: RangeProxy, seriesBy = "Auto"): unknown {
    const props: Record<string, unknown> = {};
    const calls: Record<string, unknown[][]> = {};
    this.backend.enqueue({ op: "call", object: this.path, method: "add", args: [type, { object: source.path }, seriesBy] }, () => {
      this.sheet().charts.push({ type, source: source.target().rect, seriesBy, props: { props, calls } });
    });
    return createRecorder(this.backend, `${this.path}.add()`, { props, calls });
  }
}

export { columnLetters, formatRect };
