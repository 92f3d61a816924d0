import { promises as fs } from "fs";
import { gzipSync } from "zlib";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findProgram } from "../tests/system/require-program";
import { buildTestPages, servePane } from "../tests/system/pane/pane-server";
// For the global window.pmTest of the test page.
import type {} from "../tests/system/pane/test-page";
import { generateWorkbook } from "./generate-workbook";

/**
 * The pane's longest main-thread task while it checks a 20k-row workbook and shows the findings:
 * the production build of the test page (the real pane and adapter on the in-memory Excel host)
 * in headless Chromium, with the Long Tasks API (PerformanceObserver "longtask", tasks over 50 ms).
 * The in-memory host answers each round trip on the page's own thread, where a real Excel answers
 * from its own process: the host marks its work (performance measure "excel-host", see
 * tests/system/pane/host-entry.ts) and that time is taken out of the tasks it falls in.
 */

export interface PaneFigures {
  /** Longest task from the click on Controleren until the findings are shown (ms; 0: none over 50 ms). */
  readonly longestTaskMs: number;
  /** The same with the in-memory host's own work left in (what Excel does in its own process). */
  readonly longestTaskWithHostMs: number;
  /** From the click until the findings are shown (ms). */
  readonly checkMs: number;
}

declare global {
  interface Window {
    pmLongTasks?: { start: number; duration: number }[];
  }
}

/**
 * A production build of the pane and its test page, made for this run of the bench (never a
 * dist/ left by an earlier build), in a temporary folder the caller removes.
 */
export async function buildPaneForBench(): Promise<string> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-pane-bench-"));
  await buildTestPages(outDir, "production");
  return outDir;
}

/**
 * Gzip size (KB) of the scripts taskpane.html loads before the first check: lazy chunks and the
 * worker's chunk excluded, and office.js too (Microsoft's CDN in a release; a local copy in this build).
 */
export async function measureInitialKbGzip(outDir: string): Promise<number> {
  const html = await fs.readFile(path.join(outDir, "taskpane.html"), "utf8");
  let bytes = 0;
  // The production build minifies the HTML: attribute values may be unquoted.
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)) {
    const src = match[1] ?? match[2] ?? match[3] ?? "";
    if (/^https?:/.test(src) || /(?:^|\/)office-js\//.test(src)) continue;
    bytes += gzipSync(await fs.readFile(path.join(outDir, src.replace(/^\.?\//, ""))), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 100) / 100;
}

/** Undefined when Chromium is not installed. `outDir`: buildPaneForBench's. */
export async function measurePaneLongestTask(outDir: string, rows = 20_000): Promise<PaneFigures | undefined> {
  const executablePath = findProgram(["/usr/bin/chromium", "chromium", "chromium-browser"]);
  if (executablePath === undefined) return undefined;
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "pm-chromium-"));
  const workbook = generateWorkbook(rows, Math.round(rows / 100));
  const server = await servePane(outDir, JSON.stringify(workbook.sheets));
  const browser = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.addInitScript(() => {
      window.pmLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.pmLongTasks?.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/test-host.html`);
    await page.waitForFunction(() => window.pmTest?.ready === true, undefined, { timeout: 60_000 });
    // Let the start-up tasks end before the click.
    await page.waitForTimeout(500);
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.locator("#findings .finding").first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.getElementById("app")?.getAttribute("aria-busy") === "false", undefined, { timeout: 120_000 });
    const doneAt = await page.evaluate(() => performance.now());
    // A long task is reported when it ends: give the observer a moment.
    await page.waitForTimeout(200);
    const tasks = await page.evaluate(() => window.pmLongTasks ?? []);
    const hostWork = await page.evaluate(() => performance.getEntriesByName("excel-host").map((e) => ({ start: e.startTime, duration: e.duration })));
    const during = tasks.filter((task) => task.start + task.duration >= clickedAt);
    const paneShare = during.map((task) => task.duration - overlapMs(task, hostWork));
    return {
      longestTaskMs: Math.round(Math.max(0, ...paneShare)),
      longestTaskWithHostMs: Math.round(Math.max(0, ...during.map((task) => task.duration))),
      checkMs: Math.round(doneAt - clickedAt),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(profile, { recursive: true, force: true });
  }
}

interface Span {
  readonly start: number;
  readonly duration: number;
}

/** Time of `task` spent inside the spans (the host's round trips). */
function overlapMs(task: Span, spans: readonly Span[]): number {
  let total = 0;
  for (const span of spans) {
    const from = Math.max(task.start, span.start);
    const to = Math.min(task.start + task.duration, span.start + span.duration);
    if (to > from) total += to - from;
  }
  return total;
}

/** Run on its own: a fresh build, its initial size and its longest task. */
async function measureAlone(rows: number): Promise<PaneFigures & { readonly initialKbGzip: number } | undefined> {
  const outDir = await buildPaneForBench();
  try {
    const initialKbGzip = await measureInitialKbGzip(outDir);
    const figures = await measurePaneLongestTask(outDir, rows);
    return figures === undefined ? undefined : { ...figures, initialKbGzip };
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureAlone(Number(process.argv[2] ?? 20_000))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exit(1);
    });
}
