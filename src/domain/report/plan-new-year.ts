import { UNKNOWN_YEAR, type AgreementColumns } from "../agreements/agreement";
import type { CheckResult } from "../check-workbook";
import { isToolSheet } from "../model/sheet-names";
import { toColumnIndex, toColumnLetters } from "../core/grid";
import { translate } from "../findings/catalogue";
import { readableTextColor } from "../findings/summary-labels";
import type { StoplightColumnPlan } from "./plan-formats";

/**
 * "Nieuw monitoringjaar": where the Status and Toelichting columns of a new monitoring year go on
 * each agreements sheet, planned once here so that the add-in and the command line insert the
 * same columns. Both columns are inserted right after last year's rightmost status, Toelichting
 * or activities column (all columns to the right shift by two), headed on every header row of the
 * sheet, the status column with the model's dropdown and stoplight colours.
 */

export interface NewYearSheetPlan {
  readonly sheet: string;
  /** The year whose columns the new ones follow (undefined: the sheet had no per-year column). */
  readonly previousYear: number | undefined;
  /** Letter of the column the two new columns are inserted before (Excel's "insert shift right" at this column). */
  readonly insertAt: string;
  /** Letters of the new columns once inserted. */
  readonly statusColumn: string;
  readonly explanationColumn: string;
  /** Letters of last year's status and Toelichting columns (after the insertion: they lie left of it), to copy widths and formats from. */
  readonly copyStatusFrom: string | undefined;
  readonly copyExplanationFrom: string | undefined;
  /** The header cells to write ("Status 2026", "Toelichting 2026"), one pair per header row of the sheet. */
  readonly headers: readonly { readonly cell: string; readonly text: string }[];
  /** Dropdown and stoplight colours of the new status column, over the data rows of every header. */
  readonly stoplights: readonly StoplightColumnPlan[];
}

export interface NewYearPlan {
  readonly year: number;
  /** One plan per agreements sheet that lacks the year's status column. */
  readonly sheets: readonly NewYearSheetPlan[];
  /** Sheets that already have a status column for the year (nothing to insert). */
  readonly alreadyPresent: readonly string[];
}

/**
 * Plans the columns of monitoring year `year` on every agreements sheet of a check. A sheet that
 * already has a status column for the year (or a yearless one) is left alone.
 */
export function planNewYear(result: CheckResult, year: number): NewYearPlan {
  const bySheet = new Map<string, AgreementColumns[]>();
  for (const columns of result.columns) {
    if (isToolSheet(columns.sheet)) continue;
    const headers = bySheet.get(columns.sheet);
    if (headers === undefined) bySheet.set(columns.sheet, [columns]);
    else headers.push(columns);
  }
  const sheets: NewYearSheetPlan[] = [];
  const alreadyPresent: string[] = [];
  for (const [sheet, headers] of bySheet) {
    if (headers.some((c) => Object.hasOwn(c.status, year) || Object.hasOwn(c.status, UNKNOWN_YEAR))) {
      alreadyPresent.push(sheet);
      continue;
    }
    sheets.push(planSheet(result, sheet, headers, year));
  }
  return { year, sheets, alreadyPresent };
}

function planSheet(result: CheckResult, sheet: string, headers: readonly AgreementColumns[], year: number): NewYearSheetPlan {
  const first = headers[0] as AgreementColumns;
  const previousYear = latestYearBefore(first, year);
  const previousStatus = previousYear === undefined ? undefined : first.status[previousYear];
  const previousExplanation = previousYear === undefined ? undefined : first.explanation[previousYear];
  // After last year's rightmost per-year column; without one, after the header's rightmost field.
  const lastYearColumns = previousYear === undefined ? [] : [previousStatus, previousExplanation, first.activities[previousYear]];
  const candidates = (lastYearColumns.some((c) => c !== undefined) ? lastYearColumns : allColumns(first)).filter(
    (c): c is string => c !== undefined,
  );
  const insertIndex = Math.max(...candidates.map(toColumnIndex)) + 1;
  const statusColumn = toColumnLetters(insertIndex);
  const explanationColumn = toColumnLetters(insertIndex + 1);
  // Dutch always: these are column headers the reader of the workbook matches, whatever the
  // language of the messages.
  const statusText = `${translate("labels", "status", "nl")} ${year}`;
  const explanationText = `${translate("labels", "explanation", "nl")} ${year}`;
  const rules = result.model.statuses.map((s) => ({ status: s.name, fill: s.color.toUpperCase(), font: readableTextColor(s.color) }));
  const list = result.model.statuses.map((s) => s.name);
  return {
    sheet,
    previousYear,
    insertAt: statusColumn,
    statusColumn,
    explanationColumn,
    copyStatusFrom: previousStatus,
    copyExplanationFrom: previousExplanation,
    headers: headers.flatMap((h) => [
      { cell: `${statusColumn}${h.headerRow}`, text: statusText },
      { cell: `${explanationColumn}${h.headerRow}`, text: explanationText },
    ]),
    stoplights: headers
      .filter((h) => h.lastRow >= h.firstRow)
      .map((h) => ({ sheet, year, range: `${statusColumn}${h.firstRow}:${statusColumn}${h.lastRow}`, rules, list })),
  };
}

/** The header's latest year with a status, Toelichting or activities column, before `year`. */
function latestYearBefore(columns: AgreementColumns, year: number): number | undefined {
  const years = [columns.status, columns.explanation, columns.activities]
    .flatMap((byYear) => Object.keys(byYear).map(Number))
    .filter((y) => y !== UNKNOWN_YEAR && y < year);
  return years.length === 0 ? undefined : Math.max(...years);
}

function allColumns(columns: AgreementColumns): (string | undefined)[] {
  return [
    columns.theme,
    columns.subtheme,
    columns.agreement,
    columns.parties,
    ...Object.values(columns.activities),
    ...Object.values(columns.status),
    ...Object.values(columns.explanation),
  ];
}
