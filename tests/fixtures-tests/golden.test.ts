import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { checkWorkbook, parseA1, type Finding, type FindingCode, type Severity } from "../../src/domain";
import { readGolden, type GoldenFinding } from "./golden-file";

/**
 * The engine against the hand-checked golden findings of the clean Stadskanaal workbook
 * (tests/fixtures/stadskanaal-2021-2025.findings.json, written from the seed and DESIGN.md).
 * Findings are compared as sets of (code, severity, sheet, cell); where the golden entry names a
 * range or a suggestion, those must match too.
 */

const FIXTURES = join(__dirname, "..", "fixtures");

interface Located {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string;
  readonly range?: string;
  readonly suggestion?: string;
}

function keyOf(f: Located): string {
  return `${f.severity} ${f.code} ${f.sheet}!${f.cell ?? f.range ?? "?"}`;
}

/** A readable diff: what the golden file expects and the engine did not give, and the reverse. */
function describeDifference(expected: readonly Located[], actual: readonly Located[]): string {
  const actualKeys = new Set(actual.map(keyOf));
  const expectedKeys = new Set(expected.map(keyOf));
  const missing = expected.filter((f) => !actualKeys.has(keyOf(f))).map((f) => `  - missing:    ${keyOf(f)}`);
  const extra = actual.filter((f) => !expectedKeys.has(keyOf(f))).map((f) => `  + unexpected: ${keyOf(f)}`);
  return [...missing, ...extra].join("\n");
}

describe("golden findings: stadskanaal-2021-2025.xlsx", () => {
  let findings: readonly Finding[];
  let golden: readonly GoldenFinding[];

  beforeAll(async () => {
    golden = readGolden().findings;
    const { sheets } = await readWorkbookFile(join(FIXTURES, "stadskanaal-2021-2025.xlsx"));
    findings = checkWorkbook(sheets).findings;
  });

  it("gives exactly the hand-checked findings (code, severity, sheet, cell)", () => {
    const diff = describeDifference(golden, findings);
    if (diff !== "") throw new Error(`engine and golden file differ:\n${diff}`);
    expect(findings).toHaveLength(golden.length);
  });

  it("reports each golden finding with the golden range and suggestion", () => {
    const problems: string[] = [];
    for (const g of golden) {
      const match = findings.find((f) => keyOf(f) === keyOf(g));
      if (!match) continue; // reported by the set comparison above
      if (g.range !== undefined && match.range !== g.range) problems.push(`${keyOf(g)}: range ${String(match.range)}, expected ${g.range}`);
      if (g.suggestion !== undefined && match.suggestion !== g.suggestion) {
        problems.push(`${keyOf(g)}: suggestion ${String(match.suggestion)}, expected ${g.suggestion}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has a justification citing the seed for every golden entry", () => {
    for (const g of golden) {
      expect(g.why).toMatch(/seed|Tabel/i);
      expect(g.seedLine).toBeGreaterThan(0);
    }
  });
});

describe("golden findings carry over to the faithful paste of the seed", () => {
  /**
   * In the faithful paste every seed line is a sheet row, so each golden finding must appear there
   * too, on the row of its seed line: the same inconsistencies, found in the raw layout (shifted
   * headers, one field per line, tables between agreements). The paste adds only infos: a
   * repeated-header per page-break header and number-as-text for the PDF's text numbers.
   */
  it("gives the golden findings on their seed lines, plus only repeated-header and number-as-text infos", async () => {
    const golden = readGolden().findings;
    const { sheets } = await readWorkbookFile(join(FIXTURES, "stadskanaal-faithful-paste.xlsx"));
    const findings = checkWorkbook(sheets).findings;

    const rowKey = (code: string, severity: string, line: number): string => `${severity} ${code} line ${line}`;
    const expected = golden.map((g) => rowKey(g.code, g.severity, g.seedLine)).sort();
    const pasteOnly = new Set<FindingCode>(["repeated-header", "number-as-text"]);
    const actual = findings
      .filter((f) => !pasteOnly.has(f.code))
      .map((f) => rowKey(f.code, f.severity, (parseA1(f.cell ?? f.range ?? "") ?? { row: -2 }).row + 1))
      .sort();
    expect(actual).toEqual(expected);
    for (const f of findings.filter((x) => pasteOnly.has(x.code))) expect(f.severity).toBe("info");
  });
});
