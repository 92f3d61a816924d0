import {
  formatCellReference,
  formatNextStep,
  formatNumber,
  formatSeverity,
  mergeAdjacentFindings,
  NO_STATUS_KEY,
  translate as translateText,
  type Finding,
  type Lang,
  type MergedFinding,
  type Severity,
} from "../domain";
import type { CheckSummary, SeverityGroup } from "./findings-view";
import { formatRuleTitle, translate } from "./i18n";

/**
 * DOM building for the pane. Every piece of workbook text goes in through textContent (via
 * `el`), never innerHTML: a cell holding markup must show as text and run nothing.
 */

type Attributes = Readonly<Record<string, string>>;

/** An element with attributes and text or child nodes; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

/** The cell a finding points at: its cell, else the first cell of its range. */
export function targetCell(finding: Finding): string | undefined {
  return finding.cell ?? finding.range?.split(":")[0];
}

/** The verdict line: the most important fact first. */
export function describeVerdict(summary: CheckSummary, hasAgreements: boolean, lang: Lang): string {
  if (!hasAgreements && summary.errors === 0 && summary.warnings === 0) return translate("verdictNoAgreements", lang);
  const warnings = countWords(summary.warnings, "warning", lang);
  if (summary.errors > 0) return translate("verdictErrors", lang, { errors: countWords(summary.errors, "error", lang), warnings });
  if (summary.warnings > 0) return translate("verdictWarnings", lang, { warnings });
  return translate("verdictClean", lang);
}

/** "1 fout", "3 fouten", "1 warning". */
function countWords(count: number, severity: Severity, lang: Lang): string {
  return `${formatNumber(count, lang)} ${formatSeverity(severity, lang, count !== 1)}`;
}

/** Stoplight counts of the monitoring year and finding counts per severity. */
export function renderCounts(summary: CheckSummary, lang: Lang): HTMLElement {
  const agreements =
    summary.year === undefined
      ? translate("agreementsNoYear", lang, { count: summary.agreementCount })
      : translate("agreementsInYear", lang, { count: summary.agreementCount, year: summary.year });
  const statusList = el(
    "ul",
    { class: "counts statuses", "aria-label": translate("statusCounts", lang) },
    summary.statuses.map((s) =>
      el("li", { class: "count" }, [
        renderSwatch(s.color),
        el("span", { class: "count-label" }, [s.status === NO_STATUS_KEY ? translate("noStatus", lang) : s.status]),
        el("span", { class: "count-value" }, [formatNumber(s.count, lang)]),
      ]),
    ),
  );
  const severities: [keyof Pick<CheckSummary, "errors" | "warnings" | "infos">, "error" | "warning" | "info"][] = [
    ["errors", "error"],
    ["warnings", "warning"],
    ["infos", "info"],
  ];
  const severityList = el(
    "ul",
    { class: "counts severities", "aria-label": translate("findingCounts", lang) },
    severities.map(([key, severity]) =>
      el("li", { class: `count severity-${severity}` }, [
        el("span", { class: "severity-mark", "aria-hidden": "true" }),
        el("span", { class: "count-label" }, [formatSeverity(severity, lang, true)]),
        el("span", { class: "count-value" }, [formatNumber(summary[key], lang)]),
      ]),
    ),
  );
  return el("div", { class: "summary" }, [el("p", { class: "agreements" }, [agreements]), statusList, severityList]);
}

/** One finding: reference, message, suggestion. A button when it points at a cell. */
export function renderFinding(finding: Finding, lang: Lang, onSelect?: (finding: Finding) => void, merged?: MergedFinding): HTMLElement {
  const cell = targetCell(finding);
  const repeated = merged !== undefined && merged.findings.length > 1;
  const shownCell = repeated ? merged.where : cell;
  const reference = shownCell === undefined ? finding.sheet : formatCellReference(finding.sheet, shownCell);
  const parts: (Node | string)[] = [
    el("span", { class: "finding-ref" }, [reference]),
    el("span", { class: "finding-message" }, [finding.message]),
  ];
  if (repeated) parts.push(el("span", { class: "finding-count" }, [translateText("phrases", "cellCount", lang, { count: merged.findings.length })]));
  // The formatter already asks "Bedoelt u 'X'?" for most rules; repeat the fix only when it does not.
  if (finding.suggestion !== undefined && finding.suggestion !== "" && !finding.message.includes(finding.suggestion)) {
    parts.push(el("span", { class: "finding-suggestion" }, [`${translate("suggestion", lang)}: ${finding.suggestion}`]));
  }
  if (cell === undefined || onSelect === undefined) return el("div", { class: "finding" }, parts);
  const button = el(
    "button",
    { type: "button", class: "finding", "data-sheet": finding.sheet, "data-cell": cell, "data-code": finding.code },
    parts,
  );
  button.addEventListener("click", () => onSelect(finding));
  return button;
}

/** Findings grouped by severity, then rule: headings for screen-reader navigation. */
export function renderGroups(groups: readonly SeverityGroup[], lang: Lang, onSelect: (finding: Finding) => void): HTMLElement[] {
  return groups.map((group) =>
    el("section", { class: `severity-group severity-${group.severity}`, "aria-label": formatSeverity(group.severity, lang, true) }, [
      el("h3", { class: "severity-heading" }, [
        el("span", { class: "severity-mark", "aria-hidden": "true" }),
        `${capitalize(formatSeverity(group.severity, lang, true))} (${formatNumber(group.count, lang)})`,
      ]),
      ...group.rules.map((rule) =>
        el("div", { class: "rule-group" }, [
          el("h4", { class: "rule-heading" }, [
            `${formatRuleTitle(rule.code, lang)} (${formatNumber(rule.findings.length, lang)}) `,
            el("span", { class: "rule-code" }, [rule.code]),
          ]),
          el("p", { class: "rule-next-step" }, [translateText("phrases", "nextStep", lang, { step: formatNextStep(rule.code, lang) })]),
          el(
            "ul",
            { class: "finding-list" },
            // Repeats in adjacent cells are one line with their range; selecting it goes to the first cell.
            mergeAdjacentFindings(rule.findings).map((line) => el("li", {}, [renderFinding(line.finding, lang, onSelect, line)])),
          ),
        ]),
      ),
    ]),
  );
}

/** A stoplight dot; colour set through CSSOM because the CSP forbids inline style attributes. */
function renderSwatch(color: string | undefined): HTMLElement {
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.backgroundColor = color ?? "#d1d1d1";
  return swatch;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
