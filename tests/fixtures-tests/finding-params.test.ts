import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, FINDING_PARAMS } from "../../src/domain";

const FIXTURES = join(__dirname, "..", "fixtures");

/*
 * The types make a rule give its code's params; only a run shows a rule adding a key of its own
 * (the params type allows other keys, for readers). Every finding the fixtures produce carries
 * exactly the keys FINDING_PARAMS lists for its code.
 */
describe("finding params on the fixtures", () => {
  it.each(["stadskanaal-2021-2025.xlsx", "stadskanaal-faithful-paste.xlsx", "other-municipality.xlsx", "tables-own-sheet.xlsx"])(
    "%s: every finding has exactly its code's param keys",
    async (fixture) => {
      const { sheets } = await readWorkbookFile(join(FIXTURES, fixture));
      const findings = checkWorkbook(sheets).findings;
      expect(findings.length).toBeGreaterThan(0);
      const wrong = findings
        .map((f) => ({ code: f.code, keys: Object.keys(f.params ?? {}).sort(), listed: Object.keys(FINDING_PARAMS[f.code]).sort() }))
        .filter((f) => f.keys.join() !== f.listed.join());
      expect(wrong).toEqual([]);
    },
  );
});
