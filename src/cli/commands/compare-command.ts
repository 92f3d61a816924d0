import * as path from "path";
import {
  compareChecks,
  describeChanges,
  formatCellReference,
  translate,
  type CheckComparison,
  type CheckResult,
  type ComparedAgreement,
  type Lang,
  type ReportFinding,
  type StatusChange,
} from "../../domain";
import { InputError } from "../input-error";
import type { CompareCommand } from "../parse-arguments";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { checkInputWorkbook } from "../check-input";

/** Longest agreement text shown on one line of the human output. */
const MAX_TEXT = 90;

/**
 * `prestatiemonitor compare <vorige.xlsx> <nieuwe.xlsx> [--json]`: checks both workbooks and prints
 * what changed (README "compare"). Returns the comparison; the caller turns it into the exit code.
 */
export async function runCompare(command: CompareCommand, io: { readonly stdout: (text: string) => void }): Promise<CheckComparison> {
  const previous = await checkFile(command.previous, command.lang);
  const current = await checkFile(command.current, command.lang);
  const comparison = compareChecks(previous, current, { previous: path.basename(command.previous), current: path.basename(command.current) });
  io.stdout(command.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparison(comparison, command.lang));
  return comparison;
}

/** `check --previous <vorige.xlsx>`: the previous version checked and compared with this check. */
export async function compareWithPrevious(previousFile: string, current: CheckResult, currentName: string, lang: Lang): Promise<CheckComparison> {
  const previous = await checkFile(previousFile, lang);
  return compareChecks(previous, current, { previous: path.basename(previousFile), current: currentName });
}

/** "Vergeleken met oud.xlsx (monitoringjaar 2022): 2 afspraken van groen naar rood, …" (the human output's line). */
export function describeComparisonLine(comparison: CheckComparison, lang: Lang): string {
  const changes = describeChanges(comparison, lang);
  const values = { previous: comparison.previous.workbook, year: comparison.previous.year ?? translate("compare", "noYear", lang) };
  return changes === "" ? translate("insight", "reportNothing", lang, values) : translate("insight", "reportIntro", lang, { ...values, changes });
}

async function checkFile(file: string, lang: Lang): Promise<CheckResult> {
  const input = await readWorkbookFile(file);
  const result = checkInputWorkbook(input, { lang });
  if (result.agreementSheets.length === 0 && result.tables.length === 0) {
    throw new InputError(translate("cli", "noAgreementsSheet", "en", { workbook: file }));
  }
  return result;
}

/** The human output: a title, the agreements line, then each non-empty section with its lines. */
export function formatComparison(comparison: CheckComparison, lang: Lang): string {
  const words = (key: Parameters<typeof translate<"compare">>[1], values: Readonly<Record<string, string | number>> = {}): string =>
    translate("compare", key, lang, values);
  const yearOf = (year: number | null): string => (year === null ? words("noYear") : String(year));
  const lines = [
    words("title", {
      previous: comparison.previous.workbook,
      previousYear: yearOf(comparison.previous.year),
      current: comparison.current.workbook,
      currentYear: yearOf(comparison.current.year),
    }),
    words("agreementsLine", {
      matched: comparison.agreements.matched,
      added: comparison.agreements.added.length,
      removed: comparison.agreements.removed.length,
    }),
  ];
  const section = (title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push("", `${title.toUpperCase()} (${items.length})`, ...items.map((item) => `  ${item}`));
  };
  const statusWord = (status: string | null): string => status ?? words("noStatus");
  const changeLine = (change: StatusChange): string =>
    `${placeOf(change.current)}  ${statusWord(change.from)} -> ${statusWord(change.to)}  ${describe(change.current)}`;
  for (const kind of ["worse", "other", "better"] as const) {
    section(words(kind), comparison.statusChanges.filter((c) => c.change === kind).map(changeLine));
  }
  section(words("added"), comparison.agreements.added.map((a) => `${placeOf(a)}  ${describe(a)}`));
  section(words("removed"), comparison.agreements.removed.map((a) => `${placeOf(a)}  ${describe(a)}`));
  section(words("newFindings"), comparison.findings.new.map(findingLine));
  section(words("solvedFindings"), comparison.findings.solved.map(findingLine));
  if (lines.length === 2) lines.push("", words("nothingChanged"));
  return `${lines.join("\n")}\n`;
}

function placeOf(agreement: ComparedAgreement): string {
  return formatCellReference(agreement.sheet, agreement.cell ?? `${agreement.row}:${agreement.row}`);
}

/** "Thema: afspraak (partijen)", on one line and cut short. */
function describe(agreement: ComparedAgreement): string {
  const text = [agreement.theme, agreement.agreement].filter((t) => t !== undefined && t !== "").join(": ");
  const parties = agreement.parties === undefined ? "" : ` (${agreement.parties})`;
  return oneLine(`${shorten(oneLine(text))}${parties}`);
}

function findingLine(finding: ReportFinding): string {
  return `${formatCellReference(finding.sheet, finding.cell ?? finding.range ?? "A1")}  ${finding.code}  ${oneLine(finding.message)}`;
}

function shorten(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1).trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
