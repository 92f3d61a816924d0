import { SEVERITIES, type Lang } from "../findings/finding";
import { formatA1 } from "../core/grid";
import { formatSeverity } from "../findings/messages";
import { translate } from "../findings/catalogue";
import { MONITORING_SHEET_NAME } from "../model/sheet-names";
import type { FindingCount, MonitoringSummary, StatusCounts } from "./summary";
import {
  formatLabel,
  formatDate,
  formatModelSource,
  formatSeverityCounts,
  formatPartyName,
  formatStatusName,
  formatThemeName,
  formatYear,
  readableTextColor,
} from "../findings/summary-labels";

/**
 * The Monitoring sheet's layout, planned once: the add-in (Office.js) and the CLI copy (exceljs)
 * only render this plan, so the two cannot drift apart.
 */

export interface PlannedCell {
  /** One-based sheet row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
  /** label: a title-block caption; header: a table column header. */
  readonly style?: "title" | "label" | "heading" | "header" | "note";
  /** "#RRGGBB" fill (status cells; the word stays in the cell). */
  readonly fill?: string;
  /** "#RRGGBB" text colour that reads on `fill`. */
  readonly font?: string;
  /** Link target inside the workbook, `'Sheet name'!A1` (Excel quoting). */
  readonly link?: string;
  /** Wrap text and align to the top (agenda rows hold long texts). */
  readonly wrap?: boolean;
}

export interface PlannedTable {
  /** Workbook-unique Excel table name. */
  readonly name: string;
  /** A1 range including the header row. */
  readonly range: string;
  readonly headers: readonly string[];
  /** Data rows (display values; links and fills are on the matching cells). */
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface PlannedChart {
  /** Theme x status counts (header row included; without the Totaal column). */
  readonly source: string;
  readonly title: string;
  /** Top-left and bottom-right cells the chart covers. */
  readonly topLeft: string;
  readonly bottomRight: string;
  /** One colour per series (status), in column order. */
  readonly seriesColors: readonly string[];
}

export interface MonitoringSheetPlan {
  readonly cells: readonly PlannedCell[];
  readonly tables: readonly PlannedTable[];
  /** Rows frozen at the top (the title block). */
  readonly freezeRows: number;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Print landscape, fitted to one page wide. */
  readonly landscape: boolean;
  /** Heights (points) of rows whose wrapped text needs more than one line; hosts do not always autofit. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly chart?: PlannedChart;
  /** Printed at the top of every page (the sheet's title and the municipality). */
  readonly printTitle: string;
  /** Word before the page numbers in the printed footer ("Pagina"). */
  readonly pageLabel: string;
}

/** Table names the tool gives its Monitoring tables (prefixed so a user's own tables never clash). */
export const MONITORING_TABLE_PREFIX = "PM_Monitoring_";

const TITLE_ROWS = 5;
// B+C hold the title block's longest value (the findings line); C and D the agenda's theme and subtheme words.
const COLUMN_WIDTHS: readonly number[] = [50, 14, 22, 20, 16, 14, 46];
const LINE_HEIGHT = 15;
/** Rows the chart covers, under the title block in columns A..D: on screen first, and within the printed page width. */
const CHART_ROWS = 18;
const CHART_LAST_COLUMN = 3;

export interface MonitoringPlanOptions {
  /** False for a copy outside the checked workbook (the summary workbook): no "replaced next time" note. */
  readonly ownSheet?: boolean;
  /** False where no host draws the chart (the summary workbook): no rows are kept free for it. */
  readonly chart?: boolean;
  /**
   * Planned for the board (the summary workbook): the date written out, the findings told as points
   * for the coordinator per kind, no severity words (what to do is on the findings sheet, per point).
   */
  readonly board?: boolean;
}

/** Plans the Monitoring sheet's cells, tables, links and chart for a summary. */
export function planMonitoringSheet(
  summary: MonitoringSummary,
  lang: Lang,
  options: MonitoringPlanOptions = {},
): MonitoringSheetPlan {
  const cells: PlannedCell[] = [];
  const tables: PlannedTable[] = [];
  const put = (row: number, col: number, value: string | number, extra: Omit<PlannedCell, "row" | "col" | "value"> = {}): void => {
    cells.push({ row, col, value, ...extra });
  };

  const title = `${formatLabel("title", lang)} ${summary.year ?? ""}`.trim();
  put(1, 1, title, { style: "title" });
  put(2, 1, formatLabel("municipality", lang), { style: "label" });
  put(2, 2, summary.municipality);
  put(2, 4, formatLabel("year", lang), { style: "label" });
  put(2, 5, summary.year ?? formatYear(summary, lang));
  put(3, 1, formatLabel("generatedAt", lang), { style: "label" });
  put(3, 2, options.board ? formatDate(summary.generatedAt, lang) : summary.generatedAt);
  put(3, 4, formatLabel("model", lang), { style: "label" });
  put(3, 5, formatModelSource(summary, lang));
  if (options.board) {
    put(4, 1, formatLabel("attentionPoints", lang), { style: "label" });
    put(4, 2, formatCoordinatorPoints(summary, lang));
  } else {
    put(4, 1, formatLabel("findingsLine", lang), { style: "label" });
    put(4, 2, formatSeverityCounts(summary.findings.summary, lang));
  }
  put(4, 4, formatLabel("agreements", lang), { style: "label" });
  put(4, 5, summary.agreementCount);
  if (options.ownSheet ?? true) put(5, 1, formatLabel("ownSheetNote", lang), { style: "note" });

  let row = TITLE_ROWS + 2;
  const chartTop = row;
  const withChart = (options.chart ?? true) && summary.byTheme.length > 0;
  if (withChart) row += CHART_ROWS + 1;
  const statusHeaders = summary.statuses.map((s) => formatStatusName(s.name, lang));
  const countTable = (
    heading: string,
    name: string,
    first: string,
    data: readonly StatusCounts[],
    display: (n: string) => string,
  ): { table: PlannedTable; headerRow: number } => {
    put(row, 1, heading, { style: "heading" });
    row += 1;
    const headerRow = row;
    const headers = [first, ...statusHeaders, formatLabel("total", lang)];
    headers.forEach((h, i) => {
      const status = i >= 1 && i <= summary.statuses.length ? summary.statuses[i - 1] : undefined;
      put(row, i + 1, h, status ? { style: "header", fill: status.color, font: readableTextColor(status.color) } : { style: "header" });
    });
    const rows = data.map((d) => [display(d.name), ...summary.statuses.map((s) => d.counts[s.name] ?? 0), d.total]);
    const table = addTable(name, row, headers, rows, (r, c, v) => put(r, c, v));
    row += rows.length + 2;
    return { table, headerRow };
  };

  const themes = countTable(
    formatLabel("byTheme", lang),
    `${MONITORING_TABLE_PREFIX}Thema`,
    formatLabel("theme", lang),
    summary.byTheme,
    (n) => formatThemeName(n, lang),
  );
  tables.push(themes.table);
  tables.push(
    countTable(
      formatLabel("byParty", lang),
      `${MONITORING_TABLE_PREFIX}Partij`,
      formatLabel("party", lang),
      summary.byParty,
      (n) => formatPartyName(n, lang),
    ).table,
  );

  put(row, 1, summary.year === null ? formatLabel("agenda", lang) : `${formatLabel("agenda", lang)} ${summary.year}`, {
    style: "heading",
  });
  row += 1;
  if (summary.agenda.length === 0) {
    put(row, 1, formatLabel("agendaEmpty", lang), { style: "note" });
    row += 2;
  } else {
    // Long texts go in A (agreement) and G (explanation): B..F are the narrow count columns above.
    const headers = (["agreement", "status", "theme", "subtheme", "parties", "source", "explanation"] as const).map((k) =>
      formatLabel(k, lang),
    );
    headers.forEach((h, i) => put(row, i + 1, h, { style: "header" }));
    const rows = summary.agenda.map((item) => [
      item.agreement,
      item.status,
      formatThemeName(item.meantTheme ?? item.theme, lang),
      item.subtheme,
      item.parties,
      item.reference,
      item.explanation === "" ? formatLabel("noExplanation", lang) : item.explanation,
    ]);
    const colors = new Map(summary.statuses.map((s) => [s.name, s.color]));
    tables.push(
      addTable(`${MONITORING_TABLE_PREFIX}Agenda`, row, headers, rows, (r, c, v) => {
        const item = summary.agenda[r - row - 1];
        if (c === 2 && item) {
          const fill = colors.get(item.status) ?? "#FFFFFF";
          put(r, c, v, { fill, font: readableTextColor(fill), wrap: true });
        } else if (c === 6 && item) put(r, c, v, { link: item.reference, wrap: true });
        else put(r, c, v, { wrap: true });
      }),
    );
    row += rows.length + 2;
  }

  put(row, 1, formatLabel("withoutStatus", lang), { style: "label" });
  put(row, 2, summary.withoutStatus.length);
  row += 2;

  if (summary.findings.counts.length > 0 && options.board) {
    put(row, 1, formatLabel("findings", lang), { style: "heading" });
    row += 1;
    // Per kind of point, how many; the severities a check gives are the coordinator's business.
    const headers = [formatLabel("kind", lang), formatLabel("count", lang)];
    headers.forEach((h, i) => put(row, i + 1, h, { style: "header" }));
    const perCode = new Map<FindingCount["code"], number>();
    for (const c of summary.findings.counts) perCode.set(c.code, (perCode.get(c.code) ?? 0) + c.count);
    const rows = [...perCode].map(([code, count]) => [translate("ruleTitles", code, lang), count]);
    tables.push(addTable(`${MONITORING_TABLE_PREFIX}Bevindingen`, row, headers, rows, (r, c, v) => put(r, c, v)));
    row += rows.length + 2;
  } else if (summary.findings.counts.length > 0) {
    put(row, 1, formatLabel("findings", lang), { style: "heading" });
    row += 1;
    // The rule's title, not its code: every word on the sheet is one a coordinator (or a board) reads.
    const headers = [formatLabel("kind", lang), formatLabel("severity", lang), formatLabel("count", lang)];
    headers.forEach((h, i) => put(row, i + 1, h, { style: "header" }));
    const ordered = [...summary.findings.counts].sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count,
    );
    const rows = ordered.map((c) => [translate("ruleTitles", c.code, lang), formatSeverity(c.severity, lang), c.count]);
    tables.push(addTable(`${MONITORING_TABLE_PREFIX}Bevindingen`, row, headers, rows, (r, c, v) => put(r, c, v)));
    row += rows.length + 2;
  }

  const statusCount = summary.statuses.length;
  const chart: PlannedChart | undefined =
    !withChart
      ? undefined
      : {
          source: `${formatA1(themes.headerRow - 1, 0)}:${formatA1(themes.headerRow - 1 + summary.byTheme.length, statusCount)}`,
          title: formatLabel("chartTitle", lang),
          topLeft: formatA1(chartTop - 1, 0),
          bottomRight: formatA1(chartTop - 1 + CHART_ROWS - 1, CHART_LAST_COLUMN),
          seriesColors: summary.statuses.map((s) => s.color),
        };

  return {
    cells,
    tables,
    rowHeights: planRowHeights(cells, COLUMN_WIDTHS),
    freezeRows: TITLE_ROWS,
    columnWidths: COLUMN_WIDTHS,
    landscape: true,
    ...(chart ? { chart } : {}),
    printTitle: summary.municipality === "" ? title : `${title} – ${summary.municipality}`,
    pageLabel: formatLabel("page", lang),
  };
}

/** "36 punten voor de coördinator", or "geen". */
function formatCoordinatorPoints(summary: MonitoringSummary, lang: Lang): string {
  const { errors, warnings, infos } = summary.findings.summary;
  const count = errors + warnings + infos;
  if (count === 0) return formatLabel("attentionPointsNone", lang);
  return count === 1
    ? translate("labels", "coordinatorPointsOne", lang)
    : translate("labels", "coordinatorPoints", lang, { count });
}

/** Lines a wrapped cell needs, estimated from its length and column width (characters). */
function planRowHeights(cells: readonly PlannedCell[], widths: readonly number[]): { row: number; height: number }[] {
  const lines = new Map<number, number>();
  for (const cell of cells) {
    if (!cell.wrap) continue;
    const width = Math.max(1, (widths[cell.col - 1] ?? 10) - 1);
    const needed = String(cell.value)
      .split("\n")
      .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
    lines.set(cell.row, Math.max(lines.get(cell.row) ?? 1, needed));
  }
  return [...lines]
    .filter(([, n]) => n > 1)
    .map(([row, n]) => ({ row, height: Math.min(409, n * LINE_HEIGHT) }));
}

function addTable(
  name: string,
  headerRow: number,
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  put: (row: number, col: number, value: string | number) => void,
): PlannedTable {
  rows.forEach((values, i) => values.forEach((v, c) => put(headerRow + 1 + i, c + 1, v)));
  const lastRow = headerRow + Math.max(rows.length, 1);
  return { name, range: `${formatA1(headerRow - 1, 0)}:${formatA1(lastRow - 1, headers.length - 1)}`, headers, rows };
}

/** The sheet name to write: Monitoring, or the next free "Monitoring (n)" when a user's sheet holds the name. */
export function chooseMonitoringSheetName(existing: readonly string[], ownSheet: string | undefined): string {
  const taken = new Set(existing.filter((name) => name !== ownSheet).map((name) => name.toLowerCase()));
  if (!taken.has(MONITORING_SHEET_NAME.toLowerCase())) return MONITORING_SHEET_NAME;
  for (let n = 2; ; n += 1) {
    const candidate = `${MONITORING_SHEET_NAME} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
