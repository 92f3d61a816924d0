/**
 * The report dialog page (report-dialog.html, opened by open-report.ts): says "ready" to the pane,
 * reassembles the report's parts (Office.EventType.DialogParentMessageReceived, DialogApi 1.2) and
 * shows it in a sandboxed frame (no scripts run in it) with a print button: print, or save as PDF.
 */

import { chooseLanguage, translate, type Lang } from "../domain";
import { readDisplayLanguage } from "./office-host";

interface Part {
  readonly part: number;
  readonly of: number;
  readonly text: string;
}

function isPart(value: unknown): value is Part {
  const part = value as Partial<Part> | null;
  return typeof part?.part === "number" && typeof part.of === "number" && typeof part.text === "string";
}

function showReport(html: string, lang: Lang): void {
  const frame = document.createElement("iframe");
  // allow-same-origin lets the print button reach the frame; without allow-scripts nothing in the report runs.
  frame.setAttribute("sandbox", "allow-same-origin allow-modals");
  frame.setAttribute("title", translate("pane", "reportFrameTitle", lang));
  frame.className = "report-frame";
  frame.srcdoc = html;
  const print = document.createElement("button");
  print.type = "button";
  print.textContent = translate("pane", "reportPrint", lang);
  print.addEventListener("click", () => frame.contentWindow?.print());
  const root = document.getElementById("app") ?? document.body;
  root.replaceChildren(print, frame);
  root.setAttribute("aria-busy", "false");
}

async function startReportDialog(): Promise<void> {
  await Office.onReady();
  // The dialog is a page of its own: it picks the language as the pane does (Office's display language).
  const lang = chooseLanguage(readDisplayLanguage());
  document.documentElement.lang = lang;
  const parts: string[] = [];
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg: { message: string }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(arg.message);
    } catch {
      return;
    }
    if (!isPart(parsed)) return;
    parts[parsed.part] = parsed.text;
    if (parts.filter((p) => p !== undefined).length === parsed.of) showReport(parts.join(""), lang);
  });
  Office.context.ui.messageParent("ready");
}

void startReportDialog();
