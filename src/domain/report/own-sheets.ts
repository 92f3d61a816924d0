import { splitSheetAddress } from "../core/grid";
import { MONITORING_MARKER_NAME, quoteSheetName } from "./plan-formats";

/**
 * Which sheets are the tool's own, by marker and never by name: every sheet the tool writes gets a
 * workbook-scoped defined name pointing at its A1. A user's sheet called Monitoring or PM_Markering1
 * carries no marker, so it is data: checked, never replaced. Shared by the add-in and the CLI.
 */

/** Marker names of the hidden highlighting sheets: this prefix and a number (1, 2, ...). */
export const HIGHLIGHT_MARKER_PREFIX = "PrestatiemonitorMarkering";

export interface OwnSheets {
  /** Our Monitoring sheet, when the workbook has one. */
  readonly monitoring?: string;
  /** Our highlighting sheets, in marker order. */
  readonly mirrors: readonly string[];
}

/** The defined name that marks the n-th (zero-based) highlighting sheet. */
export function writeMirrorMarkerName(index: number): string {
  return `${HIGHLIGHT_MARKER_PREFIX}${index + 1}`;
}

/** What a marker name refers to: the marked sheet's A1. */
export function writeMarkerFormula(sheet: string): string {
  return `${quoteSheetName(sheet)}!$A$1`;
}

/**
 * The tool's sheets among `sheetNames`, from the workbook-scoped defined names (name -> formula
 * text as stored). A marker pointing at a sheet that no longer exists marks nothing.
 */
export function findOwnSheets(definedNames: ReadonlyMap<string, string>, sheetNames: readonly string[]): OwnSheets {
  const present = new Set(sheetNames);
  const markedSheet = (formula: string): string | undefined => {
    const { sheet } = splitSheetAddress(formula.replace(/^=/, "").trim());
    return sheet !== undefined && present.has(sheet) ? sheet : undefined;
  };
  let monitoring: string | undefined;
  const mirrors: { index: number; sheet: string }[] = [];
  for (const [name, formula] of definedNames) {
    if (name === MONITORING_MARKER_NAME) {
      monitoring = markedSheet(formula);
      continue;
    }
    if (!name.startsWith(HIGHLIGHT_MARKER_PREFIX)) continue;
    const index = Number(name.slice(HIGHLIGHT_MARKER_PREFIX.length));
    const sheet = markedSheet(formula);
    if (Number.isInteger(index) && index > 0 && sheet !== undefined && sheet !== monitoring) mirrors.push({ index, sheet });
  }
  mirrors.sort((a, b) => a.index - b.index);
  const unique = [...new Set(mirrors.map((m) => m.sheet))].filter((sheet) => sheet !== monitoring);
  return { ...(monitoring !== undefined ? { monitoring } : {}), mirrors: unique };
}

/** Every sheet of `own`, for CheckOptions.toolSheets. */
export function listOwnSheets(own: OwnSheets): string[] {
  return [...(own.monitoring !== undefined ? [own.monitoring] : []), ...own.mirrors];
}
