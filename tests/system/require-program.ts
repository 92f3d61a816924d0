import { accessSync, constants } from "fs";

/**
 * System tests need Debian programs (chromium, soffice, pdftoppm). Outside CI a missing program
 * skips the test with a printed notice; in CI (CI set) it fails, so a broken image cannot pass.
 */
export function findProgram(candidates: readonly string[]): string | undefined {
  const dirs = (process.env["PATH"] ?? "").split(":").filter(Boolean);
  for (const candidate of candidates) {
    const paths = candidate.includes("/") ? [candidate] : dirs.map((d) => `${d}/${candidate}`);
    for (const p of paths) {
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here; try the next one
      }
    }
  }
  return undefined;
}

/** `it` when every program is present; else a skip with a notice (or a failing test in CI). */
export function itWithPrograms(
  programs: Readonly<Record<string, readonly string[]>>,
  name: string,
  body: (paths: Readonly<Record<string, string>>) => Promise<void>,
  timeout = 120_000,
): void {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, candidates] of Object.entries(programs)) {
    const p = findProgram(candidates);
    if (p === undefined) missing.push(key);
    else found[key] = p;
  }
  if (missing.length === 0) {
    it(name, () => body(found), timeout);
  } else if (process.env["CI"]) {
    it(name, () => {
      throw new Error(`${missing.join(", ")} not installed, required in CI`);
    });
  } else {
    // The notice is the point: a skipped system test must be visible.
    console.warn(`SKIPPED "${name}": ${missing.join(", ")} not installed (set CI to make this a failure)`);
    it.skip(name, () => undefined);
  }
}

/** Flags for Debian's chromium here: headless, as root, and quiet on a machine without a network. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
