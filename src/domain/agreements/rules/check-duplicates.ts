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
  const groups = new Map<string, AgreementRow | Map<string, number>>();
  // Parties texts repeat on many rows: each distinct text is keyed once per check.
  const partiesKeys = new Map<string, string>();
  for (const row of rows) {
    if ((row.agreement ?? "") === "" && row.activities.length === 0) continue;
    const key = buildRowKey(row, check, partiesKeys);
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

/** Sheet, theme, agreement and parties (as a set), normalised. */
function buildRowKey(row: AgreementRow, check: RowCheck, partiesKeys: Map<string, string>): string {
  const partiesText = row.partiesText ?? "";
  let parties = partiesKeys.get(partiesText);
  if (parties === undefined) {
    const reading = parseParties(partiesText, check.index.model.parties);
    parties = [...reading.parties, ...reading.unknown.map((u) => normaliseForDuplicates(u.value))].sort().join(",");
    partiesKeys.set(partiesText, parties);
  }
  return `${row.sheet}\u0000${toMatchKey(row.theme ?? "")}\u0000${normaliseForDuplicates(row.agreement)}\u0000${parties}`;
}

/** The activities of every year, normalised (ascending by year already: no sort needed). */
function buildActivitiesKey(row: AgreementRow): string {
  return row.activities.map((a) => `${a.year}:${normaliseForDuplicates(a.text)}`).join("\u0001");
}
