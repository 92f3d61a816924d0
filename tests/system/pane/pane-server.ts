import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as http from "http";
import * as path from "path";
import { promisify } from "util";

/**
 * Serving the pane's test build (test-host.html on the in-memory Excel host) over local http:
 * shared by the pane's system tests and the benchmark's long-task measurement.
 */

const run = promisify(execFile);
/** The project folder: three up from here, or from the bench's compiled copy (.bench-build) four. */
function findProjectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "webpack.config.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no webpack.config.js above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const ROOT = findProjectRoot();
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves `dir`, a local copy of office.js under /office-js/, and the workbook as /test-workbook.json. */
export function servePane(dir: string, workbookJson: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const pathname = decodeURIComponent(url.pathname);
      if (pathname === "/test-workbook.json") {
        response.writeHead(200, { "content-type": CONTENT_TYPES[".json"] ?? "" }).end(workbookJson);
        return;
      }
      const [rootDir, relative] = pathname.startsWith("/office-js/")
        ? [OFFICE_JS_DIR, pathname.slice("/office-js/".length)]
        : [dir, pathname.slice(1)];
      const file = path.join(rootDir, relative);
      if (!file.startsWith(rootDir)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        response.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Builds the pane and test pages into `outDir` with the project's webpack config in test mode. */
export async function buildTestPages(outDir: string, mode: "development" | "production" = "development"): Promise<void> {
  const env = { ...process.env, TEST_HOST: "1", OUT_DIR: outDir, PRODUCTION_URL: "https://pane-test.invalid/" };
  const webpackCli = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  try {
    await run(process.execPath, [webpackCli, "--mode", mode, "--stats", "errors-warnings"], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`webpack test build failed:\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`);
  }
}
