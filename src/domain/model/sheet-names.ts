/*
 * The names of the sheets the tool itself reads or writes by name. Kept apart from the model's
 * schema (model.ts) so that what only needs a name (the pane, the report plans) does not load zod.
 */

/** Name of the optional model sheet. */
export const MODEL_SHEET_NAME = "Model";

/** True for the name of the Model sheet (any case, outer spaces aside). */
export function isModelSheetName(name: string): boolean {
  return name.trim().toLowerCase() === MODEL_SHEET_NAME.toLowerCase();
}

/** Name of the sheet the add-in and the CLI write (owned by the tool). */
export const MONITORING_SHEET_NAME = "Monitoring";

/** Sheets owned by the tool; they are never checked. */
export const TOOL_SHEET_PREFIX = "PM_";

/** True for sheets the engine must not read as data (the tool's own output). */
export function isToolSheet(name: string): boolean {
  return name === MONITORING_SHEET_NAME || name.startsWith(TOOL_SHEET_PREFIX);
}
