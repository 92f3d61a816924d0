import { canApplySuggestion, formatCellReference, translate, type Finding, type Lang } from "../domain";
import type { CheckOutcome, WorkbookAdapter } from "../excel/addin-api";
import type { FindingActionProvider, PaneContext } from "./pane-context";
import { el } from "./render-pane";

/**
 * The actions on one finding: "Toepassen" (its suggestion, as a normal cell edit) and
 * "Accepteren…" (a deliberate deviation, with a reason stored on the Model sheet). The pane gives
 * the callbacks; the runners below do the work and say what happened in the pane's words.
 */

export interface FindingActionCallbacks {
  readonly apply: (finding: Finding) => void;
  readonly accept: (finding: Finding, reason: string) => void;
}

/** What an action did: a line for the pane, and the re-check to show (absent when nothing ran). */
export interface ActionReport {
  readonly message: string;
  readonly check?: CheckOutcome;
}

/** The actions area of a finding: "Toepassen" where a suggestion can be applied, "Accepteren…" always. */
export function renderFindingActions(finding: Finding, lang: Lang, callbacks: FindingActionCallbacks): HTMLElement {
  const t = (key: Parameters<typeof translate<"acceptance">>[1], values: Readonly<Record<string, string>> = {}): string => translate("acceptance", key, lang, values);
  const area = el("div", { class: "finding-actions" });
  if (canApplySuggestion(finding)) {
    const suggestion = finding.suggestion ?? "";
    const apply = el("button", { type: "button", class: "action finding-apply", title: t("applyTitle", { suggestion }) }, [t("apply")]);
    apply.addEventListener("click", () => callbacks.apply(finding));
    area.append(apply);
  }
  const open = el("button", { type: "button", class: "action finding-accept", "aria-expanded": "false" }, [t("accept")]);
  const id = `accept-reason-${Math.random().toString(36).slice(2, 10)}`;
  const reason = el("input", { type: "text", id, class: "accept-reason", placeholder: t("reasonPlaceholder"), maxlength: "500" });
  const problem = el("p", { class: "accept-problem", role: "alert" });
  const confirm = el("button", { type: "submit", class: "action primary" }, [t("confirm")]);
  const cancel = el("button", { type: "button", class: "action" }, [t("cancel")]);
  const form = el("form", { class: "accept-form", hidden: "", "aria-label": t("acceptTitle") }, [
    el("label", { for: id }, [t("reasonLabel")]),
    reason,
    problem,
    el("div", { class: "accept-buttons" }, [confirm, cancel]),
  ]);
  const toggle = (show: boolean): void => {
    form.hidden = !show;
    open.setAttribute("aria-expanded", show ? "true" : "false");
    if (show) reason.focus();
  };
  open.addEventListener("click", () => toggle(form.hidden));
  cancel.addEventListener("click", () => {
    toggle(false);
    open.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text === "") {
      problem.textContent = t("reasonRequired");
      reason.focus();
      return;
    }
    problem.textContent = "";
    callbacks.accept(finding, text);
  });
  area.append(open, form);
  return area;
}

/** "Toepassen": the suggestion written into the cell, and the re-check after it. */
export async function runApplySuggestion(adapter: WorkbookAdapter, finding: Finding, lang: Lang): Promise<ActionReport> {
  const outcome = await adapter.applySuggestion(finding, lang);
  const cell = formatCellReference(finding.sheet, finding.cell ?? "");
  const message =
    outcome.kind === "applied"
      ? translate("acceptance", "applied", lang, { suggestion: finding.suggestion ?? "", cell })
      : translate("acceptance", "applyChanged", lang, { cell });
  return { message, check: outcome.check };
}

/** "Accepteren": refused without a reason (nothing written); else stored, and the re-check after it. */
export async function runAcceptFinding(adapter: WorkbookAdapter, finding: Finding, reason: string, lang: Lang, today: Date = new Date()): Promise<ActionReport> {
  const text = reason.trim();
  if (text === "") return { message: translate("acceptance", "reasonRequired", lang) };
  const outcome = await adapter.acceptFinding(finding, text, formatIsoDay(today), lang);
  const message = outcome.kind === "accepted" ? translate("acceptance", "acceptedNote", lang) : translate("acceptance", "modelSheetIsData", lang, { sheet: outcome.sheet });
  return { message, check: outcome.check };
}

/** yyyy-mm-dd of the local day (the coordinator's, not UTC's). */
function formatIsoDay(day: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * The finding actions the pane shows on finding cards, in order (pane.ts puts their buttons in the
 * card's actions area). Toepassen and Accepteren sit on the selected cell's card only: the lines of
 * the list are buttons themselves and cannot hold buttons.
 */
export const FINDING_ACTIONS: FindingActionProvider[] = [provideApplyAndAccept];

function provideApplyAndAccept(finding: Finding, where: "list" | "selected", context: PaneContext): readonly HTMLElement[] {
  if (where !== "selected") return [];
  const { adapter, lang } = context;
  return [
    renderFindingActions(finding, lang, {
      apply: (f) => void context.run(() => reportAction(context, runApplySuggestion(adapter, f, lang)), true),
      accept: (f, reason) => void context.run(() => reportAction(context, runAcceptFinding(adapter, f, reason, lang)), true),
    }),
  ];
}

/** Shows an action's outcome: the re-check it brought, then its line. */
export async function reportAction(context: PaneContext, running: Promise<ActionReport>): Promise<void> {
  const done = await running;
  if (done.check !== undefined) await context.showOutcome(done.check);
  context.showNotice(done.message);
}
