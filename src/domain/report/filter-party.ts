import { findByYear, UNKNOWN_YEAR, type AgreementRow } from "../agreements/agreement";
import { splitPartiesText } from "../agreements/parse-parties";
import type { CheckResult } from "../check-workbook";
import { toMatchKey } from "../core/normalise-text";
import type { PartyDef } from "../model/model";
import { CORPORATION_GROUP_WORDS } from "../model/party-group-words";
import { readMeantThemes, type MeantThemes } from "./meant-themes";
import { toReportFinding, type ReportFinding } from "./report";

/**
 * One party's own list (README "--party"): its agreements in the monitoring year with status and
 * Toelichting — those naming it, those it shares with others, and those given to a group it
 * belongs to ("corporaties") — with the findings on each.
 */

export interface PartyAgreement {
  readonly sheet: string;
  readonly row: number;
  readonly theme?: string;
  /** Present when `theme` is misspelt: the model's theme it means (the board reads the row under it). */
  readonly meantTheme?: string;
  readonly subtheme?: string;
  readonly agreement?: string;
  /** The parties cell as typed. */
  readonly parties?: string;
  /** Canonical status in the monitoring year; absent without a (valid) status. */
  readonly status?: string;
  /** The status cell of the monitoring year, when the row has one. */
  readonly statusCell?: string;
  readonly explanation?: string;
  /** "group" when the party is in it only through a group word such as "corporaties". */
  readonly via: "name" | "group";
  /** The findings on the row. */
  readonly findings: readonly ReportFinding[];
}

export interface PartyView {
  /** The party's canonical name. */
  readonly party: string;
  readonly year: number | null;
  readonly agreements: readonly PartyAgreement[];
}

/** The model party a name or alias stands for (case and spacing aside), or undefined. */
export function findParty(parties: readonly PartyDef[], name: string): PartyDef | undefined {
  const key = toMatchKey(name);
  return parties.find((p) => toMatchKey(p.name) === key) ?? parties.find((p) => p.aliases.some((a) => toMatchKey(a) === key));
}

/** The party's agreements in a check, or undefined when the model knows no party of that name. */
export function filterParty(result: CheckResult, name: string): PartyView | undefined {
  const party = findParty(result.model.parties, name);
  if (party === undefined) return undefined;
  const findingsByRow = new Map<string, ReportFinding[]>();
  for (const finding of result.findings) {
    if (finding.row === undefined || finding.table !== undefined) continue;
    const key = `${finding.sheet}\u0000${finding.row}`;
    const list = findingsByRow.get(key) ?? [];
    list.push(toReportFinding(finding));
    findingsByRow.set(key, list);
  }
  const meantThemes = readMeantThemes(result.findings);
  const agreements = result.agreements
    .filter((row) => row.parties.includes(party.name))
    .map((row) => describe(row, party, result.year, findingsByRow.get(`${row.sheet}\u0000${row.row}`) ?? [], meantThemes));
  return { party: party.name, year: result.year ?? null, agreements };
}

function describe(
  row: AgreementRow,
  party: PartyDef,
  year: number | undefined,
  findings: readonly ReportFinding[],
  meantThemes: MeantThemes,
): PartyAgreement {
  const inYear = year === undefined ? undefined : findByYear(row.statuses, year);
  const status = inYear ?? findByYear(row.statuses, UNKNOWN_YEAR);
  const explanationEntry = (year === undefined ? undefined : findByYear(row.explanations, year)) ?? findByYear(row.explanations, UNKNOWN_YEAR);
  const described: { -readonly [K in keyof PartyAgreement]?: PartyAgreement[K] } = { sheet: row.sheet, row: row.row };
  if (row.theme !== undefined) described.theme = row.theme;
  const meantTheme = meantThemes.find(row.sheet, row.row);
  if (meantTheme !== undefined) described.meantTheme = meantTheme;
  if (row.subtheme !== undefined) described.subtheme = row.subtheme;
  if (row.agreement !== undefined) described.agreement = row.agreement;
  if (row.partiesText !== undefined) described.parties = row.partiesText;
  if (status?.status !== undefined) described.status = status.status;
  if (status !== undefined) described.statusCell = status.cell;
  if (explanationEntry !== undefined && explanationEntry.text !== "") described.explanation = explanationEntry.text;
  return { ...(described as Omit<PartyAgreement, "via" | "findings">), via: namesParty(row.partiesText ?? "", party) ? "name" : "group", findings };
}

const GROUP_KEYS = new Set<string>(CORPORATION_GROUP_WORDS.map(toMatchKey));

/** True when the parties text names the party itself (or an alias), not only a group word it belongs to. */
function namesParty(text: string, party: PartyDef): boolean {
  const names = new Set([party.name, ...party.aliases].map(toMatchKey));
  const parts = splitPartiesText(text).map(toMatchKey);
  if (parts.some((part) => names.has(part))) return true;
  // A part the splitter could not separate ("Woonservice Lefier") still names it when a group word does not.
  return !parts.some((part) => GROUP_KEYS.has(part));
}

/** Every model party's view that has at least one agreement, in model order (one printable page each). */
export function listPartyViews(result: CheckResult): PartyView[] {
  const views: PartyView[] = [];
  for (const party of result.model.parties) {
    const view = filterParty(result, party.name);
    if (view !== undefined && view.agreements.length > 0) views.push(view);
  }
  return views;
}
