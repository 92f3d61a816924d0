import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, findStatus, type Finding } from "../../src/domain";
import { runCliCaptured } from "../cli/run-cli";
import { readCompoundFile } from "./read-compound-file";

/** The hand-specified fixtures give what tests/fixtures/README.md promises. */

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures");
const fixture = (name: string): string => join(FIXTURES, name);

async function check(name: string): Promise<ReturnType<typeof checkWorkbook>> {
  const { sheets } = await readWorkbookFile(fixture(name));
  return checkWorkbook(sheets);
}

const located = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell ?? f.range ?? "?"}`).sort();

describe("other-column-order.xlsx", () => {
  it("is read through synonym headers in another order", async () => {
    const { sheets } = await readWorkbookFile(fixture("other-column-order.xlsx"));
    expect(sheets[0]?.values[0]).toEqual([
      "Afspraak",
      "Thema",
      "Subthema",
      "Partijen",
      "Status 2022",
      "Toelichting 2022",
      "Activiteiten 2022",
      "Status 2023",
      "Toelichting 2023",
    ]);
    const result = checkWorkbook(sheets);
    expect(result.agreements).toHaveLength(6);
    expect(result.year).toBe(2023);
    expect(result.agreements[0]?.theme).toBe("Betaalbaarheid en beschikbaarheid");
    expect(result.agreements[0]?.agreement).toBe("Corporaties hebben een vastgesteld streefhuurbeleid");
  });

  it("normalises status synonyms (Groen, amber, op schema, Rood, Grijs)", async () => {
    const rows = (await check("other-column-order.xlsx")).agreements;
    expect(rows.map((r) => findStatus(r, 2022)?.status)).toEqual(["groen", "oranje", "oranje", "grijs", "groen", "grijs"]);
    expect(rows.map((r) => findStatus(r, 2023)?.status)).toEqual(["groen", "groen", "rood", undefined, "rood", "grijs"]);
    expect(rows.map((r) => findStatus(r, 2022)?.raw)).toEqual(["Groen", "amber", "oranje", "grijs", "Groen", "grijs"]);
  });

  it("gives one invalid-status error and one missing-explanation warning, nothing else", async () => {
    expect(located((await check("other-column-order.xlsx")).findings)).toEqual([
      "error invalid-status Afspraken 2022-2023!H5",
      "warning missing-explanation Afspraken 2022-2023!I4",
    ]);
  });
});

describe("tables-own-sheet.xlsx", () => {
  it("has agreements on one sheet and each table on its own sheet", async () => {
    const result = await check("tables-own-sheet.xlsx");
    expect(result.agreementSheets).toEqual(["Afspraken"]);
    expect(result.agreements).toHaveLength(3);
    expect(result.tables.map((t) => `${t.id}@${t.sheet}`)).toEqual(["Tabel 2@Voorraad", "Tabel 3@Betaalbaarheid"]);
  });

  it("reads fractions with a % format and Dutch text numbers", async () => {
    const shares = (await check("tables-own-sheet.xlsx")).tables[1];
    const goedkoop = shares?.rows[0]?.values;
    expect(goedkoop?.[0]).toMatchObject({ kind: "number", percent: true, decimals: 1 });
    expect(goedkoop?.[2]).toMatchObject({ kind: "number", percent: true, fromText: true });
    const stock = (await check("tables-own-sheet.xlsx")).tables[0];
    expect(stock?.rows[0]?.values[0]).toMatchObject({ kind: "number", value: 1234, fromText: true });
  });

  it("gives the percent-sum error (101.0), the total-row error (off by 1) and number-as-text infos", async () => {
    const findings = (await check("tables-own-sheet.xlsx")).findings;
    expect(located(findings)).toEqual([
      "error percent-sum Betaalbaarheid!C5",
      "error total-row Voorraad!C6",
      "info number-as-text Betaalbaarheid!D3",
      "info number-as-text Betaalbaarheid!D4",
      "info number-as-text Betaalbaarheid!D5",
      "info number-as-text Voorraad!B3",
    ]);
    const total = findings.find((f) => f.code === "total-row");
    expect(total).toMatchObject({ expected: 2373, actual: 2374 });
  });
});

describe("fault-free.xlsx", () => {
  it("gives no errors and no warnings", async () => {
    const result = await check("fault-free.xlsx");
    expect(result.agreements).toHaveLength(8);
    expect(result.tables).toHaveLength(2);
    expect(result.year).toBe(2022);
    expect(result.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
  });

  it("exits 0 in the CLI", async () => {
    const run = await runCliCaptured(["check", fixture("fault-free.xlsx")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("the seed workbooks in the CLI", () => {
  it("exit 1 (errors found)", async () => {
    for (const name of ["stadskanaal-2021-2025.xlsx", "stadskanaal-faithful-paste.xlsx"]) {
      const run = await runCliCaptured(["check", fixture(name)]);
      expect({ name, code: run.code }).toEqual({ name, code: 1 });
    }
  });
});

describe("a workbook without agreements", () => {
  it("no-agreements.xlsx (one table of figures, no agreements sheet) is checked, not refused: exit 0", async () => {
    const run = await runCliCaptured(["check", fixture("no-agreements.xlsx")]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/0 afspraken, 1 tabellen/);
  });

  it("with neither agreements nor tables is unusable: exit 2 with a one-line reason", async () => {
    const ExcelJS = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad1");
    sheet.getCell("A1").value = "Overzicht woningvoorraad (concept)";
    sheet.getCell("A2").value = "Nog aanvullen met de afspraken en de cijfers van dit jaar.";
    const dir = mkdtempSync(join(tmpdir(), "no-agreements-no-tables-"));
    try {
      const file = join(dir, "leeg.xlsx");
      await workbook.xlsx.writeFile(file);
      const run = await runCliCaptured(["check", file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/geen afsprakenblad en geen tabel met cijfers/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("unusable inputs: exit 2 with a one-line reason", () => {
  const cases: readonly [string, RegExp][] = [
    ["not-a-workbook.xlsx", /not an \.xlsx workbook/],
    ["empty.xlsx", /empty/],
    ["csv-renamed.xlsx", /not an \.xlsx workbook/],
    ["truncated.xlsx", /damaged or truncated/],
    ["old-format.xls", /97-2003/],
    ["password-protected.xlsx", /password-protected/],
  ];
  it.each(cases)("%s", async (name, reason) => {
    const run = await runCliCaptured(["check", fixture(name)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
  });

  it("are what their names say", async () => {
    expect(readFileSync(fixture("empty.xlsx"))).toHaveLength(0);
    const random = readFileSync(fixture("not-a-workbook.xlsx"));
    expect(random.length).toBeGreaterThan(1000);
    expect(new Set(random).size).toBeGreaterThan(200); // random bytes, not text
    expect(readFileSync(fixture("csv-renamed.xlsx"), "utf8")).toMatch(/^Onderwerp;nr;Actiepunt\/prestatieafspraken;Wie\?;/);
    const valid = readFileSync(fixture("fault-free.xlsx"));
    const truncated = readFileSync(fixture("truncated.xlsx"));
    expect(truncated.equals(valid.subarray(0, truncated.length))).toBe(true);
    expect(truncated.length).toBe(Math.floor(valid.length / 2));
    const { sheets } = await readWorkbookFile(fixture("no-agreements.xlsx"));
    expect(sheets.map((s) => s.sheet)).toEqual(["Blad1"]);
  });

  it("old-format.xls and password-protected.xlsx are well-formed OLE2 compound files", () => {
    const xls = readCompoundFile(readFileSync(fixture("old-format.xls")));
    expect(xls.map((s) => s.name)).toEqual(["Workbook"]);
    const encrypted = readCompoundFile(readFileSync(fixture("password-protected.xlsx")));
    expect(encrypted.map((s) => s.name)).toEqual(["EncryptionInfo", "EncryptedPackage"]);
    const info = encrypted[0]?.data;
    // Agile encryption: version 4.4, then the XML descriptor.
    expect([info?.readUInt16LE(0), info?.readUInt16LE(2)]).toEqual([4, 4]);
    expect(info?.subarray(8).toString("utf8")).toMatch(/^<\?xml[^>]*>\s*<encryption xmlns="http:\/\/schemas\.microsoft\.com\/office\/2006\/encryption"/);
  });
});

describe("scripts/build-fixtures.js", () => {
  it("rebuilds the committed fixtures: same bytes", () => {
    const out = mkdtempSync(join(tmpdir(), "fixtures-"));
    try {
      execFileSync(process.execPath, [join(ROOT, "scripts", "build-fixtures.js"), "--out", out], { stdio: "pipe" });
      const built = readdirSync(out).sort();
      expect(built).toEqual(expect.arrayContaining(["fault-free.xlsx", "other-column-order.xlsx", "password-protected.xlsx"]));
      const stale = built.filter((name) => !readFileSync(join(out, name)).equals(readFileSync(fixture(name))));
      // A stale fixture: run `node scripts/build-fixtures.js` and commit the result.
      expect(stale).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
