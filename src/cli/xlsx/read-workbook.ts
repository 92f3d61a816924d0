import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { translate, type SheetGrid } from "../../domain";
import { InputError } from "../input-error";
import { readXlsx } from "./read-xlsx";

/**
 * A workbook read from disk: the engine's grids and defined names (from our own reader), and the
 * exceljs object for writing a copy, loaded only when a command writes one (`--out`,
 * `model init --from`): loading it costs several times what a check does.
 */
export interface WorkbookFile {
  readonly sheets: SheetGrid[];
  /** Workbook-scoped defined names: name -> formula text as stored. */
  readonly definedNames: ReadonlyMap<string, string>;
  /** The package as read: copies are made by patching it. */
  readonly bytes: Buffer;
  /** Names of the hidden (and very hidden) worksheets. */
  readonly hiddenSheets: readonly string[];
  /** exceljs' object model of the workbook, for tests that inspect copies; no command writes with it. */
  loadWorkbook(): Promise<ExcelJS.Workbook>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptionInfo" as UTF-16LE: the stream Office puts in an OLE2 container around an encrypted xlsx. */
const ENCRYPTION_INFO_UTF16 = Buffer.from("EncryptionInfo", "utf16le");

/** Reads an .xlsx file into grids. Unusable input is an InputError (the CLI's exit 2). */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const bytes = await readInputBytes(path);
  return readWorkbookBuffer(bytes, path);
}

/** Reads an .xlsx held in memory; `name` is only used in error messages. */
export function readWorkbookBuffer(bytes: Buffer, name: string): WorkbookFile {
  checkSignature(bytes, name);
  const { sheets, definedNames, hiddenSheets } = readXlsx(bytes, name);
  let loading: Promise<ExcelJS.Workbook> | undefined;
  return {
    sheets,
    definedNames,
    bytes,
    hiddenSheets,
    loadWorkbook: () => (loading ??= loadExcelJsWorkbook(bytes, name)),
  };
}

/** Marks exceljs' NumFmtXform as patched (the module is shared by every load in the process). */
const ESCAPES_KEPT = Symbol("prestatiemonitor.numFmtEscapesKept");

/** exceljs, required on first use: requiring it alone takes longer than a whole check of a small workbook. */
export async function importExcelJs(): Promise<typeof ExcelJS> {
  const excelJs = (await import("exceljs")).default;
  await keepNumberFormatEscapes();
  return excelJs;
}

/**
 * Workaround for exceljs 4.4 (`NumFmtXform.parseOpen`, used by `Workbook.xlsx.load`): it reads a
 * custom number format with its backslash escapes removed and writes it back as read, so every
 * copy it wrote (`--out`, `model init --from`) changed formats it never touched: "0\%", a literal
 * percent sign, became "0%" and showed 5 as 500 %. The patch keeps the format code as stored;
 * exceljs only tells dates by the letters in a format, which the escapes do not change.
 */
async function keepNumberFormatEscapes(): Promise<void> {
  const NumFmtXform = (await import("exceljs/lib/xlsx/xform/style/numfmt-xform")).default;
  const prototype = NumFmtXform.prototype as typeof NumFmtXform.prototype & { [ESCAPES_KEPT]?: true };
  if (prototype[ESCAPES_KEPT] === true) return;
  const parseOpen = prototype.parseOpen;
  prototype.parseOpen = function parseNumFmtKeepingEscapes(this: InstanceType<typeof NumFmtXform>, node) {
    const handled = parseOpen.call(this, node);
    const stored = node.attributes["formatCode"];
    if (handled && node.name === "numFmt" && this.model !== undefined && stored !== undefined) this.model.formatCode = stored;
    return handled;
  };
  prototype[ESCAPES_KEPT] = true;
}

async function loadExcelJsWorkbook(bytes: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = await importExcelJs();
  const workbook = new Workbook();
  try {
    // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError(translate("cli", "unreadableWorkbook", "en", { file: name, reason: describe(error) }));
  }
  return workbook;
}

export async function readInputBytes(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    const code = error !== null && typeof error === "object" && "code" in error ? error.code : "";
    if (code === "ENAMETOOLONG") throw new InputError(translate("cli", "fileNameTooLong", "en", { file: `${path.slice(0, 80)}…` }));
    if (code === "EACCES" || code === "EPERM") throw new InputError(translate("cli", "filePermissionDenied", "en", { file: path }));
    throw new InputError(translate("cli", "noSuchFile", "en", { file: path }));
  }
  if (stat.isDirectory()) throw new InputError(translate("cli", "isDirectory", "en", { file: path }));
  if (!stat.isFile()) throw new InputError(translate("cli", "notRegularFile", "en", { file: path }));
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new InputError(translate("cli", "cannotRead", "en", { file: path, reason: describe(error) }));
  }
}

function checkSignature(bytes: Buffer, name: string): void {
  if (bytes.length === 0) throw new InputError(translate("cli", "emptyFile", "en", { file: name }));
  if (bytes.subarray(0, 8).equals(OLE2_MAGIC)) {
    if (bytes.includes(ENCRYPTION_INFO_UTF16)) {
      throw new InputError(translate("cli", "passwordProtected", "en", { file: name }));
    }
    throw new InputError(translate("cli", "oldXls", "en", { file: name }));
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputError(translate("cli", "notZip", "en", { file: name }));
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
