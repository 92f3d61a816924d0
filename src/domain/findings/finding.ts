/**
 * Findings are data with stable codes. The JSON report, the pane, the Monitoring sheet and the
 * tests rely on these codes: never rename one.
 */

export const ROW_CODES = [
  "missing-theme",
  "unknown-theme",
  "unknown-subtheme",
  "missing-agreement",
  "missing-party",
  "unknown-party",
  "party-separator",
  "invalid-status",
  "missing-status",
  "missing-explanation",
  "duplicate-agreement",
  "markup-in-cell",
  "repeated-header",
  "cell-error",
] as const;

export const MODEL_CODES = ["invalid-model"] as const;

export const TABLE_CODES = [
  "percent-sum",
  "total-row",
  "subtotal",
  "total-column",
  "stock-flow",
  "stock-continuity",
  "cross-check",
  "duplicate-table-number",
  "unparseable-number",
  "number-as-text",
] as const;

export const FINDING_CODES = [...ROW_CODES, ...MODEL_CODES, ...TABLE_CODES] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";
export type Lang = "nl" | "en";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Values a message template may interpolate; all plain data. */
export type FindingParams = Readonly<Record<string, string | number>>;

/** A finding before its message is formatted: what the rules produce. */
export interface FindingData {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** The cell a coordinator must fix (A1, no sheet prefix). */
  readonly cell?: string;
  /** A1 range when the finding is about several cells. */
  readonly range?: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  /** Nearest known name, or a concrete fix. */
  readonly suggestion?: string;
  /** Template values for the message formatter (see messages.ts for each code's keys). */
  readonly params?: FindingParams;
  /** One-based sheet row of the agreement or table row (for filters and links). */
  readonly row?: number;
  /** Table id ("Tabel 1") for table findings. */
  readonly table?: string;
}

/** A finding as reported: the data plus its message in the report's language. */
export interface Finding extends FindingData {
  readonly message: string;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Orders findings the way every output lists them: severity, sheet, row, column, code. */
export function compareFindings(a: FindingData, b: FindingData): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.sheet.localeCompare(b.sheet) ||
    compareAddresses(a.cell ?? a.range ?? "", b.cell ?? b.range ?? "") ||
    a.code.localeCompare(b.code)
  );
}

function compareAddresses(a: string, b: string): number {
  const pa = splitAddress(a);
  const pb = splitAddress(b);
  return pa.row - pb.row || pa.col.length - pb.col.length || pa.col.localeCompare(pb.col);
}

function splitAddress(address: string): { row: number; col: string } {
  const match = /^([A-Z]+)(\d+)/.exec(address);
  return { row: match?.[2] ? Number(match[2]) : 0, col: match?.[1] ?? "" };
}

/**
 * The order of compareFindings: severity, sheet, row, column, code; ties keep their
 * order. Each finding's address is parsed once into numbers in typed arrays, and an index array is
 * sorted: parsing with a regular expression and sorting key objects made garbage per finding,
 * collected while a large check's rows were still young (and copied with them).
 */
export function sortFindings(findings: readonly FindingData[]): FindingData[] {
  const count = findings.length;
  const severities = new Uint8Array(count);
  const rows = new Float64Array(count);
  const columns = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const finding = findings[i] as FindingData;
    severities[i] = SEVERITY_ORDER[finding.severity];
    const address = finding.cell ?? finding.range ?? "";
    // Column letters, then row digits, as /^([A-Z]+)(\d+)/ reads them. Letters count in bijective
    // base 26 ("Z" < "AA"): the order of shorter first, then alphabetical, exact to ten letters
    // (Excel's addresses have three at most).
    let column = 0;
    let at = 0;
    for (let code = address.charCodeAt(0); code >= 0x41 && code <= 0x5a; code = address.charCodeAt(++at)) column = column * 26 + code - 0x40;
    const lettersEnd = at;
    let row = 0;
    for (let code = address.charCodeAt(at); code >= 0x30 && code <= 0x39; code = address.charCodeAt(++at)) row = row * 10 + code - 0x30;
    const matched = lettersEnd > 0 && at > lettersEnd;
    rows[i] = matched ? row : 0;
    columns[i] = matched ? column : 0;
    order[i] = i;
  }
  order.sort(
    (a, b) =>
      (severities[a] as number) - (severities[b] as number) ||
      compareTexts((findings[a] as FindingData).sheet, (findings[b] as FindingData).sheet) ||
      (rows[a] as number) - (rows[b] as number) ||
      (columns[a] as number) - (columns[b] as number) ||
      compareTexts((findings[a] as FindingData).code, (findings[b] as FindingData).code) ||
      a - b,
  );
  const sorted = new Array<FindingData>(count);
  for (let i = 0; i < count; i++) sorted[i] = findings[order[i] as number] as FindingData;
  return sorted;
}

/** localeCompare, skipped for equal texts (the common case: same sheet, same column). */
function compareTexts(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

/** Counts per severity, as the report's `summary`. */
export function countBySeverity(findings: readonly FindingData[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors += 1;
    else if (f.severity === "warning") warnings += 1;
    else infos += 1;
  }
  return { errors, warnings, infos };
}
