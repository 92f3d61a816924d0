import { promises as fs } from "fs";
import * as os from "os";
import { join } from "path";
import { parseArguments } from "../../src/cli/parse-arguments";
import { runCliCaptured } from "./run-cli";

const FIXTURES = join(__dirname, "..", "fixtures");
const V2022 = join(FIXTURES, "monitor-2022.xlsx");
const V2023 = join(FIXTURES, "monitor-2023.xlsx");

describe("prestatiemonitor check --previous", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(os.tmpdir(), "pm-previous-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("parses --previous with check only", () => {
    expect(parseArguments(["check", "nieuw.xlsx", "--previous", "oud.xlsx"])).toMatchObject({ kind: "check", workbook: "nieuw.xlsx", previous: "oud.xlsx" });
    expect(parseArguments(["check", "nieuw.xlsx", "--previous=oud.xlsx"])).toMatchObject({ previous: "oud.xlsx" });
    expect(() => parseArguments(["compare", "a.xlsx", "b.xlsx", "--previous", "c.xlsx"])).toThrow("--previous hoort bij check");
    expect(() => parseArguments(["check", "nieuw.xlsx", "--previous"])).toThrow("--previous");
  });

  it("says below the verdict what changed, and puts 'Wat is er veranderd' in the HTML report, worse first", async () => {
    const report = join(dir, "rapport.html");
    const run = await runCliCaptured(["check", V2023, "--previous", V2022, "--export", report]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Vergeleken met monitor-2022.xlsx (monitoringjaar 2022): 1 afspraak van groen naar rood, 1 afspraak van rood naar groen, 1 afspraak van rood naar oranje, 1 nieuwe afspraak, 1 afspraak vervallen, 3 nieuwe bevindingen, 1 bevinding opgelost.",
    );
    const html = await fs.readFile(report, "utf8");
    const section = html.slice(html.indexOf('<section class="changes">'), html.indexOf("</section>", html.indexOf('<section class="changes">')));
    expect(section).toContain("<h2>Wat is er veranderd</h2>");
    const headings = [...section.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      "Status verslechterd (1)",
      "Status verbeterd (2)",
      "Nieuwe afspraken (1)",
      "Vervallen afspraken (1)",
      "Nieuwe bevindingen (3)",
      "Opgeloste bevindingen (1)",
    ]);
    // The section follows the agenda and comes before the coordinator's appendix.
    expect(html.indexOf('<section class="changes">')).toBeGreaterThan(html.indexOf('<section class="agenda">'));
    expect(html.indexOf('<section class="changes">')).toBeLessThan(html.indexOf('<section class="appendix">'));
  });

  it("leaves the report without the section when no previous version is given", async () => {
    const report = join(dir, "zonder.html");
    const run = await runCliCaptured(["check", V2023, "--export", report]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("Vergeleken met");
    expect(await fs.readFile(report, "utf8")).not.toContain('<section class="changes">');
  });

  it("never writes the previous workbook", async () => {
    const copy = join(dir, "oud.xlsx");
    await fs.copyFile(V2022, copy);
    const run = await runCliCaptured(["check", V2023, "--previous", copy, "--export", copy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--export");
    expect(await fs.readFile(copy)).toEqual(await fs.readFile(V2022));
  });
});
