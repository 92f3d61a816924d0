import type { AgreementField, AgreementRow, YearFigure, YearStatus, YearText } from "./agreement";
import type { Model, StatusDef } from "../model/model";
import { normaliseStatus } from "./normalise-status";
import { stripMarkup } from "../core/normalise-text";
import { parseParties } from "./parse-parties";

/** A theme or subtheme text as stored: a name, without pasted markup; undefined when blank. */
export function readName(text: string): string | undefined {
  const name = text === "" ? "" : stripMarkup(text);
  return name === "" ? undefined : name;
}

/** No parties: one array shared by every row without a parties text. */
const NO_PARTIES: readonly string[] = Object.freeze([]);

/** Canonical names of the model parties in a parties text (readings are memoised per distinct text). */
export function readPartyNames(partiesText: string, model: Model): readonly string[] {
  return partiesText === "" ? NO_PARTIES : parseParties(partiesText, model.parties).parties;
}

/** A status cell's entry: the text as typed, and the model status it stands for when there is one. */
export function createYearStatus(year: number, raw: string, cell: string, statuses: readonly StatusDef[]): YearStatus {
  const status = raw === "" ? undefined : normaliseStatus(raw, statuses);
  return status !== undefined ? { year, raw, cell, status } : { year, raw, cell };
}

export type RowCells = Partial<Record<AgreementField, string>>;

/** The row's cell addresses, only those it has (exactOptionalPropertyTypes), in the order exports show them. */
export function createRowCells(
  theme: string | undefined,
  subtheme: string | undefined,
  agreement: string | undefined,
  parties: string | undefined,
  activities: string | undefined,
  status: string | undefined,
  explanation: string | undefined,
): RowCells {
  const cells: RowCells = {};
  if (theme !== undefined) cells.theme = theme;
  if (subtheme !== undefined) cells.subtheme = subtheme;
  if (agreement !== undefined) cells.agreement = agreement;
  if (parties !== undefined) cells.parties = parties;
  if (activities !== undefined) cells.activities = activities;
  if (status !== undefined) cells.status = status;
  if (explanation !== undefined) cells.explanation = explanation;
  return cells;
}

/** A row's Doel and Realisatie numbers, when its header has such columns. */
export interface RowFigures {
  readonly targets: readonly YearFigure[];
  readonly realisations: readonly YearFigure[];
}

/** AgreementRow while it is built: optional fields are set only when present (exactOptionalPropertyTypes). */
type MutableAgreementRow = { -readonly [K in keyof AgreementRow]: AgreementRow[K] };

/**
 * An agreement row from its trimmed cell texts: theme and subtheme as names (readName), the
 * other texts as typed; blank texts are left out. The key order is the one exports have always shown.
 */
export function createAgreementRow(
  sheet: string,
  row: number,
  themeText: string,
  subthemeText: string,
  agreement: string,
  partiesText: string,
  activities: readonly YearText[],
  statuses: readonly YearStatus[],
  explanations: readonly YearText[],
  cells: RowCells,
  model: Model,
  figures?: RowFigures,
): AgreementRow {
  const theme = readName(themeText);
  const subtheme = readName(subthemeText);
  const built = { sheet, row } as MutableAgreementRow;
  if (theme !== undefined) built.theme = theme;
  if (subtheme !== undefined) built.subtheme = subtheme;
  if (agreement !== "") built.agreement = agreement;
  if (partiesText !== "") built.partiesText = partiesText;
  built.parties = readPartyNames(partiesText, model);
  built.activities = activities;
  built.statuses = statuses;
  built.explanations = explanations;
  if (figures !== undefined) {
    built.targets = figures.targets;
    built.realisations = figures.realisations;
  }
  built.cells = cells;
  return built;
}
