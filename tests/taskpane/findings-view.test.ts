import { checkWorkbook, NO_STATUS_KEY } from "../../src/domain";
import { filterFindings, findingsAtCell, groupFindings, listFilterOptions, listRuleLines, summarizeCheck } from "../../src/taskpane/findings-view";
import { chooseLanguage, translate } from "../../src/taskpane/i18n";
import { describeVerdict } from "../../src/taskpane/render-pane";
import { gridFromRows } from "../helpers/grid-from-a1";

/** The pane's view logic (no DOM): filters, grouping, counts, the selected cell's findings. */

const HEADER = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2022", "Status 2022", "Toelichting 2022"];

function checkSample() {
  return checkWorkbook([
    gridFromRows([
      HEADER,
      ["Beschikbaarheid en betaalbaarheid", "", "Gematigd huurbeleid", "Lefier", "Huren beperken", "groen", ""],
      ["Duurzaamheid", "", "Woningen isoleren", "Gemeent", "200 woningen", "rood", ""],
      ["Duurzaamheid", "", "Zonnepanelen", "Woonservice", "50 daken", "oranje", "Vertraagd door levering"],
      ["De woningvoorraad", "", "Nieuwbouw", "Lefier", "22 woningen", "paars", ""],
      ["De woningvoorraad", "", "Sloop", "Woonservice", "10 woningen", "", ""],
    ]),
  ]);
}

describe("summarizeCheck", () => {
  it("counts the stoplights of the monitoring year and the findings per severity", () => {
    const result = checkSample();
    const summary = summarizeCheck(result);
    expect(summary.year).toBe(2022);
    expect(summary.agreementCount).toBe(5);
    const byStatus = Object.fromEntries(summary.statuses.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual({ groen: 1, oranje: 1, rood: 1, grijs: 0, [NO_STATUS_KEY]: 2 });
    expect(summary.statuses.find((s) => s.status === "groen")?.color).toMatch(/^#[0-9A-F]{6}$/i);
    expect(summary.statuses.find((s) => s.status === NO_STATUS_KEY)?.color).toBeUndefined();
    const errors = result.findings.filter((f) => f.severity === "error").length;
    expect(summary.errors).toBe(errors);
    expect(summary.errors + summary.warnings + summary.infos).toBe(result.findings.length);
  });
});

describe("groupFindings", () => {
  it("groups by severity in order error, warning, info, then by rule", () => {
    const result = checkSample();
    const groups = groupFindings(result.findings);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning"]);
    const errorCodes = groups[0]?.rules.map((r) => r.code) ?? [];
    expect(errorCodes).toEqual(expect.arrayContaining(["unknown-theme", "unknown-party", "invalid-status"]));
    for (const group of groups) {
      expect(group.count).toBe(group.rules.reduce((n, r) => n + r.findings.length, 0));
      for (const rule of group.rules) for (const f of rule.findings) expect([f.severity, f.code]).toEqual([group.severity, rule.code]);
    }
  });
});

describe("filterFindings", () => {
  it("filters by severity, theme and party, and a theme filter drops findings about no agreement", () => {
    const result = checkSample();
    expect(filterFindings(result, {})).toHaveLength(result.findings.length);
    expect(filterFindings(result, { severity: "warning" }).every((f) => f.severity === "warning")).toBe(true);

    const duurzaamheid = filterFindings(result, { theme: "Duurzaamheid" });
    expect(duurzaamheid.length).toBeGreaterThan(0);
    expect(duurzaamheid.every((f) => f.row === 3 || f.row === 4 || /\D[34]$/.test(f.cell ?? ""))).toBe(true);

    const woonservice = filterFindings(result, { party: "Woonservice" });
    expect(woonservice.map((f) => f.code)).toContain("missing-status");
    expect(woonservice.every((f) => /\D(4|6)$/.test(f.cell ?? ""))).toBe(true);

    expect(filterFindings(result, { theme: "Duurzaamheid", party: "Lefier" })).toEqual([]);
  });
});

describe("findingsAtCell", () => {
  it("returns the findings of one cell, and of ranges covering it", () => {
    const result = checkSample();
    const party = result.findings.find((f) => f.code === "unknown-party");
    expect(party?.cell).toBe("D3");
    expect(findingsAtCell(result, "Afspraken", "D3").map((f) => f.code)).toContain("unknown-party");
    expect(findingsAtCell(result, "Afspraken", "d3").map((f) => f.code)).toContain("unknown-party");
    expect(findingsAtCell(result, "Andere", "D3")).toEqual([]);
    expect(findingsAtCell(result, "Afspraken", "Z99")).toEqual([]);
    if (party === undefined) throw new Error("sample has an unknown party");
    const { cell: _cell, ...aboutNoCell } = party;
    const withRange = { ...result, findings: [{ ...aboutNoCell, range: "B2:C5" }] };
    expect(findingsAtCell(withRange, "Afspraken", "C4")).toHaveLength(1);
    expect(findingsAtCell(withRange, "Afspraken", "D4")).toHaveLength(0);
  });
});

describe("listFilterOptions", () => {
  it("offers the model's themes and parties", () => {
    const options = listFilterOptions(checkSample());
    expect(options.themes).toContain("Duurzaamheid");
    expect(options.parties).toContain("Lefier");
  });
});

describe("i18n", () => {
  it("uses Dutch for Dutch Office and outside Office, English otherwise", () => {
    expect(chooseLanguage("nl-NL")).toBe("nl");
    expect(chooseLanguage("nl-be")).toBe("nl");
    expect(chooseLanguage(undefined)).toBe("nl");
    expect(chooseLanguage("en-US")).toBe("en");
    expect(chooseLanguage("de-DE")).toBe("en");
    expect(chooseLanguage("nn-NO")).toBe("en");
  });

  it("fills placeholders", () => {
    expect(translate("verdictWarnings", "en", { warnings: "2 warnings" })).toBe("No errors; 2 warnings");
    expect(translate("monitoringWritten", "en", { sheet: "Monitoring" })).toBe("Sheet Monitoring written.");
  });
});

describe("describeVerdict", () => {
  const base = { agreementCount: 3, year: 2022, statuses: [], infos: 0 };
  it("puts errors first, counts in the right number, and says when all is well", () => {
    expect(describeVerdict({ ...base, errors: 1, warnings: 3 }, true, "nl")).toBe("1 fout, 3 waarschuwingen");
    expect(describeVerdict({ ...base, errors: 2, warnings: 1 }, true, "en")).toBe("2 errors, 1 warning");
    expect(describeVerdict({ ...base, errors: 0, warnings: 1 }, true, "nl")).toBe("Geen fouten; 1 waarschuwing");
    expect(describeVerdict({ ...base, errors: 0, warnings: 0 }, true, "en")).toBe("All in order");
    expect(describeVerdict({ ...base, errors: 0, warnings: 0 }, false, "nl")).toMatch(/^Geen afsprakenblad gevonden\. Zet de kopregel/);
  });
});

describe("listRuleLines", () => {
  it("lists one group per rule, errors first, with repeats in adjacent cells as one line", () => {
    const result = checkSample();
    const rules = listRuleLines(result.findings);
    const order = rules.map((r) => ["error", "warning", "info"].indexOf(r.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
    expect(rules.reduce((n, r) => n + r.count, 0)).toBe(result.findings.length);
    for (const rule of rules) expect(rule.lines.reduce((n, l) => n + l.findings.length, 0)).toBe(rule.count);
  });
});
