import { gridFromRows } from "../../../helpers/grid-from-a1";
import { modelWithYear, readAndCheck, withCode } from "../helpers";

const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021", "Status 2022", "Toelichting 2022"];

function sheet(...rows: readonly (readonly [string | null, string | null, string | null, string | null])[]) {
  return gridFromRows([HEADER, ...rows.map((r, i) => ["Borging", null, `Afspraak ${i + 1}`, "Lefier", ...r])]);
}

describe("stale-explanation", () => {
  it("warns at the Toelichting cell when rood's explanation repeats last year's after normalising", () => {
    const { findings } = readAndCheck([
      sheet(["oranje", "Vertraagd door  stikstof.", "rood", "vertraagd door stikstof"], ["rood", "Wacht op de WSW", "oranje", "WACHT OP DE WSW!"]),
    ]);
    expect(withCode(findings, "stale-explanation")).toEqual([
      { code: "stale-explanation", severity: "warning", sheet: "Afspraken", row: 2, cell: "H2", params: { status: "rood", year: 2022, previousYear: 2021 } },
      { code: "stale-explanation", severity: "warning", sheet: "Afspraken", row: 3, cell: "H3", params: { status: "oranje", year: 2022, previousYear: 2021 } },
    ]);
  });

  it("stays silent for an updated text, for groen, for blanks and outside the monitoring year", () => {
    const { findings } = readAndCheck([
      sheet(
        ["rood", "Vertraagd door stikstof", "rood", "Vergunning verleend, start bouw in maart"],
        ["rood", "Loopt", "groen", "Loopt"],
        ["rood", null, "rood", null],
        ["rood", "Vertraagd", "rood", "Vertraagd en bijgestuurd"],
      ),
    ]);
    expect(withCode(findings, "stale-explanation")).toEqual([]);
  });

  it("compares with the latest earlier year that has a Toelichting, in the model's monitoring year", () => {
    const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Toelichting 2020", "Toelichting 2021", "Status 2022", "Toelichting 2022", "Status 2023", "Toelichting 2023"];
    const grid = gridFromRows([header, ["Borging", null, "Achtervang", "Lefier", "Zelfde tekst", null, "oranje", "Zelfde tekst", "rood", "Nieuwe stand"]]);
    expect(withCode(readAndCheck([grid], { model: modelWithYear(2022) }).findings, "stale-explanation").map((f) => [f.cell, f.params])).toEqual([
      ["H2", { status: "oranje", year: 2022, previousYear: 2020 }],
    ]);
    expect(withCode(readAndCheck([grid]).findings, "stale-explanation")).toEqual([]);
  });
});
