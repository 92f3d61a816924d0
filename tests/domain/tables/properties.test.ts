import fc from "fast-check";
import { checkTables } from "../../../src/domain/tables/check-tables";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { findTables } from "../../../src/domain/tables/find-tables";
import { parseA1, type CellValue, type SheetGrid } from "../../../src/domain/core/grid";
import { parseNumberText } from "../../../src/domain/core/parse-number";

/** Writes an integer the Dutch way: dots between thousands ("1.234.567"). */
function formatDutchInteger(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return n < 0 ? `-${digits}` : digits;
}

describe("parse-number properties", () => {
  it("reads every Dutch-formatted integer back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (n) => {
        expect(parseNumberText(formatDutchInteger(n))).toEqual({ kind: "number", value: n, decimals: 0, percent: false, fromText: true });
      }),
    );
  });

  it("reads every Dutch decimal with its shown decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (units, d, percent) => {
        const whole = Math.trunc(units / 10 ** d);
        const fraction = String(Math.abs(units) % 10 ** d).padStart(d, "0");
        const sign = units < 0 ? "-" : "";
        const text = `${sign}${formatDutchInteger(Math.abs(whole))},${fraction}${percent ? "%" : ""}`;
        const parsed = parseNumberText(text);
        expect(parsed.kind).toBe("number");
        if (parsed.kind !== "number") return;
        expect(Math.abs(parsed.value - units / 10 ** d)).toBeLessThan(1e-9);
        expect(parsed.decimals).toBe(d);
        expect(parsed.percent).toBe(percent);
      }),
    );
  });

  it("never throws and always answers one of the five kinds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(["number", "interval", "unknown", "invalid", "error"]).toContain(parseNumberText(text).kind);
      }),
    );
  });
});

const CELL_VOCABULARY: CellValue[] = [
  null,
  null,
  null,
  "Tabel 1: Voorraad",
  "Tabel 2",
  "Woningen",
  "Totaal",
  "- Deel",
  "Stand per 1 januari",
  "Stand per 31 december",
  "Saldo",
  "Derden",
  2020,
  2021,
  "2022",
  12,
  -3,
  "4.324",
  "29,2%",
  "-20 - -25",
  "n.b.",
  "12a",
  "#REF!",
  "<i>64</i>",
  '<table><caption>Tabel 3: X</caption><tr><th>Woningen</th></tr></table>',
  "Lefier en Woonservice zetten de totale huursom in op maximale inflatie volgend huurprijsbeleid",
];

const gridArbitrary = fc
  .array(fc.array(fc.constantFrom(...CELL_VOCABULARY), { maxLength: 6 }), { maxLength: 25 })
  .map((values): SheetGrid => ({ sheet: "Blad", origin: "B2", values }));

describe("find-tables properties", () => {
  it("never throws, keeps rows inside their table's range, never overlaps tables, and the rules never throw", () => {
    fc.assert(
      fc.property(gridArbitrary, (grid) => {
        const { tables, findings } = findTables([grid]);
        const spans: [number, number][] = [];
        for (const table of tables) {
          const [start, end = start] = table.range.split(":");
          const top = parseA1(start ?? "")?.row ?? -1;
          const bottom = parseA1(end ?? "")?.row ?? -1;
          expect(table.rows.length).toBeGreaterThan(0);
          for (const row of table.rows) {
            expect(row.row - 1).toBeGreaterThanOrEqual(top);
            expect(row.row - 1).toBeLessThanOrEqual(bottom);
            expect(row.values).toHaveLength(table.columns.length);
            expect(row.cells).toHaveLength(table.columns.length);
          }
          for (const [a, b] of spans) expect(bottom < a || top > b).toBe(true);
          spans.push([top, bottom]);
        }
        expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
        for (const f of [...findings, ...checkTables(tables, DEFAULT_MODEL)]) {
          expect(f.sheet).toBe("Blad");
          expect(f.cell ?? f.range).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});

const LABELS = ["Nieuwbouw", "Sloop", "Verkoop", "Aankoop", "Overheveling", "Woonmaatschappelijk werk", "Parkeren"];
const AGREEMENT_ROW: CellValue[] = [
  "Betaalbaarheid en beschikbaarheid",
  "Betaalbaarheid",
  "Lefier en Woonservice zetten de totale huursom in op maximale inflatie volgend huurprijsbeleid",
  "Lefier en Woonservice",
  "Zie de tabel hieronder voor de ontwikkeling van de voorraad in de komende jaren.",
];

const tableSpec = fc.record({
  captioned: fc.boolean(),
  years: fc.integer({ min: 1, max: 4 }),
  rows: fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 4, maxLength: 4 })), {
    minLength: 2,
    maxLength: 6,
  }),
  asText: fc.boolean(),
  agreementAfter: fc.boolean(),
});

describe("find-tables finds generated tables exactly", () => {
  it("between agreement rows, with or without caption, values as numbers or Dutch text", () => {
    fc.assert(
      fc.property(fc.array(tableSpec, { minLength: 1, maxLength: 4 }), (specs) => {
        const values: CellValue[][] = [];
        specs.forEach((spec, i) => {
          values.push(AGREEMENT_ROW);
          if (spec.captioned) values.push([`Tabel ${i + 1}: Tabel nummer ${i + 1}`]);
          const years = Array.from({ length: spec.years }, (_, k) => 2020 + k);
          values.push(["Woongelegenheden (aantallen)", ...years]);
          for (const [label, numbers] of spec.rows) {
            const shown = numbers.slice(0, spec.years).map((n) => (spec.asText ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".") : n));
            values.push([label, ...shown]);
          }
          if (!spec.agreementAfter) values.push([]);
        });
        const { tables } = findTables([{ sheet: "Afspraken", origin: "A1", values }]);
        expect(tables).toHaveLength(specs.length);
        tables.forEach((table, i) => {
          const spec = specs[i];
          if (!spec) throw new Error("spec missing");
          expect(table.id).toEqual(spec.captioned ? `Tabel ${i + 1}` : expect.stringMatching(/^Afspraken!A\d+$/));
          expect(table.rows.map((r) => r.label)).toEqual(spec.rows.map(([label]) => label));
          expect(table.rows.map((r) => r.values.map((v) => (v.kind === "number" ? v.value : v.kind)))).toEqual(
            spec.rows.map(([, numbers]) => numbers.slice(0, spec.years)),
          );
        });
      }),
      { numRuns: 200 },
    );
  });
});
