import { splitSheetAddress } from "../core/grid";
import { MONITORING_MARKER_NAME, quoteSheetName } from "./plan-formats";

/**
 * Which sheets are the tool's own, by marker and never by name: every sheet the tool writes gets a
 * workbook-scoped defined name pointing at its A1. A user's sheet called Monitoring or PM_Markering1
 * carries no marker, so it is data: checked, never replaced. Shared by the add-in and the CLI.
 *
 * The markers:
 * - `PrestatiemonitorMonitoring`: the Monitoring sheet;
 * - `PrestatiemonitorMarkering<n>` (n = 1, 2, ...): a highlighting ("mirror") sheet, severity per marked cell;
 * - `PrestatiemonitorWaarden<n>`: the add-in's value twin of mirror n (each marked cell's value at check time);
 * - `PrestatiemonitorKeuzelijsten`: the add-in's sheet of dropdown lists too long or odd for a typed list.
 * The sheets' names are only a default (`PM_Markering1`, `PM_Markering1_w`, `PM_Keuzelijsten`): when a
 * user's sheet holds it, ours gets a free name (findFreeSheetName) and every formula the actual one.
 */

/** Marker names of the highlighting sheets: this prefix and a number (1, 2, ...). */
export const HIGHLIGHT_MARKER_PREFIX = "PrestatiemonitorMarkering";
/** Marker names of the add-in's value twins: this prefix and the number of their mirror's marker. */
export const VALUES_MARKER_PREFIX = "PrestatiemonitorWaarden";
/** Marker name of the add-in's dropdown list sheet. */
export const LIST_MARKER_NAME = "PrestatiemonitorKeuzelijsten";
/** Default name of the add-in's dropdown list sheet. */
export const LIST_SHEET_NAME = "PM_Keuzelijsten";

/** One marked highlighting sheet. */
export interface MarkedMirror {
  /** The number in its marker's name. */
  readonly number: number;
  readonly sheet: string;
  /** Its value twin (the add-in's), when marked with the same number. */
  readonly values?: string;
}

export interface OwnSheets {
  /** Our Monitoring sheet, when the workbook has one. */
  readonly monitoring?: string;
  /** Our highlighting sheets, in marker order. */
  readonly mirrors: readonly string[];
  /** The same with their marker numbers and value twins (absent where a caller built it by hand). */
  readonly marked?: readonly MarkedMirror[];
  /** Our dropdown list sheet. */
  readonly list?: string;
}

/** The defined name that marks the n-th (zero-based) highlighting sheet. */
export function writeMirrorMarkerName(index: number): string {
  return `${HIGHLIGHT_MARKER_PREFIX}${index + 1}`;
}

/** The defined name that marks the value twin of the mirror marked `PrestatiemonitorMarkering<number>`. */
export function writeValuesMarkerName(number: number): string {
  return `${VALUES_MARKER_PREFIX}${number}`;
}

/** What a marker name refers to: the marked sheet's A1. */
export function writeMarkerFormula(sheet: string): string {
  return `${quoteSheetName(sheet)}!$A$1`;
}

/** True for the name of any marker of a helper sheet (mirror, value twin, list), dangling or not. */
export function isHelperMarkerName(name: string): boolean {
  return markerNumber(name, HIGHLIGHT_MARKER_PREFIX) !== undefined || markerNumber(name, VALUES_MARKER_PREFIX) !== undefined || name === LIST_MARKER_NAME;
}

function markerNumber(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const digits = name.slice(prefix.length);
  if (!/^\d{1,6}$/.test(digits)) return undefined;
  const number = Number(digits);
  return number > 0 ? number : undefined;
}

/**
 * The tool's sheets among `sheetNames`, from the workbook-scoped defined names (name -> formula
 * text as stored). A marker pointing at a sheet that no longer exists (Excel shows `#REF!` once the
 * sheet is deleted) marks nothing; a sheet marked twice counts once, as the first kind found.
 */
export function findOwnSheets(definedNames: ReadonlyMap<string, string>, sheetNames: readonly string[]): OwnSheets {
  const present = new Set(sheetNames);
  const markedSheet = (formula: string): string | undefined => {
    const { sheet } = splitSheetAddress(formula.replace(/^=/, "").trim());
    return sheet !== undefined && present.has(sheet) ? sheet : undefined;
  };
  let monitoring: string | undefined;
  let list: string | undefined;
  const mirrors: { number: number; sheet: string }[] = [];
  const twins = new Map<number, string>();
  for (const [name, formula] of definedNames) {
    if (name === MONITORING_MARKER_NAME) monitoring = markedSheet(formula);
    else if (name === LIST_MARKER_NAME) list = markedSheet(formula);
    else {
      const sheet = markedSheet(formula);
      if (sheet === undefined) continue;
      const mirror = markerNumber(name, HIGHLIGHT_MARKER_PREFIX);
      if (mirror !== undefined) mirrors.push({ number: mirror, sheet });
      const twin = markerNumber(name, VALUES_MARKER_PREFIX);
      if (twin !== undefined && !twins.has(twin)) twins.set(twin, sheet);
    }
  }
  mirrors.sort((a, b) => a.number - b.number);
  const taken = new Set<string>(monitoring !== undefined ? [monitoring] : []);
  const marked: MarkedMirror[] = [];
  for (const { number, sheet } of mirrors) {
    if (taken.has(sheet)) continue;
    taken.add(sheet);
    marked.push({ number, sheet });
  }
  const withTwins = marked.map((mirror) => {
    const values = twins.get(mirror.number);
    if (values === undefined || taken.has(values)) return mirror;
    taken.add(values);
    return { ...mirror, values };
  });
  const ownList = list !== undefined && !taken.has(list) ? list : undefined;
  return {
    ...(monitoring !== undefined ? { monitoring } : {}),
    mirrors: withTwins.map((m) => m.sheet),
    marked: withTwins,
    ...(ownList !== undefined ? { list: ownList } : {}),
  };
}

/** Every sheet of `own`, for CheckOptions.toolSheets. */
export function listOwnSheets(own: OwnSheets): string[] {
  return [...(own.monitoring !== undefined ? [own.monitoring] : []), ...listHelperSheets(own)];
}

/** The helper sheets of `own`: mirrors, their value twins and the list sheet (all but the Monitoring sheet). */
export function listHelperSheets(own: OwnSheets): string[] {
  const twins = (own.marked ?? []).flatMap((m) => (m.values !== undefined ? [m.values] : []));
  return [...own.mirrors, ...twins, ...(own.list !== undefined ? [own.list] : [])];
}

/**
 * The first of `candidate(1)`, `candidate(2)`, ... that is no sheet's name yet (Excel compares
 * sheet names case-insensitively): ours never takes a name a user's sheet holds.
 */
export function findFreeSheetName(taken: Iterable<string>, candidate: (n: number) => string): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const name = candidate(n);
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** "Base", "Base (2)", "Base (3)", ...: the numbering Excel itself uses for a copied sheet. */
export function numberSheetName(base: string): (n: number) => string {
  return (n) => (n === 1 ? base : `${base} (${n})`);
}

/**
 * A pattern for a reference to `sheet` in a formula: quoted (`'Name'!`, as we write it) or bare
 * (`Name!`, as Excel gives back a name that needs no quotes), case-insensitive like Excel.
 */
export function sheetReferencePattern(sheet: string): string {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = escape(quoteSheetName(sheet));
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `(?:${quoted}|(?<![A-Za-z0-9_.'])${escape(sheet)})!` : `${quoted}!`;
}

/** True when `formula` refers to a cell of `sheet` (see sheetReferencePattern). */
export function formulaReferencesSheet(formula: string, sheet: string): boolean {
  return new RegExp(sheetReferencePattern(sheet), "i").test(formula);
}
