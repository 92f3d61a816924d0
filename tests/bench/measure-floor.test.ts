import { checkWorkbook, type AgreementRow } from "../../src/domain";
import { generateWorkbook } from "../../bench/generate-workbook";
import { readPlainRows } from "../../bench/measure-floor";

/**
 * The bench's floor stands for the engine's rows only while it builds the same rows: the same
 * number, the same fields, the same cell addresses and texts. When AgreementRow changes, this
 * test says the floor must follow.
 */
describe("the bench's floor (plain rows alone)", () => {
  const { sheets } = generateWorkbook(1_200, 12);
  const engineRows = checkWorkbook(sheets).agreements;
  const floorRows = readPlainRows(sheets);

  it("builds one row for each agreement row the engine reads", () => {
    expect(floorRows.map((r) => r.row)).toEqual(engineRows.map((r) => r.row));
  });

  it("builds rows of the engine's shape: fields, cell addresses, texts and per-year entries", () => {
    const shapeOf = (row: AgreementRow): unknown => ({
      keys: Object.keys(row),
      cells: row.cells,
      texts: [row.theme, row.subtheme, row.agreement, row.partiesText],
      activities: row.activities.map((a) => [a.year, a.text, a.cell]),
      statuses: row.statuses.map((s) => [s.year, s.raw, s.cell]),
      explanations: row.explanations.map((e) => [e.year, e.text, e.cell]),
    });
    expect(floorRows.map(shapeOf)).toEqual(engineRows.map(shapeOf));
  });
});
