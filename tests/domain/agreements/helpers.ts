import type { AgreementRow } from "../../../src/domain/agreements/agreement";
import { checkAgreementRows } from "../../../src/domain/agreements/rules/check-agreement-rows";
import { createModelIndex } from "../../../src/domain/model/model-index";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { FindingCode, FindingData } from "../../../src/domain/findings/finding";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";
import type { Model } from "../../../src/domain/model/model";
import { readAgreements } from "../../../src/domain/agreements/read-agreements";
import type { NumericTable } from "../../../src/domain/tables/table";
import { gridFromRows } from "../../helpers/grid-from-a1";

export const HEADER: readonly CellValue[] = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2021"];

/** A sheet with the seed's header in row 1 and the given rows below it. */
export function sheetWith(rows: readonly (readonly CellValue[])[], options: { sheet?: string; header?: readonly CellValue[] } = {}): SheetGrid {
  return gridFromRows([options.header ?? HEADER, ...rows], options.sheet !== undefined ? { sheet: options.sheet } : {});
}

/** Reads the sheets and runs the row rules, as the orchestrator does. */
export function readAndCheck(
  sheets: readonly SheetGrid[],
  options: { model?: Model; year?: number; tables?: readonly NumericTable[] } = {},
): { rows: readonly AgreementRow[]; findings: FindingData[]; statusYears: readonly number[] } {
  const model = options.model ?? DEFAULT_MODEL;
  const read = readAgreements(sheets, model, options.tables ?? [], { year: options.year });
  const year = model.settings.monitoringYear ?? options.year ?? (read.statusYears.length > 0 ? Math.max(...read.statusYears) : undefined);
  return {
    rows: read.agreements,
    findings: [...read.findings, ...checkAgreementRows(read.agreements, createModelIndex(model), year, read.statusYears, read.columns)],
    statusYears: read.statusYears,
  };
}

export function withCode(findings: readonly FindingData[], code: FindingCode): FindingData[] {
  return findings.filter((f) => f.code === code);
}

/** A model like the default but with a monitoring year. */
export function modelWithYear(year: number): Model {
  return { ...DEFAULT_MODEL, settings: { ...DEFAULT_MODEL.settings, monitoringYear: year } };
}

/** One row under the seed's header (theme, subtheme, agreement, parties, activities 2021), read and checked. */
export function checkRow(theme: string | null, subtheme: string | null, agreement: string | null, parties: string | null, activities: string | null = "x"): FindingData[] {
  return readAndCheck([sheetWith([[theme, subtheme, agreement, parties, activities]])]).findings;
}
