import { existsSync, readFileSync } from "fs";
import { join } from "path";

/**
 * The customer's seed document lives next to the repository (shared/seed), not in it. Tests that
 * compare a fixture with it skip with a printed notice when it is absent.
 */
export const SEED_PATH = join(__dirname, "..", "..", "..", "shared", "seed", "prestatieafspraken-stadskanaal-2021-2025.txt");

/** The seed's lines (line n is element n-1, the empty string after the final newline dropped), or undefined. */
export function readSeedLines(): string[] | undefined {
  if (!existsSync(SEED_PATH)) {
    console.warn(`seed document not found at ${SEED_PATH}: seed comparisons skipped`);
    return undefined;
  }
  const lines = readFileSync(SEED_PATH, "utf8").split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The seed's chapter titles, typed here from the document (not taken from the build script or the
 * model), plus the one row's swapped spelling "Beschikbaarheid en betaalbaarheid".
 */
export const SEED_THEMES: readonly string[] = [
  "Betaalbaarheid en beschikbaarheid",
  "Beschikbaarheid en betaalbaarheid",
  "De woningvoorraad",
  "Duurzaamheid",
  "Wonen Zorg en Welzijn",
  "Leefbare dorpen en wijken",
  "Borging",
  "Beleid",
  "Looptijd afspraken",
];

export interface SeedAgreement {
  /** Seed line of the row (or of the block's theme line). */
  readonly line: number;
  readonly theme: string;
  /** Every text of the agreement in the seed: the row's fields, or the block's lines up to the next blank-separated theme. */
  readonly texts: readonly string[];
}

/**
 * The agreements of the seed, counted independently of the build script: a tab-separated line
 * whose first field is a theme is an agreement row (also below shifted headers, where the theme is
 * in the unlabelled first column); a line that is only a theme starts an agreement laid out one
 * field per line, whose texts are the following single-field lines up to the next theme line,
 * tab-separated line or caption.
 */
export function findSeedAgreements(lines: readonly string[]): SeedAgreement[] {
  const agreements: SeedAgreement[] = [];
  lines.forEach((text, i) => {
    const fields = text.split("\t").map((f) => f.trim());
    const first = fields[0] ?? "";
    if (!SEED_THEMES.includes(first)) return;
    if (text.includes("\t")) {
      agreements.push({ line: i + 1, theme: first, texts: fields.filter((f) => f !== "") });
      return;
    }
    const texts = [first];
    for (let j = i + 1; j < lines.length; j += 1) {
      const next = (lines[j] ?? "").trim();
      if (next === "") continue;
      if (SEED_THEMES.includes(next) || (lines[j] ?? "").includes("\t") || /^tabel\s+\d/i.test(next)) break;
      texts.push(next);
    }
    agreements.push({ line: i + 1, theme: first, texts });
  });
  return agreements;
}

/** A seed table cell as a coordinator types it: Dutch numbers as numbers, percentages as fractions, intervals as text. */
export function toTypedValue(text: string): string | number {
  const plain = text.replace(/<[^>]+>/g, "").trim();
  const percent = /^(-?\d+),(\d+)%$/.exec(plain);
  // Shift the decimal point in the text ("19,7%" -> "19.7e-2"), so the double is the one a
  // coordinator typing 0.197 gets; dividing by 100 would add binary noise.
  if (percent) return Number(`${percent[1] ?? ""}.${percent[2] ?? ""}e-2`);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(plain)) return Number(plain.replace(/\./g, ""));
  if (/^-?\d+$/.test(plain)) return Number(plain);
  return plain;
}

/**
 * The tab-separated copy of a seed table: the line whose first field starts with `start`, then the
 * rows below it (blank lines right after a caption skipped) up to a blank line or an agreement row.
 * Each row is its non-empty fields with HTML removed.
 */
export function readSeedTable(lines: readonly string[], start: string): string[][] {
  const index = lines.findIndex((l) => (l.split("\t")[0] ?? "").trim().startsWith(start));
  if (index < 0) throw new Error(`seed table starting with '${start}' not found`);
  const rows: string[][] = [];
  let j = index + 1;
  while (j < lines.length && (lines[j] ?? "").trim() === "") j += 1;
  if (!/^tabel\s+\d/i.test(start)) j = index;
  for (; j < lines.length; j += 1) {
    const line = lines[j] ?? "";
    const fields = line
      .split("\t")
      .map((f) => f.replace(/<[^>]+>/g, "").trim())
      .filter((f) => f !== "");
    if (fields.length === 0 || SEED_THEMES.includes(fields[0] ?? "")) break;
    rows.push(fields);
  }
  return rows;
}
