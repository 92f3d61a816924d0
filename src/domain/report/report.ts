import { findStatus } from "../agreements/agreement";
import type { CheckResult } from "../check-workbook";
import { countBySeverity, type Finding } from "../findings/finding";
import type { AcceptedFinding } from "../model/acceptances";

/** Key in `byStatus` for agreements without a (valid) status in the monitoring year. */
export const NO_STATUS_KEY = "geen";

export interface ReportFinding {
  readonly code: Finding["code"];
  readonly severity: Finding["severity"];
  readonly sheet: string;
  readonly cell?: string;
  readonly range?: string;
  readonly message: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly suggestion?: string;
  readonly table?: string;
}

/** An accepted finding as the report lists it: the finding, the coordinator's reason and where it is stored. */
export interface ReportAcceptedFinding extends ReportFinding {
  readonly reason: string;
  readonly date?: string;
  /** The acceptance row, e.g. "Model!A14". */
  readonly acceptedAt: string;
}

/** The JSON report, version 1 (DESIGN.md "The CLI"). Field order is part of the contract. */
export interface Report {
  readonly version: 1;
  readonly workbook: string;
  readonly year: number | null;
  readonly agreements: {
    readonly count: number;
    readonly byTheme: Readonly<Record<string, number>>;
    readonly byStatus: Readonly<Record<string, number>>;
  };
  readonly tables: readonly { readonly id: string; readonly title: string; readonly sheet: string; readonly range: string }[];
  readonly findings: readonly ReportFinding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** Accepted findings (not counted in `summary`); an added field, present only when there are any. */
  readonly accepted?: readonly ReportAcceptedFinding[];
}

/** Builds the version-1 report of a check. `workbook` is the file or workbook name. */
export function buildReport(result: CheckResult, workbook: string): Report {
  const byTheme: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const status of result.model.statuses) byStatus[status.name] = 0;
  byStatus[NO_STATUS_KEY] = 0;
  for (const row of result.agreements) {
    const theme = row.theme ?? "";
    byTheme[theme] = (byTheme[theme] ?? 0) + 1;
    const status = result.year === undefined ? undefined : findStatus(row, result.year)?.status;
    const key = status ?? NO_STATUS_KEY;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  return {
    version: 1,
    workbook,
    year: result.year ?? null,
    agreements: { count: result.agreements.length, byTheme, byStatus },
    tables: result.tables.map((t) => ({ id: t.id, title: t.title ?? "", sheet: t.sheet, range: t.range })),
    findings: result.findings.map(toReportFinding),
    summary: countBySeverity(result.findings),
    ...(result.accepted !== undefined && result.accepted.length > 0 ? { accepted: result.accepted.map(toReportAccepted) } : {}),
  };
}

/** An accepted finding as the JSON report lists it. */
export function toReportAccepted(f: AcceptedFinding): ReportAcceptedFinding {
  const { acceptance } = f;
  return {
    ...toReportFinding(f),
    reason: acceptance.reason,
    ...(acceptance.date !== undefined ? { date: acceptance.date } : {}),
    acceptedAt: `${acceptance.source.sheet}!${acceptance.source.cell}`,
  };
}

/** A finding as the JSON report lists it. */
export function toReportFinding(f: Finding): ReportFinding {
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    ...(f.range !== undefined ? { range: f.range } : {}),
    message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    ...(f.table !== undefined ? { table: f.table } : {}),
  };
}
