import { checkWorkbook, compareChecks } from "../../../src/domain";
import type { CellValue } from "../../../src/domain/core/grid";
import { matchAgreements, measureOverlap } from "../../../src/domain/report/compare-checks";
import { gridFromRows } from "../../helpers/grid-from-a1";

const PREVIOUS_HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2021", "Toelichting 2021"];
const CURRENT_HEADER = [...PREVIOUS_HEADER, "Status 2022", "Toelichting 2022"];

const PREVIOUS: CellValue[][] = [
  PREVIOUS_HEADER,
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "groen", null],
  ["Beschikbaarheid", "Nieuwbouw", "Woonservice bouwt 10 levensloopbestendige woningen", "Woonservice", "oranje", "Vergunning loopt"],
  ["Duurzaamheid", "Verduurzaming", "Partijen stellen samen een warmtevisie op voor de hele gemeente", "Lefer", "groen", null],
  ["Borging", "Achtervangovereenkomst WSW", "Partijen volgen de landelijke ontwikkelingen", "Gemeente", "groen", null],
];

const CURRENT: CellValue[][] = [
  CURRENT_HEADER,
  // New, above the others: every row below moves down one.
  ["Duurzaamheid", "Nieuwbouw", "Gemeente en corporaties maken een wijkplan voor Noord", "Gemeente", null, null, "groen", null],
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "groen", null, "rood", "Bouw stilgelegd"],
  ["Beschikbaarheid", "Nieuwbouw", "Woonservice bouwt 10 levensloopbestendige woningen", "Woonservice", "oranje", "Vergunning loopt", "groen", null],
  // Reworded a little and the party's typo fixed: the same agreement.
  ["Duurzaamheid", "Verduurzaming", "Partijen stellen samen een warmtevisie op voor de gehele gemeente", "Lefier", "groen", null, "oranje", null],
];

function check(rows: CellValue[][]) {
  return checkWorkbook([gridFromRows(rows)]);
}

describe("compareChecks", () => {
  const comparison = compareChecks(check(PREVIOUS), check(CURRENT), { previous: "2021.xlsx", current: "2022.xlsx" });

  it("matches agreements by theme and text, never by row, and lists added and removed ones", () => {
    expect(comparison.previous).toEqual({ workbook: "2021.xlsx", year: 2021 });
    expect(comparison.current).toEqual({ workbook: "2022.xlsx", year: 2022 });
    expect(comparison.agreements.matched).toBe(3);
    expect(comparison.agreements.added.map((a) => [a.row, a.agreement])).toEqual([[2, "Gemeente en corporaties maken een wijkplan voor Noord"]]);
    expect(comparison.agreements.removed.map((a) => [a.row, a.agreement])).toEqual([[5, "Partijen volgen de landelijke ontwikkelingen"]]);
  });

  it("lists status changes from one monitoring year to the next, the worst first", () => {
    expect(comparison.statusChanges.map((c) => [c.change, c.from, c.to, c.previous.row, c.current.row, c.current.cell])).toEqual([
      ["worse", "groen", "rood", 2, 3, "G3"],
      ["worse", "groen", "oranje", 4, 5, "G5"],
      ["better", "oranje", "groen", 3, 4, "G4"],
    ]);
    expect(comparison.summary).toMatchObject({ added: 1, removed: 1, worse: 2, better: 1, other: 0 });
  });

  it("tells new findings from solved ones, by agreement rather than by cell", () => {
    expect(comparison.findings.solved.map((f) => [f.code, f.cell])).toEqual([["unknown-party", "D4"]]);
    // The oranje without Toelichting is new; the unchanged rows' findings (none) do not appear.
    expect(comparison.findings.new.map((f) => [f.code, f.cell])).toEqual([["missing-explanation", "H5"]]);
    expect(comparison.summary).toMatchObject({ newFindings: 1, solvedFindings: 1, newErrors: 0 });
  });

  it("reports nothing between a workbook and itself, whatever the row order", () => {
    const shuffled = [PREVIOUS[0] as CellValue[], ...PREVIOUS.slice(1).reverse()];
    const same = compareChecks(check(PREVIOUS), check(shuffled), { previous: "a", current: "b" });
    expect(same.agreements).toEqual({ matched: 4, added: [], removed: [] });
    expect(same.statusChanges).toEqual([]);
    expect(same.findings).toEqual({ new: [], solved: [] });
  });

  it("pairs rows that share an agreement text by their parties", () => {
    const rows = (parties: readonly string[]) =>
      check([PREVIOUS_HEADER, ...parties.map((p) => ["Beschikbaarheid", "Nieuwbouw", "Nieuwbouw volgens woonvisie", p, "groen", null])]).agreements;
    const pairs = matchAgreements(rows(["Lefier", "Woonservice"]), rows(["Woonservice", "Lefier"]));
    expect(pairs.map(([a, b]) => [a.partiesText, b.partiesText])).toEqual([
      ["Woonservice", "Woonservice"],
      ["Lefier", "Lefier"],
    ]);
  });

  it("measures word overlap as a set", () => {
    expect(measureOverlap(["a", "b"], ["b", "a"])).toBe(1);
    expect(measureOverlap(["a", "b"], ["c"])).toBe(0);
    expect(measureOverlap(["a", "b", "c", "d"], ["a", "b", "c", "e"])).toBe(0.75);
  });
});

describe("compareChecks with numbered agreements", () => {
  const header = ["Nr.", "Onderwerp", "Afspraak", "Wie?", "Status 2022"];
  const previous: CellValue[][] = [
    header,
    ["1.1", "Beschikbaarheid", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "groen"],
    ["1.2", "Beschikbaarheid", "Woonservice bouwt 10 levensloopbestendige woningen", "Woonservice", "groen"],
    ["2.1", "Duurzaamheid", "Partijen stellen samen een warmtevisie op", "Gemeente", "groen"],
  ];
  const current: CellValue[][] = [
    [...header.slice(0, 4), "Status 2023"],
    // Reordered and rewritten past any fuzzy match: the numbers still say which agreement is which.
    ["2.1", "Duurzaamheid", "Warmteprogramma wijken (besluit raad juni)", "Gemeente", "rood"],
    ["1.1", "Beschikbaarheid", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "groen"],
    ["1.2", "Beschikbaarheid", "Nieuwbouw levensloopbestendig Vlagtwedde", "Woonservice", "oranje"],
  ];

  it("matches by the agreement's number, whatever the row and the wording", () => {
    const comparison = compareChecks(check(previous), check(current), { previous: "a", current: "b" });
    expect(check(previous).agreements.map((a) => a.number)).toEqual(["1.1", "1.2", "2.1"]);
    expect(comparison.agreements.matched).toBe(3);
    expect(comparison.agreements.added).toEqual([]);
    expect(comparison.agreements.removed).toEqual([]);
    expect(comparison.statusChanges.map((c) => [c.from, c.to, c.previous.row, c.current.row])).toEqual([
      ["groen", "rood", 4, 2],
      ["groen", "oranje", 3, 4],
    ]);
  });
});
