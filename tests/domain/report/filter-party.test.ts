import { checkWorkbook, filterParty } from "../../../src/domain";
import { gridFromRows } from "../../helpers/grid-from-a1";

const SHEET = gridFromRows([
  ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"],
  ["Borging", null, "Achtervang volgen", "Lefier", "groen", null, "rood", "Wacht op WSW"],
  ["Borging", null, "Samen de woonvisie opstellen", "Gemeente, Lefier en Woonservice", null, null, "groen", null],
  ["Borging", null, "Statushouders huisvesten", "corporaties", null, null, "oranje", "Te weinig vrijkomende woningen"],
  ["Borging", null, "Huurders informeren", "De Koepel", null, null, "groen", null],
  ["Borging", null, "Nieuwbouw", "Woonservice", null, null, null, null],
]);

describe("filterParty", () => {
  const result = checkWorkbook([SHEET]);

  it("lists the party's own, shared and group agreements of the monitoring year with status and Toelichting", () => {
    const view = filterParty(result, "lefier");
    expect(view?.party).toBe("Lefier");
    expect(view?.year).toBe(2022);
    expect(view?.agreements.map((a) => [a.row, a.status, a.statusCell, a.explanation, a.via])).toEqual([
      [2, "rood", "G2", "Wacht op WSW", "name"],
      [3, "groen", "G3", undefined, "name"],
      [4, "oranje", "G4", "Te weinig vrijkomende woningen", "group"],
    ]);
  });

  it("finds a party by its alias and carries the findings on each row", () => {
    const view = filterParty(result, "Gemeente");
    expect(view?.party).toBe("Gemeente Stadskanaal");
    expect(view?.agreements.map((a) => a.row)).toEqual([3]);
    const woonservice = filterParty(result, "Woonservice");
    expect(woonservice?.agreements.map((a) => [a.row, a.findings.map((f) => f.code)])).toEqual([
      [3, []],
      [4, []],
      [6, ["missing-status"]],
    ]);
  });

  it("gives undefined for a name the model does not know, and an empty list for a party without agreements", () => {
    expect(filterParty(result, "Woonbedrijf")).toBeUndefined();
    expect(filterParty(result, "Welstad")?.agreements).toEqual([]);
  });
});
