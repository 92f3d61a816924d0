import {
  formatCellReference,
  formatNextStep,
  formatNumber,
  formatSeverity,
  NO_STATUS_KEY,
  translate as translateText,
  type Finding,
  type FindingCode,
  type Lang,
  type MergedFinding,
  type Severity,
} from "../domain";
import type { CheckSummary } from "./findings-view";
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

/** The summary under the verdict: agreements and year, and the stoplight counts of that year. */
export function renderCounts(summary: CheckSummary, lang: Lang): HTMLElement {
  const agreements =
    summary.year === undefined
      ? translate("agreementsNoYear", lang, { count: formatNumber(summary.agreementCount, lang) })
      : translate("agreementsInYear", lang, { count: formatNumber(summary.agreementCount, lang), year: summary.year });
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
  return el("div", { class: "summary" }, [el("p", { class: "agreements" }, [agreements]), statusList]);
}

/** A finding's reference: `Sheet!A1`, the merged range of repeats, or the sheet alone. */
function describeWhere(finding: Finding, merged: MergedFinding | undefined): string {
  const cell = targetCell(finding);
  const shownCell = merged !== undefined && merged.findings.length > 1 ? merged.where : cell;
  return shownCell === undefined ? finding.sheet : formatCellReference(finding.sheet, shownCell);
}

/** Message, repeat count and suggestion of a finding (the text of its card). */
function describeFinding(finding: Finding, lang: Lang, merged: MergedFinding | undefined): HTMLElement[] {
  const parts = [el("span", { class: "finding-message" }, [finding.message])];
  if (merged !== undefined && merged.findings.length > 1) {
    parts.push(el("span", { class: "finding-count" }, [translateText("phrases", "cellCount", lang, { count: formatNumber(merged.findings.length, lang) })]));
  }
  // The formatter already asks "Bedoelt u 'X'?" for most rules; repeat the fix only when it does not.
  if (finding.suggestion !== undefined && finding.suggestion !== "" && !finding.message.includes(finding.suggestion)) {
    parts.push(el("span", { class: "finding-suggestion" }, [`${translate("suggestion", lang)}: ${finding.suggestion}`]));
  }
  return parts;
}

/**
 * A finding card: a button that selects its cell (reference and message), and below it the
 * actions area that finding actions fill (finding-actions.ts; hidden while empty). Without a cell
 * to select the text is not a button.
 */
export function renderFindingCard(
  finding: Finding,
  lang: Lang,
  options: { onSelect?: (finding: Finding) => void; merged?: MergedFinding; showSeverity?: boolean; actions?: readonly HTMLElement[] } = {},
): HTMLElement {
  const cell = targetCell(finding);
  const head: HTMLElement[] = [];
  if (options.showSeverity === true) head.push(el("span", { class: "severity-badge" }, [capitalize(formatSeverity(finding.severity, lang))]));
  head.push(el("span", { class: "finding-ref" }, [describeWhere(finding, options.merged)]));
  const text = [el("span", { class: "finding-head" }, head), ...describeFinding(finding, lang, options.merged)];
  const onSelect = options.onSelect;
  let body: HTMLElement;
  if (cell === undefined || onSelect === undefined) {
    body = el("div", { class: "finding" }, text);
  } else {
    body = el("button", { type: "button", class: "finding", "data-sheet": finding.sheet, "data-cell": cell, "data-code": finding.code }, text);
    body.addEventListener("click", () => onSelect(finding));
  }
  const actions = el("div", { class: "finding-actions", "aria-label": translate("findingActions", lang), role: "group" }, options.actions ?? []);
  if ((options.actions ?? []).length === 0) actions.hidden = true;
  return el("div", { class: `finding-card severity-${finding.severity}` }, [body, actions]);
}

/** A rule group's frame: a collapsible heading with severity, title and count, and what to do next. */
export function renderRuleGroup(rule: { code: FindingCode; severity: Severity; count: number }, lang: Lang, open: boolean): { group: HTMLDetailsElement; list: HTMLElement } {
  const list = el("ul", { class: "finding-list" });
  const group = el("details", { class: `rule-group severity-${rule.severity}`, "data-code": rule.code }, [
    el("summary", { class: "rule-heading" }, [
      el("span", { class: "severity-mark", "aria-hidden": "true" }),
      el("span", { class: "rule-title" }, [formatRuleTitle(rule.code, lang)]),
      el("span", { class: "visually-hidden" }, [`, ${formatSeverity(rule.severity, lang)}`]),
      el("span", { class: "rule-count" }, [formatNumber(rule.count, lang)]),
    ]),
    el("p", { class: "rule-next-step" }, [translateText("phrases", "nextStep", lang, { step: formatNextStep(rule.code, lang) })]),
    list,
  ]);
  group.open = open;
  return { group, list };
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
