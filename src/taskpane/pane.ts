import type { CheckResult, Finding, Lang, Severity } from "../domain";
import { SEVERITIES, formatCellReference, formatSeverity } from "../domain";
import type { CheckOutcome, WorkbookAdapter, WriteNotice } from "../excel/addin-api";
import { AddinError } from "../excel/addin-error";
import { ModelSheetExistsError } from "../excel/insert-model-sheet";
import { filterFindings, findingsAtCell, groupFindings, listFilterOptions, summarizeCheck, type FindingFilter } from "./findings-view";
import { translate, type UiKey } from "./i18n";
import { describeVerdict, el, renderCounts, renderFinding, renderGroups, targetCell } from "./render-pane";
import { renderFindingActions, runAcceptFinding, runApplySuggestion, type ActionReport } from "./finding-actions";
import { proposeNewYear, renderNewYearButton, renderNewYearForm, runNewYear } from "./new-year-action";
import { createInsightsPanel } from "./insights-panel";

/**
 * The task pane: buttons that call the WorkbookAdapter, the verdict and counts, the grouped
 * finding list with filters, and the findings of the selected cell. The adapter is injected so
 * tests can run the pane on an in-memory host or a fake.
 */

/** The export seam: heavy modules (exceljs) load lazily, as separate chunks. */
export interface ExportLoaders {
  loadSummaryWorkbook(): Promise<{ buildSummaryWorkbookBase64(result: CheckResult, options?: { lang?: Lang }): Promise<string> }>;
  loadReportHtml(): Promise<{ buildReportHtml(result: CheckResult, lang: Lang): string }>;
}

export interface PaneOptions {
  readonly adapter: WorkbookAdapter;
  readonly lang: Lang;
  readonly exports?: ExportLoaders;
}

export interface PaneHandle {
  /** Stops live checks and selection tracking (pane closing, tests). */
  dispose(): Promise<void>;
}

const DEFAULT_EXPORTS: ExportLoaders = {
  loadSummaryWorkbook: () => import(/* webpackChunkName: "export-workbook" */ "../export/summary-workbook"),
  loadReportHtml: () => import(/* webpackChunkName: "export-report" */ "../export/report-html"),
};

/** Builds the pane inside `root` and wires it to the adapter. */
export function mountPane(root: HTMLElement, options: PaneOptions): PaneHandle {
  const { adapter, lang } = options;
  const exports = options.exports ?? DEFAULT_EXPORTS;
  const t = (key: UiKey, values: Readonly<Record<string, string | number>> = {}): string => translate(key, lang, values);

  let result: CheckResult | undefined;
  let filter: FindingFilter = {};
  let stopLive: (() => Promise<void>) | undefined;
  let stopSelection: (() => Promise<void>) | undefined;
  let selected: { sheet: string; cell: string } | undefined;
  let liveErrorShown = false;
  let busy = false;

  // Layout: banner with verdict, toolbar, messages, filters, selected cell, findings.
  const verdict = el("p", { class: "verdict", id: "verdict", "aria-live": "polite", "aria-atomic": "true" }, [t("verdictNotChecked")]);
  const liveBadge = el("p", { class: "live-badge", hidden: "" }, [t("live")]);
  const counts = el("div", { class: "counts-area" });
  const header = el("header", { class: "pane-header" }, [el("h1", {}, [t("appTitle")]), verdict, liveBadge, counts]);

  const buttons = {
    check: actionButton("check", "checkHint", true),
    writeMonitoring: actionButton("writeMonitoring", "writeMonitoringHint"),
    export: actionButton("export", "exportHint"),
    report: actionButton("report", "reportHint"),
    clear: actionButton("clear", "clearHint"),
    insertModel: actionButton("insertModel", "insertModelHint"),
    newYear: renderNewYearButton(lang),
  };
  // A group, not role=toolbar: the buttons are reached with Tab, not with arrow keys.
  const toolbar = el("div", { class: "toolbar", role: "group", "aria-label": t("toolbar") }, Object.values(buttons));

  const alertBox = el("div", { class: "alert", role: "alert", id: "pane-alert" });
  const notice = el("div", { class: "notice", role: "status", id: "pane-notice" });

  const themeSelect = el("select", { id: "filter-theme" });
  const partySelect = el("select", { id: "filter-party" });
  const severitySelect = el("select", { id: "filter-severity" });
  const filters = el("section", { class: "filters", "aria-labelledby": "filters-heading", hidden: "" }, [
    el("h2", { id: "filters-heading", class: "visually-hidden" }, [t("filters")]),
    labelled("filter-theme", t("filterTheme"), themeSelect),
    labelled("filter-party", t("filterParty"), partySelect),
    labelled("filter-severity", t("filterSeverity"), severitySelect),
  ]);

  const selectedBody = el("div", { class: "selected-body" });
  const selectedSection = el("section", { class: "selected", "aria-labelledby": "selected-heading", hidden: "" }, [
    el("h2", { id: "selected-heading" }, [t("selectedCell")]),
    selectedBody,
  ]);

  // Issue 20: why is this red, per party, what changed (insights-panel.ts).
  const insights = createInsightsPanel({
    lang,
    selectCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    ...(adapter.readCheckSnapshot !== undefined ? { readSnapshot: () => adapter.readCheckSnapshot?.() ?? Promise.resolve(undefined) } : {}),
    showError: (error) => showError(t("errorPrefix"), error),
  });

  const list = el("div", { class: "finding-groups", id: "findings" });
  const findingsSection = el("section", { class: "findings", "aria-labelledby": "findings-heading", hidden: "" }, [
    el("h2", { id: "findings-heading" }, [t("findings")]),
    list,
  ]);

  const main = el("main", { class: "pane-main" }, [toolbar, alertBox, notice, filters, selectedSection, ...insights.sections, findingsSection]);
  root.replaceChildren(header, main);
  root.setAttribute("aria-busy", "false");

  buttons.check.addEventListener("click", () => void runAction(check, true));
  buttons.writeMonitoring.addEventListener("click", () => void runAction(writeMonitoring, true));
  buttons.export.addEventListener("click", () => void runAction(exportSummary));
  buttons.report.addEventListener("click", () => void runAction(downloadReport));
  buttons.clear.addEventListener("click", () => void runAction(clearHighlighting, true));
  buttons.insertModel.addEventListener("click", () => void runAction(insertModel, true));
  buttons.newYear.addEventListener("click", () => {
    notice.replaceChildren(renderNewYearForm(lang, proposeNewYear(result), (year) => void runAction(() => report(runNewYear(adapter, year, lang)), true)));
  });
  for (const select of [themeSelect, partySelect, severitySelect]) {
    select.addEventListener("change", () => {
      filter = readFilter();
      renderFindings();
    });
  }

  function actionButton(label: UiKey, hint: UiKey, primary = false): HTMLButtonElement {
    return el("button", { type: "button", class: primary ? "action primary" : "action", title: t(hint) }, [t(label)]);
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
   * Runs one user action: buttons disabled meanwhile, errors shown in the pane (no dialogs). An
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
    for (const button of Object.values(buttons)) button.setAttribute("aria-disabled", value ? "true" : "false");
    root.setAttribute("aria-busy", value ? "true" : "false");
  }

  function showError(prefix: string, error: unknown): void {
    // Excel's own errors in the pane's language; anything else is our bug, shown as it is.
    const detail = error instanceof AddinError ? error.describe(lang) : error instanceof Error ? error.message : String(error);
    alertBox.replaceChildren(el("p", {}, [`${prefix}: ${detail}`]));
  }

  /** Adds lines to the notice area (an action's notices follow the undo warning shown before it). */
  function showNotice(...lines: string[]): void {
    notice.append(...lines.map((line) => el("p", {}, [line])));
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
    const outcome = await adapter.checkWorkbook(lang);
    applyOutcome(outcome);
    showNotice(...outcome.notices.map(describeWriteNotice), ...outcome.keptValidation.map((note) => t("keptValidation", { sheet: note.sheet, column: note.column })));
    if (stopLive === undefined) {
      stopLive = await adapter.startLiveChecks(
        lang,
        (outcome) => {
          // A later successful re-check makes an earlier live error stale.
          if (liveErrorShown) alertBox.replaceChildren();
          liveErrorShown = false;
          applyOutcome(outcome);
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

  async function writeMonitoring(): Promise<void> {
    const current = requireResult();
    if (current === undefined) return;
    const outcome = await adapter.writeMonitoringSheet(current);
    insights.forgetSnapshot();
    showNotice(outcome.renamedBecauseUserSheet ? t("monitoringRenamed", { sheet: outcome.sheet }) : t("monitoringWritten", { sheet: outcome.sheet }));
  }

  async function exportSummary(): Promise<void> {
    const current = requireResult();
    if (current === undefined) return;
    let module: Awaited<ReturnType<ExportLoaders["loadSummaryWorkbook"]>>;
    try {
      module = await exports.loadSummaryWorkbook();
    } catch {
      showNotice(t("exportUnavailable"));
      return;
    }
    const base64 = await module.buildSummaryWorkbookBase64(current, { lang });
    try {
      await adapter.openSummaryWorkbook(base64);
    } catch (error) {
      // Excel.createWorkbook disabled or refused: the same file as a download instead.
      if (!(error instanceof AddinError && error.kind === "create-workbook-unavailable")) throw error;
      const file = `prestatiemonitor-${current.year ?? "samenvatting"}.xlsx`;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      showNotice(t("exportDownload", { file }));
      notice.append(el("a", { href: url, download: file, class: "download-link" }, [file]));
      return;
    }
    showNotice(t("exportOpened"));
  }

  async function downloadReport(): Promise<void> {
    const current = requireResult();
    if (current === undefined) return;
    let module: Awaited<ReturnType<ExportLoaders["loadReportHtml"]>>;
    try {
      module = await exports.loadReportHtml();
    } catch {
      showNotice(t("exportUnavailable"));
      return;
    }
    const html = module.buildReportHtml(current, lang);
    // Excel on Mac ignores a download link (office-js #2700, #3385): there the adapter opens a dialog.
    if ((await adapter.openReport(html, new URL("report-dialog.html", window.location.href).href)) === "dialog") {
      showNotice(t("reportOpened"));
      return;
    }
    const file = `prestatiemonitor-${current.year ?? "rapport"}.html`;
    const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    const link = el("a", { href: url, download: file, class: "download-link" }, [file]);
    showNotice(t("reportReady", { file }));
    notice.append(link);
  }

  async function clearHighlighting(): Promise<void> {
    // Live checks follow the check that installed the highlighting; clearing ends both until the next check.
    await stopLiveChecks();
    await adapter.clearHighlighting();
    showNotice(t("cleared"));
  }

  async function insertModel(): Promise<void> {
    const current = requireResult();
    if (current === undefined) return;
    try {
      const sheet = await adapter.insertModelSheet(current);
      showNotice(t("modelInserted", { sheet }));
    } catch (error) {
      // An existing Model sheet is the coordinator's own model: say so, it is not a failure.
      if (error instanceof ModelSheetExistsError) showNotice(t("modelExists", { sheet: error.sheet }));
      else throw error;
    }
  }

  /** Shows an action's outcome: its line, and the re-check it brought (finding-actions.ts, new-year-action.ts). */
  async function report(running: Promise<ActionReport>): Promise<void> {
    const done = await running;
    if (done.check !== undefined) applyOutcome(done.check);
    showNotice(done.message);
  }

  async function stopLiveChecks(): Promise<void> {
    const stop = stopLive;
    stopLive = undefined;
    liveBadge.hidden = true;
    if (stop !== undefined) await stop();
  }

  function applyOutcome(outcome: CheckOutcome): void {
    result = outcome.result;
    const summary = summarizeCheck(outcome.result);
    verdict.textContent = describeVerdict(summary, outcome.result.agreementSheets.length > 0, lang);
    counts.replaceChildren(renderCounts(summary, lang));
    const options = listFilterOptions(outcome.result);
    fillSelect(themeSelect, options.themes.map((name) => ({ value: name, label: name })));
    fillSelect(partySelect, options.parties.map((name) => ({ value: name, label: name })));
    fillSelect(severitySelect, SEVERITIES.map((s: Severity) => ({ value: s, label: formatSeverity(s, lang, true) })));
    filter = readFilter();
    filters.hidden = false;
    findingsSection.hidden = false;
    renderFindings();
    renderSelected();
    insights.update(outcome.result);
  }

  function renderFindings(): void {
    if (result === undefined) return;
    // Live updates re-render the list; keep keyboard focus on the same finding when it survives.
    const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? findingKey(document.activeElement) : undefined;
    const shown = filterFindings(result, filter);
    if (shown.length === 0) {
      list.replaceChildren(el("p", { class: "empty" }, [result.findings.length === 0 ? t("noFindings") : t("noFilteredFindings")]));
      return;
    }
    list.replaceChildren(...renderGroups(groupFindings(shown), lang, (finding) => void selectFinding(finding)));
    if (focused !== undefined) {
      const again = [...list.querySelectorAll<HTMLElement>("button.finding")].find((b) => findingKey(b) === focused);
      again?.focus();
    }
  }

  function findingKey(element: HTMLElement): string {
    return [element.dataset["sheet"], element.dataset["cell"], element.dataset["code"]].join("\u0000");
  }

  function renderSelected(): void {
    if (result === undefined || selected === undefined) return;
    const here = findingsAtCell(result, selected.sheet, selected.cell);
    selectedSection.hidden = false;
    const heading = el("p", { class: "selected-ref" }, [formatCellReference(selected.sheet, selected.cell)]);
    const actions = {
      apply: (f: Finding) => void runAction(() => report(runApplySuggestion(adapter, f, lang)), true),
      accept: (f: Finding, reason: string) => void runAction(() => report(runAcceptFinding(adapter, f, reason, lang)), true),
    };
    const items =
      here.length === 0
        ? [el("p", { class: "empty" }, [t("selectedNone")])]
        : [el("ul", { class: "finding-list" }, here.map((f) => el("li", {}, [renderFinding(f, lang), renderFindingActions(f, lang, actions)])))];
    selectedBody.replaceChildren(heading, ...items);
  }

  async function selectFinding(finding: Finding): Promise<void> {
    const cell = targetCell(finding);
    if (cell === undefined) return;
    alertBox.replaceChildren();
    try {
      await adapter.selectCell(finding.sheet, cell);
    } catch (error) {
      showError(t("errorPrefix"), error);
    }
  }

  // Watching the selection from the start also lets the adapter learn the sheet names, so even the
  // first check is 2 round trips (read, write) instead of 3.
  watchSelection().catch((error: unknown) => showError(t("errorPrefix"), error));

  return {
    async dispose(): Promise<void> {
      await stopLiveChecks();
      const stop = stopSelection;
      stopSelection = undefined;
      if (stop !== undefined) await stop();
    },
  };
}
