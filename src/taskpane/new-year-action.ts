import { translate, type CheckResult, type Lang } from "../domain";
import type { WorkbookAdapter } from "../excel/addin-api";
import type { ActionReport } from "./finding-actions";
import { el } from "./render-pane";

/**
 * "Nieuw monitoringjaar": the menu entry, its small form (the year, proposed as the year after the
 * latest one with a status column) and the runner that asks the adapter and says what happened.
 */

export function renderNewYearButton(lang: Lang): HTMLButtonElement {
  return el("button", { type: "button", class: "action new-year" }, [translate("acceptance", "newYear", lang)]);
}

/** The year after the workbook's latest status year; without one, the current calendar year. */
export function proposeNewYear(result: CheckResult | undefined, today: Date = new Date()): number {
  const years = (result?.columns ?? []).flatMap((c) => Object.keys(c.status).map(Number)).filter((y) => Number.isInteger(y) && y > 1900);
  return years.length === 0 ? today.getFullYear() : Math.max(...years) + 1;
}

/** The form: a year field and "Kolommen toevoegen"; calls `onSubmit` with a valid year only. */
export function renderNewYearForm(lang: Lang, proposed: number, onSubmit: (year: number) => void): HTMLFormElement {
  const id = "new-year-input";
  const input = el("input", { type: "number", id, min: "1900", max: "2100", step: "1", value: String(proposed), class: "new-year-input" });
  const form = el("form", { class: "new-year-form", "aria-label": translate("acceptance", "newYear", lang) }, [
    el("label", { for: id }, [translate("acceptance", "newYearLabel", lang)]),
    input,
    el("button", { type: "submit", class: "action primary" }, [translate("acceptance", "newYearConfirm", lang)]),
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const year = Number(input.value);
    if (Number.isInteger(year) && year >= 1900 && year <= 2100) onSubmit(year);
    else input.focus();
  });
  return form;
}

/** Runs the action and puts its outcome in the pane's words. */
export async function runNewYear(adapter: WorkbookAdapter, year: number, lang: Lang): Promise<ActionReport> {
  const outcome = await adapter.addMonitoringYear(year, lang);
  const y = String(year);
  switch (outcome.kind) {
    case "added":
      return { message: translate("acceptance", "newYearDone", lang, { year: y, sheets: outcome.sheets.join(", ") }), check: outcome.check };
    case "present":
      return { message: translate("acceptance", "newYearNothing", lang, { year: y }) };
    case "no-sheet":
      return { message: translate("acceptance", "newYearNoSheet", lang) };
    case "refused":
      return { message: translate("acceptance", "newYearRefused", lang, { sheet: outcome.sheet, previous: outcome.previousYear === undefined ? "" : String(outcome.previousYear), year: y }) };
  }
}
