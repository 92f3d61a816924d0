import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCliCaptured } from "./run-cli";

/**
 * Issue 18's refusals: each is exit 2 with one line on stderr, no stack trace, and nothing written
 * (the input, the --model file and the folder stay as they were).
 */

const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");

describe("check refuses, in one line and without writing", () => {
  let dir: string;
  let input: string;
  let model: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-refuse-"));
    input = path.join(dir, "afspraken.xlsx");
    await fs.copyFile(FIXTURE, input);
    model = path.join(dir, "model.xlsx");
    await fs.copyFile(FIXTURE, model);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function expectRefused(argv: string[], pattern: RegExp): Promise<void> {
    const before = await Promise.all((await fs.readdir(dir)).sort().map(async (f) => [f, await fs.readFile(path.join(dir, f))] as const));
    const run = await runCliCaptured(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    const after = await Promise.all((await fs.readdir(dir)).sort().map(async (f) => [f, await fs.readFile(path.join(dir, f))] as const));
    expect(after).toEqual(before);
  }

  it.each(["0000", "1899", "2101", "99999", "twee"])("--year %s (outside 1900-2100)", async (year) => {
    await expectRefused(["check", input, "--year", year], /--year/);
  });

  it("accepts --year at the edges of the range", async () => {
    for (const year of ["1900", "2100"]) expect((await runCliCaptured(["check", input, "--year", year])).code).not.toBe(2);
  });

  it("--export or --out naming the input, also through a link", async () => {
    await expectRefused(["check", input, "--export", input], /--export/);
    const link = path.join(os.tmpdir(), `pm-refuse-link-${process.pid}.xlsx`);
    await fs.symlink(input, link);
    try {
      await expectRefused(["check", input, "--out", link], /--out/);
    } finally {
      await fs.rm(link, { force: true });
    }
  });

  it("--out or --export naming the --model file", async () => {
    await expectRefused(["check", input, "--model", model, "--out", model], /--model|model/);
    await expectRefused(["check", input, "--model", model, "--export", model], /--model|model/);
  });

  it("a path too long for the file system", async () => {
    await expectRefused(["check", path.join(dir, `${"x".repeat(300)}.xlsx`)], /te lang|too long/);
  });
});
