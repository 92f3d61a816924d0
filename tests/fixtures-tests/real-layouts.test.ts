import { TABLE_CODES as TABLE_CODE_LIST } from "../../src/domain/findings/finding";
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, type Finding } from "../../src/domain";
import { runCliCaptured } from "../cli/run-cli";

/**
 * The real-layout fixtures (tests/fixtures/real-*.xlsx, built by scripts/build-real-fixtures.js)
 * against their hand-written goldens (real-*.findings.json): every golden table finding at its
 * cell, nothing else from the table rules; exactly the golden number of agreement rows and every
 * golden agreement finding at its cell (with its suggestion), nothing else from the row rules.
 */

const FIXTURES = join(__dirname, "..", "fixtures");

/** The table rules' codes: the findings of the tables side of each golden. */
const TABLE_CODES: ReadonlySet<string> = new Set(TABLE_CODE_LIST);

interface GoldenFinding {
  readonly code: string;
  readonly severity: string;
  readonly sheet: string;
  readonly cell: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly suggestion?: string;
}

interface Golden {
  readonly fixture: string;
  readonly agreementRows: number;
  readonly exitCode: number;
  readonly findings: readonly GoldenFinding[];
}

const NAMES = [
  "real-wageningen-monitor-2021",
  "real-ssw-kerncijfers-2016",
  "real-dudok-balans-2022",
  "real-nationale-afspraken-2022",
  "real-cbs-corporatiebezit-2001",
] as const;

function readGolden(name: string): Golden {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.findings.json`), "utf8")) as Golden;
}

const located = (f: { code: string; severity: string; sheet: string; cell?: string }): string => `${f.severity} ${f.code} ${f.sheet}!${f.cell ?? "?"}`;

describe.each(NAMES)("%s", (name) => {
  const golden = readGolden(name);

  it("gives exactly the golden table findings, each at its cell", async () => {
    const { sheets } = await readWorkbookFile(join(FIXTURES, golden.fixture));
    const result = checkWorkbook(sheets);
    const tableFindings = result.findings.filter((f: Finding) => TABLE_CODES.has(f.code));
    const expected = golden.findings.filter((f) => TABLE_CODES.has(f.code));
    expect(tableFindings.map(located).sort()).toEqual(expected.map(located).sort());
    for (const want of expected) {
      if (want.expected === undefined && want.actual === undefined) continue;
      const got = tableFindings.find((f) => f.code === want.code && f.cell === want.cell && f.sheet === want.sheet);
      expect({ cell: want.cell, expected: got?.expected, actual: got?.actual }).toEqual({ cell: want.cell, expected: want.expected, actual: want.actual });
    }
  });

  it("is checked by the CLI with the golden exit code (never refused)", async () => {
    const run = await runCliCaptured(["check", join(FIXTURES, golden.fixture)]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: golden.exitCode, stderr: "" });
  });

  it("reads exactly the golden agreement rows and gives exactly the golden agreement findings, each at its cell", async () => {
    const { sheets } = await readWorkbookFile(join(FIXTURES, golden.fixture));
    const result = checkWorkbook(sheets);
    expect(result.agreements.length).toBe(golden.agreementRows);
    const rowFindings = result.findings.filter((f: Finding) => !TABLE_CODES.has(f.code));
    const expected = golden.findings.filter((f) => !TABLE_CODES.has(f.code));
    expect(rowFindings.map(located).sort()).toEqual(expected.map(located).sort());
    for (const want of expected) {
      if (want.suggestion === undefined) continue;
      const got = rowFindings.find((f) => f.code === want.code && f.cell === want.cell && f.sheet === want.sheet);
      expect({ cell: want.cell, suggestion: got?.suggestion }).toEqual({ cell: want.cell, suggestion: want.suggestion });
    }
  });
});

describe("the committed real-*.xlsx", () => {
  it("are what scripts/build-real-fixtures.js builds: same bytes (rebuild and commit when this fails)", () => {
    const out = mkdtempSync(join(tmpdir(), "real-fixtures-"));
    try {
      execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "build-real-fixtures.js"), "--out", out]);
      for (const name of NAMES) {
        const file = `${name}.xlsx`;
        expect({ file, same: readFileSync(join(out, file)).equals(readFileSync(join(FIXTURES, file))) }).toEqual({ file, same: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
