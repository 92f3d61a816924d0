import { DEFAULT_MODEL } from "../../../../src/domain/model/default-model";
import { formatMessage } from "../../../../src/domain/findings/messages";
import type { Model } from "../../../../src/domain/model/model";
import { checkRow, readAndCheck, sheetWith, withCode } from "../helpers";

describe("checkThemes", () => {
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
