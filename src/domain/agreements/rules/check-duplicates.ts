import type { AgreementRow } from "../agreement";
import { stripMarkup, toMatchKey } from "../../core/normalise-text";
import { parseParties } from "../parse-parties";
import { addRowFinding, type RowCheck } from "./row-rule";

/**
 * duplicate-agreement: a row with the same sheet, theme, agreement, parties (as a set: "Lefier en
 * Woonservice" = "Woonservice, Lefier") and activities of every year as a row above it, whitespace,
 * case and markup aside. Reported at the later row, naming the first. Rows with neither an
 * agreement nor activities are reported as incomplete, not as copies.
 */
export function checkDuplicates(rows: readonly AgreementRow[], check: RowCheck): void {
  // Per key of sheet, theme, agreement and parties: the first row, until a second row arrives;
  // then the first row of each distinct activities. Activities are long texts, so they are keyed
  // only for rows whose other fields meet, nearly never on a real sheet.
  // Keyed level by level (sheet, theme, parties, then agreement), not by one joined string: the
  // first three repeat on nearly every row, and a joined key was a new long string per row that
  // the map kept alive to the end of the check.
  const groupsBySheet = new Map<string, Map<string, Map<string, Map<string, Group>>>>();
  // Parties texts repeat on many rows: each distinct text is keyed once per check.
  const partiesKeys = new Map<string, string>();
  // Indexed: this loop runs once per check, mostly unoptimised, where for-of allocates per row.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as AgreementRow;
    if ((row.agreement ?? "") === "" && row.activities.length === 0) continue;
    const groups = findGroups(groupsBySheet, row, check, partiesKeys);
    const key = normaliseForDuplicates(row.agreement);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, row);
      continue;
    }
    let firstRowByActivities: Map<string, number>;
    if (group instanceof Map) {
      firstRowByActivities = group;
    } else {
      firstRowByActivities = new Map([[buildActivitiesKey(group), group.row]]);
      groups.set(key, firstRowByActivities);
    }
    const activities = buildActivitiesKey(row);
    const firstRow = firstRowByActivities.get(activities);
    if (firstRow === undefined) {
      firstRowByActivities.set(activities, row.row);
      continue;
    }
    addRowFinding(check, row, "duplicate-agreement", "warning", row.cells.agreement, { firstRow });
  }
}

function normaliseForDuplicates(text: string | undefined): string {
  // stripMarkup already collapses whitespace.
  return stripMarkup(text ?? "").toLowerCase();
}

/** The first row of a key, or the first row of each distinct activities once a second row shares the key. */
type Group = AgreementRow | Map<string, number>;

/** The groups of the row's sheet, theme and parties (as a set), normalised; agreements key them. */
function findGroups(
  groupsBySheet: Map<string, Map<string, Map<string, Map<string, Group>>>>,
  row: AgreementRow,
  check: RowCheck,
  partiesKeys: Map<string, string>,
): Map<string, Group> {
  const partiesText = row.partiesText ?? "";
  let parties = partiesKeys.get(partiesText);
  if (parties === undefined) {
    const reading = parseParties(partiesText, check.index.model.parties);
    parties = [...reading.parties, ...reading.unknown.map((u) => normaliseForDuplicates(u.value))].sort().join(",");
    partiesKeys.set(partiesText, parties);
  }
  const byTheme = findOrAdd(groupsBySheet, row.sheet);
  const byParties = findOrAdd(byTheme, toMatchKey(row.theme ?? ""));
  return findOrAdd(byParties, parties);
}

function findOrAdd<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/** The activities of every year, normalised (ascending by year already: no sort needed). */
function buildActivitiesKey(row: AgreementRow): string {
  return row.activities.map((a) => `${a.year}:${normaliseForDuplicates(a.text)}`).join("\u0001");
}
