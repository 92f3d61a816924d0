import { buildMonitoringSummary } from "../../src/domain/report/summary";
import { buildSummaryCsv, formatCsvField, neutraliseFormula } from "../../src/export/summary-csv";
import { buildSummaryJson } from "../../src/export/summary-json";
import { makeCheckResult } from "./make-check-result";

const summary = buildMonitoringSummary(makeCheckResult(), { generatedAt: "2026-11-24T12:00:00.000Z" });

describe("CSV export", () => {
  const csv = buildSummaryCsv(summary, "nl");
  const lines = csv.slice(1).split("\r\n");

  it("starts with a UTF-8 byte-order mark and ends lines with CRLF only", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("separates with semicolons and names the monitoring year in the header", () => {
    expect(lines[0]).toBe("Blad;Rij;Cel;Thema;Subthema;Afspraak;Partijen;Status 2022;Toelichting 2022;Agenda");
    expect(lines[1]).toBe(
      "Afspraken;3;H3;Betaalbaarheid en beschikbaarheid;;Huursom maximaal inflatievolgend;Lefier en Woonservice;oranje;Huurbeleid wordt in 2022 aangepast.;ja",
    );
    expect(lines).toHaveLength(summary.items.length + 2);
  });

  it("quotes fields with separators and quotes, and neutralises formulas", () => {
    const row8 = lines.find((l) => l.startsWith("Afspraken;8;"));
    expect(row8).toContain(`;"'-5 woningen; ""netto""";`);
    const jan = lines.find((l) => l.startsWith("Jan's blad;"));
    expect(jan).toContain(`;"'=HYPERLINK(""http://evil"") <script>alert('x')</script>";`);
    expect(jan).toContain(";Gemeente; corporaties;".replace("Gemeente; corporaties", '"Gemeente; corporaties"'));
  });

  it("keeps an invalid status word as typed", () => {
    expect(lines.find((l) => l.startsWith("Afspraken;6;"))).toContain(";paars;");
  });

  it("neutralises every formula trigger, and only those", () => {
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("+31 6")).toBe("'+31 6");
    expect(neutraliseFormula("-2")).toBe("'-2");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    expect(neutraliseFormula("groen = goed")).toBe("groen = goed");
    expect(formatCsvField("\rx")).toBe(`"'\rx"`);
    expect(formatCsvField(-3)).toBe("-3");
    expect(formatCsvField(" padded")).toBe(`" padded"`);
  });

  it("writes English headers in English", () => {
    expect(buildSummaryCsv(summary, "en").slice(1).split("\r\n")[0]).toBe(
      "Sheet;Row;Cell;Theme;Subtheme;Agreement;Parties;Status 2022;Explanation 2022;Agenda",
    );
  });
});

describe("JSON export", () => {
  it("is the summary, parseable, with the agenda and counts", () => {
    const parsed = JSON.parse(buildSummaryJson(summary)) as typeof summary;
    expect(parsed.version).toBe(1);
    expect(parsed.byStatus).toEqual(summary.byStatus);
    expect(parsed.agenda).toHaveLength(3);
    expect(parsed.trend?.years).toEqual([2021, 2022]);
  });
});
