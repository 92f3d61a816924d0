import { filterParty, formatCellReference, translate, type CheckResult, type Lang, type PartyView } from "../../domain";
import { InputError } from "../input-error";

/** Longest agreement text shown on one line. */
const MAX_TEXT = 90;

/** `check --party <naam>`: the party's view, or an InputError (exit 2) naming the known parties. */
export function selectPartyView(result: CheckResult, name: string): PartyView {
  const view = filterParty(result, name);
  if (view === undefined) {
    const parties = result.model.parties.map((p) => p.name).join(", ");
    throw new InputError(translate("cli", "unknownPartyOption", "en", { party: name, parties }));
  }
  return view;
}

/**
 * The party's own list for the human output: per agreement its status cell, status, theme and
 * text, then its Toelichting and the findings on its row, indented.
 */
export function formatPartyView(view: PartyView, lang: Lang): string {
  const title =
    view.year === null
      ? translate("party", "titleNoYear", lang, { party: view.party, count: view.agreements.length })
      : translate("party", "title", lang, { party: view.party, year: view.year, count: view.agreements.length });
  const lines = [title];
  if (view.agreements.length === 0) lines.push(`  ${translate("party", "none", lang)}`);
  for (const a of view.agreements) {
    const place = formatCellReference(a.sheet, a.statusCell ?? `${a.row}:${a.row}`);
    const status = a.status ?? translate("party", "noStatus", lang);
    const text = oneLine([a.theme, a.agreement].filter((t) => t !== undefined && t !== "").join(": "));
    const parties = a.parties === undefined ? "" : ` (${oneLine(a.parties)})`;
    lines.push(`  ${place}  ${status}  ${shorten(text)}${parties}`);
    const explanation = a.explanation === undefined ? translate("party", "noExplanation", lang) : oneLine(a.explanation);
    lines.push(`      ${translate("labels", "explanation", lang)}: ${explanation}`);
    for (const f of a.findings) lines.push(`      ${f.code}: ${oneLine(f.message)}`);
  }
  return `${lines.join("\n")}\n`;
}

function shorten(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1).trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
