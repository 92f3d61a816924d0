import { FINDING_CODES, type Finding, type FindingCode, type FindingData } from "../findings/finding";
import { addressOf, cellAt, toColumnLetters, isBlank, parseA1, readOrigin, sheetRowOf, textOf, type CellValue, type SheetGrid } from "../core/grid";
import { matchBlockTitle, normaliseHeader } from "./model-sheet-format";

/**
 * Accepted findings: a deliberate deviation the coordinator has accepted with a reason. They are
 * stored in the workbook itself, in a "Geaccepteerd" block on the Model sheet, so that the add-in
 * and the command line honour the same acceptances. An acceptance holds for one finding (code,
 * sheet, cell) as long as that cell's content is what it was when it was accepted: once the
 * content changes, the finding counts again.
 *
 * Block layout (like the model blocks): the title `Geaccepteerd` in column A, a header row
 * `Code · Blad · Cel · Waarde · Reden · Datum`, rows until the first empty row. A sheet may hold
 * several such blocks (each writer appends one when the last block is not at the end).
 */

export const ACCEPTANCE_BLOCK_TITLE = "Geaccepteerd";

export const ACCEPTANCE_COLUMNS = [
  { key: "code", header: "Code", synonyms: ["regel", "bevinding"], required: true },
  { key: "sheet", header: "Blad", synonyms: ["werkblad"], required: true },
  { key: "cell", header: "Cel", synonyms: ["bereik", "adres"], required: true },
  { key: "value", header: "Waarde", synonyms: ["inhoud"], required: true },
  { key: "reason", header: "Reden", synonyms: ["toelichting", "motivering"], required: true },
  { key: "date", header: "Datum", synonyms: [], required: false },
] as const;

type AcceptanceKey = (typeof ACCEPTANCE_COLUMNS)[number]["key"];

export interface Acceptance {
  readonly code: FindingCode;
  readonly sheet: string;
  /** A1 cell (or range) of the accepted finding, upper case, without `$`. */
  readonly cell: string;
  /** The cell's content when it was accepted (see `fingerprintValue`). */
  readonly value: string;
  readonly reason: string;
  /** When it was accepted (yyyy-mm-dd), when the row says. */
  readonly date?: string;
  /** Where the acceptance row is, e.g. `Model!A14`. */
  readonly source: { readonly sheet: string; readonly cell: string };
}

/** A finding an acceptance covers: no longer counted, still listed with its reason. */
export type AcceptedFinding = Finding & { readonly acceptance: Acceptance };

export interface AcceptanceReading {
  readonly acceptances: readonly Acceptance[];
  /** `invalid-model` findings for unusable rows (the row is skipped, reading goes on). */
  readonly findings: readonly FindingData[];
}

/** True when the cell starts an acceptance block. */
export function isAcceptanceTitle(value: CellValue): boolean {
  return typeof value === "string" && normaliseHeader(value) === normaliseHeader(ACCEPTANCE_BLOCK_TITLE);
}

interface AcceptanceBlock {
  /** Grid row offsets. */
  readonly titleRow: number;
  readonly headerRow: number | undefined;
  readonly dataRows: readonly number[];
}

/** Every acceptance block of a sheet, in sheet order. */
function findAcceptanceBlocks(sheet: SheetGrid): AcceptanceBlock[] {
  const blocks: AcceptanceBlock[] = [];
  const height = sheet.values.length;
  const endsBlock = (r: number): boolean => isBlankRow(sheet, r) || isAcceptanceTitle(cellAt(sheet, r, 0)) || matchBlockTitle(cellAt(sheet, r, 0)) !== undefined;
  let r = 0;
  while (r < height) {
    if (!isAcceptanceTitle(cellAt(sheet, r, 0))) {
      r += 1;
      continue;
    }
    const header = r + 1 < height && !endsBlock(r + 1) ? r + 1 : undefined;
    const dataRows: number[] = [];
    let next = header === undefined ? r + 1 : header + 1;
    while (header !== undefined && next < height && !endsBlock(next)) {
      dataRows.push(next);
      next += 1;
    }
    blocks.push({ titleRow: r, headerRow: header, dataRows });
    r = next;
  }
  return blocks;
}

/** True when the sheet holds at least one acceptance block. */
export function hasAcceptanceBlock(sheet: SheetGrid): boolean {
  return sheet.values.some((row) => isAcceptanceTitle(row[0] ?? null));
}

/**
 * Reads the acceptance blocks of a (Model) sheet. A bad row is an `invalid-model` finding at its
 * cell and is skipped; never throws for bad data.
 */
export function readAcceptances(sheet: SheetGrid): AcceptanceReading {
  const acceptances: Acceptance[] = [];
  const findings: FindingData[] = [];
  const report = (row: number, col: number, problem: "missing-column" | "missing-value" | "unknown-code" | "invalid-cell", value: string): void => {
    const cell = addressOf(sheet, row, col);
    findings.push({
      code: "invalid-model",
      severity: "error",
      sheet: sheet.sheet,
      cell,
      row: sheetRowOf(sheet, row),
      params: { block: ACCEPTANCE_BLOCK_TITLE, problem, value },
    });
  };
  for (const block of findAcceptanceBlocks(sheet)) {
    const columns = new Map<AcceptanceKey, number>();
    if (block.headerRow !== undefined) {
      (sheet.values[block.headerRow] ?? []).forEach((value, col) => {
        if (typeof value !== "string") return;
        const key = normaliseHeader(value);
        const column = ACCEPTANCE_COLUMNS.find((c) => !columns.has(c.key) && [c.header, ...c.synonyms].some((name) => normaliseHeader(name) === key));
        if (column) columns.set(column.key, col);
      });
    }
    const missing = ACCEPTANCE_COLUMNS.filter((c) => c.required && !columns.has(c.key));
    if (missing.length > 0) {
      for (const column of missing) report(block.headerRow ?? block.titleRow, 0, "missing-column", column.header);
      continue;
    }
    for (const row of block.dataRows) {
      const at = (key: AcceptanceKey): number => columns.get(key) ?? 0;
      const value = (key: AcceptanceKey): CellValue => (columns.has(key) ? cellAt(sheet, row, at(key)) : null);
      const text = (key: AcceptanceKey): string => textOf(value(key)).trim();
      const blank = (["code", "sheet", "cell", "reason"] as const).find((key) => isBlank(value(key)));
      if (blank !== undefined) {
        report(row, at(blank), "missing-value", ACCEPTANCE_COLUMNS.find((c) => c.key === blank)?.header ?? blank);
        continue;
      }
      const code = text("code");
      if (!isFindingCode(code)) {
        report(row, at("code"), "unknown-code", code);
        continue;
      }
      const cell = normaliseLocation(text("cell"));
      if (cell === undefined) {
        report(row, at("cell"), "invalid-cell", text("cell"));
        continue;
      }
      const date = readDate(value("date"));
      acceptances.push({
        code,
        sheet: text("sheet"),
        cell,
        value: fingerprintValue(value("value")),
        reason: text("reason"),
        ...(date !== undefined ? { date } : {}),
        source: { sheet: sheet.sheet, cell: addressOf(sheet, row, 0) },
      });
    }
  }
  return { acceptances, findings };
}

function isFindingCode(code: string): code is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(code);
}

/** `$c$5` -> `C5`, `b3:b9` -> `B3:B9`; undefined when it is no A1 cell or range. */
export function normaliseLocation(text: string): string | undefined {
  const clean = text.replace(/\$/g, "").trim().toUpperCase();
  const parts = clean.split(":");
  if (parts.length > 2 || parts.some((p) => parseA1(p) === undefined || !/^[A-Z]+\d+$/.test(p))) return undefined;
  return clean;
}

/**
 * A cell's content as an acceptance remembers it: its text with runs of white space made one
 * space and trimmed (a number as JavaScript writes it). Excel's writers may turn the text "3810"
 * into the number 3810; both read back as "3810".
 */
export function fingerprintValue(value: CellValue | undefined): string {
  return textOf(value ?? null).replace(/\s+/g, " ").trim();
}

/** Excel's day 0 (serial dates count from 30 December 1899, its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as yyyy-mm-dd: an Excel serial date or text. */
function readDate(value: CellValue): string | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    return new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = textOf(value).trim();
  return text === "" ? undefined : text;
}

/** The content of a sheet's cell (the top-left cell of a range), as `fingerprintValue` has it. */
export function readCellFingerprint(sheets: readonly SheetGrid[], sheet: string, location: string): string {
  const grid = sheets.find((s) => s.sheet === sheet);
  const first = parseA1(location.split(":")[0] ?? "");
  if (grid === undefined || first === undefined) return "";
  const origin = readOrigin(grid);
  return fingerprintValue(cellAt(grid, first.row - origin.row, first.col - origin.col));
}

/**
 * Splits findings into the ones that count and the accepted ones: a finding is accepted when an
 * acceptance names its code, sheet and cell (or range) and the cell still holds the accepted content.
 */
export function applyAcceptances(
  findings: readonly Finding[],
  acceptances: readonly Acceptance[],
  sheets: readonly SheetGrid[],
): { readonly findings: Finding[]; readonly accepted: AcceptedFinding[] } {
  if (acceptances.length === 0) return { findings: findings as Finding[], accepted: [] };
  const byKey = new Map<string, Acceptance[]>();
  for (const acceptance of acceptances) {
    const key = keyOf(acceptance.code, acceptance.sheet, acceptance.cell);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [acceptance]);
    else list.push(acceptance);
  }
  const kept: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of findings) {
    const location = finding.cell ?? finding.range;
    const candidates = location === undefined ? undefined : byKey.get(keyOf(finding.code, finding.sheet, location));
    const current = candidates === undefined || location === undefined ? undefined : readCellFingerprint(sheets, finding.sheet, location);
    const match = candidates?.find((a) => a.value === current);
    if (match === undefined) kept.push(finding);
    else accepted.push({ ...finding, acceptance: match });
  }
  return { findings: kept, accepted };
}

function keyOf(code: string, sheet: string, location: string): string {
  return `${code}\u0000${sheet.trim()}\u0000${location.replace(/\$/g, "").toUpperCase()}`;
}

/** What a writer needs to store one acceptance. */
export interface AcceptanceInput {
  readonly code: FindingCode;
  readonly sheet: string;
  readonly cell: string;
  /** The cell's current content (see `readCellFingerprint`). */
  readonly value: string;
  readonly reason: string;
  /** yyyy-mm-dd */
  readonly date: string;
}

/** Rows to write, from `column`, starting at a one-based sheet row. */
export interface AcceptanceWrite {
  /** Letters of the first column (the sheet's first used column, where the reader looks for titles). */
  readonly column: string;
  /** One-based sheet row of the first row to write. */
  readonly row: number;
  readonly rows: readonly (readonly string[])[];
}

/** The header row of an acceptance block as the writers spell it. */
export function writeAcceptanceHeader(): string[] {
  return ACCEPTANCE_COLUMNS.map((c) => c.header);
}

/**
 * Where one more acceptance goes on the Model sheet (`sheet` undefined: there is none yet and the
 * writer creates it): right below the last acceptance block when that block ends the sheet, else
 * a new block two rows below the sheet's last content (one empty row between blocks).
 */
export function planAcceptanceWrite(sheet: SheetGrid | undefined, input: AcceptanceInput): AcceptanceWrite {
  const row = [input.code, input.sheet, input.cell, input.value, input.reason, input.date];
  const block = [[ACCEPTANCE_BLOCK_TITLE], writeAcceptanceHeader(), row];
  if (sheet === undefined) return { column: "A", row: 1, rows: block };
  const column = toColumnLetters(readOrigin(sheet).col);
  let last = -1;
  for (let r = sheet.values.length - 1; r >= 0; r -= 1) {
    if (!isBlankRow(sheet, r)) {
      last = r;
      break;
    }
  }
  if (last < 0) return { column, row: sheetRowOf(sheet, 0), rows: block };
  const lastBlock = findAcceptanceBlocks(sheet).at(-1);
  const blockEnd = lastBlock === undefined ? undefined : (lastBlock.dataRows.at(-1) ?? lastBlock.headerRow);
  // Appended to the last block only when its header is ours, column for column.
  const ownHeader =
    lastBlock?.headerRow !== undefined &&
    writeAcceptanceHeader().every((header, col) => normaliseHeader(textOf(cellAt(sheet, lastBlock.headerRow as number, col))) === normaliseHeader(header));
  if (lastBlock !== undefined && blockEnd === last && ownHeader) {
    return { column, row: sheetRowOf(sheet, last) + 1, rows: [row] };
  }
  return { column, row: sheetRowOf(sheet, last) + 2, rows: block };
}

function isBlankRow(sheet: SheetGrid, row: number): boolean {
  return (sheet.values[row] ?? []).every((value) => isBlank(value));
}
