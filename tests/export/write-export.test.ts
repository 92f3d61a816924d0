import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { InputError } from "../../src/cli/input-error";
import { writeExport } from "../../src/cli/write-export";
import { writeFileAtomically } from "../../src/cli/write-file-atomically";
import { buildReport } from "../../src/domain/report/report";
import { makeCheckResult } from "./make-check-result";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-export-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const result = makeCheckResult();
const report = buildReport(result, "stadskanaal.xlsx");
const AT = { generatedAt: "2026-11-24T12:00:00.000Z" };

describe("writeExport", () => {
  it("writes each format by its extension, and nothing else in the folder", async () => {
    for (const name of ["s.xlsx", "s.html", "s.csv", "s.JSON"]) await writeExport(result, report, path.join(dir, name), "nl", AT);
    expect((await fs.readdir(dir)).sort()).toEqual(["s.JSON", "s.csv", "s.html", "s.xlsx"]);
    const xlsx = await fs.readFile(path.join(dir, "s.xlsx"));
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    expect(await fs.readFile(path.join(dir, "s.html"), "utf8")).toContain("stadskanaal.xlsx");
    const csv = await fs.readFile(path.join(dir, "s.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(await fs.readFile(path.join(dir, "s.JSON"), "utf8"))).toMatchObject({ version: 1, year: 2022 });
  });

  it("refuses an unknown extension with an InputError before writing anything", async () => {
    await expect(writeExport(result, report, path.join(dir, "s.pdf"), "nl")).rejects.toBeInstanceOf(InputError);
    await expect(writeExport(result, report, path.join(dir, "noext"), "nl")).rejects.toThrow(/onbekend formaat/);
    await expect(writeExport(result, report, path.join(dir, "noext"), "en")).rejects.toThrow(/unknown format/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("writeFileAtomically", () => {
  it("replaces an existing file whole", async () => {
    const file = path.join(dir, "a.txt");
    await fs.writeFile(file, "old content that is longer");
    await writeFileAtomically(file, "new");
    expect(await fs.readFile(file, "utf8")).toBe("new");
    expect(await fs.readdir(dir)).toEqual(["a.txt"]);
  });

  it("fails with an InputError when the target is a directory, leaving no temp file", async () => {
    await fs.mkdir(path.join(dir, "sub"));
    await expect(writeFileAtomically(path.join(dir, "sub"), "x")).rejects.toBeInstanceOf(InputError);
    expect(await fs.readdir(dir)).toEqual(["sub"]);
  });
});
