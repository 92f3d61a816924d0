import { findOwnSheets, isHelperMarkerName, listOwnSheets, LIST_SHEET_NAME } from "../domain";
import { parseRangeAddress, splitSheetAddress, type CellRect } from "./range-address";

/**
 * What in a workbook is the add-in's own: its registered named ranges (PM_Stoplicht_N, ...) and its
 * sheets, by marker (own-sheets.ts in the domain, shared with the CLI) and never by name.
 *
 * Workbooks marked by an older add-in carry no sheet markers. Their helper sheets are recognised
 * by the registry instead, once, until the next write marks them (planWrites adds the markers):
 * - a mirror is the sheet a registered highlight name (PM_Markeervlak_N) names in its comment tag
 *   (`[fingerprint mirror]`: written in the same batch as the conditional formats that refer to it);
 * - its value twin is that sheet's name with "_w";
 * - the list sheet is "PM_Keuzelijsten" while a registered dropdown name (PM_Keuzelijst_N) exists;
 * and in each case only a VeryHidden sheet without a marker: the older add-in made its sheets
 * VeryHidden, which no user can do from Excel's menus. A user's sheet called PM_Markering1 that no
 * registered name names, or that is visible, is the user's: checked, never written, never deleted.
 */

export const STOPLIGHT_NAME_PREFIX = "PM_Stoplicht_";
export const DROPDOWN_NAME_PREFIX = "PM_Keuzelijst_";
export const EXPLANATION_NAME_PREFIX = "PM_Toelichting_";
export const HIGHLIGHT_NAME_PREFIX = "PM_Markeervlak_";

export type Kind = "stoplight" | "dropdown" | "explanation" | "highlight";

export const PREFIXES: Readonly<Record<Kind, string>> = {
  stoplight: STOPLIGHT_NAME_PREFIX,
  dropdown: DROPDOWN_NAME_PREFIX,
  explanation: EXPLANATION_NAME_PREFIX,
  highlight: HIGHLIGHT_NAME_PREFIX,
};

/** One of the add-in's named ranges. */
export interface Registered {
  readonly kind: Kind;
  readonly name: string;
  readonly sheet: string;
  readonly rect: CellRect;
  readonly fingerprint: string | undefined;
  /** The mirror sheet of a highlight area. */
  readonly detail: string | undefined;
}

const COMMENT_TAG = /\[([0-9a-f]{8})(?: ([^\]]+))?\]$/;

/** The sheet list and the defined names, loaded (items/name, visibility; items/name, formula, comment). */
export interface LoadedLists {
  readonly worksheets: { readonly items: readonly Pick<Excel.Worksheet, "name" | "visibility">[] };
  readonly names: { readonly items: readonly Pick<Excel.NamedItem, "name" | "formula" | "comment">[] };
}

function readRegistry(state: Pick<LoadedLists, "names">): Registered[] {
  const found: Registered[] = [];
  for (const item of state.names.items) {
    const kind = (Object.keys(PREFIXES) as Kind[]).find((k) => item.name.startsWith(PREFIXES[k]));
    if (kind === undefined) continue;
    const { sheet } = splitSheetAddress(item.formula);
    const rect = parseRangeAddress(item.formula);
    const tag = COMMENT_TAG.exec(item.comment ?? "");
    if (sheet !== undefined && rect) found.push({ kind, name: item.name, sheet, rect, fingerprint: tag?.[1], detail: tag?.[2] });
  }
  return found;
}

/** The add-in's default name for a mirror's value twin. */
export function snapshotSheetName(mirror: string): string {
  return `${mirror}_w`;
}

export interface HelperMirror {
  readonly sheet: string;
  /** The number of its marker; absent for an older add-in's unmarked mirror. */
  readonly number?: number;
  /** Its value twin, when it has one. */
  readonly values?: string;
  /** False for an older add-in's unmarked twin. */
  readonly valuesMarked: boolean;
}

export interface AddinSheets {
  readonly monitoring?: string;
  readonly mirrors: readonly HelperMirror[];
  readonly list?: { readonly sheet: string; readonly marked: boolean };
  /** The helper sheets: mirrors, value twins, list sheet (what the add-in rewrites, empties and clears). */
  readonly helpers: readonly string[];
  /** The helper sheets and the Monitoring sheet: every sheet a check does not read as data. */
  readonly all: readonly string[];
  /** Numbers of helper markers that mark a sheet (a new marker takes another). */
  readonly usedNumbers: ReadonlySet<number>;
  /** Helper markers whose sheet is gone (Excel's `#REF!`): removed on the next write. */
  readonly dangling: readonly string[];
  /** The add-in's registered named ranges (readRegistry), read once for the sheets and the writes. */
  readonly registry: readonly Registered[];
  /** The mirror sheets the registered highlight names name (whether the sheets still exist or not). */
  readonly registeredMirrors: ReadonlySet<string>;
}

/** The add-in's sheets, by marker, and an older add-in's by its registry (see the file comment). */
export function findAddinSheets(state: LoadedLists): AddinSheets {
  const sheetNames = state.worksheets.items.map((ws) => ws.name);
  const formulas = new Map(state.names.items.map((item) => [item.name, String(item.formula)]));
  const own = findOwnSheets(formulas, sheetNames);
  const claimed = new Set(listOwnSheets(own));
  const veryHidden = new Set(state.worksheets.items.filter((ws) => ws.visibility === "VeryHidden").map((ws) => ws.name));
  const legacy = (sheet: string): boolean => veryHidden.has(sheet) && !claimed.has(sheet);
  const registry = readRegistry(state);

  const mirrors: HelperMirror[] = (own.marked ?? []).map((m) => ({ sheet: m.sheet, number: m.number, ...(m.values !== undefined ? { values: m.values } : {}), valuesMarked: m.values !== undefined }));
  for (const entry of registry) {
    const detail = entry.detail;
    if (entry.kind !== "highlight" || detail === undefined || !legacy(detail)) continue;
    claimed.add(detail);
    mirrors.push({ sheet: detail, valuesMarked: false });
  }
  const registeredMirrors = new Set(registry.flatMap((r) => (r.kind === "highlight" && r.detail !== undefined ? [r.detail] : [])));
  const withTwins = mirrors.map((mirror) => {
    const twin = snapshotSheetName(mirror.sheet);
    if (mirror.values !== undefined || !registeredMirrors.has(mirror.sheet) || !legacy(twin)) return mirror;
    claimed.add(twin);
    return { ...mirror, values: twin, valuesMarked: false };
  });
  let list: AddinSheets["list"];
  if (own.list !== undefined) list = { sheet: own.list, marked: true };
  else if (registry.some((r) => r.kind === "dropdown") && legacy(LIST_SHEET_NAME)) list = { sheet: LIST_SHEET_NAME, marked: false };

  const helpers = [...withTwins.flatMap((m) => (m.values !== undefined ? [m.sheet, m.values] : [m.sheet])), ...(list !== undefined ? [list.sheet] : [])];
  const present = new Set(sheetNames);
  const usedNumbers = new Set<number>();
  const dangling: string[] = [];
  for (const [name, formula] of formulas) {
    if (!isHelperMarkerName(name)) continue;
    const { sheet } = splitSheetAddress(formula);
    if (sheet === undefined || !present.has(sheet)) dangling.push(name);
    else {
      const number = /(\d+)$/.exec(name)?.[1];
      if (number !== undefined) usedNumbers.add(Number(number));
    }
  }
  return {
    ...(own.monitoring !== undefined ? { monitoring: own.monitoring } : {}),
    mirrors: withTwins,
    ...(list !== undefined ? { list } : {}),
    helpers,
    all: [...(own.monitoring !== undefined ? [own.monitoring] : []), ...helpers],
    usedNumbers,
    dangling,
    registry,
    registeredMirrors,
  };
}
