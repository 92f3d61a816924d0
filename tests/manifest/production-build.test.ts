import { execFile } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

/**
 * Ready for IT: the production build refuses without a real https PRODUCTION_URL, names its
 * scripts and stylesheet by content hash, and writes a manifest that points there and still
 * validates against Microsoft's XSDs.
 */

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
const SCHEMAS = path.join(ROOT, "..", "shared", "office-manifest-schemas");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script, loaded as the webpack config loads it
const { readProductionUrl, rewriteManifest } = require("../../scripts/production-url") as {
  readProductionUrl(environment: Record<string, string | undefined>): string | Error;
  rewriteManifest(content: string, url: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's webpack config (CommonJS)
const makeConfig = require("../../webpack.config.js") as (env: Record<string, string>, argv: { mode: string }) => Promise<{ output: { filename: string } }>;

describe("production build", () => {
  it("refuses without PRODUCTION_URL, with a placeholder, or without https", async () => {
    expect(readProductionUrl({})).toBeInstanceOf(Error);
    expect(readProductionUrl({ PRODUCTION_URL: "https://prestatiemonitor.example/" })).toBeInstanceOf(Error);
    expect(readProductionUrl({ PRODUCTION_URL: "http://intranet.gemeente.nl/pm/" })).toBeInstanceOf(Error);
    expect(readProductionUrl({ PRODUCTION_URL: "https://localhost:3000/" })).toBeInstanceOf(Error);
    expect(readProductionUrl({ PRODUCTION_URL: "https://addins.gemeente.nl/pm" })).toBe("https://addins.gemeente.nl/pm/");
    const saved = process.env["PRODUCTION_URL"];
    delete process.env["PRODUCTION_URL"];
    try {
      await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/PRODUCTION_URL/);
    } finally {
      if (saved !== undefined) process.env["PRODUCTION_URL"] = saved;
    }
  });

  it("names bundles by content hash in production (plain names in development)", async () => {
    const production = await makeConfig({ PRODUCTION_URL: "https://addins.gemeente.nl/pm/" }, { mode: "production" });
    expect(production.output.filename).toContain("[contenthash");
    const development = await makeConfig({}, { mode: "development" });
    expect(development.output.filename).toBe("[name].js");
  });

  it("writes a manifest that points only at the production URL and validates offline", async () => {
    const manifest = rewriteManifest(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), "https://addins.gemeente.nl/pm/");
    expect(manifest.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://addins.gemeente.nl/pm/taskpane.html"/>');
    if (!existsSync(path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd")) && !process.env["CI"]) {
      console.warn("SKIPPED production manifest XSD validation: schema folder ../shared/office-manifest-schemas is missing (set CI to make this a failure)");
      return;
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-manifest-"));
    const file = path.join(dir, "manifest.xml");
    await fs.writeFile(file, manifest);
    try {
      await run(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js"), file, "--schemas", SCHEMAS]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
