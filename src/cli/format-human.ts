import {
  countBySeverity,
  formatCellReference,
  formatSeverity,
  SEVERITIES,
  type CheckResult,
  type Finding,
  type Lang,
} from "../domain";

/** How many findings of one rule are listed before "… en N meer". */
export const GROUP_LIMIT = 8;

const WORDS = {
  nl: {
    ok: "In orde",
    notOk: "Niet in orde",
    none: "geen fouten of waarschuwingen",
    agreements: "afspraken",
    tables: "tabellen",
    year: "monitoringjaar",
    more: (n: number) => `… en ${n} meer (alles tonen: --all)`,
    noYear: "geen monitoringjaar",
  },
  en: {
    ok: "OK",
    notOk: "Not OK",
    none: "no errors or warnings",
    agreements: "agreements",
    tables: "tables",
    year: "monitoring year",
    more: (n: number) => `… and ${n} more (show all: --all)`,
    noYear: "no monitoring year",
  },
} as const;

/** The CLI's human output: a one-line verdict, then findings grouped by severity and rule. */
export function formatHumanReport(result: CheckResult, workbook: string, options: { all: boolean }): string {
  const lang: Lang = result.lang;
  const words = WORDS[lang];
  const counts = countBySeverity(result.findings);
  const parts = [
    `${counts.errors} ${formatSeverity("error", lang, counts.errors !== 1)}`,
    `${counts.warnings} ${formatSeverity("warning", lang, counts.warnings !== 1)}`,
    `${counts.infos} ${formatSeverity("info", lang, counts.infos !== 1)}`,
  ];
  const verdict = counts.errors > 0 ? words.notOk : words.ok;
  const scope = [
    `${result.agreements.length} ${words.agreements}`,
    `${result.tables.length} ${words.tables}`,
    result.year === undefined ? words.noYear : `${words.year} ${result.year}`,
  ].join(", ");
  const lines = [`${verdict}: ${workbook}: ${parts.join(", ")} (${scope})`];

  for (const severity of SEVERITIES) {
    const ofSeverity = result.findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push("", `${formatSeverity(severity, lang, true).toUpperCase()} (${ofSeverity.length})`);
    for (const [code, group] of groupByCode(ofSeverity)) {
      lines.push(`  ${code} (${group.length})`);
      const shown = options.all ? group : group.slice(0, GROUP_LIMIT);
      for (const finding of shown) lines.push(`    ${formatLine(finding)}`);
      if (shown.length < group.length) lines.push(`    ${words.more(group.length - shown.length)}`);
    }
  }
  if (counts.errors === 0 && counts.warnings === 0) lines.push("", words.none);
  return lines.join("\n") + "\n";
}

function groupByCode(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.code) ?? [];
    group.push(finding);
    groups.set(finding.code, group);
  }
  return groups;
}

function formatLine(finding: Finding): string {
  const where = formatCellReference(finding.sheet, finding.cell ?? finding.range ?? "A1");
  // One finding per line: cell text with line breaks would break the layout.
  return `${where}  ${finding.message.replace(/\s*[\r\n]+\s*/g, " ")}`;
}
