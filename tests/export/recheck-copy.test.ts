import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { writeMonitoredCopy } from "../../src/cli/write-monitored-copy";
import { checkWorkbook } from "../../src/domain";

/** Checking a copy we wrote before replaces our formats; it never stacks a second set. */

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");
const AT = { generatedAt: "2026-11-24T12:00:00.000Z" };

function countFormats(workbook: ExcelJS.Workbook): Record<string, number> {
  const counts: Record<string, number> = {};
  workbook.eachSheet((worksheet) => {
    const formats = (worksheet as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
    counts[worksheet.name] = formats.length;
  });
  return counts;
}

describe("--out on a copy written before", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-recheck-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("keeps one set of stoplight and highlight formats and the user's own formats", async () => {
    const input = await readWorkbookFile(FIXTURE);
    // The user's own conditional format must survive every re-check.
    (await input.loadWorkbook()).getWorksheet("Afspraken")?.addConditionalFormatting({
      ref: "A2:A5",
      rules: [{ type: "expression", priority: 1, formulae: ['LEN(A2)>80'], style: { font: { bold: true } } }],
    });
    const first = path.join(dir, "first.xlsx");
    await writeMonitoredCopy(await input.loadWorkbook(), checkWorkbook(input.sheets), first, AT);

    const again = await readWorkbookFile(first);
    const second = path.join(dir, "second.xlsx");
    await writeMonitoredCopy(await again.loadWorkbook(), checkWorkbook(again.sheets), second, AT);

    const firstCounts = countFormats(await (await readWorkbookFile(first)).loadWorkbook());
    const secondCounts = countFormats(await (await readWorkbookFile(second)).loadWorkbook());
    expect(firstCounts["Afspraken"]).toBeGreaterThan(1); // stoplights + highlighting + the user's own
    expect(secondCounts).toEqual(firstCounts);
    const userFormat = ((await (await readWorkbookFile(second)).loadWorkbook()).getWorksheet("Afspraken") as unknown as {
      conditionalFormattings: { rules: { formulae?: string[] }[] }[];
    }).conditionalFormattings.filter((f) => f.rules.some((r) => r.formulae?.[0] === "LEN(A2)>80"));
    expect(userFormat).toHaveLength(1);
  });
});
