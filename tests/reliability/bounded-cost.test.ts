import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { measureEditDistance, suggestName } from "../../src/domain/core/suggest-name";
import { readXlsx } from "../../src/cli/xlsx/read-xlsx";
import { buildPackage, writeWorksheetXml } from "../cli/xlsx-reader/build-package";
import { runCliCaptured } from "../cli/run-cli";

/*
 * No input makes the CLI run for minutes, run out of memory, or end with anything but 0, 1, 2
 * and one line: sparse or shared sheets, long texts, a closed pipe, an interrupt.
 */

const BIN = path.join(__dirname, "..", "..", "bin", "prestatiemonitor.js");
const FIXTURE = path.join(__dirname, "..", "fixtures", "stadskanaal-2021-2025.xlsx");
const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Onderwerp</t></is></c><c r="B1" t="inlineStr"><is><t>Actiepunt/prestatieafspraken</t></is></c><c r="C1" t="inlineStr"><is><t>Wie?</t></is></c><c r="D1" t="inlineStr"><is><t>Status 2022</t></is></c></row>`;
const ROW = (r: number, parties = "Gemeente"): string =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Duurzaamheid</t></is></c><c r="B${r}" t="inlineStr"><is><t>Afspraak ${r}</t></is></c><c r="C${r}" t="inlineStr"><is><t>${parties}</t></is></c><c r="D${r}" t="inlineStr"><is><t>groen</t></is></c></row>`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-bounded-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("edit distance", () => {
  it("with a limit, equals the full distance up to the limit and says limit + 1 beyond it", () => {
    const text = fc.string({ maxLength: 12, unit: fc.constantFrom("a", "b", "c", "d") });
    fc.assert(
      fc.property(text, text, fc.nat(5), (a, b, limit) => {
        const full = measureEditDistance(a, b);
        const banded = measureEditDistance(a, b, limit);
        return full <= limit ? banded === full : banded === limit + 1;
      }),
      { numRuns: 3000 },
    );
  });

  it("with a limit, costs the band, not the square: far cheaper than the full table on long texts", () => {
    const a = "x".repeat(4_000);
    const b = `${"x".repeat(3_990)}yyyyyyyyyy`;
    const fastest = (run: () => void): number => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        run();
        best = Math.min(best, Number(process.hrtime.bigint() - started));
      }
      return best;
    };
    const full = fastest(() => measureEditDistance(a, b));
    const banded = fastest(() => measureEditDistance(a, b, 8));
    // 16 million cells against some 70 thousand: a ratio of about 200 on a quiet machine.
    expect(full / banded).toBeGreaterThan(10);
  });

  it("suggests nothing for a text far longer than any name (a whole agreement in a parties cell)", () => {
    const longName = `Samenwerkingsverband ${"wonen zorg en welzijn ".repeat(11)}`.trim();
    expect(suggestName("Gemeent", ["Gemeente", longName])).toBe("Gemeente");
    // One letter off, but 250 characters long: no name is, so no suggestion is looked for.
    expect(suggestName(longName.replace("Samen", "Zamen"), ["Gemeente", longName])).toBeUndefined();
  });
});

describe("the reader's cost follows the cells present", () => {
  it("refuses a sparse sheet spanning a huge rectangle (exit 2, one line), without building it", async () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="${colName(16_384 - (i % 1000))}${i + 2}"><v>1</v></c></row>`).join("");
    const file = path.join(dir, "sparse.xlsx");
    await fs.writeFile(file, await buildPackage({ sheets: [{ name: "Afspraken", xml: writeWorksheetXml(HEADER + cells) }] }));
    const run = await runCliCaptured(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/too large/);
  });

  it("reads a part shared by many sheets once", async () => {
    const shared = writeWorksheetXml(HEADER + ROW(2));
    const sheets = Array.from({ length: 60 }, (_, i) => ({ name: `Blad${i + 1}`, xml: shared, path: "xl/worksheets/shared.xml", target: "worksheets/shared.xml" }));
    const contents = readXlsx(await buildPackage({ sheets }), "shared");
    expect(contents.sheets).toHaveLength(60);
    expect(contents.sheets[59]?.sheet).toBe("Blad60");
    expect(contents.sheets[59]?.values).toBe(contents.sheets[0]?.values);
  });
});

describe("faithful reading", () => {
  it("checks hidden sheets and says which they are", async () => {
    const file = path.join(dir, "hidden.xlsx");
    await fs.writeFile(
      file,
      await buildPackage({
        sheets: [
          { name: "Zichtbaar", xml: writeWorksheetXml(HEADER + ROW(2)) },
          { name: "Verborgen", xml: writeWorksheetXml(HEADER + ROW(2, "Onbekende Partij")), state: "hidden" },
        ],
      }),
    );
    const run = await runCliCaptured(["check", file, "--json"]);
    const report = JSON.parse(run.stdout) as { hiddenSheets?: string[]; findings: { sheet: string }[] };
    expect(report.hiddenSheets).toEqual(["Verborgen"]);
    expect(report.findings.some((f) => f.sheet === "Verborgen")).toBe(true);
  });

  it("reads text with a processing instruction inside", async () => {
    const xml = writeWorksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Onder<?pi data?>werp</t></is></c></row>`);
    const contents = readXlsx(await buildPackage({ sheets: [{ name: "Blad1", xml }] }), "pi");
    expect(contents.sheets[0]?.values[0]).toEqual(["Onderwerp"]);
  });
});

describe("the process", () => {
  it("ends quietly when the reader of its output goes away (| head)", async () => {
    const child = spawn(process.execPath, [BIN, "check", FIXTURE, "--all"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect([0, 1]).toContain(code);
    expect(stderr).not.toMatch(/EPIPE|\bat .+:\d+:\d+/);
  });

  it("leaves no temporary file when interrupted while writing a copy", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ROW(i + 2)).join("");
    const input = path.join(dir, "groot.xlsx");
    await fs.writeFile(input, await buildPackage({ sheets: [{ name: "Afspraken", xml: writeWorksheetXml(HEADER + rows) }] }));
    const out = path.join(dir, "out");
    await fs.mkdir(out);
    const child = spawn(process.execPath, [BIN, "check", input, "--out", path.join(out, "kopie.xlsx")], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    let running = true;
    void closed.then(() => (running = false));
    // Interrupted while the copy is being written: once its temporary file exists (the signal
    // handlers are installed before any file is), not after a fixed delay that a slow start-up
    // can outlast.
    let interrupted = false;
    while (running && !interrupted) {
      if ((await fs.readdir(out)).some((f) => f.endsWith(".tmp"))) interrupted = child.kill("SIGINT");
      else await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const code = await closed;
    expect(interrupted).toBe(true);
    expect(code).toBe(2);
    expect(stderr).toContain("afgebroken; tijdelijke bestanden zijn verwijderd");
    expect((await fs.readdir(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  }, 60_000);
});

function colName(n: number): string {
  let name = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}
