import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, listPartyViews } from "../../src/domain";
import { buildReportHtml } from "../../src/export/report-html";

const AT = "2024-01-15T12:00:00.000Z";

describe("the printable report's party pages", () => {
  it("gives every party with agreements its own page, after the rest, with status, Toelichting and findings", async () => {
    const { sheets } = await readWorkbookFile(join(__dirname, "..", "fixtures", "monitor-2023.xlsx"));
    const result = checkWorkbook(sheets);
    expect(listPartyViews(result).map((v) => [v.party, v.agreements.length])).toEqual([
      ["Gemeente Stadskanaal", 3],
      ["Lefier", 8],
      ["Woonservice", 7],
      // Only through "corporaties".
      ["Woonzorg Nederland", 1],
      ["De Koepel", 1],
    ]);
    const html = buildReportHtml(result, "nl", { generatedAt: AT });
    const pages = html.split('<section class="party-page">').slice(1);
    expect(pages.map((p) => /<h2>([^<]*)<\/h2>/.exec(p)?.[1])).toEqual([
      "Afspraken van Gemeente Stadskanaal in 2023: 3",
      "Afspraken van Lefier in 2023: 8",
      "Afspraken van Woonservice in 2023: 7",
      "Afspraken van Woonzorg Nederland in 2023: 1",
      "Afspraken van De Koepel in 2023: 1",
    ]);
    expect(html.indexOf('<section class="party-page">')).toBeGreaterThan(html.indexOf('<section class="finding-counts">'));
    expect(html).toContain("section.party-page { break-before: page;");
    const woonservice = pages[2] ?? "";
    expect(woonservice).toContain("Huisvesting van statushouders volgens de taakstelling<div class=\"sub\">corporaties</div>");
    expect(woonservice).toContain("Minder vrijkomende  woningen.<div class=\"sub sev warning\">De toelichting bij status oranje in 2023 is dezelfde als die van 2022; werk haar bij.</div>");
    expect(woonservice).not.toContain("Lefier sloopt");
  });
});
