import { promises as fs } from "fs";
import { basename } from "path";
import type ExcelJS from "exceljs";
import { DEFAULT_MODEL, formatFinding, isModelSheetName, MODEL_SHEET_NAME, translate, type Lang, type Model } from "../../domain";
import { readModelSheet } from "../../domain";
import { writeModelSheet } from "../../domain";
import { InputError } from "../input-error";
import { importExcelJs, readWorkbookFile } from "../xlsx/read-workbook";
import { describePackageProblem, PackageError } from "../xlsx/read-zip";
import { WorkbookPatch } from "../xlsx/patch-workbook";
import type { NewCell } from "../xlsx/write-sheet-xml";
import { checkInputWorkbook } from "../check-input";

export interface ModelInitArgs {
  /** The workbook to create; never overwritten. */
  readonly file: string;
  /** A workbook to copy into `file`, with the Model sheet added. */
  readonly from?: string;
  /** Language of the refusals; Dutch by default. */
  readonly lang?: Lang;
}

/**
 * `prestatiemonitor model init <file.xlsx> [--from <workbook.xlsx>]`: writes the built-in model as
 * a Model sheet into a new workbook, or into a copy of `from` the model a check of `from` uses (the
 * built-in one when `from` matches it, else the one learned from its rows) for the coordinator to confirm. Refuses (InputError, exit 2) to
 * overwrite an existing file or to add a second Model sheet. Returns the path written.
 */
export async function runModelInit(args: ModelInitArgs): Promise<string> {
  const lang = args.lang ?? "nl";
  if (await exists(args.file)) throw new InputError(translate("cli", "fileExists", lang, { file: args.file }));
  let bytes: Buffer | Buffer[];
  let model = DEFAULT_MODEL;
  if (args.from !== undefined) {
    const input = await readWorkbookFile(args.from);
    const existing = input.sheets.find((s) => isModelSheetName(s.sheet));
    if (existing) throw new InputError(translate("cli", "modelSheetExists", lang, { file: args.from, sheet: existing.sheet }));
    model = checkInputWorkbook(input).model;
    bytes = patchModelCopy(input.bytes, args.from, model, lang);
  } else {
    // A wholly new workbook: exceljs may build it, there is nothing of the user's to keep.
    const { Workbook } = await importExcelJs();
    const workbook = new Workbook();
    workbook.creator = "Prestatiemonitor";
    addModelWorksheet(workbook, DEFAULT_MODEL, lang);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  try {
    // "wx": the existence check above can race; the exclusive create cannot.
    const handle = await fs.open(args.file, "wx");
    try {
      for (const chunk of Array.isArray(bytes) ? bytes : [bytes]) await handle.write(chunk);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(translate("cli", "cannotWrite", lang, { file: args.file, reason: describe(error, lang) }));
  }
  return args.file;
}

/** The input package with a Model sheet added by patching: every part of the user's kept (see write-monitored-copy.ts). */
function patchModelCopy(source: Buffer, name: string, model: Model, lang: Lang): Buffer[] {
  try {
    const patch = new WorkbookPatch(source);
    const layout = writeModelSheet(model, lang);
    const titles = new Set(layout.titleRows);
    const headers = new Set(layout.headerRows);
    const cells: NewCell[] = [];
    layout.values.forEach((row, r) => {
      const style = titles.has(r)
        ? patch.styles.cellStyle({ bold: true, size: r === 0 ? 14 : 12 })
        : headers.has(r)
          ? patch.styles.cellStyle({ bold: true })
          : undefined;
      row.forEach((value, c) => {
        if (value !== null) cells.push({ row: r + 1, col: c + 1, value, ...(style !== undefined ? { style } : {}) });
      });
    });
    patch.addSheet(MODEL_SHEET_NAME, { cells, columnWidths: layout.columnWidths });
    return patch.write();
  } catch (error) {
    if (error instanceof PackageError) throw new InputError(describePackageProblem("unreadableFile", { file: name, reason: error.message.replace(/\r\n|\r|\n/g, "\\n") }));
    throw error;
  }
}

/** Adds a worksheet "Model" holding the model, with bold block titles and readable widths (a new workbook). */
export function addModelWorksheet(workbook: ExcelJS.Workbook, model: Model, lang: Lang = "nl"): ExcelJS.Worksheet {
  const layout = writeModelSheet(model, lang);
  const sheet = workbook.addWorksheet(MODEL_SHEET_NAME);
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const r of layout.titleRows) sheet.getRow(r + 1).font = { bold: true, size: r === 0 ? 14 : 12 };
  for (const r of layout.headerRows) sheet.getRow(r + 1).font = { bold: true };
  layout.columnWidths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  return sheet;
}

/**
 * `--model <file.xlsx>`: the model on another workbook's Model sheet, read over the built-in
 * default. A missing Model sheet, or one with any problem, is unusable input (InputError, exit 2):
 * its findings would point into a workbook the report is not about.
 */
export async function readModelFile(path: string, lang: Lang = "nl"): Promise<Model> {
  const input = await readWorkbookFile(path);
  const sheet = input.sheets.find((s) => isModelSheetName(s.sheet));
  if (!sheet) throw new InputError(translate("cli", "modelSheetMissing", lang, { file: path, sheet: MODEL_SHEET_NAME }));
  const read = readModelSheet(sheet, DEFAULT_MODEL);
  const first = read.findings[0];
  if (first) {
    const more = read.findings.length > 1 ? translate("cli", "modelMoreProblems", lang, { count: read.findings.length - 1 }) : "";
    const where = first.cell !== undefined ? `${first.sheet}!${first.cell}: ` : "";
    throw new InputError(translate("cli", "modelUnreadable", lang, { file: path, where, message: formatFinding(first, lang).message, more }));
  }
  // Controles found unresolvable later are reported at their row in *this* file, not at a cell of
  // the checked workbook's own (possibly existing) Model sheet.
  const origin = `${MODEL_SHEET_NAME} (${basename(path)})`;
  return {
    ...read.model,
    crossChecks: read.model.crossChecks.map((check) =>
      check.source ? { ...check, source: { ...check.source, sheet: origin } } : check,
    ),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown, lang: Lang): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    if (error.code === "EEXIST") return translate("cli", "reasonExists", lang);
    if (error.code === "ENOENT") return translate("cli", "reasonNoFolder", lang);
    if (error.code === "EACCES" || error.code === "EPERM") return translate("cli", "reasonPermission", lang);
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
