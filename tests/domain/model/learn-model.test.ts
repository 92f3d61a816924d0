import { checkWorkbook } from "../../../src/domain/check-workbook";
import type { CellValue } from "../../../src/domain/core/grid";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { learnModel, matchesModel } from "../../../src/domain/model/learn-model";
import { readAgreements } from "../../../src/domain/agreements/read-agreements";
import { gridFromRows } from "../../helpers/grid-from-a1";

/** A municipality's own list: its themes, parties and a misspelled party (row 8) and theme (row 9). */
const OTHER: CellValue[][] = [
  ["Thema", "Afspraak", "Partijen", "Status"],
  ["Wonen en zorg", "Een verhuismakelaar voor senioren.", "Woonstichting Vooruit", "op koers"],
  ["Wonen en zorg", "Zorgwoningen bij het centrum.", "gemeente Ede & Woonstichting Vooruit", "op koers"],
  ["Wonen en zorg", "Levensloopbestendig bouwen.", "Woonstichting Vooruit", "op koers"],
  ["Nieuwbouw", "Vijftig sociale huurwoningen per jaar.", "gemeente Ede", "op koers"],
  ["Nieuwbouw", "Flexwonen voor spoedzoekers.", "gemeente Ede en Woonstichting Vooruit", "op koers"],
  ["Nieuwbouw", "Starterswoningen.", "alle partijen", "op koers"],
  ["Nieuwbouw", "Tijdelijke woningen.", "Woonstichting Voruit", "op koers"],
  ["Wonen en zrog", "Mantelzorgwoningen.", "Huurdersbelang Ede", "op koers"],
];

const rowsOf = (values: CellValue[][]) => readAgreements([gridFromRows(values)], DEFAULT_MODEL, []).agreements;

describe("learnModel", () => {
  it("learns themes and parties by frequency, guesses party kinds, takes the statuses from the vocabulary", () => {
    const model = learnModel(rowsOf(OTHER), DEFAULT_MODEL);
    expect(model.themes.map((t) => t.name)).toEqual(["Nieuwbouw", "Wonen en zorg"]);
    expect(model.parties.map((p) => [p.name, p.kind])).toEqual([
      ["Woonstichting Vooruit", "corporatie"],
      ["gemeente Ede", "gemeente"],
      ["Huurdersbelang Ede", "huurdersorganisatie"],
    ]);
    expect(model.statuses).toBe(DEFAULT_MODEL.statuses);
    expect(model.source.kind).toBe("learned");
    expect(model.crossChecks).toEqual([]);
  });

  it("flags the rare near-variants as misspellings with the frequent name, and nothing else", () => {
    const result = checkWorkbook([gridFromRows(OTHER)]);
    expect(result.model.source.kind).toBe("learned");
    expect(result.findings.map((f) => [f.code, f.cell, f.suggestion])).toEqual([
      ["unknown-party", "C8", "Woonstichting Vooruit"],
      ["unknown-theme", "A9", "Wonen en zorg"],
    ]);
  });

  it("keeps two names seen once each, however close: neither is the frequent one", () => {
    const model = learnModel(
      rowsOf([
        ["Thema", "Afspraak", "Partijen"],
        ["Nieuwbouw", "a", "Woonstede"],
        ["Nieuwbouw", "b", "Woonstad"],
      ]),
      DEFAULT_MODEL,
    );
    expect(model.parties.map((p) => p.name)).toEqual(["Woonstede", "Woonstad"]);
  });
});

describe("matchesModel", () => {
  it("matches the built-in model when most themes and parties are its own (typos included)", () => {
    const rows = rowsOf([
      ["Onderwerp", "Afspraak", "Wie?"],
      ["Duurzaamheid", "a", "Lefier"],
      ["Borging", "b", "Gemeent en Woonservice"],
      ["Beschikbaarheid en betaalbaarheid", "c", "Welstad"],
    ]);
    expect(matchesModel(rows, DEFAULT_MODEL)).toBe(true);
  });

  it("does not match another municipality's list, and then its own model is used", () => {
    expect(matchesModel(rowsOf(OTHER), DEFAULT_MODEL)).toBe(false);
  });

  it("keeps the built-in model for a workbook that matches it, so its unknown names stay reported", () => {
    const result = checkWorkbook([
      gridFromRows([
        ["Onderwerp", "Afspraak", "Wie?"],
        ["Duurzaamheid", "a", "Lefier"],
        ["Borging", "b", "Woonservice"],
        ["Borging", "c", "Samen Sterk"],
        ["Klimaat", "d", "Lefier"],
      ]),
    ]);
    expect(result.model.source.kind).toBe("default");
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["unknown-theme", "A5"]]);
  });

  it("learns under a Model sheet that names only Controles, whose blocks still apply", () => {
    const result = checkWorkbook([
      gridFromRows(OTHER),
      gridFromRows(
        [
          ["Instellingen"],
          ["Instelling", "Waarde"],
          ["Monitoringjaar", 2022],
        ],
        { sheet: "Model" },
      ),
    ]);
    expect(result.model.themes.map((t) => t.name)).toEqual(["Nieuwbouw", "Wonen en zorg"]);
    expect(result.model.settings.monitoringYear).toBe(2022);
    expect(result.year).toBe(2022);
  });
});
