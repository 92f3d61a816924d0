import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCliCaptured } from "../cli/run-cli";

/** The CLI never writes its input: the bytes and the modification time stay as they were. */

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

async function fingerprint(file: string): Promise<{ sha256: string; mtimeMs: number; size: number }> {
  const bytes = await fs.readFile(file);
  const stat = await fs.stat(file);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), mtimeMs: stat.mtimeMs, size: stat.size };
}

describe("the input workbook is never written", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-input-"));
    input = path.join(dir, "afspraken.xlsx");
    await fs.copyFile(FIXTURE, input);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["a plain check", [] as string[]],
    ["--json", ["--json"]],
    ["--out and --export", ["--out", "copy.xlsx", "--export", "summary.html"]],
    ["--export csv with --lang en", ["--export", "summary.csv", "--lang", "en"]],
  ])("%s leaves the input byte for byte unchanged", async (_name, options) => {
    const before = await fingerprint(input);
    const args = options.map((o) => (o.includes(".") ? path.join(dir, o) : o));
    const run = await runCliCaptured(["check", input, ...args]);
    expect(run.code).toBe(1); // the sample has real errors
    expect(await fingerprint(input)).toEqual(before);
    for (const o of options.filter((x) => x.includes("."))) {
      await expect(fs.stat(path.join(dir, o))).resolves.toBeDefined();
    }
    // No temporary files are left behind next to the outputs.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
