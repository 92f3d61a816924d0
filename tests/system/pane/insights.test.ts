import { promises as fs } from "fs";
import type * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { SheetGrid } from "../../../src/domain";
import { CHROMIUM_ARGS, findProgram } from "../require-program";
import { buildTestPages, servePane } from "./pane-server";

/**
 * The pane's issue-20 sections in headless Chromium, on the real adapter over the in-memory Excel
 * host: "Waarom deze kleur?" for a selected stoplight (with a status proposed from the figures), the
 * view per party, and "Wat is er veranderd" since the Monitoring sheet the pane wrote.
 */

const ROOT = path.join(__dirname, "..", "..", "..");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

const WORKBOOK: SheetGrid[] = [
  {
    sheet: "Afspraken",
    origin: "A1",
    values: [
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Doel 2022", "Realisatie 2022", "Status 2022", "Toelichting 2022"],
      ["Beschikbaarheid en betaalbaarheid", "Nieuwbouw", "Lefier bouwt nieuwe woningen", "Lefier", 225, 120, "groen", "Op schema"],
      ["Beschikbaarheid en betaalbaarheid", "Nieuwbouw", "Woonservice bouwt levensloopbestendig", "Woonservice", "1.250", "1.200", null, "Loopt"],
      ["Duurzaamheid", "Verduurzaming", "Corporaties isoleren woningen", "corporaties", null, null, "rood", "Aannemer failliet"],
      ["Leefbare dorpen en wijken", "Leefbaarheid", "Wijkschouw twee keer per jaar", "Gemeente Stadskanaal", null, null, "groen", null],
    ],
  },
];

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
  return locator;
}

const chromiumPath = findProgram(["/usr/bin/chromium", "chromium", "chromium-browser"]);

describe("the pane's why-is-this-red, party view and what-changed sections", () => {
  if (chromiumPath === undefined) {
    if (process.env["CI"]) {
      it("needs chromium", () => {
        throw new Error("chromium not installed, required in CI");
      });
    } else {
      console.warn('SKIPPED "the pane\'s issue-20 sections": chromium not installed (set CI to make this a failure)');
      it.skip("explains stoplights", () => undefined);
    }
    return;
  }

  let outDir = "";
  let server: http.Server | undefined;
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-insights-"));
    await buildTestPages(outDir);
    server = await servePane(outDir, JSON.stringify(WORKBOOK));
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), "pm-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage();
    // The narrow pane the layout is made for.
    await page.setViewportSize({ width: 320, height: 900 });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/test-host.html`);
    await page.waitForFunction(() => window.pmTest?.ready === true, undefined, { timeout: 20_000 });
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.locator("#findings .finding").first().waitFor({ timeout: 20_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (outDir !== "") await fs.rm(outDir, { recursive: true, force: true });
  });

  it("explains the selected stoplight in plain Dutch, and proposes a status from the figures", async () => {
    if (page === undefined) throw new Error("page did not open");
    const section = page.locator(".insight-explain");
    expect(await section.isHidden()).toBe(true);
    await page.evaluate(() => window.pmTest?.selectByUser("Afspraken", "G2"));
    await visible(section.getByRole("heading", { name: "Waarom deze kleur?" }));
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("Status 2022: groen (");
    expect(text).toContain("Toelichting: Op schema");
    expect(text).toContain("Cijfers 2022: 225 beoogd, 120 gerealiseerd: 53 % van het doel.");
    expect(text).toContain("wijzen de cijfers op oranje");
    await visible(section.locator(".finding", { hasText: "De status past niet bij de cijfers van 2022" }));

    // Any cell of the agreement's row; a blank status gets the proposal, with Dutch thousands.
    await page.evaluate(() => window.pmTest?.selectByUser("Afspraken", "C3"));
    await visible(section.locator(".insight-proposal", { hasText: "Voorgesteld: groen (96 % van het doel)" }));
    expect((await section.textContent()) ?? "").toContain("Cijfers 2022: 1.250 beoogd, 1.200 gerealiseerd: 96 % van het doel.");

    // Not an agreement (the header): the section steps aside.
    await page.evaluate(() => window.pmTest?.selectByUser("Afspraken", "A1"));
    await section.waitFor({ state: "hidden", timeout: 10_000 });
  });

  it("lists a party's agreements, those of its group included, and goes to the status cell", async () => {
    if (page === undefined) throw new Error("page did not open");
    await page.locator(".insight-party > summary").click();
    await page.getByLabel("Partij", { exact: true }).last().selectOption("Woonzorg Nederland");
    const body = page.locator(".insight-party");
    await visible(body.getByText("Afspraken van Woonzorg Nederland in 2022: 1"));
    const item = await visible(body.locator("button.insight-item", { hasText: "Corporaties isoleren woningen" }));
    expect((await item.textContent()) ?? "").toContain("via de groep: corporaties");
    expect((await item.textContent()) ?? "").toContain("Aannemer failliet");
    await item.click();
    await page.waitForFunction(() => window.pmTest?.lastSelection()?.address.replace(/\$/g, "") === "G4");
  });

  it("shows what changed since the Monitoring sheet it wrote", async () => {
    if (page === undefined) throw new Error("page did not open");
    const changes = page.locator(".insight-changes");
    await changes.locator("summary").click();
    await visible(changes.getByText(/^Er is nog geen eerder Monitoring-sheet/));
    await page.getByRole("button", { name: "Meer acties" }).click();
    await page.getByRole("menuitem", { name: "Werkblad Monitoring schrijven" }).click();
    await visible(page.getByText("Werkblad Monitoring geschreven."));
    // Right after writing, the section compares with the state just kept: nothing changed.
    await visible(changes.getByText(/^Sinds het laatste Monitoring-sheet van \d+ \S+ \d{4}: geen verschillen\.$/));
    // The coordinator changes a stoplight: the live re-check compares with the state kept with that sheet.
    await page.evaluate(() => window.pmTest?.editCell("Afspraken", "G5", "rood"));
    const line = await visible(changes.getByText(/^Sinds het laatste Monitoring-sheet van \d+ \S+ \d{4}: 1 afspraak van groen naar rood/));
    expect(await line.count()).toBe(1);
    await visible(changes.getByRole("heading", { name: "Status verslechterd (1)" }));
    await visible(changes.locator("button.insight-item", { hasText: "Wijkschouw twee keer per jaar: groen -> rood" }));

    await fs.mkdir(path.join(ROOT, "out", "pane"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "out", "pane", "pane-insights-nl.png"), fullPage: true });
    await page.evaluate(await fs.readFile(AXE, "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document.documentElement);
      return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
