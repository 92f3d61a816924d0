import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { readWorkbookFile } from "../../../src/cli/xlsx/read-workbook";
import { writeMonitoredCopy } from "../../../src/cli/write-monitored-copy";
import type { FormatPlan } from "../../../src/domain/report/plan-formats";
import { makeCheckResult } from "../../export/make-check-result";
import { itWithPrograms } from "../require-program";

const run = promisify(execFile);
const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

const PLAN: FormatPlan = {
  stoplights: [
    {
      sheet: "Afspraken",
      year: 2021,
      range: "F3:F90",
      rules: [
        { status: "groen", fill: "#00B050", font: "#000000" },
        { status: "rood", fill: "#C00000", font: "#FFFFFF" },
      ],
      list: ["groen", "oranje", "rood", "grijs"],
    },
  ],
  highlights: [
    {
      sheet: "Afspraken",
      mirrorSheet: "PM_Markering1",
      cells: [{ cell: "A8", severity: "error" }],
      range: "A8",
      rules: [{ formula: `'PM_Markering1'!A8="error"`, fill: "#FFC7CE", border: "#C00000" }],
    },
  ],
};

describe("the --out copy in LibreOffice", () => {
  itWithPrograms({ soffice: ["soffice", "libreoffice"] }, "opens, and its Monitoring sheet shows the summary", async ({ soffice }) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-lo-"));
    try {
      const input = await readWorkbookFile(FIXTURE);
      const before = await fs.readFile(FIXTURE);
      const copy = path.join(dir, "copy.xlsx");
      await writeMonitoredCopy(await input.loadWorkbook(), makeCheckResult(), copy, { generatedAt: "2026-11-24T12:00:00.000Z", formats: PLAN });
      expect((await fs.readFile(FIXTURE)).equals(before)).toBe(true);

      // A fresh profile per run: LibreOffice refuses to start twice on one profile.
      const profile = `file://${path.join(dir, "profile")}`;
      const filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1";
      await run(soffice as string, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", filter, "--outdir", dir, copy], {
        timeout: 100_000,
      });
      const files = await fs.readdir(dir);
      expect(files).toEqual(expect.arrayContaining(["copy-Afspraken.csv", "copy-Monitoring.csv"]));
      const monitoring = await fs.readFile(path.join(dir, "copy-Monitoring.csv"), "utf8");
      const lines = monitoring.split(/\r?\n/);
      expect(lines[0]).toMatch(/^Monitoring prestatieafspraken 2022;/);
      expect(lines).toContain("Thema;groen;oranje;rood;grijs;geen;Totaal");
      expect(lines).toContain("Betaalbaarheid en beschikbaarheid;0;1;1;0;0;2");
      // The HYPERLINK formulas evaluate to their display text.
      expect(monitoring).toContain(";Afspraken!H4");
      expect(monitoring).toContain("(geen toelichting)");
      const data = await fs.readFile(path.join(dir, "copy-Afspraken.csv"), "utf8");
      expect(data).toContain("Status 2021");

      const keep = process.env["PM_LO_ARTIFACTS"];
      if (keep !== undefined) {
        // For looking at the sheets as printed: PDF of the copy next to the CSVs.
        await run(soffice as string, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", keep, copy], {
          timeout: 100_000,
        });
        await fs.copyFile(copy, path.join(keep, "copy.xlsx"));
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
