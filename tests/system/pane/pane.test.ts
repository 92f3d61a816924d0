import { existsSync, promises as fs } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { readWorkbookFile } from "../../../src/cli/xlsx/read-workbook";
import type { SheetGrid } from "../../../src/domain";
import { CHROMIUM_ARGS, findProgram } from "../require-program";
import { buildTestPages, servePane } from "./pane-server";

/**
 * The task pane in headless Chromium: built with webpack in test mode, served over local http
 * with a local copy of office.js, on the real adapter over the in-memory Excel host, loaded with
 * the Stadskanaal workbook (or a small built-in sheet) plus cells holding markup.
 */

const ROOT = path.join(__dirname, "..", "..", "..");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "stadskanaal-2021-2025.xlsx");
const XSS = "<img src=x onerror=alert(1)>";
/** The engine strips whole tags from names; an unclosed one reaches the pane inside a message. */
const XSS_UNCLOSED = "Lefier <img src=x onerror=alert(1)";

/** A small agreements sheet for when the Stadskanaal fixture is not generated yet. */
function builtInWorkbook(): SheetGrid[] {
  return [
    {
      sheet: "Afspraken",
      origin: "A1",
      values: [
        ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2022", "Status 2022", "Toelichting 2022"],
        ["Beschikbaarheid en betaalbaarheid", "Huurbeleid", "Gematigd huurbeleid", "Lefier", "Huurverhoging beperken", "groen", ""],
        ["Duurzaamheid", "Verduurzaamheidsstrategie corporaties", "Woningen isoleren", "Gemeent en Lefier", "200 woningen", "rood", ""],
        ["De woningvoorraad", "Nieuwbouw", "Nieuwbouw in de kernen", "Woonservice Lefier", "22 woningen", "oranje", "Vertraagd"],
        ["Leefbare dorpen en wijken", "", "Wijkschouw", "", "Twee keer per jaar", "groen", ""],
      ],
    },
  ];
}

/** The workbook under test: the fixture (or the built-in sheet) plus a sheet with markup in its cells. */
async function loadTestWorkbook(): Promise<{ sheets: SheetGrid[]; source: string }> {
  const base = existsSync(FIXTURE) ? (await readWorkbookFile(FIXTURE)).sheets : builtInWorkbook();
  const markup: SheetGrid = {
    sheet: "Aanvulling",
    origin: "A1",
    values: [
      ["Onderwerp", "Actiepunt/prestatieafspraken", "Wie?"],
      ["Duurzaamheid", XSS, "Lefier"],
      ["Duurzaamheid", "Zonnepanelen op huurwoningen", XSS_UNCLOSED],
    ],
  };
  return { sheets: [...base, markup], source: existsSync(FIXTURE) ? "stadskanaal fixture" : "built-in grid" };
}

interface PageWatch {
  readonly dialogs: string[];
  readonly foreignRequests: string[];
  readonly problems: string[];
}

/** Opens a test page and records dialogs, requests leaving the test server and page errors. */
async function openPage(browser: BrowserContext, url: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage();
  // Excel opens a task pane 320 px wide.
  await page.setViewportSize({ width: 320, height: 900 });
  const watch: PageWatch = { dialogs: [], foreignRequests: [], problems: [] };
  const origin = new URL(url).origin;
  page.on("dialog", (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !target.startsWith("data:") && !target.startsWith("blob:")) watch.foreignRequests.push(target);
    if (new URL(target, origin).pathname === "/x") watch.foreignRequests.push(target);
  });
  page.on("pageerror", (error) => watch.problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) watch.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("console", (message) => {
    const text = message.text();
    // 404s are reported (with their URL) by the response listener; office.js outside Office tries
    // to frame its telemetry service, which the pane's CSP refuses, as it should.
    if (message.type() !== "error" || /^Failed to load resource/.test(text) || /^Framing 'https:\/\/telemetry/.test(text)) return;
    watch.problems.push(`console: ${text}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.pmTest?.ready === true, undefined, { timeout: 20_000 });
  return { page, watch };
}

const chromiumPath = findProgram(["/usr/bin/chromium", "chromium", "chromium-browser"]);

describe("the task pane in headless Chromium", () => {
  if (chromiumPath === undefined) {
    if (process.env["CI"]) {
      it("needs chromium", () => {
        throw new Error("chromium not installed, required in CI");
      });
    } else {
      console.warn('SKIPPED "the task pane in headless Chromium": chromium not installed (set CI to make this a failure)');
      it.skip("renders findings and selects cells", () => undefined);
    }
    return;
  }

  let outDir = "";
  let server: http.Server | undefined;
  let browser: BrowserContext | undefined;
  let baseUrl = "";
  const pagePath = "test-host.html";
  let workbookSource = "";
  const artifacts = path.join(ROOT, "out", "pane");

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-pane-"));
    const [, workbook] = await Promise.all([buildTestPages(outDir), loadTestWorkbook()]);
    workbookSource = workbook.source;
    server = await servePane(outDir, JSON.stringify(workbook.sheets));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), "pm-chromium-"));
    // A fresh profile per run (playwright takes it as userDataDir, not as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (outDir !== "") await fs.rm(outDir, { recursive: true, force: true });
  });

  it("checks, renders findings as text, selects cells, updates live and passes axe", async () => {
    if (browser === undefined) throw new Error("browser did not start");
    const { page, watch } = await openPage(browser, `${baseUrl}${pagePath}`);

    await expectVisible(page, page.getByText("Nog niet gecontroleerd. Kies Controleren."));
    // The engine runs in a Web Worker, so a big workbook does not block the pane's thread.
    expect(page.workers().map((w) => w.url()).some((url) => /engine-worker/.test(url))).toBe(true);
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.locator("#findings .finding").first().waitFor({ timeout: 20_000 });
    const verdict = (await page.locator("#verdict").textContent()) ?? "";
    expect(verdict).toMatch(/fouten|waarschuwingen|in orde/);
    expect(await page.locator(".rule-group.severity-error").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".swatch").count()).toBeGreaterThanOrEqual(4);
    // Groups per rule: titles from the catalogue, a count, no rule codes anywhere in the text.
    const headings = await page.locator(".rule-heading").allTextContents();
    expect(headings.length).toBeGreaterThan(1);
    for (const heading of headings) expect(heading).not.toMatch(/[a-z]+-[a-z]+(-[a-z]+)*/);
    expect((await page.locator("#app").textContent()) ?? "").not.toMatch(/\b(unknown-party|invalid-status|missing-status|markup-in-cell)\b/);
    // Collapsible: a closed group shows no lines, and opening it shows them.
    const firstGroup = page.locator(".rule-group").first();
    await firstGroup.locator("summary").click();
    expect(await firstGroup.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await firstGroup.locator("summary").click();
    expect(await firstGroup.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    // "x van y": the first Next selects the first finding's cell, the next one the second.
    const navText = page.locator(".nav-position");
    expect((await navText.textContent()) ?? "").toMatch(/^Bevinding – van \d/);
    await page.getByRole("button", { name: "Volgende bevinding" }).click();
    expect((await navText.textContent()) ?? "").toMatch(/^Bevinding 1 van \d/);
    const current = page.locator('#findings .finding[aria-current="true"]');
    const currentAt = [(await current.getAttribute("data-sheet")) ?? "", (await current.getAttribute("data-cell")) ?? ""] as const;
    await page.waitForFunction(([s, c]) => {
      const last = window.pmTest?.lastSelection();
      return last?.sheet === s && last.address.replace(/\$/g, "").split(":")[0] === c;
    }, currentAt);
    await page.getByRole("button", { name: "Volgende bevinding" }).click();
    expect((await navText.textContent()) ?? "").toMatch(/^Bevinding 2 van \d/);
    await page.getByRole("button", { name: "Vorige bevinding" }).click();
    expect((await navText.textContent()) ?? "").toMatch(/^Bevinding 1 van \d/);

    // Every line of every group, as a user gets them: open the groups, then "Meer tonen".
    await showAllFindings(page);
    // Every rule group says what to do next.
    expect(await page.locator(".rule-next-step").count()).toBe(await page.locator(".rule-group").count());
    expect((await page.locator(".rule-next-step").first().textContent()) ?? "").toMatch(/^Wat nu: \S/);

    // Markup in a cell is shown as text, never parsed: no <img>, no dialog, no request for "x".
    const markupFinding = page.locator('#findings button.finding[data-sheet="Aanvulling"][data-code="markup-in-cell"]', { hasText: "<img>" });
    await expectVisible(page, markupFinding);
    const partyFinding = page.locator('#findings button.finding[data-sheet="Aanvulling"][data-code="unknown-party"]', { hasText: XSS_UNCLOSED });
    await expectVisible(page, partyFinding);
    expect(await page.locator("#app img").count()).toBe(0);

    // Clicking a finding selects its cell in Excel; Enter on a focused finding does too.
    const first = page.locator("#findings button.finding").first();
    const sheet = (await first.getAttribute("data-sheet")) ?? "";
    const cell = (await first.getAttribute("data-cell")) ?? "";
    await first.click();
    await page.waitForFunction(([s, c]) => {
      const last = window.pmTest?.lastSelection();
      return last?.sheet === s && last.address.replace(/\$/g, "").split(":")[0] === c;
    }, [sheet, cell] as const);
    await partyFinding.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => {
      const last = window.pmTest?.lastSelection();
      return last?.sheet === "Aanvulling" && last.address.replace(/\$/g, "").split(":")[0] === "C3";
    });

    // The user selects the party cell: the pane shows that cell's findings, as text.
    await page.evaluate(() => window.pmTest?.selectByUser("Aanvulling", "C3"));
    await expectVisible(page, page.locator(".selected .finding", { hasText: XSS_UNCLOSED }));
    // The selected cell's card says how serious each finding is, and fits the pane.
    expect(await page.locator(".selected .finding-card").first().locator(".severity-badge").textContent()).toMatch(/^(Fout|Waarschuwing|Info)$/);
    await expectNoHorizontalOverflow(page);

    // Live: fixing the party cell removes its unknown-party finding without pressing Controleren;
    // keyboard focus stays on the finding the user was on.
    const survivor = page.locator('#findings button.finding:not([data-sheet="Aanvulling"])').first();
    const survivorAt = [await survivor.getAttribute("data-sheet"), await survivor.getAttribute("data-cell")];
    await survivor.focus();
    await page.evaluate(() => window.pmTest?.editCell("Aanvulling", "C3", "Lefier"));
    await page.waitForFunction(() => document.querySelectorAll('#findings [data-sheet="Aanvulling"][data-code="unknown-party"]').length === 0, undefined, {
      timeout: 10_000,
    });
    const focusedAfter = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return [active?.dataset["sheet"], active?.dataset["cell"]];
    });
    expect(focusedAfter).toEqual(survivorAt);

    // Monitoring sheet, export (exceljs loads as its own chunk, in the browser), clearing.
    await chooseFromMenu(page, "Meer acties", "Werkblad Monitoring schrijven");
    await expectVisible(page, page.getByText("Werkblad Monitoring geschreven."));
    expect(await page.evaluate(() => window.pmTest?.sheetNames())).toContain("Monitoring");
    await chooseFromMenu(page, "Meer acties", "Samenvatting exporteren");
    await expectVisible(page, page.getByText("De samenvatting is geopend als nieuwe werkmap."));
    expect(await page.evaluate(() => window.pmTest?.createdWorkbooks())).toBe(1);
    await chooseFromMenu(page, "Meer acties", "Rapport voor het bestuur");
    const reportLink = page.locator("#pane-notice a.download-link");
    await expectVisible(page, reportLink);
    expect(await reportLink.getAttribute("href")).toMatch(/^blob:/);
    expect(await reportLink.getAttribute("download")).toMatch(/^prestatiemonitor-.+\.html$/);
    await chooseFromMenu(page, "Meer acties", "Werkblad Model invoegen");
    await expectVisible(page, page.getByText(/^Werkblad .+ ingevoegd\.$/));
    expect(await page.evaluate(() => window.pmTest?.sheetNames())).toContain("Model");
    // A second time: the coordinator's Model sheet is never overwritten, and the pane says why.
    await chooseFromMenu(page, "Meer acties", "Werkblad Model invoegen");
    await expectVisible(page, page.getByText(/heeft al een blad Model/));
    expect(await page.locator("[role=alert]").textContent()).toBe("");
    await chooseFromMenu(page, "Meer acties", "Markering wissen");
    await expectVisible(page, page.getByText("Markering gewist."));
    expect(await page.locator(".live-badge").isHidden()).toBe(true);

    // Filters (folded away until asked for): only errors.
    await page.getByText("Filteren op thema, partij of ernst").click();
    await page.getByLabel("Ernst").selectOption("error");
    await page.waitForFunction(() => document.querySelectorAll(".rule-group.severity-warning").length === 0);
    expect(await page.locator(".rule-group.severity-error").count()).toBeGreaterThanOrEqual(1);
    await page.getByLabel("Ernst").selectOption("");
    await page.getByText("Filteren op thema, partij of ernst").click();
    await page.locator(".rule-group.severity-warning").first().waitFor();

    // The menu by keyboard: Arrow Down opens it on its first item, Escape closes it and returns.
    const menuButton = page.getByRole("button", { name: "Meer acties" });
    await menuButton.focus();
    await page.keyboard.press("ArrowDown");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("menuitem");
    await page.keyboard.press("ArrowUp");
    // ArrowUp from the first item wraps to the last entry.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Nieuw monitoringjaar/);
    await page.keyboard.press("Escape");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("menu-button");

    // Screenshots at Excel's default width and a wider pane, for people to look at (README).
    await fs.mkdir(artifacts, { recursive: true });
    await page.locator("#findings .finding").first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, "pane-320.png"), fullPage: false });
    await menuButton.click();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(artifacts, "pane-320-menu.png"), fullPage: false });
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 450, height: 900 });
    await page.screenshot({ path: path.join(artifacts, "pane-450.png"), fullPage: false });
    await page.setViewportSize({ width: 320, height: 900 });

    expect(watch.dialogs).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);

    // Accessibility: axe-core evaluated through the devtools protocol, which the page's CSP does
    // not govern (axe applies inline styles that the pane's own CSP would refuse).
    await page.evaluate(await fs.readFile(AXE, "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document.documentElement);
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    });
    expect(violations).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it("builds pages whose CSP forbids inline script and eval, with the export code in its own chunk", async () => {
    const html = await fs.readFile(path.join(outDir, "taskpane.html"), "utf8");
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script [^>]*>[^<]+<\/script>/);
    const files = await fs.readdir(outDir);
    const pane = await fs.readFile(path.join(outDir, "taskpane.js"), "utf8");
    const chunks = await Promise.all(files.filter((f) => f.endsWith(".js") && f !== "taskpane.js").map((f) => fs.readFile(path.join(outDir, f), "utf8")));
    // Modules are keyed by path in a development build: exceljs must live in a lazy chunk only.
    const exceljsModule = /"\.\/node_modules\/exceljs\//;
    expect(pane).not.toMatch(exceljsModule);
    expect(chunks.some((c) => exceljsModule.test(c))).toBe(true);
    // Nor the engine (zod, the entry point, the rules): the worker runs it, and the pane's thread
    // loads it only where no worker starts. The pane's first script stays small.
    for (const engineModule of [/"\.\/node_modules\/zod\//, /"\.\/src\/domain\/check-workbook\.ts"/, /"\.\/src\/domain\/model\/read-model-sheet\.ts"/]) {
      expect(pane).not.toMatch(engineModule);
      expect(chunks.some((c) => engineModule.test(c))).toBe(true);
    }
    for (const f of ["manifest.xml", "help.html", "commands.html", "taskpane.css", "assets/icon-16.png", "assets/icon-128.png"]) {
      expect(existsSync(path.join(outDir, f))).toBe(true);
    }
  });

  it("checks on the pane's thread where no Web Worker starts, loading the engine only then", async () => {
    if (browser === undefined) throw new Error("browser did not start");
    const context = browser;
    const scripts: string[] = [];
    const listen = (page: Page): void => {
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
      });
    };
    context.on("page", listen);
    try {
      // An old host or a refused worker script: the Worker constructor throws.
      await context.addInitScript(() => {
        if (!location.search.includes("noworker")) return;
        window.Worker = class {
          constructor() {
            throw new Error("no workers here");
          }
        } as unknown as typeof Worker;
      });
      const { page, watch } = await openPage(context, `${baseUrl}${pagePath}?noworker`);
      await expectVisible(page, page.getByText("Nog niet gecontroleerd. Kies Controleren."));
      expect(page.workers()).toEqual([]);
      expect(scripts.filter((name) => /engine/.test(name))).toEqual([]);
      await page.getByRole("button", { name: "Controleren" }).click();
      await page.locator("#findings .finding").first().waitFor({ timeout: 20_000 });
      expect((await page.locator("#verdict").textContent()) ?? "").toMatch(/fouten|waarschuwingen|in orde/);
      expect(scripts.filter((name) => /\/engine\.[0-9a-f]+\.js$/.test(name))).toHaveLength(1);
      expect(watch.problems).toEqual([]);
      await page.close();
    } finally {
      context.off("page", listen);
    }
  }, 60_000);

  it("speaks English when asked, and reports adapter errors in the pane", async () => {
    if (browser === undefined) throw new Error("browser did not start");
    const { page, watch } = await openPage(browser, `${baseUrl}${pagePath}?lang=en-US`);
    await expectVisible(page, page.getByRole("button", { name: "Check" }));
    await expectVisible(page, page.getByText(/^Choose Check: Prestatiemonitor reads/));
    // Writing the Monitoring sheet before any check asks for a check first, politely.
    await chooseFromMenu(page, "More actions", "Write Monitoring sheet");
    await expectVisible(page, page.getByText("Check the workbook first."));
    await page.getByRole("button", { name: "Check" }).click();
    await page.locator("#findings .finding").first().waitFor({ timeout: 20_000 });
    expect((await page.locator("#verdict").textContent()) ?? "").toMatch(/errors|warnings|All in order/);
    // One language at a time: no Dutch words of the pane's own in the English pane.
    const english = (await page.locator("#app").textContent()) ?? "";
    expect(english).not.toMatch(/\b(Controleren|Bevinding|Fout|fouten|Waarschuwing|waarschuwingen|afspraken|Meer acties|Wat nu|geen status|monitoringjaar)\b/);
    await showAllFindings(page);
    await expectNoHorizontalOverflow(page);
    // The sheet of a finding is deleted meanwhile: selecting it fails, and the pane says so.
    await page.evaluate(() => window.pmTest?.removeSheet("Aanvulling"));
    await page.locator('#findings button.finding[data-sheet="Aanvulling"]').first().click();
    const alert = page.getByRole("alert");
    await expectVisible(page, alert);
    expect((await alert.textContent()) ?? "").toMatch(/^Something went wrong: \S/);
    await fs.mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "pane-en.png") });
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    console.log(`pane test ran on ${pagePath} with the ${workbookSource}; screenshots in ${path.relative(ROOT, artifacts)}`);
    await page.close();
  }, 60_000);

  it("applies a suggestion, accepts a finding with a reason and adds a monitoring year, each from the pane", async () => {
    if (browser === undefined) throw new Error("browser did not start");
    const { page, watch } = await openPage(browser, `${baseUrl}${pagePath}`);
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.locator("#findings .finding").first().waitFor({ timeout: 20_000 });
    // A misspelt party with a suggestion: Toepassen writes it into the cell, the pane follows.
    const misspelt = page.locator('#findings button.finding[data-code="unknown-party"]', { hasText: "Bedoelt u" }).first();
    const [sheet, cell] = [(await misspelt.getAttribute("data-sheet")) ?? "", (await misspelt.getAttribute("data-cell")) ?? ""];
    await page.evaluate(([s, c]) => window.pmTest?.selectByUser(s ?? "", c ?? ""), [sheet, cell]);
    await page.locator(".selected .finding-apply").first().click();
    await expectVisible(page, page.locator("#pane-notice", { hasText: "ingevuld in" }));
    // Accepteren… asks for a reason first; with one, the finding is listed as accepted and no longer counts.
    const before = await page.locator("#findings button.finding").count();
    const other = page.locator("#findings button.finding").first();
    const [otherSheet, otherCell] = [(await other.getAttribute("data-sheet")) ?? "", (await other.getAttribute("data-cell")) ?? ""];
    await page.evaluate(([s, c]) => window.pmTest?.selectByUser(s ?? "", c ?? ""), [otherSheet, otherCell]);
    await page.locator(".selected .finding-accept").first().click();
    await page.locator(".selected .accept-form button[type=submit]").first().click();
    await expectVisible(page, page.locator(".selected .accept-problem", { hasText: "Vul een reden in." }));
    await page.locator(".selected .accept-reason").first().fill("besproken in het bestuurlijk overleg");
    await page.locator(".selected .accept-form button[type=submit]").first().click();
    await expectVisible(page, page.locator("#pane-notice", { hasText: "Geaccepteerd" }));
    expect(await page.locator("#findings button.finding").count()).toBeLessThan(before);
    expect(await page.evaluate(() => window.pmTest?.sheetNames() ?? [])).toContain("Model");
    // Nieuw monitoringjaar: the year form, then the columns.
    await chooseFromMenu(page, "Meer acties", "Nieuw monitoringjaar");
    await page.getByRole("button", { name: "Kolommen toevoegen" }).click();
    await expectVisible(page, page.locator("#pane-notice", { hasText: /toegevoegd op|zelf in|heeft al een kolom/ }));
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the report dialog in Office's display language: its print button and frame title from the catalogue", async () => {
    if (browser === undefined) throw new Error("browser did not start");
    for (const [displayLanguage, button, title] of [
      ["en-US", "Print or save as PDF", "Report"],
      ["nl-NL", "Afdrukken of opslaan als pdf", "Rapport"],
    ] as const) {
      const page = await browser.newPage();
      // The dialog page talks to the pane only through Office.context.ui (DialogApi 1.2): a stand-in
      // office.js gives it a display language and hands it the report in two parts once it says "ready".
      await page.route("**/office-js/office.js", (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: `window.Office = {
            EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
            onReady: () => Promise.resolve({ host: "Excel" }),
            context: { displayLanguage: ${JSON.stringify(displayLanguage)}, ui: {
              addHandlerAsync: (type, handler) => { window.__deliver = handler; },
              messageParent: (message) => {
                if (message !== "ready") return;
                const report = "<!doctype html><html><body><h1>Monitoring</h1></body></html>";
                window.__deliver({ message: JSON.stringify({ part: 0, of: 2, text: report.slice(0, 20) }) });
                window.__deliver({ message: JSON.stringify({ part: 1, of: 2, text: report.slice(20) }) });
              },
            } },
          };`,
        }),
      );
      await page.goto(`${baseUrl}report-dialog.html`);
      await expectVisible(page, page.getByRole("button", { name: button }));
      expect(await page.locator("iframe.report-frame").getAttribute("title")).toBe(title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(displayLanguage.slice(0, 2));
      expect(await page.frameLocator("iframe.report-frame").locator("h1").textContent()).toBe("Monitoring");
      await page.close();
    }
  });
});

/** Opens every rule group and presses "Meer tonen" until each group shows all its lines. */
async function showAllFindings(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>("#findings details")) details.open = true;
  });
  for (;;) {
    const more = page.locator("#findings button.show-more:visible").first();
    if ((await more.count()) === 0) return;
    await more.click();
  }
}

/** Opens the menu with its button and chooses an item by name. */
async function chooseFromMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole("button", { name: menu }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Nothing sticks out sideways: the page scrolls only vertically at the current width. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("#app *")]
      .filter((node) => node.offsetParent !== null || node.getClientRects().length > 0)
      .filter((node) => node.getBoundingClientRect().right > width + 0.5)
      .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}

async function expectVisible(_page: Page, locator: ReturnType<Page["locator"]>): Promise<void> {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
}
