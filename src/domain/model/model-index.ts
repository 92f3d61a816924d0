import type { Model, StatusDef, ThemeDef } from "./model";
import { toMatchKey } from "../core/normalise-text";
import { createNameSuggester } from "../core/suggest-name";

/** Names to check a name against: their match keys, and the "did you mean" among them. */
export interface NameList {
  readonly keys: ReadonlySet<string>;
  /** The nearest name, memoised per distinct value (rows repeat the same typo). */
  readonly suggest: (value: string) => string | undefined;
}

/**
 * What the rules look up in the model, built once per check rather than per row: the lists are
 * the same for every row.
 */
export interface ModelIndex {
  readonly model: Model;
  /** The theme of a name or alias (by match key); the first theme wins, as a linear search would. */
  findTheme(name: string): ThemeDef | undefined;
  /** The themes' names. */
  readonly themeNames: NameList;
  /** Subthemes of every theme: for a row whose theme is missing or unknown. */
  readonly allSubthemes: NameList;
  /** The subthemes of one of the model's themes. */
  listSubthemes(theme: ThemeDef): NameList;
  /** The model's status of that canonical name; the first wins, as a linear search would. */
  findStatus(name: string): StatusDef | undefined;
  /** The nearest status name or synonym to a text that is none (not normalised to its status). */
  readonly suggestStatusName: (value: string) => string | undefined;
  /** The canonical status names joined for a message: "groen, oranje, rood, grijs". */
  readonly allowedStatuses: string;
}

export function createModelIndex(model: Model): ModelIndex {
  const themesByKey = new Map<string, ThemeDef>();
  const subthemeLists = new Map<ThemeDef, NameList>();
  for (const theme of model.themes) {
    for (const name of [theme.name, ...theme.aliases]) {
      const key = toMatchKey(name);
      if (!themesByKey.has(key)) themesByKey.set(key, theme);
    }
    subthemeLists.set(theme, buildNameList(theme.subthemes));
  }
  const statusesByName = new Map<string, StatusDef>();
  for (const status of model.statuses) if (!statusesByName.has(status.name)) statusesByName.set(status.name, status);
  return {
    model,
    findTheme: (name) => themesByKey.get(toMatchKey(name)),
    themeNames: buildNameList(model.themes.map((t) => t.name)),
    allSubthemes: buildNameList(model.themes.flatMap((t) => t.subthemes)),
    // A theme not of this model (a caller's own): its list is built on the spot.
    listSubthemes: (theme) => subthemeLists.get(theme) ?? buildNameList(theme.subthemes),
    findStatus: (name) => statusesByName.get(name),
    suggestStatusName: createNameSuggester(model.statuses.flatMap((s) => [s.name, ...s.synonyms])),
    allowedStatuses: model.statuses.map((s) => s.name).join(", "),
  };
}

function buildNameList(names: readonly string[]): NameList {
  return { keys: new Set(names.map(toMatchKey)), suggest: createNameSuggester([...new Set(names)]) };
}
