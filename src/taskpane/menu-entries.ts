import { AddinError } from "../excel/addin-error";
import { ModelSheetExistsError } from "../excel/insert-model-sheet";
import type { MenuEntry, PaneContext } from "./pane-context";
import { el } from "./render-pane";
import { reportAction } from "./finding-actions";
import { proposeNewYear, renderNewYearForm, runNewYear } from "./new-year-action";

/**
 * The "Meer acties" menu, as data: one entry per action, in menu order. A new action is one more
 * entry (label and hint keys in the catalogue's `pane` section).
 */
export const MENU_ENTRIES: MenuEntry[] = [
  { id: "write-monitoring", label: "writeMonitoring", hint: "writeMonitoringHint", writes: true, run: writeMonitoring },
  { id: "export-summary", label: "export", hint: "exportHint", writes: false, run: exportSummary },
  { id: "report", label: "report", hint: "reportHint", writes: false, run: downloadReport },
  { id: "clear", label: "clear", hint: "clearHint", writes: true, run: clearHighlighting },
  { id: "insert-model", label: "insertModel", hint: "insertModelHint", writes: true, run: insertModel },
  { id: "new-year", label: "newYear", hint: "newYearHint", writes: false, run: askNewYear },
];

async function writeMonitoring(context: PaneContext): Promise<void> {
  const current = context.requireResult();
  if (current === undefined) return;
  const outcome = await context.adapter.writeMonitoringSheet(current);
  context.monitoringWritten();
  context.showNotice(context.t(outcome.renamedBecauseUserSheet ? "monitoringRenamed" : "monitoringWritten", { sheet: outcome.sheet }));
}

async function exportSummary(context: PaneContext): Promise<void> {
  const { t } = context;
  const current = context.requireResult();
  if (current === undefined) return;
  let module: Awaited<ReturnType<PaneContext["exports"]["loadSummaryWorkbook"]>>;
  try {
    module = await context.exports.loadSummaryWorkbook();
  } catch {
    context.showNotice(t("exportUnavailable"));
    return;
  }
  const base64 = await module.buildSummaryWorkbookBase64(current, { lang: context.lang });
  try {
    await context.adapter.openSummaryWorkbook(base64);
  } catch (error) {
    // Excel.createWorkbook disabled or refused: the same file as a download instead.
    if (!(error instanceof AddinError && error.kind === "create-workbook-unavailable")) throw error;
    const file = `prestatiemonitor-${current.year ?? "samenvatting"}.xlsx`;
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    context.showNotice(t("exportDownload", { file }), el("a", { href: url, download: file, class: "download-link" }, [file]));
    return;
  }
  context.showNotice(t("exportOpened"));
}

async function downloadReport(context: PaneContext): Promise<void> {
  const { t } = context;
  const current = context.requireResult();
  if (current === undefined) return;
  let module: Awaited<ReturnType<PaneContext["exports"]["loadReportHtml"]>>;
  try {
    module = await context.exports.loadReportHtml();
  } catch {
    context.showNotice(t("exportUnavailable"));
    return;
  }
  const html = module.buildReportHtml(current, context.lang);
  // Excel on Mac ignores a download link (office-js #2700, #3385): there the adapter opens a dialog.
  if ((await context.adapter.openReport(html, new URL("report-dialog.html", window.location.href).href)) === "dialog") {
    context.showNotice(t("reportOpened"));
    return;
  }
  const file = `prestatiemonitor-${current.year ?? "rapport"}.html`;
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  context.showNotice(t("reportReady", { file }), el("a", { href: url, download: file, class: "download-link" }, [file]));
}

async function clearHighlighting(context: PaneContext): Promise<void> {
  // Live checks follow the check that installed the highlighting; clearing ends both until the next check.
  await context.stopLiveChecks();
  await context.adapter.clearHighlighting();
  context.showNotice(context.t("cleared"));
}

async function insertModel(context: PaneContext): Promise<void> {
  const current = context.requireResult();
  if (current === undefined) return;
  try {
    const sheet = await context.adapter.insertModelSheet(current);
    context.showNotice(context.t("modelInserted", { sheet }));
  } catch (error) {
    // An existing Model sheet is the coordinator's own model: say so, it is not a failure.
    if (error instanceof ModelSheetExistsError) context.showNotice(context.t("modelExists", { sheet: error.sheet }));
    else throw error;
  }
}

/** The year form in the notice area (nothing written yet); its submit is the writing action (one undo step). */
function askNewYear(context: PaneContext): Promise<void> {
  const proposed = proposeNewYear(context.requireResult());
  context.showNotice(
    renderNewYearForm(context.lang, proposed, (year) => void context.run(() => reportAction(context, runNewYear(context.adapter, year, context.lang)), true)),
  );
  return Promise.resolve();
}
