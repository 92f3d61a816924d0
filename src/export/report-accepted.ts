import { formatCellReference, formatDate, translate, type AcceptedFinding, type Lang } from "../domain";

/**
 * The board report's appendix part on accepted findings: what the coordinator accepted as a
 * deliberate deviation, where, and why (no rule codes). Empty when nothing is accepted.
 */
export function renderAcceptedFindings(accepted: readonly AcceptedFinding[], lang: Lang, escapeHtml: (text: string) => string): string {
  if (accepted.length === 0) return "";
  const t = (key: "heading" | "acceptedWhere" | "acceptedWhat" | "acceptedWhy" | "acceptedIntro"): string => escapeHtml(translate("acceptance", key, lang));
  const rows = accepted.map((f) => {
    const where = formatCellReference(f.sheet, f.cell ?? f.range ?? "A1");
    const when = f.acceptance.date === undefined ? "" : ` (${formatDate(f.acceptance.date, lang)})`;
    return `<tr><td>${escapeHtml(where)}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.acceptance.reason + when)}</td></tr>`;
  });
  return `<section class="accepted-findings">
<h3>${t("heading")}</h3>
<p class="note">${t("acceptedIntro")}</p>
<table class="list"><colgroup><col style="width:30mm"><col><col style="width:55mm"></colgroup>
<thead><tr><th>${t("acceptedWhere")}</th><th>${t("acceptedWhat")}</th><th>${t("acceptedWhy")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}
