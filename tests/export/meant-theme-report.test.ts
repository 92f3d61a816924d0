import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, listPartyViews, type CheckResult } from "../../src/domain";
import { buildMonitoringSummary } from "../../src/domain/report/summary";
import { buildReportHtml } from "../../src/export/report-html";
import { buildSummaryCsv } from "../../src/export/summary-csv";
import { buildSummaryWorkbook } from "../../src/export/summary-workbook";

// The fixture types one rood agreement of Lefier and Woonservice under a misspelt theme.
const FIXTURE = join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");
const TYPED = "Beschikbaarheid en betaalbaarheid";
const MEANT = "Betaalbaarheid en beschikbaarheid";
const AT = "2026-12-07T12:00:00.000Z";

let result: CheckResult;
beforeAll(async () => {
  const { sheets } = await readWorkbookFile(FIXTURE);
  result = checkWorkbook(sheets, { lang: "nl" });
});

describe("a misspelt theme in the board's views", () => {
  it("is one lookup in the domain: the summary item and the party views name the theme it means, and keep the typed one", () => {
    const summary = buildMonitoringSummary(result, { generatedAt: AT });
    const misspelt = summary.items.filter((i) => i.theme === TYPED);
    expect(misspelt.length).toBeGreaterThan(0);
    expect(misspelt.every((i) => i.meantTheme === MEANT)).toBe(true);
    expect(summary.agenda.some((i) => i.theme === TYPED && i.status === "rood")).toBe(true);
    expect(summary.items.filter((i) => i.meantTheme !== undefined).every((i) => i.theme === TYPED)).toBe(true);
    const viaParties = listPartyViews(result).flatMap((v) => v.agreements.filter((a) => a.theme === TYPED).map((a) => [v.party, a.meantTheme]));
    expect(viaParties).toEqual([
      ["Lefier", MEANT],
      ["Woonservice", MEANT],
    ]);
  });

  it("reads under the theme it means in the report's counts, agenda and party pages; only the coordinator's appendix names it as typed", () => {
    const html = buildReportHtml(result, "nl", { generatedAt: AT });
    const appendixStart = html.indexOf('<section class="appendix">');
    const partyStart = html.indexOf('<section class="party-page">');
    expect(appendixStart).toBeGreaterThan(0);
    expect(partyStart).toBeGreaterThan(appendixStart);
    const board = html.slice(0, appendixStart);
    const parties = html.slice(partyStart);
    expect(board).not.toContain(TYPED);
    // A party page shows the findings on each row (the coordinator's words for the misspelling), never the misspelling as its theme.
    expect(parties.replace(/<div class="sub sev [a-z]+">[^<]*<\/div>/g, "")).not.toContain(TYPED);
    expect(parties).not.toContain(`<div class="theme">${TYPED}</div>`);
    const agenda = /<section class="agenda">[\s\S]*?<\/section>/.exec(board)?.[0] ?? "";
    expect(agenda).toContain(`<div class="theme">${MEANT}</div>`);
    expect(parties.split('<section class="party-page">').filter((p) => p.includes(`<div class="theme">${MEANT}</div>`)).length).toBeGreaterThanOrEqual(2);
    // The appendix still tells the coordinator what to correct.
    expect(html.slice(appendixStart, partyStart)).toContain("Thema");
  });

  it("reads under the theme it means in the summary workbook's Overzicht and Agenda", () => {
    const workbook = buildSummaryWorkbook(result, { generatedAt: AT });
    for (const name of ["Overzicht", "Agenda"]) {
      const texts: string[] = [];
      workbook.getWorksheet(name)?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
      expect(texts.length).toBeGreaterThan(0);
      expect(texts).not.toContain(TYPED);
      expect(texts).toContain(MEANT);
    }
  });

  it("stays as typed in the CSV (a machine contract)", () => {
    const csv = buildSummaryCsv(buildMonitoringSummary(result, { generatedAt: AT }), "nl");
    expect(csv).toContain(`;${TYPED};`);
  });
});
