import { UNKNOWN_YEAR, type AgreementRow } from "../agreements/agreement";
import type { CheckResult } from "../check-workbook";
import { textOf, type CellValue } from "../core/grid";
import { translate } from "../findings/catalogue";
import { FINDING_CODES, type Finding, type FindingCode, type Lang, type Severity } from "../findings/finding";
import type { Catalogue } from "../findings/locales/catalogue-shape";
import { compareChecks, type CheckComparison } from "./compare-checks";

/**
 * The state of a check kept in the workbook for the next one (pane: "Wat is er veranderd"): each
 * agreement's keys and status in the monitoring year, and each finding's code, place and params —
 * what compareChecks needs, as a block of cells. The add-in writes it beside its Monitoring sheet
 * (found again through the workbook-scoped name below, never by position) and compares the next
 * check with it: "since the last Monitoring sheet of 3 November".
 */

/** The defined name that marks the snapshot block. */
export const SNAPSHOT_MARKER_NAME = "PrestatiemonitorStand";
/** The block's kind cell: tells the block from anything a user put there. */
const SNAPSHOT_KIND = "Prestatiemonitor-stand";
const SNAPSHOT_VERSION = 1;
const AGREEMENT_ROW = "afspraak";
const FINDING_ROW = "bevinding";
/** Excel holds at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_000;
/**
 * Above this many findings the snapshot keeps agreements and statuses only: the block stays a small
 * part of what the Monitoring sheet's action writes (a row per finding of a 100,000-row workbook
 * would be most of it), and "what changed" then speaks of statuses and agreements alone.
 */
export const SNAPSHOT_MAX_FINDINGS = 20_000;

export interface SnapshotAgreement {
  readonly sheet: string;
  readonly row: number;
  /** The status cell of the monitoring year ("" without one). */
  readonly cell: string;
  readonly number: string;
  readonly theme: string;
  readonly subtheme: string;
  readonly agreement: string;
  readonly parties: string;
  /** Canonical status in the monitoring year, "" without a (valid) one. */
  readonly status: string;
}

export interface SnapshotFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly row?: number;
  readonly cell?: string;
  readonly range?: string;
  readonly table?: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

export interface CheckSnapshot {
  /** When it was taken (ISO 8601). */
  readonly takenAt: string;
  readonly year: number | null;
  readonly agreements: readonly SnapshotAgreement[];
  /** False when the check had more than SNAPSHOT_MAX_FINDINGS findings: none were kept. */
  readonly findingsKept: boolean;
  readonly findings: readonly SnapshotFinding[];
}

/** The snapshot of a check. */
export function takeSnapshot(result: CheckResult, takenAt: string): CheckSnapshot {
  const agreements = result.agreements.map((row): SnapshotAgreement => {
    const entry = (result.year === undefined ? undefined : row.statuses.find((s) => s.year === result.year)) ?? row.statuses.find((s) => s.year === UNKNOWN_YEAR);
    return {
      sheet: row.sheet,
      row: row.row,
      cell: entry?.cell ?? "",
      number: row.number ?? "",
      theme: row.theme ?? "",
      subtheme: row.subtheme ?? "",
      agreement: row.agreement ?? "",
      parties: row.partiesText ?? "",
      status: entry?.status ?? "",
    };
  });
  const findingsKept = result.findings.length <= SNAPSHOT_MAX_FINDINGS;
  const findings = (findingsKept ? result.findings : []).map((f): SnapshotFinding => {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(f.params ?? {})) if (value !== undefined) params[key] = value;
    return {
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      ...(f.row !== undefined ? { row: f.row } : {}),
      ...(f.cell !== undefined ? { cell: f.cell } : {}),
      ...(f.range !== undefined ? { range: f.range } : {}),
      ...(f.table !== undefined ? { table: f.table } : {}),
      params,
      message: f.message,
    };
  });
  return { takenAt, year: result.year ?? null, agreements, findingsKept, findings };
}

/** The snapshot as rows of cells: a title line for the reader, the kind line, then a row per agreement and per finding. */
export function writeSnapshotRows(snapshot: CheckSnapshot, lang: Lang): CellValue[][] {
  const cut = (text: string): string => (text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text);
  const rows: CellValue[][] = [
    [translate("insight", "snapshotTitle", lang)],
    [SNAPSHOT_KIND, SNAPSHOT_VERSION, snapshot.takenAt, snapshot.year ?? "", snapshot.findingsKept ? 1 : 0],
  ];
  for (const a of snapshot.agreements) rows.push([AGREEMENT_ROW, a.sheet, a.row, a.cell, a.number, cut(a.theme), cut(a.subtheme), cut(a.agreement), cut(a.parties), a.status]);
  for (const f of snapshot.findings) {
    rows.push([FINDING_ROW, f.code, f.severity, f.sheet, f.row ?? "", f.cell ?? "", f.range ?? "", f.table ?? "", cut(JSON.stringify(f.params)), cut(f.message)]);
  }
  return rows;
}

const CODES = new Set<string>(FINDING_CODES);
const SEVERITY_NAMES = new Set<string>(["error", "warning", "info"]);

/** Reads a block written by writeSnapshotRows (values as Excel returns them); undefined when it is not one. */
export function readSnapshotRows(values: readonly (readonly CellValue[])[]): CheckSnapshot | undefined {
  const kindAt = values.findIndex((row) => textOf(row[0]) === SNAPSHOT_KIND);
  const kind = values[kindAt];
  if (kind === undefined || Number(kind[1]) !== SNAPSHOT_VERSION) return undefined;
  const takenAt = textOf(kind[2]);
  const yearText = textOf(kind[3]);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const findingsKept = textOf(kind[4]) !== "0";
  const agreements: SnapshotAgreement[] = [];
  const findings: SnapshotFinding[] = [];
  for (const row of values.slice(kindAt + 1)) {
    const at = (i: number): string => textOf(row[i]);
    if (at(0) === AGREEMENT_ROW) {
      const sheetRow = Number(at(2));
      if (!Number.isInteger(sheetRow)) continue;
      agreements.push({ sheet: at(1), row: sheetRow, cell: at(3), number: at(4), theme: at(5), subtheme: at(6), agreement: at(7), parties: at(8), status: at(9) });
    } else if (at(0) === FINDING_ROW && CODES.has(at(1)) && SEVERITY_NAMES.has(at(2))) {
      const sheetRow = Number(at(4));
      findings.push({
        code: at(1) as FindingCode,
        severity: at(2) as Severity,
        sheet: at(3),
        ...(at(4) !== "" && Number.isInteger(sheetRow) ? { row: sheetRow } : {}),
        ...(at(5) !== "" ? { cell: at(5) } : {}),
        ...(at(6) !== "" ? { range: at(6) } : {}),
        ...(at(7) !== "" ? { table: at(7) } : {}),
        params: readParams(at(8)),
        message: at(9),
      });
    }
  }
  return { takenAt, year, agreements, findingsKept, findings };
}

function readParams(text: string): Readonly<Record<string, string | number>> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return {};
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === "string" || typeof value === "number") params[key] = value;
    return params;
  } catch {
    // A hand-edited cell: the finding still counts, keyed without its params.
    return {};
  }
}

/** What changed between the snapshot and a new check (compareChecks on the snapshot's agreements and findings). */
export function compareWithSnapshot(snapshot: CheckSnapshot, result: CheckResult, names: { previous: string; current: string }): CheckComparison {
  const year = snapshot.year ?? UNKNOWN_YEAR;
  const agreements = snapshot.agreements.map((a): AgreementRow => {
    const row: { -readonly [K in keyof AgreementRow]: AgreementRow[K] } = {
      sheet: a.sheet,
      row: a.row,
      parties: [],
      activities: [],
      statuses: a.cell === "" ? [] : [{ year, raw: a.status, ...(a.status !== "" ? { status: a.status } : {}), cell: a.cell }],
      explanations: [],
      cells: {},
    };
    if (a.number !== "") row.number = a.number;
    if (a.theme !== "") row.theme = a.theme;
    if (a.subtheme !== "") row.subtheme = a.subtheme;
    if (a.agreement !== "") row.agreement = a.agreement;
    if (a.parties !== "") row.partiesText = a.parties;
    return row;
  });
  // Snapshot findings carry what the comparison reads (code, place, params, message); their params are the stored ones.
  const findings = snapshot.findings.map((f) => ({ ...f }) as unknown as Finding);
  const previous: CheckResult = { ...result, year: snapshot.year ?? undefined, agreements, findings, agreementSheets: [], columns: [], tables: [] };
  // Without the previous findings, every current one would look new: compare statuses and agreements only.
  return compareChecks(previous, snapshot.findingsKept ? result : { ...result, findings: [] }, names);
}

type InsightKey = keyof Catalogue["insight"];

/** "2 afspraken van groen naar rood, 1 nieuwe afspraak, 3 bevindingen opgelost"; "" when nothing changed. */
export function describeChanges(comparison: CheckComparison, lang: Lang): string {
  const say = (key: InsightKey, values: Readonly<Record<string, string | number>> = {}): string => translate("insight", key, lang, values);
  const counted = (count: number, one: InsightKey, many: InsightKey, values: Readonly<Record<string, string>> = {}): string | undefined =>
    count === 0 ? undefined : count === 1 ? say(one, values) : say(many, { ...values, count });
  const transitions = new Map<string, { from: string; to: string; count: number }>();
  for (const change of comparison.statusChanges) {
    const from = change.from ?? say("noStatus");
    const to = change.to ?? say("noStatus");
    const key = `${from}\u0000${to}`;
    const entry = transitions.get(key) ?? { from, to, count: 0 };
    entry.count += 1;
    transitions.set(key, entry);
  }
  const parts = [
    ...[...transitions.values()].map((t) => counted(t.count, "transitionOne", "transitionMany", { from: t.from, to: t.to })),
    counted(comparison.summary.added, "addedOne", "addedMany"),
    counted(comparison.summary.removed, "removedOne", "removedMany"),
    counted(comparison.summary.newFindings, "newFindingsOne", "newFindingsMany"),
    counted(comparison.summary.solvedFindings, "solvedOne", "solvedMany"),
  ];
  return parts.filter((p): p is string => p !== undefined).join(", ");
}

/** A snapshot's date the reader's way: "3 november 2026" (nl), "3 November 2026" (en); the text itself when it is not a date. */
export function formatSnapshotDate(takenAt: string, lang: Lang): string {
  const date = new Date(takenAt);
  if (Number.isNaN(date.getTime())) return takenAt;
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** The one-line summary for the pane: "Sinds het laatste Monitoring-sheet van 3 november 2026: 2 afspraken van groen naar rood, …". */
export function describeChangesSince(snapshot: CheckSnapshot, comparison: CheckComparison, lang: Lang): string {
  const changes = describeChanges(comparison, lang);
  const date = formatSnapshotDate(snapshot.takenAt, lang);
  return changes === "" ? translate("insight", "changesNothing", lang, { date }) : translate("insight", "changesSince", lang, { date, changes });
}
