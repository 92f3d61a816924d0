import { checkWorkbook } from "../../src/domain";
import { buildReportHtml } from "../../src/export/report-html";
import { gridFromRows } from "../helpers/grid-from-a1";

describe("the board report's accepted findings", () => {
  const agreements = gridFromRows([
    ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"],
    ["Borging", null, "Achtervang", "Gemeent", "groen", null],
  ]);
  const model = gridFromRows(
    [["Geaccepteerd"], ["Code", "Blad", "Cel", "Waarde", "Reden", "Datum"], ["unknown-party", "Afspraken", "D2", "Gemeent", "<b>zo</b> in het convenant", "2026-12-07"]],
    { sheet: "Model" },
  );

  it("lists them in the appendix with cell, point and reason (escaped), and not as a point still open", () => {
    const html = buildReportHtml(checkWorkbook([agreements, model]), "nl", { generatedAt: "2026-12-07T10:00:00Z" });
    const appendix = html.slice(html.indexOf('<section class="appendix">'));
    expect(appendix).toContain('<section class="accepted-findings">');
    expect(appendix).toContain("<td>Afspraken!D2</td>");
    expect(appendix).toContain("&lt;b&gt;zo&lt;/b&gt; in het convenant (7 december 2026)");
    expect(html).not.toContain("<b>zo</b>");
  });

  it("has no such part when nothing is accepted", () => {
    expect(buildReportHtml(checkWorkbook([agreements]), "nl")).not.toContain("accepted-findings");
  });
});
