import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseArguments } from "../../src/cli/parse-arguments";
import { runCliCaptured } from "./run-cli";

describe("parseArguments", () => {
  it("reads check with every option", () => {
    expect(
      parseArguments(["check", "a.xlsx", "--json", "--out", "b.xlsx", "--export=c.html", "--year", "2022", "--lang", "en", "--model", "m.xlsx"]),
    ).toEqual({ kind: "check", workbook: "a.xlsx", json: true, all: false, sample: false, out: "b.xlsx", export: "c.html", year: 2022, lang: "en", model: "m.xlsx" });
  });
  it("rejects bad usage with an input error", () => {
    expect(() => parseArguments(["check"])).toThrow("precies één werkmap");
    expect(() => parseArguments(["check", "--lang", "en"])).toThrow("exactly one workbook");
    expect(() => parseArguments(["check", "a.xlsx", "--year", "22"])).toThrow("--year");
    expect(() => parseArguments(["check", "a.xlsx", "--lang", "de"])).toThrow("--lang");
    expect(() => parseArguments(["check", "a.xlsx", "--frobnicate"])).toThrow("onbekende optie");
    expect(() => parseArguments(["check", "a.xlsx", "--frobnicate", "--lang=en"])).toThrow("unknown option");
    expect(() => parseArguments(["check", "a.xlsx", "--out"])).toThrow("heeft een waarde nodig");
    expect(() => parseArguments(["--lang", "en", "check", "a.xlsx", "--out"])).toThrow("needs a value");
    expect(() => parseArguments(["frob"])).toThrow("onbekende opdracht");
    expect(() => parseArguments(["frob", "--lang", "EN"])).toThrow("unknown command");
  });
  it("shows help without arguments", () => {
    expect(parseArguments([])).toEqual({ kind: "help", lang: "nl" });
  });
});

describe("CLI on unusable input", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-cli-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function expectUnusable(argv: string[], pattern: RegExp): Promise<void> {
    const before = await fs.readdir(dir);
    const run = await runCliCaptured(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(await fs.readdir(dir)).toEqual(before); // wrote nothing
  }

  it("a missing path", async () => {
    await expectUnusable(["check", path.join(dir, "nope.xlsx")], /no such file/);
  });
  it("a directory", async () => {
    await expectUnusable(["check", dir], /is a directory/);
  });
  it("an empty file", async () => {
    const file = path.join(dir, "empty.xlsx");
    await fs.writeFile(file, "");
    await expectUnusable(["check", file, "--out", path.join(dir, "copy.xlsx")], /empty/);
  });
  it("random bytes", async () => {
    const file = path.join(dir, "random.xlsx");
    await fs.writeFile(file, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 251)));
    await expectUnusable(["check", file], /not an \.xlsx workbook/);
  });
  it("a CSV renamed .xlsx", async () => {
    const file = path.join(dir, "renamed.xlsx");
    await fs.writeFile(file, "Onderwerp;Afspraak;Wie?\nDuurzaamheid;Iets;Gemeente\n");
    await expectUnusable(["check", file], /not an \.xlsx workbook/);
  });
  it("an old .xls and an encrypted xlsx (both OLE2 containers)", async () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0)]);
    const xls = path.join(dir, "old.xls");
    await fs.writeFile(xls, ole2);
    await expectUnusable(["check", xls], /97-2003/);
    const encrypted = path.join(dir, "secret.xlsx");
    await fs.writeFile(encrypted, Buffer.concat([ole2, Buffer.from("EncryptionInfo", "utf16le")]));
    await expectUnusable(["check", encrypted], /password-protected/);
  });
  it("a truncated xlsx", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Afspraken").addRow(["Onderwerp", "Afspraak", "Wie?"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = path.join(dir, "truncated.xlsx");
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectUnusable(["check", file], /damaged or truncated/);
  });
  it("--out equal to the input", async () => {
    const file = path.join(dir, "same.xlsx");
    await fs.writeFile(file, "x");
    const before = await fs.readFile(file);
    await expectUnusable(["check", file, "--out", file], /mag niet de invoerwerkmap zijn/);
    expect(await fs.readFile(file)).toEqual(before);
    await fs.rm(file);
  });
  it("bad arguments", async () => {
    await expectUnusable(["check", "a.xlsx", "--lang", "fr"], /--lang/);
  });
});
