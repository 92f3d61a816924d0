import {
  checkWorkbook,
  compareWithSnapshot,
  describeChangesSince,
  readSnapshotRows,
  SNAPSHOT_MAX_FINDINGS,
  takeSnapshot,
  writeSnapshotRows,
} from "../../../src/domain";
import type { CellValue } from "../../../src/domain/core/grid";
import { gridFromRows } from "../../helpers/grid-from-a1";

const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];
const BEFORE: CellValue[][] = [
  HEADER,
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "groen", null],
  ["Beschikbaarheid", "Nieuwbouw", "Woonservice bouwt 10 levensloopbestendige woningen", "Woonservice", "groen", null],
  ["Duurzaamheid", "Verduurzaming", "Warmtevisie voor de hele gemeente", "Gemeent", "oranje", "Later"],
  ["Borging", "Achtervangovereenkomst WSW", "Partijen volgen de landelijke ontwikkelingen", "Gemeente", "groen", null],
];
const AFTER: CellValue[][] = [
  HEADER,
  ["Leefbaarheid", "Wijken", "Wijkschouw twee keer per jaar", "Gemeente", "groen", null],
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 22 nieuwe woningen in Musselkanaal", "Lefier", "rood", "Stikstof"],
  ["Beschikbaarheid", "Nieuwbouw", "Woonservice bouwt 10 levensloopbestendige woningen", "Woonservice", "rood", "Geen aannemer"],
  ["Duurzaamheid", "Verduurzaming", "Warmtevisie voor de hele gemeente", "Gemeente", "oranje", "Later"],
];

describe("check snapshot", () => {
  const before = checkWorkbook([gridFromRows(BEFORE)]);
  const after = checkWorkbook([gridFromRows(AFTER)]);
  const snapshot = takeSnapshot(before, "2026-11-03T09:30:00.000Z");

  it("round-trips through cells as Excel returns them (numbers as numbers, blanks as empty text)", () => {
    const rows = writeSnapshotRows(snapshot, "nl");
    expect(rows[0]?.[0]).toMatch(/^Stand bij deze monitoring/);
    const asExcel = rows.map((row) => row.map((value) => value ?? ""));
    expect(readSnapshotRows(asExcel)).toEqual(snapshot);
  });

  it("is not read from cells that are not a snapshot", () => {
    expect(readSnapshotRows([["Monitoring prestatieafspraken"], ["Thema", "Afspraak"]])).toBeUndefined();
    expect(readSnapshotRows([])).toBeUndefined();
  });

  it("compares a new check with it: status changes worse first, added and removed agreements, new and solved findings", () => {
    const comparison = compareWithSnapshot(readSnapshotRows(writeSnapshotRows(snapshot, "nl")) ?? snapshot, after, { previous: "Monitoring", current: "werkmap" });
    expect(comparison.statusChanges.map((c) => [c.from, c.to, c.current.row])).toEqual([
      ["groen", "rood", 3],
      ["groen", "rood", 4],
    ]);
    expect(comparison.agreements.added.map((a) => a.agreement)).toEqual(["Wijkschouw twee keer per jaar"]);
    expect(comparison.agreements.removed.map((a) => a.agreement)).toEqual(["Partijen volgen de landelijke ontwikkelingen"]);
    expect(comparison.findings.solved.map((f) => f.code)).toContain("unknown-party");
    expect(describeChangesSince(snapshot, comparison, "nl")).toBe(
      `Sinds het laatste Monitoring-sheet van 3 november 2026: 2 afspraken van groen naar rood, 1 nieuwe afspraak, 1 afspraak vervallen, ${
        comparison.summary.newFindings === 0 ? "" : `${comparison.summary.newFindings} nieuwe bevinding${comparison.summary.newFindings === 1 ? "" : "en"}, `
      }${comparison.summary.solvedFindings} bevinding${comparison.summary.solvedFindings === 1 ? "" : "en"} opgelost.`,
    );
  });

  it("keeps no findings above SNAPSHOT_MAX_FINDINGS, and then compares statuses and agreements only", () => {
    const many = { ...before, findings: Array.from({ length: SNAPSHOT_MAX_FINDINGS + 1 }, () => before.findings[0]).filter((f) => f !== undefined) };
    const big = takeSnapshot(many, "2026-11-03T09:30:00.000Z");
    expect(big.findingsKept).toBe(false);
    expect(big.findings).toEqual([]);
    const read = readSnapshotRows(writeSnapshotRows(big, "nl"));
    expect(read?.findingsKept).toBe(false);
    const comparison = compareWithSnapshot(big, after, { previous: "Monitoring", current: "werkmap" });
    expect(comparison.summary).toMatchObject({ worse: 2, added: 1, removed: 1, newFindings: 0, solvedFindings: 0 });
  });

  it("says so when nothing changed", () => {
    const comparison = compareWithSnapshot(snapshot, before, { previous: "Monitoring", current: "werkmap" });
    expect(describeChangesSince(snapshot, comparison, "en")).toBe("Since the last Monitoring sheet of 3 November 2026: no differences.");
  });
});
