import { promises as fs, readdirSync } from "fs";
import * as path from "path";
import { readXlsx } from "../../../src/cli/xlsx/read-xlsx";
import { findDefinedNameDifference, findFirstDifference } from "./compare-contents";
import { catchInputError } from "./expect-input-error";
import { readWithExceljs } from "./read-with-exceljs";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

/** Every committed .xlsx fixture; the ones exceljs cannot load are the error fixtures, tested elsewhere. */
const NAMES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".xlsx"))
  .sort();

/** The error fixtures (tests/fixtures/README.md): no zip package inside, so no oracle either. */
const NOT_PACKAGES = new Set(["csv-renamed.xlsx", "empty.xlsx", "not-a-workbook.xlsx", "password-protected.xlsx", "truncated.xlsx"]);

describe("readXlsx on the committed fixtures agrees with the exceljs oracle", () => {
  it("finds the fixtures (a renamed folder must not make this suite pass empty)", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["stadskanaal-2021-2025.xlsx", "fault-free.xlsx", "tables-own-sheet.xlsx"]));
  });

  it.each(NAMES)("%s", async (name) => {
    const bytes = await fs.readFile(path.join(FIXTURES, name));
    if (NOT_PACKAGES.has(name)) {
      await expect(readWithExceljs(bytes)).rejects.toThrow();
      // The reader must refuse what exceljs cannot load, and cleanly.
      catchInputError(() => readXlsx(bytes, name), name);
      return;
    }
    const oracle = await readWithExceljs(bytes);
    const contents = readXlsx(bytes, name);
    expect(findFirstDifference(oracle.sheets, contents.sheets)).toBeUndefined();
    expect(findDefinedNameDifference(oracle.definedNames, contents.definedNames)).toBeUndefined();
  });
});
