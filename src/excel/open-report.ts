import { AddinError } from "./addin-error";
import { isSetSupported, readPlatform } from "./excel-run";

/**
 * Opens the printable report in an Office dialog (DialogApi 1.2: Dialog.messageChild). A blob
 * link with `download` does nothing in Excel on Mac (office-js #2700, #3385), so there the report
 * goes to a dialog page of our own origin that shows it and prints or saves it as PDF. Elsewhere
 * (and where DialogApi 1.2 is missing) the pane keeps its download link.
 */

/** Messages to the dialog page stay small: hosts cap the size of one message. */
const PART_CHARS = 16_000;

/** True where the report should go to a dialog rather than a download link. */
export function prefersReportDialog(): boolean {
  return readPlatform() === "mac" && isSetSupported("DialogApi", "1.2");
}

/** The report HTML in numbered parts, as the dialog page reassembles them. */
export function splitReport(html: string): string[] {
  const count = Math.max(1, Math.ceil(html.length / PART_CHARS));
  return Array.from({ length: count }, (_, i) => JSON.stringify({ part: i, of: count, text: html.slice(i * PART_CHARS, (i + 1) * PART_CHARS) }));
}

/** Opens `pageUrl` (report-dialog.html) as a dialog and sends it the report once it says "ready". */
export function openReportDialog(html: string, pageUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(pageUrl, { height: 85, width: 70 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new AddinError("dialog-unavailable", "dialogUnavailable", { detail: opened.error.message }, undefined, { cause: opened.error }));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if ("message" in arg && arg.message === "ready") for (const part of splitReport(html)) dialog.messageChild(part);
      });
      resolve();
    });
  });
}
