import { findByYear, UNKNOWN_YEAR, type AgreementRow, type YearStatus } from "../agreements/agreement";
import { implyStatus } from "../agreements/imply-status";
import type { CheckResult } from "../check-workbook";
import { parseA1 } from "../core/grid";
import { translate } from "../findings/catalogue";
import type { Finding, Lang } from "../findings/finding";
import type { Catalogue } from "../findings/locales/catalogue-shape";
import { DEFAULT_GREEN_THRESHOLD, DEFAULT_ORANGE_THRESHOLD } from "../model/stoplight-thresholds";

/**
 * "Why is this red" (issue 20): what drives the stoplight of the agreement on a selected cell —
 * the status as written and as read, the Toelichting, the figures behind it (Doel, Realisatie and
 * the share, with the status the thresholds point at), a proposal where the status is blank, and
 * the findings on the row.
 */

export interface StoplightFigures {
  readonly target: number;
  readonly realised: number;
  /** "%" when the figures are percentages, else "". */
  readonly unit: string;
  /** Realised as a share of the target, percent, rounded. */
  readonly share: number;
  /** The status the figures point at under the model's thresholds. */
  readonly implied: string;
  readonly greenThreshold: number;
  readonly orangeThreshold: number;
}

export interface StoplightExplanation {
  readonly sheet: string;
  readonly row: number;
  readonly theme?: string;
  readonly agreement?: string;
  /** The parties cell as typed. */
  readonly parties?: string;
  /** The year of the status explained (the selected status cell's, else the monitoring year); null when unknown. */
  readonly year: number | null;
  /** The status cell of that year; absent when the row has no status column for it. */
  readonly status?: {
    readonly cell: string;
    /** The cell text as typed ("" when blank). */
    readonly raw: string;
    /** The model status it reads as; absent when blank or not a status. */
    readonly name?: string;
    readonly meaning?: string;
    /** Hex colour of the model status. */
    readonly color?: string;
  };
  /** The Toelichting of that year; absent without a column, text "" when blank. */
  readonly explanation?: { readonly cell: string; readonly text: string };
  /** Doel and Realisatie of that year, when both are numbers in the same unit. */
  readonly figures?: StoplightFigures;
  /** The status the figures propose when the status cell is blank. */
  readonly proposal?: { readonly status: string; readonly share: number };
  /** The findings on the row (not table findings). */
  readonly findings: readonly Finding[];
}

/** The agreement on `cell` of `sheet` (any cell of its row; a range's first cell), or undefined when no agreement is there. */
export function explainStoplight(result: CheckResult, sheet: string, cell: string): StoplightExplanation | undefined {
  const first = (cell.split(":")[0] ?? "").replace(/\$/g, "");
  const position = parseA1(first);
  if (position === undefined) return undefined;
  const sheetRow = position.row + 1;
  const row = result.agreements.find((r) => r.sheet === sheet && r.row === sheetRow);
  if (row === undefined) return undefined;
  const selectedStatus = row.statuses.find((s) => s.cell === first);
  const selectedText = row.explanations.find((e) => e.cell === first);
  const columnYear = selectedStatus?.year ?? selectedText?.year ?? chooseColumnYear(row, result.year);
  const year = columnYear === UNKNOWN_YEAR ? result.year : columnYear;
  const described: { -readonly [K in keyof StoplightExplanation]: StoplightExplanation[K] } = {
    sheet,
    row: sheetRow,
    year: year ?? null,
    findings: result.findings.filter((f) => f.sheet === sheet && f.row === sheetRow && f.table === undefined),
  };
  if (row.theme !== undefined) described.theme = row.theme;
  if (row.agreement !== undefined) described.agreement = row.agreement;
  if (row.partiesText !== undefined) described.parties = row.partiesText;
  const status = findByYear(row.statuses, columnYear);
  if (status !== undefined) described.status = describeStatus(status, result);
  const explanation = findByYear(row.explanations, columnYear);
  if (explanation !== undefined) described.explanation = { cell: explanation.cell, text: explanation.text };
  const settings = result.model.settings;
  const implied = implyStatus(row, columnYear, settings) ?? (year !== undefined && columnYear === UNKNOWN_YEAR ? implyStatus(row, year, settings) : undefined);
  if (implied !== undefined) {
    const green = settings.greenThreshold ?? DEFAULT_GREEN_THRESHOLD;
    described.figures = {
      target: implied.target.value,
      realised: implied.realised.value,
      unit: implied.target.percent ? "%" : "",
      share: Math.round(implied.share),
      implied: implied.status,
      greenThreshold: green,
      orangeThreshold: Math.min(settings.orangeThreshold ?? DEFAULT_ORANGE_THRESHOLD, green),
    };
    if (status !== undefined && status.raw.trim() === "") described.proposal = { status: implied.status, share: Math.round(implied.share) };
  }
  return described;
}

/** The column year the row's stoplight is read from: the monitoring year's, else a yearless column's, else the latest. */
function chooseColumnYear(row: AgreementRow, year: number | undefined): number {
  if (year !== undefined && findByYear(row.statuses, year) !== undefined) return year;
  if (findByYear(row.statuses, UNKNOWN_YEAR) !== undefined) return UNKNOWN_YEAR;
  return row.statuses[row.statuses.length - 1]?.year ?? year ?? UNKNOWN_YEAR;
}

function describeStatus(entry: YearStatus, result: CheckResult): NonNullable<StoplightExplanation["status"]> {
  const def = entry.status === undefined ? undefined : result.model.statuses.find((s) => s.name === entry.status);
  return {
    cell: entry.cell,
    raw: entry.raw,
    ...(entry.status !== undefined ? { name: entry.status } : {}),
    ...(def !== undefined ? { meaning: def.meaning, color: def.color } : {}),
  };
}

/** The explanation in plain words, one sentence a line, numbers the reader's way. */
export interface StoplightWords {
  readonly heading: string;
  readonly lines: readonly string[];
  /** "Voorgesteld: groen (95 % van het doel)", when there is a proposal. */
  readonly proposal?: string;
  /** "Bevindingen op deze rij: 2" or "Geen bevindingen op deze rij." */
  readonly findingsLine: string;
}

/** Words for an explanation in `lang`. */
export function describeStoplight(explanation: StoplightExplanation, lang: Lang): StoplightWords {
  const say = (key: keyof Catalogue["insight"], values: Readonly<Record<string, string | number>> = {}): string =>
    translate("insight", key, lang, values);
  const year = explanation.year ?? "\u2013";
  const lines: string[] = [];
  if (explanation.agreement !== undefined) lines.push(say("agreementLine", { agreement: explanation.agreement }));
  if (explanation.parties !== undefined) lines.push(say("partiesLine", { parties: explanation.parties }));
  const status = explanation.status;
  // `year` is null, never undefined, when the workbook has no monitoring year (StoplightExplanation).
  if (status === undefined) lines.push(explanation.year === null ? say("statusNoYear") : say("statusNoColumn", { year }));
  else if (status.raw.trim() === "") lines.push(say("statusBlank", { year }));
  else if (status.name === undefined) lines.push(say("statusUnknown", { year, raw: status.raw.trim() }));
  else if (status.raw.trim() === status.name) lines.push(say("statusLine", { year, status: status.name, meaning: status.meaning ?? "" }));
  else lines.push(say("statusReadAs", { year, raw: status.raw.trim(), status: status.name, meaning: status.meaning ?? "" }));
  const text = explanation.explanation?.text.trim();
  lines.push(text === undefined || text === "" ? say("explanationNone") : say("explanationLine", { text }));
  const figures = explanation.figures;
  if (figures !== undefined) {
    lines.push(say("figuresLine", { year, target: figures.target, realised: figures.realised, unit: figures.unit, share: figures.share }));
    lines.push(say("thresholdsLine", { implied: figures.implied, green: figures.greenThreshold, orange: figures.orangeThreshold }));
  }
  const count = explanation.findings.length;
  return {
    heading: say("heading"),
    lines,
    ...(explanation.proposal !== undefined ? { proposal: say("proposal", { status: explanation.proposal.status, share: explanation.proposal.share }) } : {}),
    findingsLine: count === 0 ? say("findingsNone") : say("findingsLine", { count }),
  };
}
