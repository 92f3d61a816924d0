import fc from "fast-check";
import { compareFindings, sortFindings, type FindingData, type Severity } from "../../src/domain/findings/finding";

/*
 * sortFindings parses each address once into numbers and sorts indexes (no regular expression or
 * key object per finding); its order must stay that of compareFindings, ties in input order.
 */

const SHEETS = ["Afspraken", "afspraken", "Tabellen", "Ämter", "B", "a"];
const CODES = ["missing-status", "missing-party", "unknown-theme", "total-row", "cell-error"] as const;
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const letters = fc.stringMatching(/^[A-Z]{1,3}$/);
const address = fc.oneof(
  fc.tuple(letters, fc.integer({ min: 1, max: 1_048_576 })).map(([col, row]) => `${col}${row}`),
  fc.tuple(letters, fc.integer({ min: 1, max: 200 }), letters, fc.integer({ min: 1, max: 200 })).map(([a, r, b, s]) => `${a}${r}:${b}${s}`),
  // Not an address as /^([A-Z]+)(\d+)/ reads it: sorted as row 0, no column.
  fc.constantFrom("", "A", "12", "a1", "$B$2"),
);

const finding: fc.Arbitrary<FindingData> = fc
  .record({
    code: fc.constantFrom(...CODES),
    severity: fc.constantFrom(...SEVERITIES),
    sheet: fc.constantFrom(...SHEETS),
    at: fc.option(address, { nil: undefined }),
    asRange: fc.boolean(),
    id: fc.integer(),
  })
  .map(({ code, severity, sheet, at, asRange, id }) => {
    const data: { -readonly [K in keyof FindingData]: FindingData[K] } = { code, severity, sheet, row: id };
    if (at !== undefined) {
      if (asRange) data.range = at;
      else data.cell = at;
    }
    // Sorting reads no params: the codes' params are left out.
    return data as FindingData;
  });

describe("sortFindings", () => {
  it("orders as compareFindings does, keeping equal findings in their order", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
        const sorted = sortFindings(findings);
        const expected = [...findings].sort(compareFindings);
        expect(sorted).toHaveLength(expected.length);
        // The same objects in the same places, not merely equal ones: ties keep the input order.
        sorted.forEach((f, i) => expect(f).toBe(expected[i]));
      }),
      { numRuns: 300 },
    );
  });

  it("puts Z before AA and row 9 before row 10 (by number, not by text)", () => {
    const at = (cell: string): FindingData => ({ code: "missing-status", severity: "warning", sheet: "Afspraken", cell, params: { year: 2022 } });
    const cells = ["AA1", "Z1", "B10", "B9", "AB9", "A10"];
    expect(sortFindings(cells.map(at)).map((f) => f.cell)).toEqual(["Z1", "AA1", "B9", "AB9", "A10", "B10"]);
  });
});
