import {
  buildReport,
  mergeAdjacentFindings,
  NO_STATUS_KEY,
  parseA1,
  SEVERITIES,
  type AgreementRow,
  type CheckResult,
  type Finding,
  type FindingCode,
  type MergedFinding,
  type Severity,
} from "../domain";

/**
 * What the pane shows, computed from a check result without touching the DOM: filters,
 * grouping by severity and rule, counts, the findings of one cell. Kept pure so it is unit tested
 * in Node; render-pane.ts only turns it into elements.
 */

export interface FindingFilter {
  /** Theme name; undefined: all. */
  readonly theme?: string;
  /** Canonical party name; undefined: all. */
  readonly party?: string;
  readonly severity?: Severity;
}

export interface RuleGroup {
  readonly code: FindingCode;
  readonly findings: readonly Finding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly count: number;
  readonly rules: readonly RuleGroup[];
}

export interface StatusCount {
  /** Model status name, or NO_STATUS_KEY. */
  readonly status: string;
  readonly count: number;
  /** #RRGGBB from the model; undefined for "no status". */
  readonly color?: string;
}

export interface CheckSummary {
  readonly agreementCount: number;
  readonly year: number | undefined;
  readonly statuses: readonly StatusCount[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The agreement row a finding is about (same sheet and row), when it is about one. */
function indexAgreements(result: CheckResult): ReadonlyMap<string, AgreementRow> {
  const index = new Map<string, AgreementRow>();
  for (const row of result.agreements) index.set(`${row.sheet}\u0000${row.row}`, row);
  return index;
}

function rowOfFinding(finding: Finding): number | undefined {
  if (finding.row !== undefined) return finding.row;
  const match = /^[A-Z]+(\d+)/.exec(finding.cell ?? finding.range ?? "");
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Findings that pass the filter. A theme or party filter keeps only findings about an agreement
 * of that theme or party: table findings belong to no theme.
 */
export function filterFindings(result: CheckResult, filter: FindingFilter): Finding[] {
  if (filter.theme === undefined && filter.party === undefined) {
    // No theme or party: no need to index every agreement row (20k rows: a long task of its own).
    return filter.severity === undefined ? [...result.findings] : result.findings.filter((f) => f.severity === filter.severity);
  }
  const agreements = indexAgreements(result);
  return result.findings.filter((finding) => {
    if (filter.severity !== undefined && finding.severity !== filter.severity) return false;
    const row = rowOfFinding(finding);
    const agreement = row === undefined ? undefined : agreements.get(`${finding.sheet}\u0000${row}`);
    if (agreement === undefined) return false;
    if (filter.theme !== undefined && agreement.theme?.toLowerCase() !== filter.theme.toLowerCase()) return false;
    if (filter.party !== undefined && !agreement.parties.includes(filter.party)) return false;
    return true;
  });
}

/** Findings grouped by severity (error, warning, info), then by rule in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byCode = new Map<FindingCode, Finding[]>();
    for (const finding of ofSeverity) {
      const list = byCode.get(finding.code) ?? [];
      list.push(finding);
      byCode.set(finding.code, list);
    }
    groups.push({
      severity,
      count: ofSeverity.length,
      rules: [...byCode.entries()].map(([code, list]) => ({ code, findings: list })),
    });
  }
  return groups;
}

/** One rule's findings as the pane lists them: repeats in adjacent cells merged into one line. */
export interface RuleLines {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Findings of the rule (a merged line counts each of its cells). */
  readonly count: number;
  readonly lines: readonly MergedFinding[];
}

/** Rule groups in the pane's order (errors first, then warnings, infos; rules by first appearance). */
export function listRuleLines(findings: readonly Finding[]): RuleLines[] {
  return groupFindings(findings).flatMap((group) =>
    group.rules.map((rule) => ({ code: rule.code, severity: group.severity, count: rule.findings.length, lines: mergeAdjacentFindings(rule.findings) })),
  );
}

/** Counts for the top of the pane: stoplights of the monitoring year and findings per severity. */
export function summarizeCheck(result: CheckResult): CheckSummary {
  const report = buildReport(result, "");
  const colors = new Map(result.model.statuses.map((s) => [s.name, s.color]));
  const statuses: StatusCount[] = Object.entries(report.agreements.byStatus).map(([status, count]) => {
    const color = colors.get(status);
    return color === undefined ? { status, count } : { status, count, color };
  });
  return {
    agreementCount: report.agreements.count,
    year: result.year,
    statuses,
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    infos: report.summary.infos,
  };
}

/** Findings whose cell (or range) covers the given cell on the given sheet. */
export function findingsAtCell(result: CheckResult, sheet: string, cell: string): Finding[] {
  const target = parseA1(cell);
  if (target === undefined) return [];
  return result.findings.filter((finding) => {
    if (finding.sheet !== sheet) return false;
    if (finding.cell !== undefined) return finding.cell.toUpperCase() === cell.toUpperCase();
    if (finding.range === undefined) return false;
    const [start, end] = finding.range.split(":");
    const a = parseA1(start ?? "");
    const b = parseA1(end ?? start ?? "");
    if (a === undefined || b === undefined) return false;
    return (
      target.row >= Math.min(a.row, b.row) &&
      target.row <= Math.max(a.row, b.row) &&
      target.col >= Math.min(a.col, b.col) &&
      target.col <= Math.max(a.col, b.col)
    );
  });
}

/** Themes and parties to offer in the filters: the model's, in model order. */
export function listFilterOptions(result: CheckResult): { themes: string[]; parties: string[] } {
  return {
    themes: result.model.themes.map((t) => t.name),
    parties: result.model.parties.map((p) => p.name),
  };
}

export { NO_STATUS_KEY };
