import { readFileSync } from "fs";
import { join } from "path";
import { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from "../../src/domain";

/** One hand-checked finding of the golden file. */
export interface GoldenFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string;
  readonly range?: string;
  readonly suggestion?: string;
  /** The seed line of the cell the finding points at (= the row in the faithful paste). */
  readonly seedLine: number;
  /** Why the finding is expected, citing the seed. */
  readonly why: string;
}

export interface GoldenFile {
  readonly fixture: string;
  readonly note: string;
  readonly findings: readonly GoldenFinding[];
}

export const GOLDEN_PATH = join(__dirname, "..", "fixtures", "stadskanaal-2021-2025.findings.json");

/** Reads and shape-checks the golden file, so a typo in it fails here and not as a confusing diff. */
export function readGolden(): GoldenFile {
  const parsed = JSON.parse(readFileSync(GOLDEN_PATH, "utf8")) as GoldenFile;
  for (const f of parsed.findings) {
    if (!(FINDING_CODES as readonly string[]).includes(f.code)) throw new Error(`golden file: unknown code ${f.code}`);
    if (!SEVERITIES.includes(f.severity)) throw new Error(`golden file: unknown severity ${f.severity}`);
    if (f.cell === undefined && f.range === undefined) throw new Error(`golden file: ${f.code} has no cell or range`);
  }
  return parsed;
}
