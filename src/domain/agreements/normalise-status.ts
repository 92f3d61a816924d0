import type { StatusDef } from "../model/model";
import { toMatchKey } from "../core/normalise-text";

/** Match key -> canonical status, per statuses list (a model's list is reused for every cell). */
const LOOKUPS = new WeakMap<readonly StatusDef[], ReadonlyMap<string, string>>();

function buildStatusLookup(statuses: readonly StatusDef[]): ReadonlyMap<string, string> {
  const cached = LOOKUPS.get(statuses);
  if (cached) return cached;
  const lookup = new Map<string, string>();
  // Earlier statuses win when a synonym is listed twice; names win over synonyms.
  for (const status of [...statuses].reverse()) {
    for (const synonym of status.synonyms) lookup.set(toMatchKey(synonym), status.name);
  }
  for (const status of [...statuses].reverse()) lookup.set(toMatchKey(status.name), status.name);
  LOOKUPS.set(statuses, lookup);
  return lookup;
}

/**
 * The canonical status ("groen", "oranje", ...) a status cell stands for, through the model's
 * names and synonyms, ignoring case, spaces, hyphens and dots; undefined when blank or unknown.
 */
export function normaliseStatus(text: string, statuses: readonly StatusDef[]): string | undefined {
  const key = toMatchKey(text);
  if (key === "") return undefined;
  return buildStatusLookup(statuses).get(key);
}
