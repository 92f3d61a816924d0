/**
 * Two groups of tests:
 * - unit: domain, adapters on the in-memory Excel host, CLI, exports (fast, every run);
 * - system: headless Chromium and LibreOffice (need Debian packages; .ci/run installs them).
 *   Outside CI they skip with a notice when the package is missing; in CI (CI=true) they fail.
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];

module.exports = {
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
