import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { buildPackage, writeStylesXml, writeWorksheetXml } from "./xlsx-reader/build-package";
import { runCliCaptured } from "./run-cli";

/** 1 February 2026: what Excel stores when a Dutch user types "1-2" in a status cell. */
const FEB_1_2026 = 46054;

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe("check: a date-formatted status cell", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-date-status-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is read from the file as the text Excel shows (the cell's number format), not as its serial number", async () => {
    const rows =
      `<row r="1">${inline("A1", "Onderwerp")}${inline("B1", "Actiepunt/prestatieafspraken")}${inline("C1", "Wie?")}${inline("D1", "Status 2026")}${inline("E1", "Toelichting 2026")}</row>` +
      `<row r="2">${inline("A2", "Duurzaamheid")}${inline("B2", "Woningen verduurzamen")}${inline("C2", "Gemeente")}<c r="D2" s="1"><v>${FEB_1_2026}</v></c>${inline("E2", "uitleg")}</row>` +
      `<row r="3">${inline("A3", "Duurzaamheid")}${inline("B3", "Isoleren")}${inline("C3", "Gemeente")}${inline("D3", "groen")}</row>`;
    const file = path.join(dir, "datum.xlsx");
    await fs.writeFile(
      file,
      await buildPackage({ sheets: [{ name: "Afspraken", xml: writeWorksheetXml(rows) }], styles: writeStylesXml({ 164: "d-mmm" }, [0, 164]) }),
    );
    const run = await runCliCaptured(["check", file, "--json"]);
    const report = JSON.parse(run.stdout) as { findings: { cell?: string; message: string }[] };
    const onD2 = report.findings.filter((f) => f.cell === "D2");
    expect(onD2.length).toBeGreaterThan(0);
    expect(onD2.some((f) => f.message.includes("1-feb"))).toBe(true);
    expect(run.stdout).not.toContain(String(FEB_1_2026));
  });
});
