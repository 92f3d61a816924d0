import { findExplanation, findStatus, type AgreementRow } from "../agreements/agreement";
import type { CheckResult } from "../check-workbook";
import { countBySeverity, SEVERITIES, TABLE_CODES, type Finding, type FindingCode, type Severity } from "../findings/finding";
import { formatCellReference } from "../findings/messages";
import { readMeantThemes, type MeantThemes } from "./meant-themes";
import { NO_STATUS_KEY } from "./report";

/**
 * The monitoring summary: what the Monitoring sheet, the summary workbook, the printable report,
 * the CSV and the JSON export show. Built once from a check result; its counts equal the JSON
 * report's (buildReport), which the tests hold it to.
 */

/** Key in `byParty` for agreements whose parties cell names no known party. */
export const NO_PARTY_KEY = "";

/** Statuses that put an agreement on the agenda of the bestuurlijk overleg, most urgent first. */
export const AGENDA_STATUSES = ["rood", "oranje"] as const;

export interface SummaryStatus {
  /** Canonical status word, or NO_STATUS_KEY for "no (valid) status". */
  readonly name: string;
  readonly meaning: string;
  /** "#RRGGBB"; a neutral colour for NO_STATUS_KEY. */
  readonly color: string;
}

export interface StatusCounts {
  /** Theme or party name ("" when the row has none). */
  readonly name: string;
  /** One count per status key (every key of `statuses`, in that order). */
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

/** One agreement as listed in the summary (the monitoring year's status and explanation). */
export interface SummaryItem {
  readonly sheet: string;
  /** One-based sheet row. */
  readonly row: number;
  /** The cell a link should land on: the status cell of the year, else the agreement cell, else column A. */
  readonly cell: string;
  /** `'Sheet name'!A1` (Excel's quoting), the target of a link back to the source. */
  readonly reference: string;
  readonly theme: string;
  /** Present when `theme` is misspelt: the model's theme it means, under which the board reads the row. */
  readonly meantTheme?: string;
  readonly subtheme: string;
  readonly agreement: string;
  /** The parties cell as typed (else the recognised parties joined). */
  readonly parties: string;
  /** Canonical status in the monitoring year, or NO_STATUS_KEY. */
  readonly status: string;
  /** The status cell as typed (may be an invalid word). */
  readonly statusText: string;
  readonly explanation: string;
  /** True for rood/oranje in the monitoring year. */
  readonly onAgenda: boolean;
}

export interface FindingCount {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly count: number;
}

export interface TrendRow {
  readonly sheet: string;
  readonly row: number;
  readonly reference: string;
  readonly theme: string;
  /** Present when `theme` is misspelt: the model's theme it means. */
  readonly meantTheme?: string;
  readonly agreement: string;
  /** Canonical status per year (NO_STATUS_KEY when blank or invalid), one per `trend.years`. */
  readonly statuses: Readonly<Record<number, string>>;
  /** True when the last two years differ. */
  readonly changed: boolean;
}

export interface MonitoringSummary {
  readonly version: 1;
  readonly generatedAt: string;
  readonly year: number | null;
  readonly municipality: string;
  readonly model: { readonly kind: "default" | "sheet" | "learned"; readonly sheet?: string; readonly blocks: readonly string[] };
  /** Model parties (in model order), for the report's header. */
  readonly parties: readonly string[];
  /** Status columns of every count table: the model's statuses, then NO_STATUS_KEY. */
  readonly statuses: readonly SummaryStatus[];
  readonly agreementCount: number;
  /** Equal to the JSON report's agreements.byStatus. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Theme x status, themes in order of first appearance. Totals equal the report's byTheme. */
  readonly byTheme: readonly StatusCounts[];
  /** Party x status: an agreement counts once for each of its parties. */
  readonly byParty: readonly StatusCounts[];
  /** Every agreement with its status in the monitoring year. */
  readonly items: readonly SummaryItem[];
  /** rood first, then oranje; within a status in sheet order. */
  readonly agenda: readonly SummaryItem[];
  /** Agreements without a valid status in the monitoring year. */
  readonly withoutStatus: readonly SummaryItem[];
  readonly findings: {
    readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
    /** Per code and severity, by severity then count (descending) then code. */
    readonly counts: readonly FindingCount[];
    /** Findings of the numeric tables (and model), in report order. */
    readonly tableFindings: readonly Finding[];
  };
  /** Present when two or more years have a status column. */
  readonly trend?: { readonly years: readonly number[]; readonly rows: readonly TrendRow[] };
}

export interface SummaryOptions {
  /** ISO timestamp of the run; passed in because the domain reads no clock. */
  readonly generatedAt: string;
  /**
   * "all" (the default): every agreement in `items`, and the trend. "sheet": only what the
   * Monitoring sheet shows (planMonitoringSheet gives the same plan for both): `items` holds just
   * the agenda and the agreements without a status, and there is no trend. A copy of a million-row
   * workbook is planned so without a million items beside the check result.
   */
  readonly scope?: "all" | "sheet";
}

const NO_STATUS_COLOR = "#D9D9D9";
const TABLE_CODE_SET: ReadonlySet<string> = new Set<string>(TABLE_CODES);

/** Builds the monitoring summary of a check. */
export function buildMonitoringSummary(result: CheckResult, options: SummaryOptions): MonitoringSummary {
  const statuses: SummaryStatus[] = [
    ...result.model.statuses.map((s) => ({ name: s.name, meaning: s.meaning, color: s.color })),
    { name: NO_STATUS_KEY, meaning: "", color: NO_STATUS_COLOR },
  ];
  const keys = statuses.map((s) => s.name);
  const listAll = (options.scope ?? "all") === "all";
  const meantThemes = readMeantThemes(result.findings);
  const items: SummaryItem[] = [];

  const byStatus = emptyCounts(keys);
  const themes = new Map<string, Record<string, number>>();
  const parties = new Map<string, Record<string, number>>();
  for (const party of result.model.parties) parties.set(party.name, emptyCounts(keys));
  const agreements = result.agreements;
  // Indexed and without a Set per row: a million rows are counted here.
  for (let index = 0; index < agreements.length; index++) {
    const row = agreements[index] as AgreementRow;
    const status = readStatus(row, result.year);
    if (listAll || status === NO_STATUS_KEY || isOnAgenda(status)) items.push(readItem(row, result.year, meantThemes));
    addCount(byStatus, status);
    addCount(countsFor(themes, meantThemes.find(row.sheet, row.row) ?? row.theme ?? "", keys), status);
    const rowParties = row.parties;
    if (rowParties.length === 0) addCount(countsFor(parties, NO_PARTY_KEY, keys), status);
    else if (rowParties.length === 1) addCount(countsFor(parties, rowParties[0] as string, keys), status);
    else for (const party of new Set(rowParties)) addCount(countsFor(parties, party, keys), status);
  }

  const agenda = items
    .filter((item) => item.onAgenda)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => agendaRank(a.item.status) - agendaRank(b.item.status) || a.order - b.order)
    .map((entry) => entry.item);

  const trend = listAll ? buildTrend(result, meantThemes) : undefined;
  const settings = result.model.settings;
  return {
    version: 1,
    generatedAt: options.generatedAt,
    year: result.year ?? null,
    municipality: settings.municipality ?? "",
    model: {
      kind: result.model.source.kind,
      ...(result.model.source.sheet !== undefined ? { sheet: result.model.source.sheet } : {}),
      blocks: result.model.source.blocks,
    },
    parties: result.model.parties.map((p) => p.name),
    statuses,
    agreementCount: result.agreements.length,
    byStatus,
    byTheme: toCountRows(themes),
    byParty: toCountRows(parties).filter((row) => row.total > 0 || row.name !== NO_PARTY_KEY),
    items,
    agenda,
    withoutStatus: items.filter((item) => item.status === NO_STATUS_KEY),
    findings: {
      summary: countBySeverity(result.findings),
      counts: countFindings(result.findings),
      tableFindings: result.findings.filter(isTableFinding),
    },
    ...(trend ? { trend } : {}),
  };
}

/** True for findings about numeric tables or the model (listed apart from the row findings). */
export function isTableFinding(finding: Finding): boolean {
  return finding.table !== undefined || TABLE_CODE_SET.has(finding.code) || finding.code === "invalid-model";
}

/** The row's canonical status in `year`, or NO_STATUS_KEY. */
function readStatus(row: AgreementRow, year: number | undefined): string {
  return (year === undefined ? undefined : findStatus(row, year)?.status) ?? NO_STATUS_KEY;
}

function isOnAgenda(status: string): boolean {
  return (AGENDA_STATUSES as readonly string[]).includes(status);
}

function readItem(row: AgreementRow, year: number | undefined, meantThemes: MeantThemes): SummaryItem {
  const yearStatus = year === undefined ? undefined : findStatus(row, year);
  const status = yearStatus?.status ?? NO_STATUS_KEY;
  const cell = yearStatus?.cell ?? row.cells.agreement ?? row.cells.theme ?? `A${row.row}`;
  const meantTheme = meantThemes.find(row.sheet, row.row);
  return {
    sheet: row.sheet,
    row: row.row,
    cell,
    reference: formatCellReference(row.sheet, cell),
    theme: row.theme ?? "",
    ...(meantTheme !== undefined ? { meantTheme } : {}),
    subtheme: row.subtheme ?? "",
    agreement: row.agreement ?? "",
    parties: row.partiesText ?? row.parties.join(", "),
    status,
    statusText: yearStatus?.raw ?? "",
    explanation: (year === undefined ? undefined : findExplanation(row, year)) ?? "",
    onAgenda: isOnAgenda(status),
  };
}

function agendaRank(status: string): number {
  const index = (AGENDA_STATUSES as readonly string[]).indexOf(status);
  return index < 0 ? AGENDA_STATUSES.length : index;
}

function emptyCounts(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = 0;
  return counts;
}

function addCount(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countsFor(map: Map<string, Record<string, number>>, name: string, keys: readonly string[]): Record<string, number> {
  let counts = map.get(name);
  if (!counts) {
    counts = emptyCounts(keys);
    map.set(name, counts);
  }
  return counts;
}

function toCountRows(map: ReadonlyMap<string, Record<string, number>>): StatusCounts[] {
  return [...map].map(([name, counts]) => ({
    name,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  }));
}

function countFindings(findings: readonly Finding[]): FindingCount[] {
  const counts = new Map<string, FindingCount>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.code}`;
    const current = counts.get(key);
    counts.set(key, { code: f.code, severity: f.severity, count: (current?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count || a.code.localeCompare(b.code),
  );
}

function buildTrend(result: CheckResult, meantThemes: MeantThemes): MonitoringSummary["trend"] {
  const yearSet = new Set<number>();
  for (const row of result.agreements) for (const status of row.statuses) yearSet.add(status.year);
  const years = [...yearSet].filter((y) => result.year === undefined || y <= result.year).sort((a, b) => a - b);
  if (years.length < 2) return undefined;
  const rows: TrendRow[] = [];
  for (const row of result.agreements) {
    const statuses: Record<number, string> = {};
    let any = false;
    for (const year of years) {
      const status = findStatus(row, year)?.status;
      if (status !== undefined) any = true;
      statuses[year] = status ?? NO_STATUS_KEY;
    }
    if (!any) continue;
    const last = statuses[years[years.length - 1] as number];
    const before = statuses[years[years.length - 2] as number];
    const cell = row.cells.agreement ?? `A${row.row}`;
    const meantTheme = meantThemes.find(row.sheet, row.row);
    rows.push({
      sheet: row.sheet,
      row: row.row,
      reference: formatCellReference(row.sheet, cell),
      theme: row.theme ?? "",
      ...(meantTheme !== undefined ? { meantTheme } : {}),
      agreement: row.agreement ?? "",
      statuses,
      changed: last !== before,
    });
  }
  return { years, rows };
}
