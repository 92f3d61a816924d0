import { buildReportHtml, escapeHtml } from "../../src/export/report-html";
import { makeCheckResult, XSS_IMG, XSS_SCRIPT } from "./make-check-result";

const AT = "2026-11-24T12:00:00.000Z";

describe("printable report HTML", () => {
  const html = buildReportHtml(makeCheckResult(), "nl", { generatedAt: AT, workbook: "stadskanaal.xlsx" });

  it("escapes every piece of cell text", () => {
    expect(html).not.toContain(XSS_IMG);
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*onerror=/i);
    expect(html).toContain(escapeHtml(XSS_IMG));
    expect(html).toContain(escapeHtml(`=HYPERLINK("http://evil") ${XSS_SCRIPT}`));
  });

  it("is one self-contained file: inline CSS, inline SVG, no external resources", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<style>");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<link\b|src=["']?http|@import|url\(/i);
  });

  it("has A4 print styles that keep rows whole", () => {
    expect(html).toContain("@page { size: A4;");
    expect(html).toMatch(/tr, [^{]*\{ break-inside: avoid;/);
  });

  it("shows title, year, municipality, parties, agenda and table findings", () => {
    expect(html).toContain("<title>Monitoring prestatieafspraken Stadskanaal 2022</title>");
    expect(html).toContain("Gemeente Stadskanaal, Lefier, Woonservice, De Koepel");
    expect(html).toContain("Agenda bestuurlijk overleg (rood en oranje) 2022");
    expect(html).toContain("Huurbeleid wordt in 2022 aangepast.");
    expect(html).toContain("(geen toelichting)");
    expect(html).toContain("Stand per 31 december 2021 is 3.810");
    expect(html).toContain("<dd>24 november 2026");
  });

  it("speaks to the board: no rule codes, no severity words; the coordinator's points in an appendix", () => {
    const board = html.slice(0, html.indexOf('<section class="appendix">'));
    expect(board).not.toMatch(/stock-flow|unknown-party|missing-explanation/);
    expect(html).not.toMatch(/>\s*(fout|fouten|waarschuwing|waarschuwingen|info)\s*</i);
    expect(html).toContain("Bijlage voor de coördinator");
    expect(html).toContain("Controleer de beginstand, de mutaties en de eindstand.");
    expect(html).toContain("@top-left");
    expect(html).not.toContain('class="sample-mark"');
  });

  it("marks a report built from the sample as a sample on every page", () => {
    const sample = buildReportHtml(makeCheckResult(), "nl", { generatedAt: "2026-11-24T12:00:00.000Z", sample: true });
    expect(sample).toContain('<p class="sample-mark" role="note">Voorbeeld:');
    expect(sample).toContain('@top-right { content: "VOORBEELD"');
  });

  it("draws one stacked bar per theme with one segment per non-zero status", () => {
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg.match(/<g>/g)).toHaveLength(4);
    // Betaalbaarheid: oranje + rood; Duurzaamheid: rood + geen; Leefbaarheid: groen; (geen thema): geen.
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).toContain("(geen thema)");
    expect(svg).toContain('fill="#C00000"');
  });

  it("escapes a hostile municipality name in the title, the header and the page margins", () => {
    const base = makeCheckResult();
    const hostile = `Stad"kanaal</style><script>alert(1)</script>`;
    const result = { ...base, model: { ...base.model, settings: { ...base.model.settings, municipality: hostile } } };
    const out = buildReportHtml(result, "nl", { generatedAt: AT });
    expect(out).not.toMatch(/<script/i);
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).toContain(escapeHtml(hostile));
  });

  it("lists only the agreements whose status changed in the trend", () => {
    const trend = /<section class="trend">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(trend).toContain("Afspraken waarvan de status veranderde: 4 van 4.");
    expect(trend.match(/<tr>/g)).toHaveLength(5);
  });

  it("speaks English when asked", () => {
    const en = buildReportHtml(makeCheckResult("en"), "en", { generatedAt: AT });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Agenda for the meeting (red and orange) 2022");
    expect(en).toContain("Stock at 31 December 2021 is 3,810");
  });
});

describe("a workbook without status columns (no monitoring year)", () => {
  const base = makeCheckResult();
  const result = { ...base, year: undefined, agreements: base.agreements.map((a) => ({ ...a, statuses: [], explanations: [] })) };

  it("says there is no monitoring year and no agenda, and counts every row as without status", () => {
    const html = buildReportHtml(result, "nl", { generatedAt: AT });
    expect(html).toContain("geen (geen statuskolom)");
    expect(html).toContain("Geen afspraken met status rood of oranje.");
    expect(html).toContain(`Afspraken zonder (geldige) status: 6`);
    expect(html).not.toContain('<section class="trend">');
  });
});
