/**
 * The few facts the pane needs from the Office host itself, kept here because src/excel is the
 * only place that touches Office.*.
 */

/** Resolves when Office.js is ready; outside Office (a plain browser) it still resolves. */
export async function waitForOffice(): Promise<void> {
  await Office.onReady();
}

/**
 * Office's UI language (e.g. "nl-NL"), or undefined outside Office. Office.context is missing
 * when the page runs in a plain browser, so it is read defensively.
 */
export function readDisplayLanguage(): string | undefined {
  if (typeof Office === "undefined") return undefined;
  const context = Office.context as Office.Context | undefined;
  const language = context?.displayLanguage;
  return typeof language === "string" && language !== "" ? language : undefined;
}
