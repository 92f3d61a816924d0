import { checkTables } from "../../../src/domain/tables/check-tables";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { FindingData } from "../../../src/domain/findings/finding";
import { findTables } from "../../../src/domain/tables/find-tables";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";
import { parseNumberText } from "../../../src/domain/core/parse-number";
import { join } from "path";
import { readSeedSheet } from "./seed-grid";

/**
 * The seed document pasted into one sheet (every line a row, every tab a cell): agreement rows, prose,
 * HTML blobs and the six numeric tables. The only table errors are Tabel 1's three stock-flow errors.
 */
const seed = readSeedSheet();
const describeSeed = seed ? describe : describe.skip;

/** The same paste after Excel (Dutch locale) turned number-like text into numbers with formats. */
function convertNumbers(grid: SheetGrid): SheetGrid {
  const formats: string[][] = [];
  const values: CellValue[][] = grid.values.map((row, r) =>
    row.map((value, c) => {
      const line = (formats[r] ??= []);
      line[c] = "General";
      if (typeof value !== "string" || value.includes("<")) return value;
      const parsed = parseNumberText(value);
      if (parsed.kind !== "number") return value;
      if (!parsed.percent) return parsed.value;
      line[c] = parsed.decimals === 0 ? "0%" : `0.${"0".repeat(parsed.decimals)}%`;
      return parsed.value / 100;
    }),
  );
  return { ...grid, values, formats };
}

function run(grid: SheetGrid): { tables: ReturnType<typeof findTables>["tables"]; findings: FindingData[] } {
  const reading = findTables([grid]);
  return { tables: reading.tables, findings: [...reading.findings, ...checkTables(reading.tables, DEFAULT_MODEL)] };
}

const EXPECTED_TABLES = [
  ["Tabel 3", "Ontwikkeling betaalbaarheid zelfstandige woningen in relatie tot doelstelling", "A35:F41", 6],
  ["Tabel 8", "Aantal eenheden niet-DAEB", "A67:C74", 6],
  ["Tabel 1", "Ontwikkeling kernvoorraad", "A86:E96", 8],
  ["Tabel 6", "Ontwikkeling nultredenwoningen", "A98:E103", 3],
  ["Tabel 5", "Maatregelen verduurzaming", "A211:E218", 6],
  ["Tabel 8 (2)", "Uitgaven leefbaarheid", "A250:F257", 6],
];

const EXPECTED_ERRORS = [
  ["stock-flow", "C96", "3793…3798", 3810, 2021],
  ["stock-flow", "D96", "3801…3806", 3818, 2022],
  ["stock-flow", "E96", "3793…3798", 3810, 2023],
];

describeSeed("the seed's tables", () => {
  for (const [name, grid] of [
    ["pasted as text", seed],
    ["with numbers converted by Excel", seed ? convertNumbers(seed) : undefined],
  ] as const) {
    describe(name, () => {
      let tables: ReturnType<typeof findTables>["tables"] = [];
      let findings: FindingData[] = [];
      beforeAll(() => {
        if (!grid) throw new Error("seed grid missing");
        ({ tables, findings } = run(grid));
      });

      it("finds exactly the six tables, none inside agreement rows", () => {
        expect(tables.map((t) => [t.id, t.title, t.range, t.rows.length])).toEqual(EXPECTED_TABLES);
      });

      it("has exactly the three Tabel 1 stock-flow errors", () => {
        const errors = findings.filter((f) => f.severity === "error");
        expect(errors.map((f) => [f.code, f.cell, f.expected, f.actual, f.params?.["year"]])).toEqual(EXPECTED_ERRORS);
        expect(errors.every((f) => f.table === "Tabel 1" && f.sheet === "Afspraken" && f.row === 96)).toBe(true);
      });

      it("warns once about the second Tabel 8", () => {
        expect(findings.filter((f) => f.severity === "warning")).toEqual([
          {
            code: "duplicate-table-number",
            severity: "warning",
            sheet: "Afspraken",
            cell: "A250",
            params: { number: "8", first: "Afspraken!A67" },
            table: "Tabel 8 (2)",
            row: 250,
          },
        ]);
      });

      it("notes Tabel 3's rounded column sums 99.9, 99.9 and 100.1 as infos", () => {
        const sums = findings.filter((f) => f.code === "percent-sum");
        expect(sums.map((f) => [f.severity, f.cell, f.params?.["column"], f.actual])).toEqual([
          ["info", "C41", "2020", 99.9],
          ["info", "D41", "2021", 99.9],
          ["info", "F41", "2023", 100.1],
        ]);
      });

      it("reports numbers stored as text only where they are text", () => {
        const asText = findings.filter((f) => f.code === "number-as-text");
        const codes = new Set(findings.map((f) => f.code));
        expect([...codes].sort()).toEqual(["duplicate-table-number", "number-as-text", "percent-sum", "stock-flow"]);
        if (name === "pasted as text") {
          // Every value cell except the three "-20 - -25" intervals and the blanks of Tabel 8 (2).
          expect(asText).toHaveLength(30 + 6 + 29 + 12 + 24 + 14);
        } else {
          // Only the HTML-wrapped <i>64</i> and <i>76</i> stay text.
          expect(asText.map((f) => f.cell)).toEqual(["C70", "C71"]);
        }
      });
    });
  }
});

describe("readSeedSheet", () => {
  it("answers undefined (with a notice) when the seed is absent", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readSeedSheet("Afspraken", join(__dirname, "no-such-seed.txt"))).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
