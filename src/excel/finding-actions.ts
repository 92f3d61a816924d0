import {
  applySuggestionToText,
  fingerprintValue,
  holdsModelContent,
  isModelSheetName,
  MODEL_SHEET_NAME,
  planAcceptanceWrite,
  toColumnIndex,
  toColumnLetters,
  type CellValue,
  type Finding,
  type SheetGrid,
} from "../domain";
import type { AcceptanceOutcome, SuggestionOutcome } from "./addin-api";
import { toCellValue } from "./read-workbook";

/**
 * The two actions on one finding, each inside the caller's Excel.run (run with mergeUndoGroup: one
 * Ctrl+Z undoes it). Neither calls anything from Microsoft's "undo not supported" table:
 * Range.values and WorksheetCollection.add keep the user's undo list.
 */

/**
 * "Toepassen": the finding's suggestion written into its cell as a normal cell edit (the part of the
 * text the finding is about replaced). 1 round trip to read the cell, 1 to write it; no other writes.
 */
export async function applySuggestion(context: Excel.RequestContext, finding: Finding): Promise<SuggestionOutcome> {
  if (finding.cell === undefined) return "changed";
  const range = context.workbook.worksheets.getItem(finding.sheet).getRange(finding.cell);
  range.load("values,formulas");
  await context.sync();
  const formula = range.formulas[0]?.[0];
  // A formula's result is not the user's text to replace.
  if (typeof formula === "string" && formula.startsWith("=")) return "changed";
  const current = toCellValue(range.values[0]?.[0]);
  const text = applySuggestionToText(finding, typeof current === "string" ? current : String(current ?? ""));
  if (text === undefined) return "changed";
  // As the user would type it; only text Excel would read as a formula, number or date keeps its apostrophe.
  range.values = [[/^[=+\-@]|^[\d\s.,%/:-]+$/.test(text) ? `'${text}` : text]];
  await context.sync();
  return "applied";
}

/**
 * "Accepteren": a row in the Geaccepteerd block of the Model sheet (acceptances.ts), the sheet
 * added when the workbook has none. Round trips: the sheet names and the finding's cell, the Model
 * sheet's used range, then the writes.
 */
export async function acceptFinding(context: Excel.RequestContext, finding: Finding, reason: string, date: string): Promise<AcceptanceOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const location = finding.cell ?? finding.range ?? "A1";
  const cell = context.workbook.worksheets.getItem(finding.sheet).getRange(location.split(":")[0] ?? location);
  cell.load("values");
  await context.sync();
  const value = fingerprintValue(toCellValue(cell.values[0]?.[0]));

  const existing = worksheets.items.find((ws) => isModelSheetName(ws.name));
  let grid: SheetGrid | undefined;
  if (existing !== undefined) {
    const used = existing.getUsedRangeOrNullObject(true);
    used.load("values,address");
    await context.sync();
    grid = used.isNullObject ? { sheet: existing.name, origin: "A1", values: [] } : { sheet: existing.name, origin: localAddress(used.address), values: used.values.map((row) => row.map(toCellValue)) };
  }
  // A user's own sheet called Model (agreements, a table) is data: never written into.
  if (grid !== undefined && !holdsModelContent(grid)) return { kind: "model-sheet-is-data", sheet: grid.sheet };
  const plan = planAcceptanceWrite(grid, { code: finding.code, sheet: finding.sheet, cell: location, value, reason, date });
  const sheet = existing ?? worksheets.add(MODEL_SHEET_NAME);
  const width = Math.max(...plan.rows.map((row) => row.length));
  const left = toColumnIndex(plan.column);
  const right = toColumnLetters(left + width - 1);
  const target = sheet.getRange(`${plan.column}${plan.row}:${right}${plan.row + plan.rows.length - 1}`);
  target.values = plan.rows.map((row) => Array.from({ length: width }, (_, i) => keepAsText(row[i] ?? "")));
  // Title and header bold, as on the Model sheet the tool writes.
  if (plan.rows.length > 1) sheet.getRange(`${plan.column}${plan.row}:${right}${plan.row + plan.rows.length - 2}`).format.font.bold = true;
  await context.sync();
  return { kind: "accepted", at: `${existing?.name ?? MODEL_SHEET_NAME}!${plan.column}${plan.row + plan.rows.length - 1}`, addedModelSheet: existing === undefined };
}

/**
 * Range.values parses strings as typed input (Excel, all hosts): "2026-12-07" would become a date,
 * "3810" a number, "=..." a formula. A leading apostrophe keeps the text as written (Excel hides it).
 */
function keepAsText(value: CellValue): string | number | boolean {
  if (value === null || value === "") return "";
  return typeof value === "string" ? `'${value}` : value;
}

/** "Model!B2:G9" -> "B2". */
function localAddress(address: string): string {
  const local = address.slice(address.lastIndexOf("!") + 1);
  return (local.split(":")[0] ?? "A1").replace(/\$/g, "");
}
