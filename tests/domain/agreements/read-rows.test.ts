import { findActivities, findExplanation, findStatus, type AgreementRow } from "../../../src/domain/agreements/agreement";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { CellValue } from "../../../src/domain/core/grid";
import { readAgreements } from "../../../src/domain/agreements/read-agreements";
import { gridFromRows } from "../../helpers/grid-from-a1";

const MULTI_YEAR_HEADER: readonly CellValue[] = [
  "Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?",
  "Activiteiten 2021", "Activiteiten 2022", "Status 2021", "Status 2022", "Toelichting 2021", "Toelichting 2022",
];

function readRows(rows: readonly (readonly CellValue[])[]): readonly AgreementRow[] {
  return readAgreements([gridFromRows(rows)], DEFAULT_MODEL, []).agreements;
}

describe("rows read from a sheet", () => {
  const rows = readRows([
    MULTI_YEAR_HEADER,
    ["Duurzaamheid", "RES", "Warmtevisie opstellen", "Gemeente", "Visie", "", " Groen ", "amber", "", "Vertraagd"],
    ["Duurzaamheid", "", "", "", "", "", "", "", "", ""],
  ]);

  it("hold every field, address and year of a multi-year row", () => {
    expect(rows).toEqual([
      {
        sheet: "Afspraken",
        row: 2,
        theme: "Duurzaamheid",
        subtheme: "RES",
        agreement: "Warmtevisie opstellen",
        partiesText: "Gemeente",
        parties: ["Gemeente Stadskanaal"],
        activities: [{ year: 2021, text: "Visie", cell: "E2" }],
        statuses: [
          { year: 2021, raw: "Groen", status: "groen", cell: "G2" },
          { year: 2022, raw: "amber", status: "oranje", cell: "H2" },
        ],
        explanations: [
          { year: 2021, text: "", cell: "I2" },
          { year: 2022, text: "Vertraagd", cell: "J2" },
        ],
        cells: { theme: "A2", subtheme: "B2", agreement: "C2", parties: "D2", activities: "E2", status: "G2", explanation: "I2" },
      },
      {
        sheet: "Afspraken",
        row: 3,
        theme: "Duurzaamheid",
        parties: [],
        activities: [],
        statuses: [
          { year: 2021, raw: "", cell: "G3" },
          { year: 2022, raw: "", cell: "H3" },
        ],
        explanations: [
          { year: 2021, text: "", cell: "I3" },
          { year: 2022, text: "", cell: "J3" },
        ],
        cells: { theme: "A3", subtheme: "B3", agreement: "C3", parties: "D3", activities: "E3", status: "G3", explanation: "I3" },
      },
    ]);
  });

  it("serialise to JSON with their fields in the order exports show", () => {
    expect(Object.keys(JSON.parse(JSON.stringify(rows[0])) as object)).toEqual([
      "sheet", "row", "theme", "subtheme", "agreement", "partiesText", "parties", "activities", "statuses", "explanations", "cells",
    ]);
  });

  it("read each header's own year columns when headers below differ", () => {
    const read = readRows([
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2021"],
      ["Duurzaamheid", "RES", "Eerste", "Gemeente", "rood"],
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2023", "Status 2022", "Status 2023", "Toelichting 2023"],
      ["Duurzaamheid", "RES", "Tweede", "Lefier", "Bouwen", "groen", "grijs", "Loopt"],
      ["Duurzaamheid", "RES", "Derde", "Lefier", "", "oranje", "", "Wacht"],
    ]);
    expect(read.map((r) => [r.agreement, r.statuses.map((s) => `${s.year}:${s.raw}@${s.cell}`), r.activities.map((a) => a.text), r.explanations.map((e) => e.text)])).toEqual([
      ["Eerste", ["2021:rood@E2"], [], []],
      ["Tweede", ["2022:groen@F4", "2023:grijs@G4"], ["Bouwen"], ["Loopt"]],
      ["Derde", ["2022:oranje@F5", "2023:@G5"], [], ["Wacht"]],
    ]);
    expect(findStatus(read[2] as AgreementRow, 2023)).toEqual({ year: 2023, raw: "", cell: "G5" });
    expect(findActivities(read[2] as AgreementRow, 2023)).toBeUndefined();
  });
});

describe("texts the reader changes", () => {
  const header = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2021", "Status 2021", "Toelichting 2021"];
  const grid = gridFromRows([
    header,
    ["  Wonen ", " Nieuwbouw", 42, "Lefier ", " Bouwen\n", " groen ", "<b>Klaar</b> "],
    ["<b>Wonen</b>", "Sloop", "Slopen", "Lefier", true, "#N/A", " "],
    ["Wonen", "Sloop", "  ", "", "", "", ""],
  ]);
  const read = readAgreements([grid], DEFAULT_MODEL, []);

  it("are read trimmed, names without markup, numbers and booleans as text, blanks and errors as blank", () => {
    expect(read.agreements.map((r) => [r.theme, r.subtheme, r.agreement, r.partiesText, findActivities(r, 2021), findStatus(r, 2021)?.raw, findExplanation(r, 2021)])).toEqual([
      ["Wonen", "Nieuwbouw", "42", "Lefier", "Bouwen", "groen", "<b>Klaar</b>"],
      ["Wonen", "Sloop", "Slopen", "Lefier", "true", "", undefined],
      ["Wonen", "Sloop", undefined, undefined, undefined, "", undefined],
    ]);
  });

  it("stay as they were read when a live edit puts new rows into the grid", () => {
    const before = structuredClone(read.agreements);
    grid.values[1] = ["Leefbaarheid", "", "Anders", "Gemeente", "", "rood", ""];
    grid.values[2] = [];
    expect(read.agreements).toEqual(before);
    expect(readAgreements([grid], DEFAULT_MODEL, []).agreements[0]?.theme).toBe("Leefbaarheid");
  });
});
