import { readAndCheck, sheetWith, withCode } from "../helpers";

describe("checkDuplicates", () => {
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

  it("tells agreements apart that differ only where a word is split (a tag splits like a space)", () => {
    const grid = sheetWith([
      ["Duurzaamheid", "RES", "Warmtevisie", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "Warm tevisie", "Lefier", "Visie"],
      ["Duurzaamheid", "RES", "<b>Warm</b>tevisie", "Lefier", "Visie"],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "duplicate-agreement").map((f) => [f.row, f.params?.["firstRow"]])).toEqual([[4, 3]]);
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
