import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook } from "../../src/domain";

const FIXTURES = join(__dirname, "..", "fixtures");

async function check(name: string) {
  const { sheets } = await readWorkbookFile(join(FIXTURES, name));
  return checkWorkbook(sheets);
}

/*
 * The two versions of the monitoring workbook with targets and realisations
 * (scripts/build-monitor-fixtures.js; tests/fixtures/README.md): findings exactly where a status
 * contradicts its numbers or a Toelichting was copied forward, and nowhere else.
 */
describe("monitor-2022.xlsx and monitor-2023.xlsx", () => {
  it("2022: status-vs-realisation at the three statuses that contradict their numbers, nothing else", async () => {
    const result = await check("monitor-2022.xlsx");
    expect(result.year).toBe(2022);
    expect(result.model.settings).toMatchObject({ greenThreshold: 90, orangeThreshold: 50 });
    expect(result.agreements).toHaveLength(10);
    expect(result.findings.map((f) => [f.code, f.cell, f.params?.["share"]])).toEqual([
      ["status-vs-realisation", "G4", 53],
      ["status-vs-realisation", "G7", 103],
      ["status-vs-realisation", "G10", 88],
    ]);
    expect(result.findings[2]?.message).toBe(
      "De status past niet bij de cijfers van 2022: 1.250 beoogd, 1.100 gerealiseerd (88 %), status groen; de cijfers wijzen op oranje.",
    );
  });

  it("2023: the contradictions of both years and the copied-forward Toelichting", async () => {
    const result = await check("monitor-2023.xlsx");
    expect(result.year).toBe(2023);
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([
      ["status-vs-realisation", "K7"],
      ["status-vs-realisation", "G8"],
      ["status-vs-realisation", "K8"],
      ["stale-explanation", "L9"],
      ["status-vs-realisation", "G11"],
    ]);
  });
});
