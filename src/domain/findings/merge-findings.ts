import type { Finding } from "./finding";

/** One line of a human list: a finding, or the same finding repeated in adjacent cells of one column. */
export interface MergedFinding {
  /** The first finding of the run (its message stands for all). */
  readonly finding: Finding;
  /** The cells of the run: the finding's own cell, or "F3:F10" for a run. */
  readonly where: string;
  /** Every finding of the run, in sheet order (the JSON keeps each of them). */
  readonly findings: readonly Finding[];
}

interface Run {
  readonly findings: Finding[];
  readonly column: string;
  lastRow: number;
}

/**
 * Merges repeats in adjacent cells — same code, severity, sheet, column and message, on
 * consecutive rows — into one line with a range, for the CLI's text, the pane and the report:
 * eight empty status cells one under the other are one thing to fix. Lines keep the order of
 * their first finding. Findings without a single cell stay alone.
 */
export function mergeAdjacentFindings(findings: readonly Finding[]): MergedFinding[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  for (const finding of findings) {
    const at = finding.cell === undefined ? null : /^([A-Z]+)(\d+)$/.exec(finding.cell);
    if (at === null || at[1] === undefined || at[2] === undefined) {
      runs.push({ findings: [finding], column: "", lastRow: -1 });
      continue;
    }
    const column = at[1];
    const row = Number(at[2]);
    const key = `${finding.severity}\u0000${finding.sheet}\u0000${finding.code}\u0000${column}\u0000${finding.message}`;
    const run = open.get(key);
    if (run !== undefined && run.lastRow === row - 1) {
      run.findings.push(finding);
      run.lastRow = row;
      continue;
    }
    const started: Run = { findings: [finding], column, lastRow: row };
    runs.push(started);
    open.set(key, started);
  }
  return runs.map((run) => {
    const first = run.findings[0] as Finding;
    const last = run.findings[run.findings.length - 1] as Finding;
    const where = run.findings.length === 1 ? (first.cell ?? first.range ?? "") : `${first.cell ?? ""}:${last.cell ?? ""}`;
    return { finding: first, where, findings: run.findings };
  });
}
