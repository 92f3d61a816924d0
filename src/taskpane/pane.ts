import type { CheckResult, Finding, Lang, MergedFinding, Severity } from "../domain";
import { SEVERITIES, formatCellReference, formatNumber, formatSeverity } from "../domain";
import type { CheckOutcome, WorkbookAdapter, WriteNotice } from "../excel/addin-api";
import { FINDING_ACTIONS } from "./finding-actions";
import { filterFindings, findingsAtCell, listFilterOptions, listRuleLines, summarizeCheck, type FindingFilter, type RuleLines } from "./findings-view";
import { translate, type UiKey } from "./i18n";
import { MENU_ENTRIES } from "./menu-entries";
import type { ExportLoaders, FindingActionProvider, MenuEntry, PaneContext } from "./pane-context";
import { mountMenu } from "./pane-menu";
import { describeVerdict, el, renderCounts, renderFindingCard, renderRuleGroup, targetCell } from "./render-pane";
import { createInsightsPanel } from "./insights-panel";
import { AddinError } from "../excel/addin-error";

export type { ExportLoaders } from "./pane-context";

/**
 * The task pane, laid out for Excel's default width of 320 px: one primary action (Controleren)
 * and a menu for the rest, a summary, collapsible groups per rule (paged), "x van y" navigation
 * that selects the cell, and the card of the selected cell. The adapter is injected so tests can
 * run the pane on an in-memory host or a fake.
 */

export interface PaneOptions {
  readonly adapter: WorkbookAdapter;
  readonly lang: Lang;
  readonly exports?: ExportLoaders;
  /** The "Meer acties" menu; default MENU_ENTRIES (menu-entries.ts). */
  readonly menuEntries?: readonly MenuEntry[];
  /** Buttons on finding cards; default FINDING_ACTIONS (finding-actions.ts). */
  readonly findingActions?: readonly FindingActionProvider[];
}

export interface PaneHandle {
  /** Stops live checks and selection tracking (pane closing, tests). */
  dispose(): Promise<void>;
}

const DEFAULT_EXPORTS: ExportLoaders = {
  loadSummaryWorkbook: () => import(/* webpackChunkName: "export-workbook" */ "../export/summary-workbook"),
  loadReportHtml: () => import(/* webpackChunkName: "export-report" */ "../export/report-html"),
};

/** Lines of a rule group shown at first and per "Meer tonen": thousands of findings stay fast. */
export const PAGE_SIZE = 50;
/** Groups open at first while their first pages hold at most this many lines (at least one group). */
const OPEN_LINES = 100;
/** Longest stretch of rendering before the pane lets the browser paint and handle input. */
const SLICE_MS = 25;

/** Gives the event loop a turn: a long list renders in slices, never as one long task. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One line of the list in navigation order. */
interface LineRef {
  readonly group: number;
  readonly index: number;
  readonly line: MergedFinding;
}

/** A rendered rule group: its lines, its list element, and how many lines are in the DOM. */
interface GroupView {
  readonly rule: RuleLines;
  readonly details: HTMLDetailsElement;
  readonly list: HTMLElement;
  readonly more: HTMLButtonElement;
  shown: number;
}

/** Builds the pane inside `root` and wires it to the adapter. */
export function mountPane(root: HTMLElement, options: PaneOptions): PaneHandle {
  const { adapter, lang } = options;
  const exports = options.exports ?? DEFAULT_EXPORTS;
  const menuEntries = options.menuEntries ?? MENU_ENTRIES;
  const findingActions = options.findingActions ?? FINDING_ACTIONS;
  const t = (key: UiKey, values: Readonly<Record<string, string | number>> = {}): string => translate(key, lang, values);

  let result: CheckResult | undefined;
  let filter: FindingFilter = {};
  let stopLive: (() => Promise<void>) | undefined;
  let stopSelection: (() => Promise<void>) | undefined;
  let selected: { sheet: string; cell: string } | undefined;
  let liveErrorShown = false;
  let busy = false;
  let groups: GroupView[] = [];
  let order: LineRef[] = [];
  let current: number | undefined;
  /** Bumped by every new rendering: a slower, older one stops at its next slice. */
  let renderToken = 0;

  // Header: title, verdict (the one-line summary), live badge, stoplights, progress.
  const verdict = el("p", { class: "verdict", id: "verdict", "aria-live": "polite", "aria-atomic": "true" }, [t("verdictNotChecked")]);
  const liveBadge = el("p", { class: "live-badge", hidden: "" }, [t("live")]);
  const counts = el("div", { class: "counts-area" });
  const progressBar = el("div", { class: "progress-bar" });
  const progressText = el("p", { class: "progress-text" });
  const progress = el("div", { class: "progress", role: "progressbar", "aria-label": t("progress"), hidden: "" }, [el("div", { class: "progress-track" }, [progressBar]), progressText]);
  const header = el("header", { class: "pane-header" }, [el("h1", {}, [t("appTitle")]), verdict, liveBadge, counts, progress]);

  // Toolbar: the primary action and the menu with the rest.
  const checkButton = el("button", { type: "button", class: "action primary", title: t("checkHint") }, [t("check")]);
  const menu = mountMenu(menuEntries, lang, (entry) => void runAction(() => entry.run(context), entry.writes));
  const toolbar = el("div", { class: "toolbar", role: "group", "aria-label": t("toolbar") }, [checkButton, menu.element]);

  const alertBox = el("div", { class: "alert", role: "alert", id: "pane-alert" });
  const notice = el("div", { class: "notice", role: "status", id: "pane-notice" });
  const emptyState = el("p", { class: "empty-state", id: "empty-state" }, [t("emptyNotChecked")]);

  const themeSelect = el("select", { id: "filter-theme" });
  const partySelect = el("select", { id: "filter-party" });
  const severitySelect = el("select", { id: "filter-severity" });
  const filters = el("details", { class: "filters", hidden: "" }, [
    el("summary", {}, [t("filtersToggle")]),
    el("div", { class: "filter-fields" }, [
      labelled("filter-theme", t("filterTheme"), themeSelect),
      labelled("filter-party", t("filterParty"), partySelect),
      labelled("filter-severity", t("filterSeverity"), severitySelect),
    ]),
  ]);

  const selectedBody = el("div", { class: "selected-body" });
  const selectedSection = el("section", { class: "selected", "aria-labelledby": "selected-heading", hidden: "" }, [
    el("h2", { id: "selected-heading" }, [t("selectedCell")]),
    selectedBody,
  ]);

  const position = el("span", { class: "nav-position", "aria-live": "polite" });
  const previousButton = el("button", { type: "button", class: "nav-button", "aria-label": t("previousFinding"), title: t("previousFinding") }, ["‹"]);
  const nextButton = el("button", { type: "button", class: "nav-button", "aria-label": t("nextFinding"), title: t("nextFinding") }, ["›"]);
  const navigation = el("nav", { class: "finding-nav", "aria-label": t("navigation"), hidden: "" }, [previousButton, position, nextButton]);

  const list = el("div", { class: "finding-groups", id: "findings" });
  const findingsSection = el("section", { class: "findings", "aria-labelledby": "findings-heading", hidden: "" }, [
    el("h2", { id: "findings-heading" }, [t("findings")]),
    list,
  ]);

  // Why is this red, per party, what changed (insights-panel.ts).
  const insights = createInsightsPanel({
    lang,
    selectCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    ...(adapter.readCheckSnapshot !== undefined ? { readSnapshot: () => adapter.readCheckSnapshot?.() ?? Promise.resolve(undefined) } : {}),
    showError: (error) => showError(t("errorPrefix"), error),
  });

  const main = el("main", { class: "pane-main" }, [toolbar, alertBox, notice, emptyState, filters, selectedSection, ...insights.sections, navigation, findingsSection]);
  root.replaceChildren(header, main);
  root.setAttribute("aria-busy", "false");

  const context: PaneContext = {
    lang,
    adapter,
    exports,
    requireResult,
    t,
    showNotice,
    recheck: check,
    stopLiveChecks,
    run: runAction,
    showOutcome: applyOutcome,
    monitoringWritten: () => insights.forgetSnapshot(),
  };

  checkButton.addEventListener("click", () => void runAction(check, true));
  previousButton.addEventListener("click", () => void step(-1));
  nextButton.addEventListener("click", () => void step(1));
  for (const select of [themeSelect, partySelect, severitySelect]) {
    select.addEventListener("change", () => {
      filter = readFilter();
      void renderFindings();
    });
  }

  function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
    return el("div", { class: "field" }, [el("label", { for: id }, [label]), control]);
  }

  function fillSelect(select: HTMLSelectElement, values: readonly { value: string; label: string }[]): void {
    const previous = select.value;
    select.replaceChildren(el("option", { value: "" }, [t("filterAll")]), ...values.map((v) => el("option", { value: v.value }, [v.label])));
    if (values.some((v) => v.value === previous)) select.value = previous;
  }

  function readFilter(): FindingFilter {
    const severity = SEVERITIES.find((s) => s === severitySelect.value);
    return {
      ...(themeSelect.value !== "" ? { theme: themeSelect.value } : {}),
      ...(partySelect.value !== "" ? { party: partySelect.value } : {}),
      ...(severity !== undefined ? { severity } : {}),
    };
  }

  /**
   * Runs one user action: actions disabled meanwhile, errors shown in the pane (no dialogs). An
   * action that writes says first when Excel cannot undo it (no ExcelUndoApiAll: older builds).
   */
  async function runAction(action: () => Promise<void>, writes = false): Promise<void> {
    if (busy) return;
    alertBox.replaceChildren();
    liveErrorShown = false;
    notice.replaceChildren();
    if (writes && !adapter.isUndoSupported()) showNotice(t("undoUnavailable"));
    setBusy(true);
    try {
      await action();
    } catch (error) {
      showError(t("errorPrefix"), error);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(value: boolean): void {
    busy = value;
    // aria-disabled, not disabled: a disabled button drops keyboard focus to the document.
    checkButton.setAttribute("aria-disabled", value ? "true" : "false");
    menu.setDisabled(value);
    root.setAttribute("aria-busy", value ? "true" : "false");
  }

  function showError(prefix: string, error: unknown): void {
    // Excel's own errors in the pane's language; anything else is our bug, shown as it is.
    const detail = error instanceof AddinError ? error.describe(lang) : error instanceof Error ? error.message : String(error);
    alertBox.replaceChildren(el("p", {}, [`${prefix}: ${detail}`]));
  }

  /** Adds lines to the notice area (an action's notices follow the undo warning shown before it). */
  function showNotice(...lines: (string | Node)[]): void {
    notice.append(...lines.map((line) => (typeof line === "string" ? el("p", {}, [line]) : line)));
  }

  /** The progress bar: a fraction from 0 to 1, or undefined while the amount of work is unknown. */
  function showProgress(text: string, fraction?: number): void {
    progress.hidden = false;
    progressText.textContent = text;
    progress.setAttribute("aria-valuetext", text);
    if (fraction === undefined) {
      progress.classList.add("indeterminate");
      progress.removeAttribute("aria-valuenow");
      progressBar.style.width = "";
      return;
    }
    progress.classList.remove("indeterminate");
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    progress.setAttribute("aria-valuemin", "0");
    progress.setAttribute("aria-valuemax", "100");
    progress.setAttribute("aria-valuenow", String(percent));
    // CSSOM, not a style attribute: the pane's CSP forbids inline style attributes.
    progressBar.style.width = `${percent}%`;
  }

  function hideProgress(): void {
    progress.hidden = true;
  }

  function describeWriteNotice(note: WriteNotice): string {
    switch (note.kind) {
      case "read-only":
        return t("writesReadOnly");
      case "protected":
        return t("writesProtected", { sheets: note.sheets.join(", ") });
      case "refused":
        return t("writesRefused");
      default:
        return t("undoCleared");
    }
  }

  function requireResult(): CheckResult | undefined {
    if (result === undefined) showNotice(t("checkFirst"));
    return result;
  }

  async function check(): Promise<void> {
    verdict.textContent = t("verdictChecking");
    showProgress(t("progressChecking"));
    let outcome: CheckOutcome;
    try {
      outcome = await adapter.checkWorkbook(lang);
    } catch (error) {
      hideProgress();
      throw error;
    }
    await applyOutcome(outcome);
    showNotice(...outcome.notices.map(describeWriteNotice), ...outcome.keptValidation.map((note) => t("keptValidation", { sheet: note.sheet, column: note.column })));
    if (stopLive === undefined) {
      stopLive = await adapter.startLiveChecks(
        lang,
        (outcome) => {
          // A later successful re-check makes an earlier live error stale.
          if (liveErrorShown) alertBox.replaceChildren();
          liveErrorShown = false;
          void applyOutcome(outcome);
        },
        (error) => {
          // Live errors arrive outside any button action: shown in the pane, never as a dialog.
          showError(t("liveError"), error);
          liveErrorShown = true;
        },
      );
      liveBadge.hidden = false;
    }
  }

  async function watchSelection(): Promise<void> {
    stopSelection = await adapter.onSelectionChanged((sheet, cell) => {
      selected = { sheet, cell };
      renderSelected();
      insights.select(sheet, cell);
    });
  }

  async function stopLiveChecks(): Promise<void> {
    const stop = stopLive;
    stopLive = undefined;
    liveBadge.hidden = true;
    if (stop !== undefined) await stop();
  }

  async function applyOutcome(outcome: CheckOutcome): Promise<void> {
    result = outcome.result;
    insights.update(outcome.result);
    const token = ++renderToken;
    // The adapter's write planning just ran in this task; the summary of 20k rows gets its own.
    await yieldToEventLoop();
    if (token !== renderToken) return;
    const summary = summarizeCheck(outcome.result);
    const hasAgreements = outcome.result.agreementSheets.length > 0;
    verdict.textContent = describeVerdict(summary, hasAgreements, lang);
    counts.replaceChildren(renderCounts(summary, lang));
    const options = listFilterOptions(outcome.result);
    fillSelect(themeSelect, options.themes.map((name) => ({ value: name, label: name })));
    fillSelect(partySelect, options.parties.map((name) => ({ value: name, label: name })));
    fillSelect(severitySelect, SEVERITIES.map((s: Severity) => ({ value: s, label: formatSeverity(s, lang, true) })));
    filter = readFilter();
    const noFindings = outcome.result.findings.length === 0;
    emptyState.textContent = !hasAgreements && noFindings ? t("emptyNoAgreements") : noFindings ? t("noFindings") : "";
    emptyState.hidden = !noFindings;
    filters.hidden = noFindings;
    findingsSection.hidden = noFindings;
    renderSelected();
    await yieldToEventLoop();
    if (token !== renderToken) return;
    await renderFindings();
  }

  /** The list: rule groups in slices, the first page of each open group; navigation over all lines. */
  async function renderFindings(): Promise<void> {
    if (result === undefined) return;
    const token = ++renderToken;
    // Live updates re-render the list; keep keyboard focus on the same finding when it survives.
    const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? findingKey(document.activeElement) : undefined;
    const previousKey = current === undefined ? undefined : lineKey(order[current]?.line.finding);
    const rules = listRuleLines(filterFindings(result, filter));
    await yieldToEventLoop();
    if (token !== renderToken) return;
    order = rules.flatMap((rule, group) => rule.lines.map((line, index) => ({ group, index, line })));
    const again = previousKey === undefined ? -1 : order.findIndex((ref) => lineKey(ref.line.finding) === previousKey);
    current = again < 0 ? undefined : again;
    groups = [];
    if (order.length === 0) {
      list.replaceChildren(el("p", { class: "empty" }, [result.findings.length === 0 ? t("noFindings") : t("noFilteredFindings")]));
      navigation.hidden = true;
      hideProgress();
      return;
    }
    navigation.hidden = false;
    updatePosition();
    const fragment = document.createDocumentFragment();
    let openLines = 0;
    const firstPages = rules.reduce((n, rule) => n + Math.min(PAGE_SIZE, rule.lines.length), 0);
    let done = 0;
    let sliceStart = performance.now();
    for (const [index, rule] of rules.entries()) {
      const open = index === 0 || openLines + Math.min(PAGE_SIZE, rule.lines.length) <= OPEN_LINES;
      const view = createGroupView(rule, open);
      groups.push(view);
      fragment.append(view.details);
      if (open) {
        openLines += Math.min(PAGE_SIZE, rule.lines.length);
        done += showLines(view, PAGE_SIZE);
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        showProgress(t("progressShowing", { done: formatNumber(done, lang), total: formatNumber(firstPages, lang) }), done / firstPages);
        await yieldToEventLoop();
        if (token !== renderToken) return;
        sliceStart = performance.now();
      }
    }
    list.replaceChildren(fragment);
    hideProgress();
    if (current !== undefined) markCurrent(false);
    if (focused !== undefined) {
      const match = [...list.querySelectorAll<HTMLElement>("button.finding")].find((b) => findingKey(b) === focused);
      match?.focus();
    }
  }

  function createGroupView(rule: RuleLines, open: boolean): GroupView {
    const { group: details, list: lines } = renderRuleGroup(rule, lang, open);
    const more = el("button", { type: "button", class: "show-more", hidden: "" });
    details.append(more);
    const view: GroupView = { rule, details, list: lines, more, shown: 0 };
    more.addEventListener("click", () => {
      showLines(view, view.shown + PAGE_SIZE);
      // Keep the keyboard where the user was: on the first line just added.
      lines.querySelectorAll<HTMLElement>("button.finding")[view.shown - Math.min(PAGE_SIZE, view.shown)]?.focus();
    });
    // Lines of a closed group are made when it opens: thousands of findings cost nothing until read.
    details.addEventListener("toggle", () => {
      if (details.open && view.shown === 0) showLines(view, PAGE_SIZE);
    });
    return view;
  }

  /** Puts the group's lines up to `upTo` in the DOM; returns how many it added. */
  function showLines(view: GroupView, upTo: number): number {
    const target = Math.min(upTo, view.rule.lines.length);
    const added: HTMLElement[] = [];
    for (let index = view.shown; index < target; index += 1) {
      const line = view.rule.lines[index];
      if (line === undefined) continue;
      const card = renderFindingCard(line.finding, lang, {
        merged: line,
        onSelect: () => void goTo(order.findIndex((ref) => ref.line === line)),
        actions: actionsFor(line.finding, "list"),
      });
      added.push(el("li", {}, [card]));
    }
    view.list.append(...added);
    const count = target - view.shown;
    view.shown = target;
    const rest = view.rule.lines.length - view.shown;
    view.more.hidden = rest === 0;
    view.more.textContent = t("showMore", { count: formatNumber(Math.min(PAGE_SIZE, rest), lang), total: formatNumber(rest, lang) });
    return count;
  }

  function actionsFor(finding: Finding, where: "list" | "selected"): HTMLElement[] {
    return findingActions.flatMap((provide) => provide(finding, where, context));
  }

  function updatePosition(): void {
    const index = current === undefined ? "–" : formatNumber(current + 1, lang);
    position.textContent = t("findingPosition", { index, count: formatNumber(order.length, lang) });
    previousButton.setAttribute("aria-disabled", current === undefined || current === 0 ? "true" : "false");
    nextButton.setAttribute("aria-disabled", current !== undefined && current >= order.length - 1 ? "true" : "false");
  }

  async function step(delta: number): Promise<void> {
    if (order.length === 0) return;
    const target = current === undefined ? (delta > 0 ? 0 : order.length - 1) : current + delta;
    if (target < 0 || target >= order.length) return;
    await goTo(target);
  }

  /** Makes a line the current one: its group open, its page shown, marked, and its cell selected. */
  async function goTo(index: number): Promise<void> {
    const ref = order[index];
    if (ref === undefined) return;
    current = index;
    updatePosition();
    markCurrent(true);
    await selectFinding(ref.line.finding);
  }

  function markCurrent(scroll: boolean): void {
    const ref = current === undefined ? undefined : order[current];
    for (const marked of list.querySelectorAll("[aria-current]")) marked.removeAttribute("aria-current");
    if (ref === undefined) return;
    const view = groups[ref.group];
    if (view === undefined) return;
    if (!view.details.open) view.details.open = true;
    if (view.shown <= ref.index) showLines(view, Math.ceil((ref.index + 1) / PAGE_SIZE) * PAGE_SIZE);
    const button = view.list.querySelectorAll<HTMLElement>(".finding")[ref.index];
    if (button === undefined) return;
    button.setAttribute("aria-current", "true");
    if (scroll) button.scrollIntoView({ block: "nearest" });
  }

  function findingKey(element: HTMLElement): string {
    return [element.dataset["sheet"], element.dataset["cell"], element.dataset["code"]].join("\u0000");
  }

  function lineKey(finding: Finding | undefined): string | undefined {
    return finding === undefined ? undefined : [finding.sheet, targetCell(finding) ?? "", finding.code].join("\u0000");
  }

  function renderSelected(): void {
    if (result === undefined || selected === undefined) return;
    const here = findingsAtCell(result, selected.sheet, selected.cell);
    selectedSection.hidden = false;
    const heading = el("p", { class: "selected-ref" }, [formatCellReference(selected.sheet, selected.cell)]);
    const items =
      here.length === 0
        ? [el("p", { class: "empty" }, [t("selectedNone")])]
        : [el("ul", { class: "finding-list" }, here.map((f) => el("li", {}, [renderFindingCard(f, lang, { showSeverity: true, actions: actionsFor(f, "selected") })])))];
    selectedBody.replaceChildren(heading, ...items);
  }

  async function selectFinding(finding: Finding): Promise<void> {
    const cell = targetCell(finding);
    if (cell === undefined) return;
    alertBox.replaceChildren();
    try {
      await adapter.selectCell(finding.sheet, cell);
      // The card follows the pane's own selection too, whether or not Excel reports it as a change.
      selected = { sheet: finding.sheet, cell };
      renderSelected();
      insights.select(finding.sheet, cell);
    } catch (error) {
      showError(t("errorPrefix"), error);
    }
  }

  // Watching the selection from the start also lets the adapter learn the sheet names, so even the
  // first check is 2 round trips (read, write) instead of 3.
  watchSelection().catch((error: unknown) => showError(t("errorPrefix"), error));

  return {
    async dispose(): Promise<void> {
      renderToken += 1;
      menu.dispose();
      await stopLiveChecks();
      const stop = stopSelection;
      stopSelection = undefined;
      if (stop !== undefined) await stop();
    },
  };
}
