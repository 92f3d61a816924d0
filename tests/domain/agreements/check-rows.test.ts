import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { formatMessage } from "../../../src/domain/findings/messages";
import type { Model } from "../../../src/domain/model/model";
import { gridFromRows } from "../../helpers/grid-from-a1";
import { modelWithYear, readAndCheck, sheetWith, withCode } from "./helpers";

/** One row under the seed's header: theme, subtheme, agreement, parties, activities 2021. */
function checkRow(theme: string | null, subtheme: string | null, agreement: string | null, parties: string | null, activities: string | null = "x") {
  return readAndCheck([sheetWith([[theme, subtheme, agreement, parties, activities]])]).findings;
}

describe("checkAgreementRows: themes", () => {
  it("accepts known themes and subthemes ignoring case, spaces and hyphens; an empty subtheme is fine", () => {
    expect(checkRow("betaalbaarheid EN beschikbaarheid", "niet daeb", "X", "Woonservice")).toEqual([]);
    expect(checkRow("Wonen Zorg en Welzijn", "RegioDeal", "X", "Gemeente")).toEqual([]);
    expect(checkRow("Duurzaamheid", null, "X", "Gemeente")).toEqual([]);
  });

  it("reports a missing theme as an error at the theme cell", () => {
    expect(withCode(checkRow(null, "RES", "X", "Gemeente"), "missing-theme")).toEqual([
      { code: "missing-theme", severity: "error", sheet: "Afspraken", cell: "A2", row: 2 },
    ]);
  });

  it("suggests the theme with the same words in another order", () => {
    const [finding] = withCode(checkRow("Beschikbaarheid en betaalbaarheid", "Betaalbaarheid", "X", "Lefier"), "unknown-theme");
    expect(finding).toEqual({
      code: "unknown-theme",
      severity: "error",
      sheet: "Afspraken",
      cell: "A2",
      row: 2,
      params: { value: "Beschikbaarheid en betaalbaarheid" },
      suggestion: "Betaalbaarheid en beschikbaarheid",
    });
    expect(formatMessage(finding!, "nl")).toBe(
      "Onbekend thema 'Beschikbaarheid en betaalbaarheid'. Bedoelt u 'Betaalbaarheid en beschikbaarheid'?",
    );
  });

  it("suggests the nearest theme for a typo and nothing for an unrelated word", () => {
    expect(withCode(checkRow("Duurzaamhied", null, "X", "Lefier"), "unknown-theme")[0]?.suggestion).toBe("Duurzaamheid");
    const [unrelated] = withCode(checkRow("Lefier", null, "X", "Lefier"), "unknown-theme");
    expect(unrelated?.params).toEqual({ value: "Lefier" });
    expect(unrelated?.suggestion).toBeUndefined();
  });

  it("reports an unknown subtheme as a warning with the theme and the nearest subtheme", () => {
    expect(withCode(checkRow("Duurzaamheid", "Verduurzaamheidsstrategie corporaties", "X", "Lefier"), "unknown-subtheme")).toEqual([
      {
        code: "unknown-subtheme",
        severity: "warning",
        sheet: "Afspraken",
        cell: "B2",
        row: 2,
        params: { value: "Verduurzaamheidsstrategie corporaties", theme: "Duurzaamheid" },
        suggestion: "Verduurzamingsstrategie corporaties",
      },
    ]);
    expect(withCode(checkRow("De woningvoorraad", "Woonwagendplaatsen", "X", "Gemeente"), "unknown-subtheme")[0]?.suggestion).toBe(
      "Woonwagenstandplaatsen",
    );
    const [far] = withCode(checkRow("Borging", "Zwembad", "X", "Gemeente"), "unknown-subtheme");
    expect(far?.params).toEqual({ value: "Zwembad", theme: "Borging" });
    expect(far?.suggestion).toBeUndefined();
  });

  it("checks a subtheme against its own theme, not against another theme's subthemes", () => {
    expect(withCode(checkRow("Borging", "Sloop", "X", "Gemeente"), "unknown-subtheme")).toHaveLength(1);
  });

  it("checks the subtheme of a mistyped theme against the theme that was meant", () => {
    const findings = checkRow("Beschikbaarheid en betaalbaarheid", "Betaalbaarheid", "X", "Lefier");
    expect(withCode(findings, "unknown-subtheme")).toEqual([]);
  });

  it("accepts any subtheme under a theme that lists none", () => {
    const model: Model = { ...DEFAULT_MODEL, themes: [{ name: "Duurzaamheid", subthemes: [], aliases: ["Energie"] }] };
    const result = readAndCheck([sheetWith([["Energie", "Zonnepanelen", "X", "Lefier", "x"]])], { model });
    expect(result.findings).toEqual([]);
  });
});

describe("checkAgreementRows: agreement and parties", () => {
  it("warns about an empty agreement at the agreement cell", () => {
    expect(withCode(checkRow("Duurzaamheid", "RES", null, "Gemeente"), "missing-agreement")).toEqual([
      { code: "missing-agreement", severity: "warning", sheet: "Afspraken", cell: "C2", row: 2 },
    ]);
  });

  it("reports a missing party as an error at the parties cell", () => {
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", null), "missing-party")).toEqual([
      { code: "missing-party", severity: "error", sheet: "Afspraken", cell: "D2", row: 2 },
    ]);
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "<p> </p>"), "missing-party")).toHaveLength(1);
  });

  it("reports each unknown party with the nearest name ('Gemeent' -> 'Gemeente')", () => {
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "Gemeent en Lefier, Stichting Zus"), "unknown-party")).toEqual([
      { code: "unknown-party", severity: "error", sheet: "Afspraken", cell: "D2", row: 2, params: { value: "Gemeent" }, suggestion: "Gemeente" },
      { code: "unknown-party", severity: "error", sheet: "Afspraken", cell: "D2", row: 2, params: { value: "Stichting Zus" } },
    ]);
  });

  it("warns about known parties without a separator and suggests one", () => {
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "Gemeente, Woonservice Lefier"), "party-separator")).toEqual([
      {
        code: "party-separator",
        severity: "warning",
        sheet: "Afspraken",
        cell: "D2",
        row: 2,
        params: { value: "Woonservice Lefier", first: "Woonservice", second: "Lefier" },
        suggestion: "Woonservice, Lefier",
      },
    ]);
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "gemeente Lefier"), "party-separator")[0]).toMatchObject({
      params: { value: "gemeente Lefier", first: "gemeente", second: "Lefier" },
      suggestion: "gemeente, Lefier",
    });
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "Koepel, Samen Sterk Lefier"), "party-separator")[0]).toMatchObject({
      params: { value: "Samen Sterk Lefier", first: "Samen Sterk", second: "Lefier" },
      suggestion: "Samen Sterk, Lefier",
    });
  });

  it("does not take multi-word party names for missing separators", () => {
    for (const parties of ["Woonzorg Nederland", "Samen Sterk", "De Koepel", "Gemeente Stadskanaal", "Woonzorg Nederland en Samen Sterk", "de gemeente"]) {
      const findings = checkRow("Duurzaamheid", "RES", "X", parties);
      expect({ parties, findings }).toEqual({ parties, findings: [] });
    }
  });

  it("reads a party with a remark in brackets as that party", () => {
    expect(checkRow("Duurzaamheid", "RES", "X", "Gemeente (regie), Lefier")).toEqual([]);
    expect(withCode(checkRow("Duurzaamheid", "RES", "X", "Gemeente (regie), Stichting (nieuw)"), "unknown-party")).toEqual([
      expect.objectContaining({ params: { value: "Stichting (nieuw)" } }),
    ]);
  });

  it("accepts the group words for all corporations", () => {
    expect(checkRow("Duurzaamheid", "RES", "X", "Gemeente en woningcorporaties")).toEqual([]);
    expect(checkRow("Duurzaamheid", "RES", "X", "De corporaties")).toEqual([]);
  });
});

describe("checkAgreementRows: statuses and explanations", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"];
  const row = (s2021: string | null, t2021: string | null, s2022: string | null, t2022: string | null) =>
    ["Borging", null, "Achtervang", "Lefier", s2021, t2021, s2022, t2022];

  it("reports an invalid status with the year and the allowed statuses, suggesting a near one", () => {
    const { findings } = readAndCheck([gridFromRows([header, row("groen", null, "groem", null), row("paars", null, "groen", null)])]);
    expect(withCode(findings, "invalid-status")).toEqual([
      {
        code: "invalid-status",
        severity: "error",
        sheet: "Afspraken",
        cell: "G2",
        row: 2,
        params: { value: "groem", year: 2022, allowed: "groen, oranje, rood, grijs" },
        suggestion: "groen",
      },
      {
        code: "invalid-status",
        severity: "error",
        sheet: "Afspraken",
        cell: "E3",
        row: 3,
        params: { value: "paars", year: 2021, allowed: "groen, oranje, rood, grijs" },
      },
    ]);
  });

  it("accepts synonyms and case variants of statuses", () => {
    const { findings } = readAndCheck([gridFromRows([header, row("Op Schema", null, "GREY", null), row("gerealiseerd", null, "niet gestart", null)])]);
    // The two rows are copies of each other apart from their statuses: only that is reported.
    expect(findings.map((f) => f.code)).toEqual(["duplicate-agreement"]);
  });

  it("warns about a missing status only in the monitoring year, at the status cell", () => {
    const { findings } = readAndCheck([gridFromRows([header, row(null, null, null, null), row(null, null, "groen", null)])]);
    // Monitoring year: the latest status year (2022); 2021's blanks are history.
    expect(withCode(findings, "missing-status")).toEqual([
      { code: "missing-status", severity: "warning", sheet: "Afspraken", cell: "G2", row: 2, params: { year: 2022 } },
    ]);
    const in2021 = readAndCheck([gridFromRows([header, row(null, null, "groen", null)])], { year: 2021 });
    expect(withCode(in2021.findings, "missing-status")).toEqual([expect.objectContaining({ cell: "E2", params: { year: 2021 } })]);
  });

  it("does not ask for a status when the monitoring year has no status column", () => {
    const { findings } = readAndCheck([gridFromRows([header, row(null, null, null, null)])], { year: 2023 });
    expect(withCode(findings, "missing-status")).toEqual([]);
    expect(withCode(checkRow("Borging", null, "X", "Lefier"), "missing-status")).toEqual([]);
  });

  it("warns about rood/oranje without an explanation that year, at the explanation cell", () => {
    const { findings } = readAndCheck([
      gridFromRows([header, row("rood", null, "oranje", "Vertraagd door WSW"), row("amber", "uitleg", "red", "  "), row("groen", null, "grijs", null)]),
    ]);
    expect(withCode(findings, "missing-explanation")).toEqual([
      { code: "missing-explanation", severity: "warning", sheet: "Afspraken", cell: "F2", row: 2, params: { status: "rood", year: 2021 } },
      { code: "missing-explanation", severity: "warning", sheet: "Afspraken", cell: "H3", row: 3, params: { status: "rood", year: 2022 } },
    ]);
  });

  it("points at the status cell when there is no explanation column", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Status 2022"], ["Borging", "X", "Lefier", "rood"]]);
    expect(withCode(readAndCheck([grid]).findings, "missing-explanation")).toEqual([
      expect.objectContaining({ cell: "D2", params: { status: "rood", year: 2022 } }),
    ]);
  });

  it("reads a yearless Status column as the monitoring year", () => {
    const grid = gridFromRows([["Onderwerp", "Afspraak", "Wie?", "Status", "Toelichting"], ["Borging", "X", "Lefier", null, null], ["Borging", "Y", "Lefier", "rood", null]]);
    const withYear = readAndCheck([grid], { model: modelWithYear(2022) }).findings;
    expect(withCode(withYear, "missing-status")).toEqual([expect.objectContaining({ cell: "D2", params: { year: 2022 } })]);
    expect(withCode(withYear, "missing-explanation")).toEqual([expect.objectContaining({ cell: "E3", params: { status: "rood", year: 2022 } })]);
    // No year anywhere: the --year option still makes the yearless column the monitoring year.
    const optionYear = readAndCheck([grid], { year: 2024 }).findings;
    expect(withCode(optionYear, "missing-status")).toEqual([expect.objectContaining({ cell: "D2", params: { year: 2024 } })]);
    // No year at all: nothing to require, but an explanation is still asked for rood.
    const noYear = readAndCheck([grid]).findings;
    expect(withCode(noYear, "missing-status")).toEqual([]);
    expect(withCode(noYear, "missing-explanation")).toEqual([expect.objectContaining({ params: { status: "rood", year: "\u2013" } })]);
  });
});

describe("checkAgreementRows: duplicates", () => {
  it("warns at the later row when theme, agreement, parties and activities repeat (whitespace and case aside)", () => {
    const grid = sheetWith([
      ["Duurzaamheid", "RES", "Warmtevisie", "Lefier en Woonservice", "Visie opstellen"],
      ["Borging", null, "Iets anders", "Lefier", "x"],
      ["duurzaamheid ", "RES", "  warmtevisie", "Woonservice, Lefier", "visie   opstellen"],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "duplicate-agreement")).toEqual([
      { code: "duplicate-agreement", severity: "warning", sheet: "Afspraken", cell: "C4", row: 4, params: { firstRow: 2 } },
    ]);
  });

  it("finds copies whose agreement differs only in the case of letters beyond ASCII or in markup", () => {
    const grid = sheetWith([
      ["Duurzaamheid", "RES", "ÉéN Café-Plan", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "Één café-plan", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "<b>Warmtevisie</b> Stadskanaal", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "warmtevisie STADSKANAAL", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "Één cafe-plan", "Lefier", "Visie"],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "duplicate-agreement").map((f) => [f.row, f.params?.["firstRow"]])).toEqual([
      [3, 2],
      [5, 4],
    ]);
  });

  it("does not call rows duplicates when they share the agreement title but differ in party or activity", () => {
    const grid = sheetWith([
      ["De woningvoorraad", "Ouderenhuisvesting", "Langer Zelfstandig Thuis", "Gemeente", "WMO-convenant sluiten"],
      ["De woningvoorraad", "Ouderenhuisvesting", "Langer Zelfstandig Thuis", "Gemeente", "Behoeften in beeld brengen"],
      ["De woningvoorraad", "Ouderenhuisvesting", "Langer Zelfstandig Thuis", "Lefier", "WMO-convenant sluiten"],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "duplicate-agreement")).toEqual([]);
  });

  it("points each copy at the first row with the same activities when titles repeat with other activities", () => {
    const title = ["De woningvoorraad", "Ouderenhuisvesting", "Langer Zelfstandig Thuis", "Gemeente"];
    const grid = sheetWith([
      [...title, "WMO-convenant sluiten"],
      [...title, "Behoeften in beeld brengen"],
      [...title, "Behoeften in beeld brengen"],
      [...title, "WMO-convenant sluiten"],
      [...title, "WMO-convenant  sluiten"],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "duplicate-agreement").map((f) => [f.row, f.params?.["firstRow"]])).toEqual([
      [4, 3],
      [5, 2],
      [6, 2],
    ]);
  });

  it("does not compare rows across sheets or rows without agreement and activities", () => {
    const row = ["Duurzaamheid", "RES", "Warmtevisie", "Lefier", "Visie"];
    const result = readAndCheck([sheetWith([row], { sheet: "A" }), sheetWith([row, ["Borging", null, null, "Lefier", null], ["Borging", null, null, "Lefier", null]], { sheet: "B" })]);
    expect(withCode(result.findings, "duplicate-agreement")).toEqual([]);
  });
});
