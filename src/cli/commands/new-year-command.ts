import * as path from "path";
import {
  parseA1,
  parseA1Range,
  planNewYear,
  readOrigin,
  toColumnIndex,
  translate,
  type NewYearSheetPlan,
  type SheetGrid,
} from "../../domain";
import { InputError } from "../input-error";
import type { NewYearCommand } from "../parse-arguments";
import { writeFileAtomically } from "../write-file-atomically";
import { setCellsInRows, type AppendedCell } from "../xlsx/append-sheet-rows";
import { WorkbookPatch } from "../xlsx/patch-workbook";
import { patchWorksheetFormats, type ConditionalFormat, type ListValidation } from "../xlsx/patch-worksheet-formats";
import { PackageError } from "../xlsx/read-zip";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { checkInputWorkbook } from "../check-input";

/**
 * `prestatiemonitor nieuw-jaar <werkmap.xlsx> --year JJJJ --out kopie.xlsx`: a copy in which every
 * agreements sheet has the columns Status JJJJ and Toelichting JJJJ after last year's (planNewYear),
 * headed on each header row, the status column with the model's dropdown and stoplight colours.
 *
 * The copy is made by patching, and a patch does not shift cells: inserting columns would move
 * every cell, merged area, validation, conditional format and defined name to their right. So the
 * columns are added only where nothing but empty columns follows last year's on that sheet;
 * otherwise the command refuses (exit 2) and says where the user must insert them. Returns 0.
 */
export async function runNewYear(command: NewYearCommand, io: { readonly stdout: (text: string) => void }): Promise<number> {
  const { lang, year } = command;
  const input = await readWorkbookFile(command.workbook);
  const result = checkInputWorkbook(input, { lang, year });
  const plan = planNewYear(result, year);
  if (plan.sheets.length === 0) {
    throw new InputError(translate("acceptance", plan.alreadyPresent.length > 0 ? "newYearNothing" : "newYearNoSheet", lang, { year: String(year) }));
  }
  for (const sheet of plan.sheets) {
    const grid = input.sheets.find((s) => s.sheet === sheet.sheet);
    if (grid === undefined || !isFreeFrom(grid, toColumnIndex(sheet.insertAt))) {
      throw new InputError(
        translate("acceptance", "newYearRefused", lang, { sheet: sheet.sheet, previous: sheet.previousYear === undefined ? "" : String(sheet.previousYear), year: String(year) }),
      );
    }
  }
  const chunks = patchNewYear(input.bytes, command.workbook, plan.sheets);
  await writeFileAtomically(command.out, chunks, lang);
  io.stdout(`${translate("acceptance", "newYearCliDone", lang, { year: String(year), sheets: plan.sheets.map((s) => s.sheet).join(", "), file: command.out })}\n`);
  return 0;
}

/** True when no cell from column `from` (zero-based) rightwards holds anything and no merged area reaches it. */
function isFreeFrom(grid: SheetGrid, from: number): boolean {
  const origin = readOrigin(grid);
  const start = Math.max(0, from - origin.col);
  for (const row of grid.values) {
    for (let c = start; c < row.length; c += 1) {
      const value = row[c];
      if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return false;
    }
  }
  return (grid.merges ?? []).every((merge) => (parseA1Range(merge)?.right ?? -1) < from);
}

function patchNewYear(source: Buffer, name: string, sheets: readonly NewYearSheetPlan[]): Buffer[] {
  try {
    const patch = new WorkbookPatch(source);
    for (const sheet of sheets) {
      const info = patch.sheets.find((s) => s.name === sheet.sheet);
      if (info?.part === undefined) throw new PackageError("sheetHasNoPart", { sheet: sheet.sheet });
      const cells: AppendedCell[] = [];
      const styleFrom = new Map<string, string>();
      for (const header of sheet.headers) {
        const at = parseA1(header.cell);
        if (at === undefined) continue;
        cells.push({ row: at.row + 1, col: at.col + 1, value: header.text });
        // The new headers look like last year's.
        const letters = header.cell.replace(/\d+$/, "");
        const from = letters === sheet.statusColumn ? sheet.copyStatusFrom : sheet.copyExplanationFrom;
        if (from !== undefined) styleFrom.set(header.cell, `${from}${at.row + 1}`);
      }
      const text = patch.pkg.readText(info.part);
      const withHeaders = setCellsInRows(text, info.part, cells, styleFrom);
      if (withHeaders === undefined) throw new PackageError("headerRowNotFound", { part: info.part });
      const conditionalFormats: ConditionalFormat[] = sheet.stoplights.map((stoplight) => {
        const topLeft = stoplight.range.split(":")[0] ?? stoplight.range;
        return {
          range: stoplight.range,
          rules: stoplight.rules.map((rule) => ({
            // As write-monitored-copy.ts writes them: Excel's "=" ignores case, TRIM stray spaces.
            formula: `TRIM(${topLeft})="${rule.status.replace(/"/g, '""')}"`,
            dxfId: patch.styles.differentialStyle({ fill: rule.fill, font: rule.font }),
          })),
        };
      });
      const validations: ListValidation[] = sheet.stoplights.map((s) => ({ range: s.range, list: s.list }));
      // Nothing of the sheet's own goes: no rule is taken for one of ours.
      patch.pkg.writeText(info.part, patchWorksheetFormats(withHeaders, info.part, { conditionalFormats, validations, isOwnRule: () => false }));
    }
    return patch.write();
  } catch (error) {
    if (error instanceof PackageError) throw new InputError(`${path.basename(name)}: ${error.message.replace(/\r\n|\r|\n/g, "\\n")}`);
    throw error;
  }
}
