/**
 * Typed errors of the Excel adapter. Bad workbook data is never an error (it becomes findings);
 * these are about Excel itself: the user is typing in a cell, a request is too large, a sheet
 * vanished during an action. Their words come from the catalogue's `addinErrors` section: the pane
 * shows `describe(lang)`; `message` holds the English text for logs.
 */
import { translate, type Catalogue, type Lang, type TextValues } from "../domain";

/** A text of the catalogue's `addinErrors` section. */
export type AddinErrorText = keyof Catalogue["addinErrors"];

export type AddinErrorKind =
  /** Excel stayed in cell-edit mode longer than the retries waited. */
  | "cell-edit-mode"
  /** Even the smallest split request was over Excel's payload limit. */
  | "payload-too-large"
  /** A checked sheet was deleted or renamed while the add-in worked on it. */
  | "sheet-missing"
  /** Excel.createWorkbook is disabled or refused here (policy, pop-up blocker; office-js #3568). */
  | "create-workbook-unavailable"
  /** The report dialog could not open (Office.context.ui.displayDialogAsync failed). */
  | "dialog-unavailable";

export class AddinError extends Error {
  override readonly name = "AddinError";
  constructor(
    readonly kind: AddinErrorKind,
    readonly text: AddinErrorText,
    /** Values of the text's `{key}` placeholders. */
    readonly values: TextValues = {},
    /** The sheet concerned (sheet-missing). */
    readonly sheet?: string,
    options?: { cause?: unknown },
  ) {
    super(translate("addinErrors", text, "en", values), options);
  }

  /** What the user reads, in the pane's language. */
  describe(lang: Lang): string {
    return translate("addinErrors", this.text, lang, this.values);
  }
}

/** The `code` of an Office.js error (OfficeExtension.Error), if it is one. */
export function readErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function isCellEditModeError(error: unknown): boolean {
  return readErrorCode(error) === "InvalidOperationInCellEditMode";
}

export function isPayloadTooLargeError(error: unknown): boolean {
  const code = readErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function isItemNotFoundError(error: unknown): boolean {
  return readErrorCode(error) === "ItemNotFound";
}

/** Excel refused a write: a protected sheet, or a workbook open read-only (AccessDenied). */
export function isAccessDeniedError(error: unknown): boolean {
  return readErrorCode(error) === "AccessDenied";
}
