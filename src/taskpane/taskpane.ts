import { readDisplayLanguage, waitForOffice } from "../excel/office-host";
import { createWorkbookAdapter } from "../excel/workbook-adapter";
import { createWorkerEngine } from "./engine-in-worker";
import { chooseLanguage, translate } from "./i18n";
import { mountPane } from "./pane";

/** The pane's entry point in Excel: wait for Office.js, pick the language, mount on the real adapter. */
async function startPane(): Promise<void> {
  await waitForOffice();
  const root = document.getElementById("app");
  if (root === null) throw new Error("taskpane.html has no #app element");
  const lang = chooseLanguage(readDisplayLanguage());
  document.documentElement.lang = lang;
  mountPane(root, { adapter: createWorkbookAdapter({ engine: createWorkerEngine() }), lang });
}

startPane().catch((error: unknown) => {
  // Nothing else can show it: the pane failed before it had a place for messages.
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.className = "alert";
  // The language may not be known yet: the phrase holds both languages.
  box.textContent = `${translate("startFailed", "nl")}: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(box);
});
