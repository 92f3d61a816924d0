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
  // Per key of sheet, theme, parties and agreement: a Slot (below).
  // Keyed level by level (sheet, theme, parties, then agreement), not by one joined string: the
  // first three repeat on nearly every row, and a joined key was a new long string per row that
  // the map kept alive to the end of the check. Agreements are keyed by a small hash of their normalised text, with the text compared on a
  // hash match: a Map keyed by the normalised texts themselves kept one long string per row alive to
  // the end of the check, and its time grew faster than the rows (13.6 ms at 10k rows, 187 ms at 100k).
  const groupsBySheet = new Map<string, Map<string, Map<string, Map<number, Slot | Slot[]>>>>();
  // Parties texts repeat on many rows: each distinct text is keyed once per check.
  const partiesKeys = new Map<string, string>();
  // Indexed: this loop runs once per check, mostly unoptimised, where for-of allocates per row.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as AgreementRow;
    if ((row.agreement ?? "") === "" && row.activities.length === 0) continue;
    const groups = findGroups(groupsBySheet, row, check, partiesKeys);
    const hash = hashAgreement(row.agreement ?? "");
    const found = groups.get(hash);
    const slot = found === undefined ? undefined : findSlot(found, normaliseForDuplicates(row.agreement));
    if (slot === undefined) {
      const fresh: Slot = { first: row, byActivities: undefined };
      if (found === undefined) groups.set(hash, fresh);
      else if (Array.isArray(found)) found.push(fresh);
      else groups.set(hash, [found, fresh]);
      continue;
    }
    let firstRowByActivities = slot.byActivities;
    if (firstRowByActivities === undefined) {
      firstRowByActivities = new Map([[buildActivitiesKey(slot.first), slot.first.row]]);
      slot.byActivities = firstRowByActivities;
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

/**
 * The first row of one normalised agreement text, and once a second row shares it, the first row
 * of each distinct activities. Activities are long texts, so they are keyed only for rows whose
 * other fields meet, nearly never on a real sheet.
 */
interface Slot {
  readonly first: AgreementRow;
  byActivities: Map<string, number> | undefined;
}

/** The slot whose first row's agreement normalises to `key`; the text is compared only on a hash match. */
function findSlot(found: Slot | Slot[], key: string): Slot | undefined {
  if (!Array.isArray(found)) return normaliseForDuplicates(found.first.agreement) === key ? found : undefined;
  for (const slot of found) if (normaliseForDuplicates(slot.first.agreement) === key) return slot;
  return undefined;
}

/**
 * A 30-bit FNV-1a hash of the normalised agreement (a small integer is stored in the Map without
 * allocating), over its characters other than whitespace, A-Z folded to a-z. Equal normalised
 * texts hash alike. Plain ASCII text without markup is hashed as it stands, in one pass that
 * allocates nothing: its normalised text differs only in whitespace and ASCII case. Any other text
 * is normalised first (Unicode case folding can change a text's length).
 */
function hashAgreement(text: string): number {
  return hashFolded(text, true) ?? (hashFolded(normaliseForDuplicates(text), false) as number);
}

/** The hash over `text`'s characters; undefined when `plainOnly` and it meets one that is not plain ASCII or is markup. */
function hashFolded(text: string, plainOnly: boolean): number | undefined {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (plainOnly && (c > 0x7f || c === 0x3c /* < */ || c === 0x26 /* & */)) return undefined;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    hash = Math.imul(hash ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), FNV_PRIME);
  }
  return hash & 0x3fffffff;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function normaliseForDuplicates(text: string | undefined): string {
  // stripMarkup already collapses whitespace.
  return stripMarkup(text ?? "").toLowerCase();
}

/** The groups of the row's sheet, theme and parties (as a set), normalised; agreements key them. */
function findGroups(
  groupsBySheet: Map<string, Map<string, Map<string, Map<number, Slot | Slot[]>>>>,
  row: AgreementRow,
  check: RowCheck,
  partiesKeys: Map<string, string>,
): Map<number, Slot | Slot[]> {
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

function findOrAdd<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
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
