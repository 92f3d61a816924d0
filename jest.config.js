/**
 * Two groups of tests:
 * - unit: domain, adapters on the in-memory Excel host, CLI, exports (fast, every run);
 * - system: headless Chromium and LibreOffice (need Debian packages; .ci/run installs them).
 *   Outside CI they skip with a notice when the package is missing; in CI (CI=true) they fail.
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];

module.exports = {
  // Tests that write and re-read workbooks take seconds on a loaded 2-core machine: no test
  // here measures speed (that is the benchmark's), so the default 5 s would only flake.
  testTimeout: 30_000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/tests/system/"],
    },
    {
      displayName: "system",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      testMatch: ["<rootDir>/tests/system/**/*.test.ts"],
    },
  ],
};
