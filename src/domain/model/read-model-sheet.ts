import { z } from "zod";
import { MODEL_PROBLEMS, type FindingData, type ModelProblem } from "../findings/finding";
import { addressOf, cellAt, isBlank, textOf, type CellValue, type SheetGrid } from "../core/grid";
import {
  CHECK_OPERATORS,
  PARTY_KINDS,
  modelSchema,
  operandSchema,
  type CrossCheckDef,
  type Model,
  type ModelSettings,
  type PartyDef,
  type StatusDef,
  type ThemeDef,
} from "./model";
import { hasAcceptanceBlock } from "./acceptances";
import { findBlocks, firstContent, type BlockSpan, type BlockProblemReport } from "./model-sheet-blocks";
import {
  BLOCK_COLUMNS,
  formatCheckLabel,
  matchesColumn,
  matchSetting,
  normaliseColor,
  parseOperand,
  parseOperator,
  parsePartyKind,
  parseYesNo,
  readNumberCell,
  splitList,
  type BlockColumn,
  type ModelBlock,
  type SettingKey,
} from "./model-sheet-format";

export interface ModelReading {
  readonly model: Model;
  readonly findings: readonly FindingData[];
}

/**
 * Reads a Model sheet's blocks over the base model (DESIGN.md "Model sheet format"). A block that
 * is present and usable replaces that part of the base; a missing or unusable block keeps it.
 * Every problem is an `invalid-model` finding at its cell; the bad row is skipped and reading
 * goes on. Never throws for bad data.
 */
export function readModelSheet(sheet: SheetGrid, base: Model): ModelReading {
  const findings: FindingData[] = [];
  const report = (cell: string, block: string, problem: ModelProblem, value: string): void => {
    findings.push(modelProblem(sheet, cell, block, problem, value));
  };
  const spans = findBlocks(sheet, report);
  if (spans.length === 0) {
    // An empty sheet named Model says nothing; one with content but no block title is a mistake.
    // A sheet holding only accepted findings (acceptances.ts) is no mistake either.
    const content = firstContent(sheet);
    if (content !== undefined && !hasAcceptanceBlock(sheet)) report(content, "Model", "no-blocks", "");
    return { model: base, findings };
  }

  let themes = base.themes;
  let parties = base.parties;
  let statuses = base.statuses;
  let settings = base.settings;
  let crossChecks = base.crossChecks;
  const used: ModelBlock[] = [];
  for (const span of spans) {
    const reader = new BlockReader(sheet, span, report);
    let usable = false;
    switch (span.block) {
      case "Thema's": {
        const read = reader.readThemes();
        if (read) [themes, usable] = [read, true];
        break;
      }
      case "Partijen": {
        const read = reader.readParties();
        if (read) [parties, usable] = [read, true];
        break;
      }
      case "Statussen": {
        const read = reader.readStatuses();
        if (read) [statuses, usable] = [read, true];
        break;
      }
      case "Instellingen": {
        const read = reader.readSettings();
        if (read) [settings, usable] = [read, true];
        break;
      }
      case "Controles": {
        const read = reader.readCrossChecks();
        if (read) [crossChecks, usable] = [read, true];
        break;
      }
    }
    if (usable) used.push(span.block);
  }

  if (used.length === 0) return { model: base, findings };
  // Our own construction must satisfy the model schema; a ZodError here is a bug, not bad data.
  const model = modelSchema.parse({
    themes,
    parties,
    statuses,
    settings,
    crossChecks,
    source: { kind: "sheet", sheet: sheet.sheet, blocks: used },
  });
  return { model, findings };
}

function modelProblem(sheet: SheetGrid, cell: string, block: string, problem: ModelProblem, value: string): FindingData {
  const row = /\d+$/.exec(cell)?.[0];
  return {
    code: "invalid-model",
    severity: "error",
    sheet: sheet.sheet,
    cell,
    params: { block, problem, value },
    ...(row !== undefined ? { row: Number(row) } : {}),
  };
}

// ---- zod row schemas: cells in, model parts out; each error message is a MODEL_PROBLEMS key ----

type RawCell = CellValue | undefined;

function blankToUndefined(value: unknown): unknown {
  return isBlank(value as RawCell) ? undefined : value;
}

function toText(value: unknown): unknown {
  const v = blankToUndefined(value);
  return v === undefined ? undefined : textOf(v as CellValue).trim();
}

const missingOr =
  (problem: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? "missing-value" : problem;

// Fields are built per use and every schema is wrapped in z.lazy: built on the first Model sheet
// read, not when the module loads (most workbooks have no Model sheet).
const buildNameField = () =>
  z.preprocess(toText, z.string({ error: "missing-name" }).min(1, { error: "missing-name" }));
const buildListField = () => z.preprocess((v) => splitList((v ?? null) as CellValue), z.array(z.string()));

const themeRowSchema = z.lazy(() =>
  z.object({
    name: buildNameField(),
    subthemes: buildListField(),
    aliases: buildListField(),
  }),
);

const partyRowSchema = z.lazy(() =>
  z.object({
    name: buildNameField(),
    kind: z.preprocess(
      (v) => {
        const text = toText(v);
        return typeof text === "string" ? (parsePartyKind(text) ?? text) : text;
      },
      z.enum(PARTY_KINDS, { error: missingOr("unknown-kind") }),
    ),
    aliases: buildListField(),
  }),
);

const statusRowSchema = z.lazy(() =>
  z.object({
    name: buildNameField(),
    meaning: z.preprocess((v) => toText(v) ?? "", z.string()),
    color: z.preprocess(
      (v) => {
        const text = toText(v);
        return typeof text === "string" ? (normaliseColor(text) ?? text) : text;
      },
      z.string({ error: "missing-value" }).regex(/^#[0-9A-F]{6}$/, { error: "invalid-color" }),
    ),
    // A blank "Toelichting verplicht" means no.
    needsExplanation: z.preprocess(
      (v) => {
        const raw = blankToUndefined(v);
        return raw === undefined ? false : (parseYesNo(raw as CellValue) ?? raw);
      },
      z.boolean({ error: "invalid-yes-no" }),
    ),
    synonyms: buildListField(),
  }),
);

const buildOperandField = () =>
  z.preprocess((v) => {
    const raw = blankToUndefined(v);
    return raw === undefined ? undefined : (parseOperand(raw as CellValue) ?? textOf(raw as CellValue));
  }, operandSchema);

const crossCheckRowSchema = z.lazy(() =>
  z.object({
    left: buildOperandField(),
    operator: z.preprocess(
      (v) => {
        const text = toText(v);
        return typeof text === "string" ? (parseOperator(text) ?? text) : text;
      },
      z.enum(CHECK_OPERATORS, { error: missingOr("invalid-operator") }),
    ),
    right: buildOperandField(),
    // A blank Tolerantie is an exact check.
    tolerance: z.preprocess(
      (v) => {
        const raw = blankToUndefined(v);
        return raw === undefined ? 0 : (readNumberCell(raw as CellValue) ?? textOf(raw as CellValue));
      },
      z
        .number({ error: "invalid-number" })
        .finite({ error: "invalid-number" })
        .nonnegative({ error: "invalid-number" }),
    ),
    label: z.preprocess(toText, z.string().optional()),
  }),
);

const SETTING_SCHEMAS: Readonly<Record<SettingKey, z.ZodType>> = {
  monitoringYear: z.lazy(() =>
    z.preprocess(
      (v) => readNumberCell(v as CellValue) ?? textOf(v as CellValue),
      z
        .number({ error: "invalid-year" })
        .int({ error: "invalid-year" })
        .min(1900, { error: "invalid-year" })
        .max(2200, { error: "invalid-year" }),
    ),
  ),
  municipality: z.lazy(() => z.preprocess(toText, z.string())),
  greenThreshold: z.lazy(buildThresholdSchema),
  orangeThreshold: z.lazy(buildThresholdSchema),
};

/**
 * A Drempel as a percentage 0–100: "90%", "90 %", 90, or a share 0.9 (a cell formatted as a
 * percentage holds 0.9 for 90 %: a threshold of 1 % or less is no threshold anyone means).
 */
function buildThresholdSchema(): z.ZodType {
  return z.preprocess(
    (v) => {
      const text = textOf(v as CellValue).trim();
      const percent = /%$/.test(text);
      const number = readNumberCell(percent ? text.replace(/\s*%$/, "") : (v as CellValue));
      if (number === undefined) return text;
      return !percent && number <= 1 ? number * 100 : number;
    },
    z
      .number({ error: "invalid-number" })
      .finite({ error: "invalid-number" })
      .min(0, { error: "invalid-number" })
      .max(100, { error: "invalid-number" }),
  );
}

/** Problem key of a zod issue: our own message, else the field's generic problem. */
function problemOf(message: string, fallback: ModelProblem): ModelProblem {
  return isModelProblem(message) ? message : fallback;
}

function isModelProblem(message: string): message is ModelProblem {
  return (MODEL_PROBLEMS as readonly string[]).includes(message);
}

/** Where a row's cells are, column by field key. */
interface RowCells {
  value(key: string): RawCell;
  address(key: string): string;
}

class BlockReader {
  private readonly columns: ReadonlyMap<string, number> | undefined;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly span: BlockSpan,
    private readonly report: BlockProblemReport,
  ) {
    this.columns = this.mapColumns();
  }

  readThemes(): ThemeDef[] | undefined {
    const names = new NameRegister();
    return this.readRows(
      (cells) => this.parseRow(cells, themeRowSchema, "missing-name"),
      (theme, cells) => {
        if (!names.claim(theme.name)) return this.reject(cells, "name", "duplicate-name", theme.name);
        return {
          ...theme,
          aliases: this.claimAll(names, theme.aliases, cells, "aliases"),
        };
      },
    );
  }

  readParties(): PartyDef[] | undefined {
    const names = new NameRegister();
    return this.readRows(
      (cells) => this.parseRow(cells, partyRowSchema, "unknown-kind"),
      (party, cells) => {
        if (!names.claim(party.name)) return this.reject(cells, "name", "duplicate-name", party.name);
        return {
          ...party,
          aliases: this.claimAll(names, party.aliases, cells, "aliases"),
        };
      },
    );
  }

  readStatuses(): StatusDef[] | undefined {
    const names = new NameRegister();
    return this.readRows(
      (cells) => this.parseRow(cells, statusRowSchema, "invalid-color"),
      (status, cells) => {
        if (!names.claim(status.name)) return this.reject(cells, "name", "duplicate-name", status.name);
        return {
          ...status,
          synonyms: this.claimAll(names, status.synonyms, cells, "synonyms"),
        };
      },
    );
  }

  readCrossChecks(): CrossCheckDef[] | undefined {
    return this.readRows(
      (cells) => this.parseRow(cells, crossCheckRowSchema, "invalid-reference"),
      (row, cells) => ({
        label: row.label ?? formatCheckLabel(row.left, row.operator, row.right),
        left: row.left,
        operator: row.operator,
        right: row.right,
        tolerance: row.tolerance,
        source: { sheet: this.sheet.sheet, cell: cells.address("left") },
      }),
      // No Controles at all is a valid choice: nothing to cross-check.
      true,
    );
  }

  readSettings(): ModelSettings | undefined {
    const seen = new Set<SettingKey>();
    const settings: { -readonly [K in keyof ModelSettings]: ModelSettings[K] } = {};
    const read = this.readRows(
      (cells) => {
        const name = cells.value("setting");
        if (isBlank(name ?? null)) return this.reject(cells, "setting", "missing-name", "Instelling");
        const key = matchSetting(name ?? null);
        if (key === undefined) return this.reject(cells, "setting", "unknown-setting", textOf(name ?? null).trim());
        if (seen.has(key)) return this.reject(cells, "setting", "duplicate-name", textOf(name ?? null).trim());
        const raw = cells.value("value");
        // A setting left blank is simply not set (the written template has both rows).
        if (isBlank(raw ?? null)) {
          seen.add(key);
          return { key, value: undefined };
        }
        const parsed = SETTING_SCHEMAS[key].safeParse(raw);
        if (!parsed.success) {
          const problem = problemOf(parsed.error.issues[0]?.message ?? "", "invalid-year");
          return this.reject(cells, "value", problem, textOf(raw ?? null).trim());
        }
        seen.add(key);
        return { key, value: parsed.data as number | string };
      },
      (entry) => entry,
      true,
    );
    if (read === undefined) return undefined;
    for (const { key, value } of read) {
      if (key === "monitoringYear" && typeof value === "number") settings.monitoringYear = value;
      if (key === "municipality" && typeof value === "string") settings.municipality = value;
      if (key === "greenThreshold" && typeof value === "number") settings.greenThreshold = value;
      if (key === "orangeThreshold" && typeof value === "number") settings.orangeThreshold = value;
    }
    return settings;
  }

  // ---- shared row machinery ----

  /**
   * Parses every data row; undefined keeps the base part: the header lacks a required column,
   * the block has no rows (unless `emptyIsValid`), or no row was usable.
   */
  private readRows<P, T>(
    parse: (cells: RowCells) => P | undefined,
    accept: (parsed: P, cells: RowCells) => T | undefined,
    emptyIsValid = false,
  ): T[] | undefined {
    if (this.columns === undefined) {
      this.reportTitle("unusable-block");
      return undefined;
    }
    if (this.span.dataRows.length === 0) {
      if (emptyIsValid) return [];
      this.reportTitle("empty-block");
      return undefined;
    }
    const out: T[] = [];
    for (const row of this.span.dataRows) {
      const cells = this.cellsOf(row);
      const parsed = parse(cells);
      if (parsed === undefined) continue;
      const accepted = accept(parsed, cells);
      if (accepted !== undefined) out.push(accepted);
    }
    if (out.length === 0) {
      this.reportTitle("unusable-block");
      return undefined;
    }
    return out;
  }

  private parseRow<S extends z.ZodType>(cells: RowCells, schema: S, fallback: ModelProblem): z.output<S> | undefined {
    const raw: Record<string, RawCell> = {};
    for (const column of this.spec()) raw[column.key] = cells.value(column.key);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (reported.has(key)) continue;
      reported.add(key);
      const problem = problemOf(issue.message, isBlank(cells.value(key) ?? null) ? "missing-value" : fallback);
      const column = this.spec().find((c) => c.key === key);
      const value =
        problem === "missing-value" || problem === "missing-name"
          ? (column?.header ?? key)
          : textOf(cells.value(key) ?? null).trim();
      this.report(cells.address(key), this.span.block, problem, value);
    }
    return undefined;
  }

  /** Reports a problem on one of the row's cells and skips the row. */
  private reject(cells: RowCells, key: string, problem: ModelProblem, value: string): undefined {
    this.report(cells.address(key), this.span.block, problem, value);
    return undefined;
  }

  /** Keeps the aliases/synonyms not already used by another entry (reported, then dropped). */
  private claimAll(names: NameRegister, items: readonly string[], cells: RowCells, key: string): string[] {
    const kept: string[] = [];
    for (const item of items) {
      if (names.claim(item)) kept.push(item);
      else this.report(cells.address(key), this.span.block, "duplicate-name", item);
    }
    return kept;
  }

  private reportTitle(problem: ModelProblem): void {
    this.report(addressOf(this.sheet, this.span.titleRow, 0), this.span.block, problem, this.span.block);
  }

  private spec(): readonly BlockColumn[] {
    return BLOCK_COLUMNS[this.span.block];
  }

  private mapColumns(): ReadonlyMap<string, number> | undefined {
    const map = new Map<string, number>();
    const headerRow = this.span.headerRow;
    if (headerRow !== undefined) {
      const cells = this.sheet.values[headerRow] ?? [];
      cells.forEach((value, col) => {
        const column = this.spec().find((c) => !map.has(c.key) && matchesColumn(value, c));
        if (column) map.set(column.key, col);
      });
    }
    const missing = this.spec().filter((c) => c.required && !map.has(c.key));
    if (missing.length === 0) return map;
    // Without a header row there is no header cell: point at the block's title.
    const at = addressOf(this.sheet, headerRow ?? this.span.titleRow, 0);
    for (const column of missing) this.report(at, this.span.block, "missing-column", column.header);
    return undefined;
  }

  private cellsOf(row: number): RowCells {
    const columns = this.columns ?? new Map<string, number>();
    const sheet = this.sheet;
    return {
      value: (key) => {
        const col = columns.get(key);
        return col === undefined ? undefined : cellAt(sheet, row, col);
      },
      // An unmapped optional column has no cell: point at the row's first cell.
      address: (key) => addressOf(sheet, row, columns.get(key) ?? 0),
    };
  }
}

/** Names, aliases and synonyms of one block share one namespace (case/space-insensitive). */
class NameRegister {
  private readonly taken = new Set<string>();

  /** True when the name was free (and is now taken). */
  claim(name: string): boolean {
    const key = name.toLowerCase().replace(/\s+/g, " ").trim();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}
