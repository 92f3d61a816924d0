import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";

/** The customer's seed document, next to the repository (shared/seed), relative to the repo root. */
export const SEED_PATH = resolve(__dirname, "../../..", "../shared/seed/prestatieafspraken-stadskanaal-2021-2025.txt");

/**
 * The seed as a coordinator gets it by pasting the whole text into Excel at A1: one row per
 * line, one cell per tab-separated field, empty lines as empty rows. Undefined when the seed
 * is not there (the test then skips with a notice).
 */
export function readSeedGrid(sheet = "Afspraken"): SheetGrid | undefined {
  if (!existsSync(SEED_PATH)) return undefined;
  const lines = readFileSync(SEED_PATH, "utf8").split(/\r?\n/);
  const values: CellValue[][] = lines.map((line) =>
    line.split("\t").map((field): CellValue => (field.trim() === "" ? null : field)),
  );
  return { sheet, origin: "A1", values };
}

/** The seed file's lines (1-based line n is element n-1), for locating rows in assertions. */
export function readSeedLines(): string[] {
  return readFileSync(SEED_PATH, "utf8").split(/\r?\n/);
}
