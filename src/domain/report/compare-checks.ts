import { findStatus, UNKNOWN_YEAR, type AgreementRow } from "../agreements/agreement";
import type { CheckResult } from "../check-workbook";
import type { Finding } from "../findings/finding";
import { toWords } from "../core/normalise-text";
import { toReportFinding, type ReportFinding } from "./report";

/**
 * What changed between two checks of a workbook (DESIGN.md "The CLI", `compare`): agreements
 * added and removed, status changes in each check's monitoring year (worse first), findings that
 * are new and findings that were solved. Agreements are matched by their number when the rows
 * carry one, else by theme and agreement text (exactly, then fuzzily), never by row position:
 * a row inserted above moves every row below it.
 */

/** An agreement as the comparison names it. */
export interface ComparedAgreement {
  readonly sheet: string;
  readonly row: number;
  /** The status cell of the monitoring year, when there is one. */
  readonly cell?: string;
  readonly theme?: string;
  readonly subtheme?: string;
  readonly agreement?: string;
  readonly parties?: string;
  /** Canonical status in the monitoring year; absent without a (valid) status. */
  readonly status?: string;
}

/** worse: towards rood (groen -> oranje, oranje -> rood); better: towards groen; other: to or from grijs, or a status of the model's own. */
export type StatusChangeKind = "worse" | "better" | "other";

export interface StatusChange {
  readonly change: StatusChangeKind;
  /** Status before and after; null without a (valid) status. */
  readonly from: string | null;
  readonly to: string | null;
  readonly previous: ComparedAgreement;
  readonly current: ComparedAgreement;
}

/** The comparison, version 1. Field order is part of the contract (README "compare"). */
export interface CheckComparison {
  readonly version: 1;
  readonly previous: { readonly workbook: string; readonly year: number | null };
  readonly current: { readonly workbook: string; readonly year: number | null };
  readonly agreements: {
    /** Agreements found in both. */
    readonly matched: number;
    readonly added: readonly ComparedAgreement[];
    readonly removed: readonly ComparedAgreement[];
  };
  /** Worse first (groen -> rood before groen -> oranje), then other, then better. */
  readonly statusChanges: readonly StatusChange[];
  readonly findings: {
    /** In the new workbook and not in the previous one (messages from the new check). */
    readonly new: readonly ReportFinding[];
    /** In the previous workbook and no longer in the new one (messages from the previous check). */
    readonly solved: readonly ReportFinding[];
  };
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly worse: number;
    readonly better: number;
    readonly other: number;
    readonly newFindings: number;
    readonly solvedFindings: number;
    readonly newErrors: number;
  };
}

/** How far a status is from groen; statuses without a rank (grijs, the model's own) change "other". */
const STATUS_RANK: Readonly<Record<string, number>> = { groen: 0, afgerond: 0, gereed: 0, oranje: 1, rood: 2 };

/** Agreement texts at least this alike (word overlap, Dice) are the same agreement reworded. */
const AGREEMENT_SIMILARITY = 0.75;
/** Themes at least this alike are the same theme renamed or corrected. */
const THEME_SIMILARITY = 0.5;

/** Compares two checks of (versions of) one workbook. */
export function compareChecks(previous: CheckResult, current: CheckResult, names: { previous: string; current: string }): CheckComparison {
  const pairs = matchAgreements(previous.agreements, current.agreements);
  const matchedPrevious = new Set(pairs.map(([p]) => p));
  const matchedCurrent = new Set(pairs.map(([, c]) => c));
  const describePrevious = (row: AgreementRow): ComparedAgreement => describeAgreement(row, previous.year);
  const describeCurrent = (row: AgreementRow): ComparedAgreement => describeAgreement(row, current.year);

  const statusChanges: StatusChange[] = [];
  for (const [before, after] of pairs) {
    const from = statusOf(before, previous.year);
    const to = statusOf(after, current.year);
    if (from === to) continue;
    statusChanges.push({ change: classifyChange(from, to), from: from ?? null, to: to ?? null, previous: describePrevious(before), current: describeCurrent(after) });
  }
  statusChanges.sort(compareStatusChanges);

  // A row finding is keyed by the agreement it is on (the pair's index), not by its cell.
  const previousIds = new Map<AgreementRow, number>();
  const currentIds = new Map<AgreementRow, number>();
  pairs.forEach(([p, c], index) => {
    previousIds.set(p, index);
    currentIds.set(c, index);
  });
  const previousKeys = keyFindings(previous, previousIds, "p");
  const currentKeys = keyFindings(current, currentIds, "c");
  const newFindings = subtractFindings(currentKeys, previousKeys);
  const solved = subtractFindings(previousKeys, currentKeys);

  const added = current.agreements.filter((row) => !matchedCurrent.has(row)).map(describeCurrent);
  const removed = previous.agreements.filter((row) => !matchedPrevious.has(row)).map(describePrevious);
  const count = (kind: StatusChangeKind): number => statusChanges.filter((c) => c.change === kind).length;
  return {
    version: 1,
    previous: { workbook: names.previous, year: previous.year ?? null },
    current: { workbook: names.current, year: current.year ?? null },
    agreements: { matched: pairs.length, added, removed },
    statusChanges,
    findings: { new: newFindings.map(toReportFinding), solved: solved.map(toReportFinding) },
    summary: {
      added: added.length,
      removed: removed.length,
      worse: count("worse"),
      better: count("better"),
      other: count("other"),
      newFindings: newFindings.length,
      solvedFindings: solved.length,
      newErrors: newFindings.filter((f) => f.severity === "error").length,
    },
  };
}

function statusOf(row: AgreementRow, year: number | undefined): string | undefined {
  if (year === undefined) return findStatus(row, UNKNOWN_YEAR)?.status;
  return (findStatus(row, year) ?? findStatus(row, UNKNOWN_YEAR))?.status;
}

function statusEntryOf(row: AgreementRow, year: number | undefined): { cell: string } | undefined {
  return year === undefined ? findStatus(row, UNKNOWN_YEAR) : (findStatus(row, year) ?? findStatus(row, UNKNOWN_YEAR));
}

function describeAgreement(row: AgreementRow, year: number | undefined): ComparedAgreement {
  const described: { -readonly [K in keyof ComparedAgreement]: ComparedAgreement[K] } = { sheet: row.sheet, row: row.row };
  const cell = statusEntryOf(row, year)?.cell;
  if (cell !== undefined) described.cell = cell;
  if (row.theme !== undefined) described.theme = row.theme;
  if (row.subtheme !== undefined) described.subtheme = row.subtheme;
  if (row.agreement !== undefined) described.agreement = row.agreement;
  if (row.partiesText !== undefined) described.parties = row.partiesText;
  const status = statusOf(row, year);
  if (status !== undefined) described.status = status;
  return described;
}

function classifyChange(from: string | undefined, to: string | undefined): StatusChangeKind {
  const before = from === undefined ? undefined : STATUS_RANK[from];
  const after = to === undefined ? undefined : STATUS_RANK[to];
  if (before === undefined || after === undefined) return "other";
  return after > before ? "worse" : "better";
}

const CHANGE_ORDER: Readonly<Record<StatusChangeKind, number>> = { worse: 0, other: 1, better: 2 };

/** Worse first, the biggest step first (groen -> rood before oranje -> rood); then by sheet and row. */
function compareStatusChanges(a: StatusChange, b: StatusChange): number {
  const step = (c: StatusChange): number => (STATUS_RANK[c.to ?? ""] ?? 0) - (STATUS_RANK[c.from ?? ""] ?? 0);
  return (
    CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
    (a.change === "worse" ? step(b) - step(a) : 0) ||
    a.current.sheet.localeCompare(b.current.sheet) ||
    a.current.row - b.current.row
  );
}

// ---- matching agreements ----

/** An agreement's comparable parts, keyed once. */
interface AgreementKeys {
  readonly row: AgreementRow;
  readonly number: string | undefined;
  readonly theme: string;
  readonly themeWords: readonly string[];
  readonly subtheme: string;
  readonly agreement: string;
  readonly agreementWords: readonly string[];
  readonly parties: string;
}

function keyAgreement(row: AgreementRow): AgreementKeys {
  const themeWords = toWords(row.theme ?? "");
  const agreementWords = toWords(row.agreement ?? "");
  return {
    row,
    number: readAgreementNumber(row),
    theme: themeWords.join(" "),
    themeWords,
    subtheme: toWords(row.subtheme ?? "").join(" "),
    agreement: agreementWords.join(" "),
    agreementWords,
    parties: toWords(row.partiesText ?? "").join(" "),
  };
}

/**
 * The agreement's number (`Nr.`/`Nummer`, DESIGN.md "number") when the reader gives rows one. Read
 * by name rather than through the type: rows gain the field when the reader maps that column.
 */
function readAgreementNumber(row: AgreementRow): string | undefined {
  const value = (row as { readonly number?: unknown }).number;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const key = toWords(value).join(".");
  return key === "" ? undefined : key;
}

/**
 * Pairs previous and current rows: by number (when both have one), then on ever fewer exact keys
 * (theme + agreement + parties + subtheme, theme + agreement + parties, theme + agreement), then
 * fuzzily on the agreement's words within a like theme. Each pass pairs equal keys in sheet order.
 */
export function matchAgreements(previous: readonly AgreementRow[], current: readonly AgreementRow[]): (readonly [AgreementRow, AgreementRow])[] {
  const before = previous.map(keyAgreement);
  const after = current.map(keyAgreement);
  const pairs: (readonly [AgreementRow, AgreementRow])[] = [];
  const taken = new Set<AgreementKeys>();
  const pairOn = (keyOf: (k: AgreementKeys) => string | undefined): void => {
    const waiting = new Map<string, AgreementKeys[]>();
    for (const k of before) {
      if (taken.has(k)) continue;
      const key = keyOf(k);
      if (key === undefined) continue;
      const list = waiting.get(key);
      if (list === undefined) waiting.set(key, [k]);
      else list.push(k);
    }
    for (const k of after) {
      if (taken.has(k)) continue;
      const key = keyOf(k);
      if (key === undefined) continue;
      const match = waiting.get(key)?.shift();
      if (match === undefined) continue;
      taken.add(match);
      taken.add(k);
      pairs.push([match.row, k.row]);
    }
  };
  const bothNumbered = before.some((k) => k.number !== undefined) && after.some((k) => k.number !== undefined);
  if (bothNumbered) pairOn((k) => (k.number === undefined ? undefined : `${k.number}\u0000${k.parties}`));
  if (bothNumbered) pairOn((k) => k.number);
  // Rows without an agreement text have too little to be told apart: only the fuzzy pass skips them too.
  const textKey = (k: AgreementKeys, ...parts: string[]): string | undefined => (k.agreement === "" ? undefined : parts.join("\u0000"));
  pairOn((k) => textKey(k, k.theme, k.agreement, k.parties, k.subtheme));
  pairOn((k) => textKey(k, k.theme, k.agreement, k.parties));
  pairOn((k) => textKey(k, k.theme, k.agreement));
  pairFuzzily(before, after, taken, pairs);
  return pairs;
}

/** Pairs what is left by the best word overlap of the agreement texts, best pairs first. */
function pairFuzzily(
  before: readonly AgreementKeys[],
  after: readonly AgreementKeys[],
  taken: Set<AgreementKeys>,
  pairs: (readonly [AgreementRow, AgreementRow])[],
): void {
  const left = before.filter((k) => !taken.has(k) && k.agreementWords.length > 0);
  const right = after.filter((k) => !taken.has(k) && k.agreementWords.length > 0);
  const candidates: { readonly a: AgreementKeys; readonly b: AgreementKeys; readonly score: number }[] = [];
  for (const a of left) {
    for (const b of right) {
      if (a.theme !== b.theme && measureOverlap(a.themeWords, b.themeWords) < THEME_SIMILARITY) continue;
      const similarity = measureOverlap(a.agreementWords, b.agreementWords);
      if (similarity < AGREEMENT_SIMILARITY) continue;
      // Equal parties break ties between rows that share an agreement text.
      candidates.push({ a, b, score: similarity + (a.parties === b.parties ? 0.01 : 0) });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const { a, b } of candidates) {
    if (taken.has(a) || taken.has(b)) continue;
    taken.add(a);
    taken.add(b);
    pairs.push([a.row, b.row]);
  }
}

/** Dice coefficient of two word lists as sets: 1 for the same words, 0 for none in common. */
export function measureOverlap(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 1;
  let common = 0;
  for (const word of setA) if (setB.has(word)) common += 1;
  return (2 * common) / (setA.size + setB.size);
}

// ---- matching findings ----

interface KeyedFinding {
  readonly key: string;
  readonly finding: Finding;
}

/**
 * Each finding's identity across versions: its code and params, and where it is — the matched
 * agreement it sits on (a row finding), its table, or its sheet and cell (anything else).
 * A finding on an agreement that has no counterpart is keyed by that row alone (it is new or solved).
 */
function keyFindings(result: CheckResult, ids: ReadonlyMap<AgreementRow, number>, side: string): KeyedFinding[] {
  const rowsByPlace = new Map<string, AgreementRow>();
  for (const row of result.agreements) rowsByPlace.set(`${row.sheet}\u0000${row.row}`, row);
  return result.findings.map((finding) => {
    const params = JSON.stringify(Object.entries(finding.params ?? {}).sort(([a], [b]) => a.localeCompare(b)));
    const row = finding.row === undefined || finding.table !== undefined ? undefined : rowsByPlace.get(`${finding.sheet}\u0000${finding.row}`);
    let place: string;
    if (row !== undefined) {
      // Not the cell: a column inserted between versions moves every cell. Two equal findings on one row count twice.
      const id = ids.get(row);
      place = id === undefined ? `${side}:${finding.sheet}:${row.row}` : `agreement:${id}`;
    } else if (finding.table !== undefined) {
      place = `table:${finding.sheet}:${finding.table}`;
    } else {
      place = `cell:${finding.sheet}:${finding.cell ?? finding.range ?? ""}`;
    }
    return { key: `${finding.code}\u0000${place}\u0000${params}`, finding };
  });
}

/** The findings of `from` whose key `other` does not hold (as many times). */
function subtractFindings(from: readonly KeyedFinding[], other: readonly KeyedFinding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const { key } of other) counts.set(key, (counts.get(key) ?? 0) + 1);
  const left: Finding[] = [];
  for (const { key, finding } of from) {
    const count = counts.get(key) ?? 0;
    if (count > 0) counts.set(key, count - 1);
    else left.push(finding);
  }
  return left;
}
