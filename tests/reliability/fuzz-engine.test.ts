import fc from "fast-check";
import { checkWorkbook, parseA1, readOrigin, widthOf, type CellValue, type Finding, type SheetGrid } from "../../src/domain";

/**
 * Property tests: whatever a coordinator's workbook holds (pasted PDFs, old templates, co-authors),
 * the engine never throws, points only at cells that exist, and is deterministic.
 */

const HEADER_WORDS = [
  "Onderwerp",
  "Thema",
  "nr",
  "Subthema",
  "Actiepunt/prestatieafspraken",
  "Afspraak",
  "Wie?",
  "Partijen",
  "Activiteitenoverzicht 2021",
  "Status 2021",
  "Status",
  "Stoplicht 2022",
  "Toelichting 2021",
  "Tabel 1: Ontwikkeling kernvoorraad",
  "Tabel 8: Uitgaven",
  "Stand per 1 januari",
  "Stand per 31 december",
  "Totaal",
  "- deel",
  "Saldo",
  "Thema's",
  "Partijen",
  "Statussen",
  "Instellingen",
  "Controles",
  "Monitoringjaar",
];
const DATA_WORDS = [
  "Duurzaamheid",
  "Betaalbaarheid en beschikbaarheid",
  "Gemeente",
  "Lefier en Woonservice",
  "Woonservice Lefier",
  "corporaties",
  "groen",
  "rood",
  "Oranje",
  "amber",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "29,2%",
  "4.324",
  "-20 - -25",
  "20 à 25",
  "n.b.",
  "nvt",
  "-",
  "#REF!",
  "#DIV/0!",
  "#N/A",
  "=SUM(A1:A3)",
  "Tabel 1 / Nieuwbouw / 2021",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...DATA_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 5000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5000, max: 5000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(1900, 2019, 2020, 2021, 2022, 2023, 2030, 0.292, 100, -0) },
);

const sheetGrid = (name: string): fc.Arbitrary<SheetGrid> =>
  fc
    .record({
      rows: fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 25 }),
      origin: fc.constantFrom("A1", "B3", "C10", "AA100"),
      percentFormats: fc.boolean(),
    })
    .map(({ rows, origin, percentFormats }) => ({
      sheet: name,
      origin,
      values: rows,
      formats: rows.map((row) => row.map((v) => (percentFormats && typeof v === "number" ? "0.0%" : "General"))),
    }));

const workbook: fc.Arbitrary<SheetGrid[]> = fc.tuple(
  sheetGrid("Afspraken"),
  sheetGrid("Tabellen"),
  fc.option(sheetGrid("Model"), { nil: undefined }),
  fc.option(sheetGrid("Jan's 'blad'"), { nil: undefined }),
).map((sheets) => sheets.filter((s): s is SheetGrid => s !== undefined));

function expectInside(finding: Finding, sheets: readonly SheetGrid[]): void {
  const grid = sheets.find((s) => s.sheet === finding.sheet);
  expect(grid).toBeDefined();
  if (!grid) return;
  const origin = readOrigin(grid);
  const addresses = [finding.cell, ...(finding.range ?? "").split(":")].filter((a): a is string => !!a);
  expect(addresses.length).toBeGreaterThan(0);
  for (const address of addresses) {
    const pos = parseA1(address);
    expect(pos).toBeDefined();
    if (!pos) continue;
    const inside =
      pos.row >= origin.row &&
      pos.row < origin.row + grid.values.length &&
      pos.col >= origin.col &&
      pos.col < origin.col + Math.max(1, widthOf(grid));
    if (!inside) throw new Error(`${finding.code} points at ${finding.sheet}!${address}, outside the grid`);
  }
}

describe("engine on random grids", () => {
  it("never throws, points inside the grid, and is deterministic", () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom("nl" as const, "en" as const), (sheets, lang) => {
        const first = checkWorkbook(sheets, { lang });
        const again = checkWorkbook(sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) })), { lang });
        expect(JSON.stringify(again.findings)).toBe(JSON.stringify(first.findings));
        for (const finding of first.findings) {
          expectInside(finding, sheets);
          expect(typeof finding.message).toBe("string");
          expect(finding.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 120_000);
});
