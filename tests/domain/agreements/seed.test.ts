import { checkWorkbook } from "../../../src/domain/check-workbook";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { ROW_CODES, type FindingCode } from "../../../src/domain/findings/finding";
import { readAgreements } from "../../../src/domain/agreements/read-agreements";
import { buildReport } from "../../../src/domain/report/report";
import { readSeedGrid, SEED_PATH } from "./seed-grid";

/**
 * The customer's document pasted into one sheet at A1, as a coordinator would: the reader must
 * find the agreements between preamble, repeated and shifted page headers, pasted tables and
 * the one-field-per-line section, and the rules must report the seed's known problems
 * (DESIGN.md "What the seed must yield").
 */

const grid = readSeedGrid();
if (!grid) {
  // Printed so a missing seed is visible in the test log instead of passing silently.
  console.warn(`Seed document not found (${SEED_PATH}); skipping the seed tests.`);
}
const describeSeed = grid ? describe : describe.skip;

/** Sheet rows (= seed line numbers) that hold an agreement. */
const AGREEMENT_ROWS = [
  // first page: the row with Tabel 3 as HTML in its activities cell (34) is an agreement; 35-41 are the table
  32, 33, 34, 42, 43, 44, 45, 46, 47, 48,
  51, 52, 53, 54, 55, 56, 57, 58, 59,
  // 66 is Tabel 8 as an HTML blob, 67-74 the same table pasted as rows
  62, 63, 64, 65, 75, 76, 77, 78,
  // one field per line: theme, subtheme, Lefier, then Tabel 1 (80); eight complete records (105-175)
  80, 105, 115, 125, 135, 145, 155, 165, 175,
  // under the shifted header of line 185
  186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203,
  // 210-218: Tabel 5
  206, 207, 208, 209, 219, 220, 221, 222, 223, 224,
  // under the shifted header of line 226
  227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241,
  // 249-257: the second Tabel 8
  244, 245, 246, 247, 248, 258, 259, 260, 261,
];

/** Every row-rule finding on the seed, as [code, cell]. */
const ROW_FINDINGS: readonly [FindingCode, string][] = [
  ["unknown-theme", "A44"],
  ["missing-party", "D45"],
  ["unknown-party", "A141"],
  ["missing-party", "D246"],
  ["markup-in-cell", "E34"],
  ["missing-agreement", "C42"],
  ["missing-agreement", "C43"],
  ["markup-in-cell", "E51"],
  ["missing-agreement", "C65"],
  ["missing-agreement", "A80"],
  ["party-separator", "E195"],
  ["unknown-subtheme", "B196"],
  ["unknown-subtheme", "B197"],
  ["unknown-subtheme", "B198"],
  ["unknown-subtheme", "B199"],
  ["missing-agreement", "D200"],
  ["unknown-subtheme", "B206"],
  ["unknown-subtheme", "B207"],
  ["unknown-subtheme", "B208"],
  ["unknown-subtheme", "B209"],
  ["markup-in-cell", "E209"],
  ["unknown-subtheme", "B219"],
  ["unknown-subtheme", "B220"],
  ["missing-agreement", "C220"],
  ["party-separator", "E231"],
  ["party-separator", "E236"],
  ["markup-in-cell", "F240"],
  ["missing-agreement", "C245"],
  ["markup-in-cell", "E247"],
  ["missing-agreement", "C248"],
  ["markup-in-cell", "E248"],
  ["repeated-header", "A50"],
  ["repeated-header", "A61"],
  ["repeated-header", "B185"],
  ["repeated-header", "A205"],
  ["repeated-header", "B226"],
  ["repeated-header", "A243"],
];

describeSeed("the seed pasted into one sheet", () => {
  const sheet = grid ?? { sheet: "Afspraken", origin: "A1", values: [] };
  const result = checkWorkbook([sheet]);
  const rowCodes: readonly string[] = ROW_CODES;
  const rowFindings = result.findings.filter((f) => rowCodes.includes(f.code));

  it("finds the agreements and nothing else", () => {
    expect(result.agreementSheets).toEqual(["Afspraken"]);
    expect(result.agreements.map((a) => a.row)).toEqual(AGREEMENT_ROWS);
    expect(buildReport(result, "seed").agreements.count).toBe(AGREEMENT_ROWS.length);
  });

  it("skips the pasted tables even without the table finder", () => {
    const alone = readAgreements([sheet], DEFAULT_MODEL, []);
    expect(alone.agreements.map((a) => a.row)).toEqual(AGREEMENT_ROWS);
  });

  it("describes every header's columns, shifted ones included", () => {
    expect(result.columns.map((c) => [c.headerRow, c.firstRow, c.lastRow, c.theme, c.subtheme, c.agreement, c.parties, c.activities[2021]])).toEqual([
      [31, 32, 49, "A", "B", "C", "D", "E"],
      [50, 51, 60, "A", "B", "C", "D", "E"],
      [61, 62, 184, "A", "B", "C", "D", "E"],
      [185, 186, 204, "A", "B", "D", "E", "F"],
      [205, 206, 225, "A", "B", "C", "D", "E"],
      [226, 227, 242, "A", "B", "D", "E", "F"],
      [243, 244, 261, "A", "B", "C", "D", "E"],
    ]);
    expect(result.year).toBeUndefined();
  });

  it("reports exactly the seed's row problems", () => {
    expect(rowFindings.map((f) => [f.code, f.cell])).toEqual(ROW_FINDINGS);
    expect(rowFindings.filter((f) => f.code === "duplicate-agreement")).toEqual([]);
  });

  it("suggests the intended theme, subthemes and party", () => {
    const at = (cell: string) => rowFindings.find((f) => f.cell === cell);
    expect(at("A44")).toMatchObject({ params: { value: "Beschikbaarheid en betaalbaarheid" }, suggestion: "Betaalbaarheid en beschikbaarheid" });
    expect(at("B206")).toMatchObject({
      params: { value: "Verduurzaamheidsstrategie corporaties", theme: "Duurzaamheid" },
      suggestion: "Verduurzamingsstrategie corporaties",
    });
    expect(at("B196")?.suggestion).toBe("Woonwagenstandplaatsen");
    expect(at("A141")).toMatchObject({ code: "unknown-party", params: { value: "Gemeent" }, suggestion: "Gemeente", row: 135 });
    expect(at("E195")).toMatchObject({ params: { value: "gemeente Lefier", first: "gemeente", second: "Lefier" } });
    expect(at("E236")).toMatchObject({ params: { value: "Woonservice Lefier" }, suggestion: "Woonservice, Lefier" });
    expect(at("D45")?.message).toBe("Geen verantwoordelijke partij (Wie?) ingevuld.");
  });

  it("reads the parties of the one-field-per-line records and the shifted rows", () => {
    const byRow = new Map(result.agreements.map((a) => [a.row, a]));
    expect(byRow.get(135)).toMatchObject({
      theme: "De woningvoorraad",
      subtheme: "Integrale gebiedsontwikkeling Musselkanaal",
      agreement: "Gebiedsontwikkeling Musselkanaal",
      partiesText: "Gemeent en Lefier",
      parties: ["Lefier"],
    });
    expect(byRow.get(234)?.parties).toEqual(["Gemeente Stadskanaal", "Lefier", "Woonservice", "Woonzorg Nederland"]);
    expect(byRow.get(186)).toMatchObject({ theme: "De woningvoorraad", subtheme: "Sociaal statuut", parties: ["Woonservice", "Lefier"] });
  });
});
