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
  "missing-status-column",
  "missing-explanation",
  "placeholder-explanation",
  "duplicate-agreement",
  "markup-in-cell",
  "repeated-header",
  "cell-error",
  "status-vs-realisation",
  "stale-explanation",
  "proposed-status",
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

/**
 * The problems an `invalid-model` finding may name (its `problem` param); each has a phrase in the
 * catalogue (locales/*.ts, `modelProblems`).
 */
export const MODEL_PROBLEMS = [
  "missing-column",
  "empty-block",
  "missing-name",
  "duplicate-name",
  "unknown-kind",
  "invalid-color",
  "invalid-yes-no",
  "invalid-number",
  "invalid-year",
  "unknown-setting",
  "invalid-operator",
  "invalid-reference",
  "unresolved-reference",
  "unusable-block",
  "missing-value",
  "duplicate-block",
  "no-blocks",
  // Geaccepteerd block (acceptances.ts)
  "unknown-code",
  "invalid-cell",
] as const;

export type ModelProblem = (typeof MODEL_PROBLEMS)[number];

/**
 * What a param holds: "text-or-number" where a rule shows a year or a placeholder ("–"); "amount" a
 * number a reader counts in, written with thousands separators ("1.250").
 */
export type ParamKind = "text" | "number" | "amount" | "text-or-number" | "model-problem";

/**
 * Each code's params, key by key: the one list the message templates, the rules and the tests
 * read. `FindingParamsByCode` below is derived from it, so a rule passing a missing or mistyped
 * param for its code does not compile.
 */
export const FINDING_PARAMS = {
  "missing-theme": {},
  "unknown-theme": { value: "text" },
  "unknown-subtheme": { value: "text", theme: "text" },
  "missing-agreement": {},
  "missing-party": {},
  "unknown-party": { value: "text" },
  "party-separator": { value: "text", first: "text", second: "text" },
  "invalid-status": { value: "text", year: "text-or-number", allowed: "text" },
  "missing-status": { year: "number" },
  "missing-status-column": { year: "number" },
  "missing-explanation": { status: "text", year: "text-or-number" },
  "placeholder-explanation": { status: "text", year: "text-or-number", value: "text" },
  "duplicate-agreement": { firstRow: "number" },
  "markup-in-cell": { tags: "text" },
  "repeated-header": {},
  "cell-error": { value: "text" },
  "status-vs-realisation": {
    status: "text",
    year: "text-or-number",
    target: "amount",
    realised: "amount",
    /** "%" when the figures are percentages, else "". */
    unit: "text",
    /** Realised as a share of the target, percent, rounded. */
    share: "number",
    /** The status the numbers point at under the model's thresholds. */
    implied: "text",
  },
  "stale-explanation": { status: "text", year: "number", previousYear: "number" },
  /** Blank status in the monitoring year whose figures point at `proposed` (also the finding's suggestion). */
  "proposed-status": { year: "number", target: "amount", realised: "amount", unit: "text", share: "number", proposed: "text" },
  "invalid-model": { block: "text", problem: "model-problem", value: "text" },
  "percent-sum": { column: "text", sum: "text-or-number", tolerance: "number" },
  "total-row": { column: "text", label: "text" },
  subtotal: { label: "text", parent: "text", column: "text" },
  "total-column": { label: "text", column: "text" },
  "stock-flow": { year: "text-or-number" },
  "stock-continuity": { year: "number", nextYear: "number" },
  "cross-check": { check: "text", left: "text-or-number", operator: "text", right: "text-or-number" },
  "duplicate-table-number": { number: "text-or-number", first: "text" },
  "unparseable-number": { value: "text" },
  "number-as-text": { value: "text" },
} as const satisfies Readonly<Record<FindingCode, Readonly<Record<string, ParamKind>>>>;

type ParamValue<K extends ParamKind> = K extends "text"
  ? string
  : K extends "number" | "amount"
    ? number
    : K extends "model-problem"
      ? ModelProblem
      : string | number;

/**
 * The params of each code, exact keys and value types. The index signature lets a reader ask any
 * finding for a key (`f.params?.["year"]`) and get undefined; a rule must still give every key of
 * its code with the right type.
 */
export type FindingParamsByCode = {
  readonly [C in FindingCode]: {
    readonly [P in keyof (typeof FINDING_PARAMS)[C]]: ParamValue<Extract<(typeof FINDING_PARAMS)[C][P], ParamKind>>;
  } & { readonly [other: string]: string | number | undefined };
};

/** Values a message template may interpolate, of any code: what a reader of unknown findings sees. */
export type FindingParams = Readonly<Record<string, string | number | undefined>>;

/** The fields every finding has, whatever its code. */
interface FindingFields {
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
  /** One-based sheet row of the agreement or table row (for filters and links). */
  readonly row?: number;
  /** Table id ("Tabel 1") for table findings. */
  readonly table?: string;
}

/** A code without params leaves `params` out; every other code must give its params. */
type ParamsField<C extends FindingCode> = keyof (typeof FINDING_PARAMS)[C] extends never
  ? { readonly params?: FindingParamsByCode[C] }
  : { readonly params: FindingParamsByCode[C] };

/** A finding of one code, with that code's params (template values for the message formatter). */
export type FindingOf<C extends FindingCode> = FindingFields & { readonly code: C } & ParamsField<C>;

/** A finding before its message is formatted: what the rules produce (one member per code). */
export type FindingData = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** A finding as reported: the data plus its message in the report's language. */
export type Finding = FindingData & { readonly message: string };

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
