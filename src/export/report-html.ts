import type { AcceptedFinding, CheckComparison, CheckResult, PartyView } from "../domain";
import { renderAcceptedFindings } from "./report-accepted";
import { renderChangesSection } from "./report-changes-html";
import { escapeHtml } from "./escape-html";

export { escapeHtml };
import { listPartyViews } from "../domain";
import type { Lang } from "../domain";
import { formatNextStep, formatNumber, type FindingCode } from "../domain";
import { NO_STATUS_KEY } from "../domain";
import { buildMonitoringSummary, type MonitoringSummary, type StatusCounts } from "../domain";
import {
  formatDate,
  formatLabel,
  translate,
  formatModelSource,
  formatPartyName,
  formatStatusName,
  formatThemeName,
  formatYear,
  readableTextColor,
} from "../domain";

/**
 * The printable report for the bestuurlijk overleg: ONE self-contained HTML file (inline CSS,
 * inline SVG chart, no scripts, no external resources), A4 print styles. Every piece of workbook
 * text goes through escapeHtml: cells may hold anything, including markup.
 */

export interface ReportHtmlOptions {
  /** ISO timestamp; now when absent. */
  readonly generatedAt?: string;
  /** File name of the checked workbook, shown in the header. */
  readonly workbook?: string;
  /** Built from the bundled sample workbook (the demo): every page says "Voorbeeld". */
  readonly sample?: boolean;
}

/** Builds the printable report of a check. */
export function buildReportHtml(result: CheckResult, lang: Lang, options: ReportHtmlOptions = {}): string {
  const summary = buildMonitoringSummary(result, { generatedAt: options.generatedAt ?? new Date().toISOString() });
  return renderReportHtml(summary, lang, options.workbook, listPartyViews(result), { sample: options.sample === true, accepted: result.accepted ?? [] });
}

/**
 * Renders a summary as the printable report; with `partyViews` (listPartyViews), one page per
 * party at the end: its agreements of the monitoring year with status and Toelichting.
 */
export function renderReportHtml(
  summary: MonitoringSummary,
  lang: Lang,
  workbook?: string,
  partyViews: readonly PartyView[] = [],
  options: { readonly sample?: boolean; readonly accepted?: readonly AcceptedFinding[]; readonly changes?: CheckComparison } = {},
): string {
  const sample = options.sample === true;
  const t = (key: Parameters<typeof formatLabel>[0]): string => escapeHtml(formatLabel(key, lang));
  const title = `${formatLabel("reportTitle", lang)}${summary.municipality ? ` ${summary.municipality}` : ""}${
    summary.year === null ? "" : ` ${summary.year}`
  }`;
  const sev = summary.findings.summary;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${renderPageBoxes(title, lang, sample)}</style>
</head>
<body${sample ? ' class="sample"' : ""}>
${sample ? `<p class="sample-mark" role="note">${t("sampleNote")}</p>` : ""}
<header>
<p class="kicker">${t("forMeeting")}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="meta">
<dt>${t("municipality")}</dt><dd>${escapeHtml(summary.municipality || "—")}</dd>
<dt>${t("year")}</dt><dd>${escapeHtml(formatYear(summary, lang))}</dd>
<dt>${t("parties")}</dt><dd>${escapeHtml(summary.parties.join(", ") || "—")}</dd>
<dt>${t("agreements")}</dt><dd>${formatNumber(summary.agreementCount, lang)}</dd>
<dt>${t("attentionPoints")}</dt><dd>${escapeHtml(formatAttentionPoints(sev, lang))}</dd>
<dt>${t("model")}</dt><dd>${escapeHtml(formatModelSource(summary, lang))}</dd>
<dt>${t("generatedAt")}</dt><dd>${escapeHtml(formatDate(summary.generatedAt, lang))}${
    workbook ? ` · ${escapeHtml(workbook)}` : ""
  }</dd>
</dl>
</header>
<main>`);

  parts.push(`<section class="overview">
<h2>${t("byTheme")}</h2>
${renderLegend(summary, lang)}
${renderChart(summary, lang)}
${renderCountTable(summary, summary.byTheme, formatLabel("theme", lang), (n) => formatThemeName(n, lang), lang)}
</section>`);

  parts.push(`<section class="parties">
<h2>${t("byParty")}</h2>
${renderCountTable(summary, summary.byParty, formatLabel("party", lang), (n) => formatPartyName(n, lang), lang)}
</section>`);

  parts.push(renderAgenda(summary, lang));
  if (options.changes !== undefined) parts.push(renderChangesSection(summary, options.changes, lang));
  if (summary.trend) parts.push(renderTrend(summary, lang));
  // The board reads the pages above; what the coordinator still has to check comes last.
  parts.push(`<section class="appendix"><h2>${t("appendix")}</h2><p class="note">${t("appendixIntro")}</p>`);
  parts.push(renderFindingCounts(summary, lang));
  parts.push(renderTableFindings(summary, lang));
  parts.push(renderAcceptedFindings(options.accepted ?? [], lang, escapeHtml));
  parts.push("</section>");
  for (const view of partyViews) parts.push(renderPartyPage(summary, view, lang));

  parts.push(`</main>
</body>
</html>
`);
  return parts.join("\n");
}

/** The title above and page numbers below on every page (CSS paged media; Chromium prints them); "Voorbeeld" on a sample. */
function renderPageBoxes(title: string, lang: Lang, sample: boolean): string {
  const page = formatLabel("page", lang);
  const box = "font: 8pt sans-serif; color: #606060;";
  const mark = sample ? ` @top-right { content: "${escapeCssString(formatLabel("sample", lang).toUpperCase())}"; font: bold 9pt sans-serif; color: #C00000; }` : "";
  return `@page { @top-left { content: "${escapeCssString(title)}"; ${box} }${mark} @bottom-right { content: "${escapeCssString(
    page,
  )} " counter(page) " / " counter(pages); ${box} } }`;
}

/** Text inside a CSS string: backslash-escape quotes, backslashes and anything that could close <style>. */
function escapeCssString(text: string): string {
  return text.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `);
}


/** "12 voor de coördinator (zie bijlage)", or "geen": no severity words for the board. */
function formatAttentionPoints(counts: { errors: number; warnings: number; infos: number }, lang: Lang): string {
  const total = counts.errors + counts.warnings + counts.infos;
  return total === 0 ? formatLabel("attentionPointsNone", lang) : translate("labels", "attentionPointsCount", lang, { count: total });
}

function statusBadge(summary: MonitoringSummary, status: string, lang: Lang, text?: string): string {
  const color = summary.statuses.find((s) => s.name === status)?.color ?? "#FFFFFF";
  return `<span class="badge" style="background:${color};color:${readableTextColor(color)}">${escapeHtml(
    text ?? formatStatusName(status, lang),
  )}</span>`;
}

function renderLegend(summary: MonitoringSummary, lang: Lang): string {
  const items = summary.statuses.map((s) => {
    const meaning = s.name === NO_STATUS_KEY ? formatLabel("withoutStatus", lang).toLowerCase() : s.meaning;
    return `<li><span class="swatch" style="background:${s.color}"></span><strong>${escapeHtml(
      formatStatusName(s.name, lang),
    )}</strong>${meaning ? ` — ${escapeHtml(meaning)}` : ""}</li>`;
  });
  return `<ul class="legend">${items.join("")}</ul>`;
}

const CHART_WIDTH = 700;
const LABEL_WIDTH = 250;
const BAR_HEIGHT = 20;
const BAR_GAP = 8;

/** Horizontal stacked bars, one per theme, one segment per status; counts written in the segments. */
function renderChart(summary: MonitoringSummary, lang: Lang): string {
  const themes = summary.byTheme;
  if (themes.length === 0) return "";
  const max = Math.max(1, ...themes.map((t) => t.total));
  const barArea = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = themes.length * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
  const rows = themes.map((theme, i) => {
    const y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP);
    const name = formatThemeName(theme.name, lang);
    const label = name.length > 40 ? `${name.slice(0, 39)}…` : name;
    let x = LABEL_WIDTH;
    const segments = summary.statuses.map((status) => {
      const count = theme.counts[status.name] ?? 0;
      if (count === 0) return "";
      const width = (count / max) * barArea;
      const text =
        width >= 14
          ? `<text x="${(x + width / 2).toFixed(1)}" y="${y + BAR_HEIGHT / 2 + 4}" text-anchor="middle" fill="${readableTextColor(
              status.color,
            )}">${formatNumber(count, lang)}</text>`
          : "";
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${
        status.color
      }" stroke="#FFFFFF" stroke-width="0.5"><title>${escapeHtml(`${name}: ${formatStatusName(status.name, lang)} ${formatNumber(count, lang)}`)}</title></rect>`;
      x += width;
      return rect + text;
    });
    return `<g><text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2 + 4}" text-anchor="end">${escapeHtml(label)}</text>${segments.join(
      "",
    )}<text x="${(x + 6).toFixed(1)}" y="${y + BAR_HEIGHT / 2 + 4}" class="total">${formatNumber(theme.total, lang)}</text></g>`;
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(formatLabel("chartTitle", lang))}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${rows.join(
    "",
  )}</svg>`;
}

function renderCountTable(
  summary: MonitoringSummary,
  rows: readonly StatusCounts[],
  first: string,
  display: (name: string) => string,
  lang: Lang,
): string {
  const head = summary.statuses
    .map((s) => `<th class="num">${statusBadge(summary, s.name, lang)}</th>`)
    .join("");
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(display(r.name))}</th>${summary.statuses
          .map((s) => {
            const n = r.counts[s.name] ?? 0;
            return `<td class="num${n === 0 ? " zero" : ""}">${formatNumber(n, lang)}</td>`;
          })
          .join("")}<td class="num total">${formatNumber(r.total, lang)}</td></tr>`,
    )
    .join("\n");
  return `<table class="counts"><thead><tr><th>${escapeHtml(first)}</th>${head}<th class="num">${escapeHtml(
    formatLabel("total", lang),
  )}</th></tr></thead><tbody>
${body}
</tbody></table>`;
}

function renderAgenda(summary: MonitoringSummary, lang: Lang): string {
  const heading = `${formatLabel("agenda", lang)}${summary.year === null ? "" : ` ${summary.year}`}`;
  if (summary.agenda.length === 0) {
    return `<section class="agenda"><h2>${escapeHtml(heading)}</h2><p class="empty">${escapeHtml(
      formatLabel("agendaEmpty", lang),
    )}</p><p class="note">${escapeHtml(formatLabel("withoutStatus", lang))}: ${formatNumber(summary.withoutStatus.length, lang)}</p></section>`;
  }
  const rows = summary.agenda.map(
    (item, i) => `<tr>
<td class="nr">${i + 1}</td>
<td>${statusBadge(summary, item.status, lang)}</td>
<td><div class="theme">${escapeHtml(formatThemeName(item.meantTheme ?? item.theme, lang))}</div>${
      item.subtheme ? `<div class="sub">${escapeHtml(item.subtheme)}</div>` : ""
    }</td>
<td>${escapeHtml(item.agreement)}<div class="sub">${escapeHtml(item.parties)}</div></td>
<td>${item.explanation ? escapeHtml(item.explanation) : `<em class="missing">${escapeHtml(formatLabel("noExplanation", lang))}</em>`}</td>
<td class="ref"><span class="sheet">${escapeHtml(item.sheet)}</span><br>${escapeHtml(item.cell)}</td>
</tr>`,
  );
  return `<section class="agenda">
<h2>${escapeHtml(heading)}</h2>
<table class="list"><colgroup><col style="width:7mm"><col style="width:16mm"><col style="width:41mm"><col><col><col style="width:21mm"></colgroup>
<thead><tr><th>#</th><th>${escapeHtml(formatLabel("status", lang))}</th><th>${escapeHtml(
    formatLabel("theme", lang),
  )}</th><th>${escapeHtml(formatLabel("agreement", lang))} / ${escapeHtml(formatLabel("parties", lang).toLowerCase())}</th><th>${escapeHtml(
    formatLabel("explanation", lang),
  )}</th><th>${escapeHtml(formatLabel("source", lang))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
<p class="note">${escapeHtml(formatLabel("withoutStatus", lang))}: ${formatNumber(summary.withoutStatus.length, lang)}</p>
</section>`;
}

/** One party's own page: its agreements (named, shared, via its group) with status, Toelichting and findings. */
function renderPartyPage(summary: MonitoringSummary, view: PartyView, lang: Lang): string {
  const heading =
    view.year === null
      ? translate("party", "titleNoYear", lang, { party: view.party, count: view.agreements.length })
      : translate("party", "title", lang, { party: view.party, year: view.year, count: view.agreements.length });
  const rows = view.agreements.map((a) => {
    const status = a.status ?? NO_STATUS_KEY;
    const findings = a.findings.map((f) => `<div class="sub sev ${f.severity}">${escapeHtml(f.message)}</div>`).join("");
    return `<tr>
<td>${statusBadge(summary, status, lang)}</td>
<td><div class="theme">${escapeHtml(formatThemeName(a.meantTheme ?? a.theme ?? "", lang))}</div>${a.subtheme ? `<div class="sub">${escapeHtml(a.subtheme)}</div>` : ""}</td>
<td>${escapeHtml(a.agreement ?? "")}<div class="sub">${escapeHtml(a.parties ?? "")}</div></td>
<td>${a.explanation ? escapeHtml(a.explanation) : `<em class="note">${escapeHtml(formatLabel("noExplanation", lang))}</em>`}${findings}</td>
<td class="ref"><span class="sheet">${escapeHtml(a.sheet)}</span><br>${escapeHtml(a.statusCell ?? String(a.row))}</td>
</tr>`;
  });
  return `<section class="party-page">
<h2>${escapeHtml(heading)}</h2>
<table class="list"><colgroup><col style="width:16mm"><col style="width:41mm"><col><col><col style="width:21mm"></colgroup>
<thead><tr><th>${escapeHtml(formatLabel("status", lang))}</th><th>${escapeHtml(formatLabel("theme", lang))}</th><th>${escapeHtml(
    formatLabel("agreement", lang),
  )} / ${escapeHtml(formatLabel("parties", lang).toLowerCase())}</th><th>${escapeHtml(formatLabel("explanation", lang))}</th><th>${escapeHtml(
    formatLabel("source", lang),
  )}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}

function renderTableFindings(summary: MonitoringSummary, lang: Lang): string {
  const findings = summary.findings.tableFindings;
  if (findings.length === 0) {
    return `<section class="tables"><h3>${escapeHtml(formatLabel("tableFindings", lang))}</h3><p class="empty">${escapeHtml(
      formatLabel("tableFindingsEmpty", lang),
    )}</p></section>`;
  }
  // Errors and warnings one by one; notices (e.g. numbers stored as text) once per table and code,
  // so thirty percentages in one table do not fill a page of the meeting's report.
  type Shown = { readonly finding: (typeof findings)[number]; more: number };
  const shown: Shown[] = [];
  const grouped = new Map<string, Shown>();
  for (const f of findings) {
    if (f.severity !== "info") {
      shown.push({ finding: f, more: 0 });
      continue;
    }
    const key = `${f.table ?? f.sheet}\u0000${f.code}`;
    const group = grouped.get(key);
    if (group) {
      group.more += 1;
    } else {
      const entry: Shown = { finding: f, more: 0 };
      grouped.set(key, entry);
      shown.push(entry);
    }
  }
  const rows = shown.map(({ finding: f, more }) => {
    const similar =
      more > 0 ? `<div class="sub">${escapeHtml(translate("labels", "similarFindings", lang, { count: more }))}</div>` : "";
    return `<tr class="${f.severity}"><td>${escapeHtml(f.table ?? "")}</td><td class="ref"><span class="sheet">${escapeHtml(f.sheet)}</span><br>${escapeHtml(f.cell ?? f.range ?? "")}</td><td>${escapeHtml(
      f.message,
    )}${similar}</td></tr>`;
  });
  return `<section class="tables">
<h3>${escapeHtml(formatLabel("tableFindings", lang))}</h3>
<table class="list"><colgroup><col style="width:20mm"><col style="width:29mm"><col></colgroup>
<thead><tr><th>${escapeHtml(formatLabel("table", lang))}</th><th>${escapeHtml(formatLabel("cell", lang))}</th><th>${escapeHtml(formatLabel("message", lang))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}

function renderTrend(summary: MonitoringSummary, lang: Lang): string {
  const trend = summary.trend;
  if (!trend) return "";
  const changed = trend.rows.filter((r) => r.changed);
  const note = `<p class="note">${escapeHtml(
    translate("labels", "trendChangedOnly", lang, { changed: changed.length, total: trend.rows.length }),
  )}</p>`;
  if (changed.length === 0) return `<section class="trend"><h2>${escapeHtml(formatLabel("trend", lang))}</h2>${note}</section>`;
  const rows = changed.map(
    (r) =>
      `<tr><td>${escapeHtml(formatThemeName(r.meantTheme ?? r.theme, lang))}</td><td>${escapeHtml(
        r.agreement,
      )}</td>${trend.years.map((y) => `<td>${statusBadge(summary, r.statuses[y] ?? NO_STATUS_KEY, lang)}</td>`).join("")}</tr>`,
  );
  return `<section class="trend">
<h2>${escapeHtml(formatLabel("trend", lang))}</h2>
${note}
<table class="list trend"><thead><tr><th>${escapeHtml(formatLabel("theme", lang))}</th><th>${escapeHtml(
    formatLabel("agreement", lang),
  )}</th>${trend.years.map((y) => `<th>${y}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}

/** Per kind of point: its title, how many, and what to do (no rule codes, no severity words). */
function renderFindingCounts(summary: MonitoringSummary, lang: Lang): string {
  if (summary.findings.counts.length === 0) return "";
  const counts = new Map<FindingCode, number>();
  for (const c of summary.findings.counts) counts.set(c.code, (counts.get(c.code) ?? 0) + c.count);
  const rows = [...counts].map(
    ([code, count]) =>
      `<tr><td>${escapeHtml(translate("ruleTitles", code, lang))}</td><td class="num">${formatNumber(count, lang)}</td><td>${escapeHtml(
        formatNextStep(code, lang),
      )}</td></tr>`,
  );
  return `<section class="finding-counts">
<h3>${escapeHtml(formatLabel("findings", lang))}</h3>
<table class="list"><colgroup><col style="width:52mm"><col style="width:16mm"><col></colgroup>
<thead><tr><th>${escapeHtml(formatLabel("kind", lang))}</th><th class="num">${escapeHtml(formatLabel("count", lang))}</th><th>${escapeHtml(
    formatLabel("nextStep", lang),
  )}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, Arial, "Liberation Sans", sans-serif; font-size: 10pt; color: #1a1a1a; margin: 0 auto; padding: 0 1px; max-width: 182mm; line-height: 1.35; }
header { border-bottom: 2px solid #1f4e79; margin-bottom: 10pt; padding-bottom: 6pt; }
.kicker { margin: 0; color: #1f4e79; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.06em; }
h1 { font-size: 19pt; margin: 2pt 0 6pt; color: #1f4e79; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; color: #1f4e79; break-after: avoid; page-break-after: avoid; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0; font-size: 9.5pt; }
dl.meta dt { font-weight: 600; color: #404040; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; table-layout: auto; }
table.list { table-layout: fixed; }
table.list.trend { table-layout: auto; }
thead { display: table-header-group; }
tr, .badge, svg.chart { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #c8c8c8; padding: 3pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
thead th { background: #e8eef6; font-weight: 600; }
th[scope="row"] { font-weight: 500; background: #fafafa; }
td.num, th.num { text-align: right; width: 15mm; white-space: nowrap; }
td.zero { color: #767676; }
td.total { font-weight: 600; }
table.narrow { width: auto; min-width: 60%; }
.badge { display: inline-block; padding: 1pt 4pt; border-radius: 3pt; font-weight: 600; font-size: 9pt; text-align: center; white-space: nowrap; border: 1px solid rgba(0,0,0,0.25); }
.legend { list-style: none; padding: 0; margin: 0 0 6pt; display: flex; flex-wrap: wrap; gap: 2pt 14pt; font-size: 9pt; }
.swatch { display: inline-block; width: 10pt; height: 10pt; margin-right: 4pt; vertical-align: -1pt; border: 1px solid rgba(0,0,0,0.3); }
svg.chart { display: block; max-width: 100%; height: auto; margin: 2pt 0 8pt; font-size: 11px; font-family: inherit; }
svg.chart text.total { font-weight: 600; }
table.list td.nr { text-align: right; color: #606060; white-space: nowrap; }
table.list td.ref { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 8pt; overflow-wrap: anywhere; }
td.ref .sheet { font-family: "Segoe UI", Calibri, Arial, "Liberation Sans", sans-serif; font-size: 7.5pt; color: #505050; }
.sub { color: #505050; font-size: 9pt; margin-top: 2pt; }
.theme { font-weight: 600; }
em.missing { color: #c00000; }
.sev { font-weight: 600; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; color: #1f4e79; break-after: avoid; page-break-after: avoid; }
section.appendix { break-before: page; page-break-before: always; }
.sample-mark { margin: 0 0 8pt; padding: 4pt 8pt; border: 2px solid #c00000; color: #c00000; font-weight: 700; text-align: center; }
.note, .empty { color: #505050; font-style: italic; }
table.counts { break-inside: avoid; page-break-inside: avoid; }
section.party-page { break-before: page; page-break-before: always; }
@media screen { body { padding: 16px; max-width: 210mm; } }
@media print { a { color: inherit; text-decoration: none; } }
`;
