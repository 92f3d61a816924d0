import type { AgreementRow, CellValue, CheckResult, Finding, FormatPlan, Lang, NumericTable } from "../domain";
import type { EngineOutput } from "../excel/run-engine";

/**
 * Messages between the pane and the engine's Web Worker. Big arrays go in slices: a message is
 * cloned in one task, and 20k rows in one message made a long task of their own.
 */

/** Grid rows per message to the worker (plain values: cheap to clone). */
export const ROW_SLICE = 1_000;
/** Agreements, tables or findings per message back (objects holding rows: dearer to clone). */
export const RESULT_SLICE = 250;

export type EngineRequest =
  | { readonly kind: "sheet"; readonly sheet: string; readonly origin: string; readonly merges?: readonly string[] }
  /** The next rows of the last sheet, with their number formats when the grid has them. */
  | { readonly kind: "rows"; readonly rows: CellValue[][]; readonly formats?: readonly (readonly string[])[] }
  /** `formats`: plan the formats too (EngineWanted in src/excel/run-engine.ts). */
  | { readonly kind: "check"; readonly id: number; readonly lang: Lang; readonly formats: boolean };

/** The result's big arrays, sliced; "done" carries the rest of the result and the format plan when asked for. */
export type ResultPart =
  | { readonly kind: "agreements"; readonly items: AgreementRow[] }
  | { readonly kind: "tables"; readonly items: NumericTable[] }
  | { readonly kind: "findings"; readonly items: Finding[] }
  | { readonly kind: "done"; readonly rest: Omit<CheckResult, "agreements" | "tables" | "findings">; readonly formats?: FormatPlan };

export type EngineReply = (ResultPart & { readonly id: number }) | { readonly kind: "failed"; readonly id: number; readonly message: string };

/** A result as messages: slices of its agreements, tables and findings, then the rest (with the format plan). */
export function splitResult({ result, formats }: EngineOutput): ResultPart[] {
  const { agreements, tables, findings, ...rest } = result;
  return [
    ...slices(agreements).map((items) => ({ kind: "agreements" as const, items })),
    ...slices(tables).map((items) => ({ kind: "tables" as const, items })),
    ...slices(findings).map((items) => ({ kind: "findings" as const, items })),
    formats !== undefined ? { kind: "done", rest, formats } : { kind: "done", rest },
  ];
}

/** Gathers the parts of one result again (in order, as a worker sends them). */
export function createResultCollector(): { add(part: ResultPart): EngineOutput | undefined } {
  const agreements: AgreementRow[] = [];
  const tables: NumericTable[] = [];
  const findings: Finding[] = [];
  return {
    add(part) {
      switch (part.kind) {
        case "agreements":
          for (const item of part.items) agreements.push(item);
          return undefined;
        case "tables":
          for (const item of part.items) tables.push(item);
          return undefined;
        case "findings":
          for (const item of part.items) findings.push(item);
          return undefined;
        case "done": {
          const result: CheckResult = { ...part.rest, agreements, tables, findings };
          return part.formats !== undefined ? { result, formats: part.formats } : { result };
        }
      }
    },
  };
}

function slices<T>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += RESULT_SLICE) parts.push(items.slice(start, start + RESULT_SLICE));
  return parts;
}
