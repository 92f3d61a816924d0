import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { chromium } from "playwright-core";
import type { AgreementRow } from "../../../src/domain/agreements/agreement";
import type { CheckResult } from "../../../src/domain/check-workbook";
import { buildReportHtml } from "../../../src/export/report-html";
import { makeCheckResult, XSS_IMG } from "../../export/make-check-result";
import { CHROMIUM_ARGS, itWithPrograms } from "../require-program";

const run = promisify(execFile);

/** A meeting-sized check: forty agreements over five themes, a third of them on the agenda. */
function makeLargeResult(): CheckResult {
  const base = makeCheckResult();
  const themes = ["Betaalbaarheid en beschikbaarheid", "De woningvoorraad", "Duurzaamheid", "Wonen Zorg en Welzijn", "Leefbare dorpen en wijken"];
  const cycle = ["groen", "oranje", "groen", "rood", "grijs", "groen"];
  const agreements: AgreementRow[] = [...base.agreements];
  for (let i = 0; i < 40; i += 1) {
    const row = 20 + i;
    const status = cycle[i % cycle.length] as string;
    agreements.push({
      sheet: "Afspraken",
      row,
      theme: themes[i % themes.length] as string,
      subtheme: "Ouderenhuisvesting",
      agreement: `Afspraak ${i + 1}: partijen werken samen aan betaalbare, duurzame woningen voor ouderen en jongeren in alle kernen van de gemeente.`,
      partiesText: i % 2 === 0 ? "Gemeente, Lefier" : "Woonservice",
      parties: i % 2 === 0 ? ["Gemeente Stadskanaal", "Lefier"] : ["Woonservice"],
      activities: [],
      statuses: [{ year: 2022, raw: status, status, cell: `H${row}` }],
      explanations:
        status === "groen" || status === "grijs"
          ? []
          : [
              {
                year: 2022,
                text: "Vertraagd door capaciteitsgebrek bij de aannemer en langere doorlooptijd van de vergunning; bijsturing besproken in het ambtelijk overleg, nieuwe planning volgt in het tweede kwartaal.",
                cell: `I${row}`,
              },
            ],
      cells: { agreement: `C${row}` },
    });
  }
  return { ...base, agreements };
}

describe("the printable report in headless Chromium", () => {
  itWithPrograms(
    { chromium: ["/usr/bin/chromium", "chromium"], pdftoppm: ["pdftoppm"] },
    "renders, runs no cell text as markup, and prints on A4 pages",
    async ({ chromium: executablePath, pdftoppm }) => {
      const keep = process.env["PM_REPORT_ARTIFACTS"];
      const dir = keep ?? (await fs.mkdtemp(path.join(os.tmpdir(), "pm-report-")));
      await fs.mkdir(dir, { recursive: true });
      const browser = await chromium.launch({ executablePath: executablePath as string, args: [...CHROMIUM_ARGS] });
      try {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        page.on("request", (r) => {
          if (!r.url().startsWith("data:") && r.url() !== "about:blank") requests.push(r.url());
        });

        for (const [name, result] of [
          ["small", makeCheckResult()],
          ["large", makeLargeResult()],
        ] as const) {
          const html = buildReportHtml(result, "nl", { generatedAt: "2026-11-24T12:00:00.000Z", workbook: "stadskanaal.xlsx" });
          await fs.writeFile(path.join(dir, `${name}.html`), html);
          await page.setContent(html, { waitUntil: "load" });
          expect(await page.locator("img, script, iframe").count()).toBe(0);
          expect(await page.locator("body").innerText()).toContain(XSS_IMG);
          expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(0);
          // Accessibility (axe-core, injected after the no-script checks above): nothing serious.
          await page.addScriptTag({ path: require.resolve("axe-core") });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
            const outcome = await axe.run();
            return outcome.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
          });
          expect(violations).toEqual([]);
          const pdf = path.join(dir, `${name}.pdf`);
          await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
          await run(pdftoppm as string, ["-png", "-r", "60", pdf, path.join(dir, name)]);
        }
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);

        const pngs = (await fs.readdir(dir)).filter((f) => f.endsWith(".png")).sort();
        expect(pngs.filter((f) => f.startsWith("small-")).length).toBeGreaterThanOrEqual(2);
        expect(pngs.filter((f) => f.startsWith("large-")).length).toBeGreaterThan(2);
        // A4 at 60 dpi: 496 x 702 pixels (PNG header holds width and height).
        const header = await fs.readFile(path.join(dir, pngs[0] as string));
        expect([header.readUInt32BE(16), header.readUInt32BE(20)]).toEqual([496, 702]);
      } finally {
        await browser.close();
        if (keep === undefined) await fs.rm(dir, { recursive: true, force: true });
      }
    },
  );
});
