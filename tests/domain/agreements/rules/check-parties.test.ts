import { checkRow, withCode } from "../helpers";

describe("checkParties", () => {
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
