import { buildMonitoringSummary, checkWorkbook, compareChecks, listPartyViews } from "../../src/domain";
import type { CellValue } from "../../src/domain/core/grid";
import { renderReportHtml } from "../../src/export/report-html";
import { gridFromRows } from "../helpers/grid-from-a1";

const AT = "2024-01-15T12:00:00.000Z";
const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];
const MARKUP = "Woningen <b>isoleren</b> & <script>x</script>";
const BEFORE: CellValue[][] = [
  HEADER,
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen", "Lefier", "oranje", "Later"],
  ["Duurzaamheid", "Verduurzaming", MARKUP, "Lefier", "groen", null],
  ["Borging", "WSW", "Partijen volgen de landelijke ontwikkelingen", "Gemeente", "groen", null],
];
const AFTER: CellValue[][] = [
  HEADER,
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen", "Lefier", "rood", "Stikstof"],
  ["Duurzaamheid", "Verduurzaming", MARKUP, "Lefier", "rood", "Geen aannemer"],
  ["Borging", "WSW", "Partijen volgen de landelijke ontwikkelingen", "Gemeente", "groen", null],
];

describe("the report's 'Wat is er veranderd'", () => {
  const before = checkWorkbook([gridFromRows(BEFORE)]);
  const after = checkWorkbook([gridFromRows(AFTER)]);
  const changes = compareChecks(before, after, { previous: "oud.xlsx", current: "nieuw.xlsx" });
  const html = renderReportHtml(buildMonitoringSummary(after, { generatedAt: AT }), "nl", "nieuw.xlsx", listPartyViews(after), { changes });
  const section = html.slice(html.indexOf('<section class="changes">'), html.indexOf("</section>", html.indexOf('<section class="changes">')));

  it("lists groen -> rood before oranje -> rood, with both statuses as badges", () => {
    expect(section).toContain("Vergeleken met oud.xlsx (monitoringjaar 2022): 1 afspraak van groen naar rood, 1 afspraak van oranje naar rood.");
    const rows = section.split("<tr>").slice(2);
    expect(rows[0]).toMatch(/>groen<\/span> &rarr; <span[^>]*>rood</);
    expect(rows[1]).toMatch(/>oranje<\/span> &rarr; <span[^>]*>rood</);
  });

  it("escapes workbook text", () => {
    expect(section).toContain("Woningen &lt;b&gt;isoleren&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;");
    expect(section).not.toContain("<script>");
  });

  it("says so when nothing changed", () => {
    const same = compareChecks(after, after, { previous: "oud.xlsx", current: "nieuw.xlsx" });
    const page = renderReportHtml(buildMonitoringSummary(after, { generatedAt: AT }), "en", "nieuw.xlsx", [], { changes: same });
    expect(page).toContain("Compared with oud.xlsx (monitoring year 2022): no differences in agreements, statuses or findings.");
  });
});
