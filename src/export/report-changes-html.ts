import {
  describeChanges,
  formatLabel,
  formatNumber,
  formatStatusName,
  formatThemeName,
  readableTextColor,
  translate,
  type Catalogue,
  type CheckComparison,
  type ComparedAgreement,
  type Lang,
  type MonitoringSummary,
  type ReportFinding,
} from "../domain";
import { escapeHtml } from "./escape-html";

/**
 * The board report's "Wat is er veranderd" (issue 20), when a previous version of the workbook was
 * given (`check nieuw.xlsx --vorige oud.xlsx --export rapport.html`): status changes first, worse
 * ones first (groen -> rood before groen -> oranje), then agreements added and removed, then the
 * findings that are new and those that were solved. Workbook text is escaped.
 */

/** Findings listed per kind; the rest is counted. */
const FINDING_LIMIT = 25;

export function renderChangesSection(summary: MonitoringSummary, comparison: CheckComparison, lang: Lang): string {
  const say = (key: keyof Catalogue["insight"], values: Readonly<Record<string, string | number>> = {}): string =>
    escapeHtml(translate("insight", key, lang, values));
  const heading = (key: "worse" | "other" | "better" | "added" | "removed" | "newFindings" | "solvedFindings", count: number): string =>
    `<h3>${escapeHtml(translate("compare", key, lang))} (${formatNumber(count, lang)})</h3>`;
  const previous = comparison.previous.workbook;
  const year = comparison.previous.year ?? translate("compare", "noYear", lang);
  const changes = describeChanges(comparison, lang);
  const parts: string[] = [`<section class="changes">`, `<h2>${say("changesHeading")}</h2>`];
  parts.push(`<p>${changes === "" ? say("reportNothing", { previous, year }) : say("reportIntro", { previous, year, changes })}</p>`);

  for (const kind of ["worse", "other", "better"] as const) {
    const list = comparison.statusChanges.filter((c) => c.change === kind);
    if (list.length === 0) continue;
    const rows = list.map(
      (c) => `<tr>
<td>${badge(summary, c.from, lang)} &rarr; ${badge(summary, c.to, lang)}</td>
${agreementCells(c.current, lang)}
</tr>`,
    );
    parts.push(heading(kind, list.length), table(rows, lang, formatLabel("status", lang)));
  }
  for (const [key, list] of [
    ["added", comparison.agreements.added],
    ["removed", comparison.agreements.removed],
  ] as const) {
    if (list.length === 0) continue;
    const rows = list.map((a) => `<tr>\n<td>${badge(summary, a.status ?? null, lang)}</td>\n${agreementCells(a, lang)}\n</tr>`);
    parts.push(heading(key, list.length), table(rows, lang, formatLabel("status", lang)));
  }
  for (const [key, list] of [
    ["newFindings", comparison.findings.new],
    ["solvedFindings", comparison.findings.solved],
  ] as const) {
    if (list.length === 0) continue;
    const items = list.slice(0, FINDING_LIMIT).map((f) => `<li>${escapeHtml(place(f))}: ${escapeHtml(f.message)}</li>`);
    if (list.length > FINDING_LIMIT) items.push(`<li class="note">${say("more", { count: list.length - FINDING_LIMIT })}</li>`);
    parts.push(heading(key, list.length), `<ul class="change-findings">${items.join("\n")}</ul>`);
  }
  parts.push("</section>");
  return parts.join("\n");
}

function place(f: ReportFinding): string {
  const where = f.cell ?? f.range;
  return where === undefined ? f.sheet : `${f.sheet}!${where}`;
}

function badge(summary: MonitoringSummary, status: string | null, lang: Lang): string {
  const text = status === null ? translate("compare", "noStatus", lang) : formatStatusName(status, lang);
  const color = (status === null ? undefined : summary.statuses.find((s) => s.name === status)?.color) ?? "#FFFFFF";
  return `<span class="badge" style="background:${color};color:${readableTextColor(color)}">${escapeHtml(text)}</span>`;
}

function agreementCells(a: ComparedAgreement, lang: Lang): string {
  return `<td><div class="theme">${escapeHtml(formatThemeName(a.theme ?? "", lang))}</div>${a.subtheme ? `<div class="sub">${escapeHtml(a.subtheme)}</div>` : ""}</td>
<td>${escapeHtml(a.agreement ?? "")}<div class="sub">${escapeHtml(a.parties ?? "")}</div></td>
<td class="ref"><span class="sheet">${escapeHtml(a.sheet)}</span><br>${escapeHtml(a.cell ?? String(a.row))}</td>`;
}

function table(rows: readonly string[], lang: Lang, firstHeader: string): string {
  return `<table class="list"><colgroup><col style="width:34mm"><col style="width:35mm"><col><col style="width:27mm"></colgroup>
<thead><tr><th>${escapeHtml(firstHeader)}</th><th>${escapeHtml(formatLabel("theme", lang))}</th><th>${escapeHtml(formatLabel("agreement", lang))} / ${escapeHtml(
    formatLabel("parties", lang).toLowerCase(),
  )}</th><th>${escapeHtml(formatLabel("source", lang))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`;
}
