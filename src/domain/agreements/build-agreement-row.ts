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
  // One shape whether recognised or not (undefined: JSON leaves it out), as for rows below.
  return { year, raw, cell, status: raw === "" ? undefined : normaliseStatus(raw, statuses) };
}

export type RowCells = { [K in AgreementField]?: string | undefined };

/**
 * The row's cell addresses in the order exports show them; a field without a cell holds undefined
 * (JSON leaves it out). One literal: every row gets the same hidden class and its fields in the
 * object itself, where adding them one by one grew a property store per row.
 */
export function createRowCells(
  theme: string | undefined,
  subtheme: string | undefined,
  agreement: string | undefined,
  parties: string | undefined,
  activities: string | undefined,
  status: string | undefined,
  explanation: string | undefined,
): RowCells {
  return { theme, subtheme, agreement, parties, activities, status, explanation };
}

/** A row's Doel and Realisatie numbers, when its header has such columns. */
export interface RowFigures {
  readonly targets: readonly YearFigure[];
  readonly realisations: readonly YearFigure[];
}

/**
 * An agreement row from its trimmed cell texts: theme and subtheme as names (readName), the
 * other texts as typed; blank texts are undefined (JSON leaves them out). The key order is the one
 * exports have always shown. One literal, for the reason given at createRowCells: rows are the
 * largest part of a check's live data.
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
  number?: string,
): AgreementRow {
  return {
    sheet,
    row,
    number,
    theme: readName(themeText),
    subtheme: readName(subthemeText),
    agreement: agreement === "" ? undefined : agreement,
    partiesText: partiesText === "" ? undefined : partiesText,
    parties: readPartyNames(partiesText, model),
    activities,
    statuses,
    explanations,
    targets: figures?.targets,
    realisations: figures?.realisations,
    cells,
  };
}
