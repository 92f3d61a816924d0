import {
  countBySeverity,
  formatCellReference,
  formatDate,
  formatNextStep,
  formatNumber,
  formatSeverity,
  mergeAdjacentFindings,
  translate,
  SEVERITIES,
  type CheckResult,
  type Finding,
  type FindingCode,
  type Lang,
  type MergedFinding,
} from "../domain";

/** How many findings of one rule are listed before "… en N meer". */
export const GROUP_LIMIT = 8;

/** The CLI's human output: a one-line verdict, then findings grouped by severity and rule. */
export function formatHumanReport(result: CheckResult, workbook: string, options: { all: boolean }): string {
  const lang: Lang = result.lang;
  const words = (key: "verdictOk" | "verdictNotOk" | "agreements" | "tables" | "monitoringYear" | "noMonitoringYear"): string =>
    translate("cli", key, lang);
  const counts = countBySeverity(result.findings);
  const count = (n: number): string => formatNumber(n, lang);
  const parts = [
    `${count(counts.errors)} ${formatSeverity("error", lang, counts.errors !== 1)}`,
    `${count(counts.warnings)} ${formatSeverity("warning", lang, counts.warnings !== 1)}`,
    `${count(counts.infos)} ${formatSeverity("info", lang, counts.infos !== 1)}`,
  ];
  const verdict = counts.errors > 0 ? words("verdictNotOk") : words("verdictOk");
  const scope = [
    `${count(result.agreements.length)} ${words("agreements")}`,
    `${count(result.tables.length)} ${words("tables")}`,
    result.year === undefined ? words("noMonitoringYear") : `${words("monitoringYear")} ${result.year}`,
  ].join(", ");
  const lines = [`${verdict}: ${workbook}: ${parts.join(", ")} (${scope})`];

  for (const severity of SEVERITIES) {
    const ofSeverity = result.findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push("", `${formatSeverity(severity, lang, true).toUpperCase()} (${count(ofSeverity.length)})`);
    for (const [code, group] of groupByCode(ofSeverity)) {
      // The rule's title, never its code: codes are for the JSON report and scripts.
      lines.push(`  ${translate("ruleTitles", code, lang)} (${count(group.length)})`);
      lines.push(`    ${translate("phrases", "nextStep", lang, { step: formatNextStep(code, lang) })}`);
      // Repeats in adjacent cells are one line with a range; the JSON keeps every cell.
      const merged = mergeAdjacentFindings(group);
      const shown = options.all ? merged : merged.slice(0, GROUP_LIMIT);
      for (const line of shown) lines.push(`    ${formatLine(line, lang)}`);
      if (shown.length < merged.length) lines.push(`    ${translate("cli", "moreInGroup", lang, { count: merged.length - shown.length })}`);
    }
  }
  if (counts.errors === 0 && counts.warnings === 0) lines.push("", translate("cli", "noErrorsOrWarnings", lang));
  const accepted = result.accepted ?? [];
  if (accepted.length > 0) {
    // Listed, never counted: a deliberate deviation the coordinator accepted, with the reason.
    lines.push("", `${translate("acceptance", "heading", lang).toUpperCase()} (${count(accepted.length)})`);
    for (const finding of accepted) {
      const where = formatCellReference(finding.sheet, finding.cell ?? finding.range ?? "A1");
      const { reason: text, date } = finding.acceptance;
      const reason = date === undefined ? translate("acceptance", "reasonLine", lang, { reason: text }) : translate("acceptance", "reasonLineDated", lang, { reason: text, date: formatDate(date, lang) });
      lines.push(`  ${where}  ${finding.message.replace(/\s*[\r\n]+\s*/g, " ")}`, `    ${reason.replace(/\s*[\r\n]+\s*/g, " ")}`);
    }
  }
  return lines.join("\n") + "\n";
}

function groupByCode(findings: readonly Finding[]): Map<FindingCode, Finding[]> {
  const groups = new Map<FindingCode, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.code) ?? [];
    group.push(finding);
    groups.set(finding.code, group);
  }
  return groups;
}

function formatLine(line: MergedFinding, lang: Lang): string {
  const { finding } = line;
  const where = formatCellReference(finding.sheet, line.where === "" ? "A1" : line.where);
  const cells = line.findings.length > 1 ? ` ${translate("phrases", "cellCount", lang, { count: line.findings.length })}` : "";
  // One finding per line: cell text with line breaks would break the layout.
  return `${where}  ${finding.message.replace(/\s*[\r\n]+\s*/g, " ")}${cells}`;
}
