import * as path from "path";
import {
  holdsModelContent,
  isModelSheetName,
  ACCEPTANCE_BLOCK_TITLE,
  MODEL_SHEET_NAME,
  normaliseLocation,
  planAcceptanceWrite,
  readCellFingerprint,
  splitSheetAddress,
  toColumnIndex,
  translate,
  writeAcceptanceHeader,
  type AcceptanceWrite,
  type CheckResult,
  type FindingCode,
  type Lang,
} from "../../domain";
import { InputError } from "../input-error";
import type { AcceptCommand } from "../parse-arguments";
import { writeFileAtomically } from "../write-file-atomically";
import { appendSheetRows, readLastRowNumber, type AppendedCell } from "../xlsx/append-sheet-rows";
import { WorkbookPatch } from "../xlsx/patch-workbook";
import { PackageError } from "../xlsx/read-zip";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { checkInputWorkbook } from "../check-input";

/**
 * `prestatiemonitor accept <werkmap.xlsx> --cel Blad!C5 [--code regel] --reden tekst --out kopie.xlsx`:
 * a copy of the workbook in which the finding at that cell is accepted (a row in the Geaccepteerd
 * block of the Model sheet; the sheet is added when there is none), made by patching like the
 * other copies. Without --code the cell must have exactly one finding. Returns the exit code the
 * copy would get from `check`: accepted findings no longer count.
 */
export async function runAccept(command: AcceptCommand, io: { readonly stdout: (text: string) => void }, today: Date = new Date()): Promise<number> {
  const { lang } = command;
  const input = await readWorkbookFile(command.workbook);
  const result = checkInputWorkbook(input, { lang });

  const { sheet, cell } = parseCellOption(command.cell, input.sheets.map((s) => s.sheet), lang);
  const where = `${sheet}!${cell}`;
  const here = result.findings.filter((f) => f.sheet === sheet && (f.cell ?? f.range) === cell);
  const code = chooseCode(command, result, here, sheet, cell, where, lang);

  const modelSheet = input.sheets.find((s) => isModelSheetName(s.sheet));
  // A user's own sheet called Model (agreements, a table) is data: never written into.
  if (modelSheet !== undefined && !holdsModelContent(modelSheet)) throw new InputError(translate("acceptance", "modelSheetIsData", lang, { sheet: modelSheet.sheet }));
  const plan = planAcceptanceWrite(modelSheet, {
    code,
    sheet,
    cell,
    value: readCellFingerprint(input.sheets, sheet, cell),
    reason: command.reason,
    date: today.toISOString().slice(0, 10),
  });
  const chunks = patchAcceptance(input.bytes, command.workbook, modelSheet?.sheet, plan);
  await writeFileAtomically(command.out, chunks, lang);
  io.stdout(`${translate("acceptance", "acceptDone", lang, { code, cell: where, file: command.out })}\n`);
  const remaining = result.findings.filter((f) => f.severity === "error" && !(f.code === code && f.sheet === sheet && (f.cell ?? f.range) === cell));
  return remaining.length > 0 ? 1 : 0;
}

/** `Blad!C5` (quotes allowed: `'Mijn blad'!C5`) naming a sheet of the workbook. */
function parseCellOption(text: string, sheets: readonly string[], lang: Lang): { sheet: string; cell: string } {
  const { sheet, local } = splitSheetAddress(text.trim());
  const cell = normaliseLocation(local);
  const known = sheet === undefined ? undefined : (sheets.find((s) => s === sheet) ?? sheets.find((s) => s.toLowerCase() === sheet.toLowerCase()));
  if (known === undefined || cell === undefined) throw new InputError(translate("acceptance", "acceptUsage", lang));
  return { sheet: known, cell };
}

function chooseCode(
  command: AcceptCommand,
  result: CheckResult,
  here: readonly { readonly code: FindingCode }[],
  sheet: string,
  cell: string,
  where: string,
  lang: Lang,
): FindingCode {
  const codes = [...new Set(here.map((f) => f.code))];
  const wanted = command.code?.trim();
  const found = wanted === undefined ? (codes.length === 1 ? codes[0] : undefined) : codes.find((c) => c === wanted);
  if (found !== undefined) return found;
  const already = (result.accepted ?? []).find((f) => f.sheet === sheet && (f.cell ?? f.range) === cell && (wanted === undefined || f.code === wanted));
  if (already !== undefined) throw new InputError(translate("acceptance", "acceptAlready", lang, { cell: where, code: already.code }));
  throw new InputError(
    translate("acceptance", "acceptNoFinding", lang, {
      cell: where,
      code: wanted ?? "?",
      codes: codes.length === 0 ? translate("acceptance", "none", lang) : codes.join(", "),
    }),
  );
}

/** The input package with the acceptance rows on the Model sheet (added when absent). */
function patchAcceptance(source: Buffer, name: string, modelSheet: string | undefined, plan: AcceptanceWrite): Buffer[] {
  try {
    const patch = new WorkbookPatch(source);
    const bold = patch.styles.cellStyle({ bold: true });
    const toCells = (write: AcceptanceWrite): AppendedCell[] => {
      // Every row but the last is the block's title or header: bold, as on the Model sheet the tool writes.
      const headings = write.rows.length - 1;
      return write.rows.flatMap((row, r) =>
        row.map((value, c) => ({ row: write.row + r, col: toColumnIndex(write.column) + c + 1, value, ...(r < headings ? { style: bold } : {}) })),
      );
    };
    const info = modelSheet === undefined ? undefined : patch.sheets.find((s) => s.name === modelSheet);
    if (info?.part === undefined) {
      patch.addSheet(MODEL_SHEET_NAME, { cells: toCells(plan), columnWidths: [24, 18, 10, 30, 48, 12] });
      return patch.write();
    }
    const text = patch.pkg.readText(info.part);
    let patched = appendSheetRows(text, info.part, toCells(plan));
    if (patched === undefined) {
      // Rows below the last content (formatted but empty) hold the place: a block of its own after them.
      const row = plan.rows.at(-1) ?? [];
      const block: AcceptanceWrite = { column: plan.column, row: readLastRowNumber(text, info.part) + 2, rows: [[ACCEPTANCE_BLOCK_TITLE], writeAcceptanceHeader(), row] };
      patched = appendSheetRows(text, info.part, toCells(block));
    }
    if (patched === undefined) throw new PackageError("noRoomBelowLastRow", { part: info.part });
    patch.pkg.writeText(info.part, patched);
    return patch.write();
  } catch (error) {
    if (error instanceof PackageError) throw new InputError(`${path.basename(name)}: ${error.message.replace(/\r\n|\r|\n/g, "\\n")}`);
    throw error;
  }
}
