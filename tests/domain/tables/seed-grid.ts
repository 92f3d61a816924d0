import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { CellValue, SheetGrid } from "../../../src/domain/core/grid";

/** The customer document, kept next to the repository (absent in some checkouts). */
export const SEED_PATH = join(__dirname, "..", "..", "..", "..", "shared", "seed", "prestatieafspraken-stadskanaal-2021-2025.txt");

/**
 * The seed as one sheet, the way a faithful paste puts it: one row per line, one cell per tab.
 * Undefined (with a printed notice) when the seed is not there.
 */
export function readSeedSheet(sheet = "Afspraken", path = SEED_PATH): SheetGrid | undefined {
  if (!existsSync(path)) {
    console.warn(`seed document not found at ${path}: seed tests skipped`);
    return undefined;
  }
  const lines = readFileSync(path, "utf8").replace(/\r\n/g, "\n").split("\n");
  const values: CellValue[][] = lines.map((line) => line.split("\t").map((cell) => (cell === "" ? null : cell)));
  return { sheet, origin: "A1", values };
}
