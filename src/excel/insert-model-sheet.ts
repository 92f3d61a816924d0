import type { CheckResult } from "../domain";
import { formatA1, toColumnLetters, type CellValue } from "../domain";
import { isModelSheetName, MODEL_SHEET_NAME } from "../domain";
import { writeModelSheet } from "../domain";

/** The workbook already has a Model sheet; it is the user's to edit and is never replaced. */
export class ModelSheetExistsError extends Error {
  override readonly name = "ModelSheetExistsError";
  constructor(readonly sheet: string) {
    super(`The workbook already has a sheet named '${sheet}'.`);
  }
}

/**
 * Inserts the model in force (the built-in default, or the one read from a Model sheet / --model)
 * as a new sheet "Model", inside the caller's Excel.run: one sync to read the sheet names, one sync
 * for all writes. An existing Model sheet (any case) is never overwritten: ModelSheetExistsError.
 * Returns the name of the sheet written.
 */
export async function insertModelSheet(context: Excel.RequestContext, result: CheckResult): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const existing = worksheets.items.find((ws) => isModelSheetName(ws.name));
  if (existing) throw new ModelSheetExistsError(existing.name);

  const layout = writeModelSheet(result.model, result.lang);
  const sheet = worksheets.add(MODEL_SHEET_NAME);
  const rows = layout.values.length;
  const cols = layout.values[0]?.length ?? 1;
  sheet.getRange(`A1:${formatA1(rows - 1, cols - 1)}`).values = layout.values.map((row) => row.map(toExcelInput));
  for (const r of layout.titleRows) {
    const font = sheet.getRange(`A${r + 1}`).format.font;
    font.bold = true;
    font.size = r === 0 ? 14 : 12;
  }
  for (const r of layout.headerRows) sheet.getRange(`A${r + 1}:${formatA1(r, cols - 1)}`).format.font.bold = true;
  layout.columnWidths.forEach((width, i) => {
    const column = toColumnLetters(i);
    sheet.getRange(`${column}:${column}`).format.columnWidth = toPoints(width);
  });
  sheet.activate();
  await context.sync();
  return MODEL_SHEET_NAME;
}

/** Excel column width in points for a width in characters (Calibri 11: about 5.25 pt each, plus padding). */
function toPoints(characters: number): number {
  return Math.round(characters * 5.25 + 5);
}

/**
 * Range.values (Excel, all hosts) parses strings as typed input: the Controles operator "=" would
 * become a formula and "-…" a formula or number. A leading apostrophe keeps text as text (Excel
 * hides it, and Range.values reads the text back without it). Blanks are written as "".
 */
function toExcelInput(value: CellValue): string | number | boolean {
  if (value === null) return "";
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}
