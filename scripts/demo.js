#!/usr/bin/env node
"use strict";
// `npm run demo`: checks the bundled Stadskanaal sample, writes the monitored copy and the printable
// report to out/, and says where they are. Findings in the sample are expected (it is real, messy data),
// so exit code 1 ("errors found") is a successful demo; only 2+ (unusable input, crash) fails it.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "out");
fs.mkdirSync(outDir, { recursive: true });

const sample = path.join("tests", "fixtures", "stadskanaal-monitoring-2021.xlsx");
const fallback = path.join("tests", "fixtures", "stadskanaal-2021-2025.xlsx");
const input = fs.existsSync(path.join(root, sample)) ? sample : fallback;
const copy = path.join("out", "stadskanaal-monitoring.xlsx");
const report = path.join("out", "stadskanaal-rapport.html");
const json = path.join("out", "stadskanaal-rapport.json");

const cli = path.join(root, "bin", "prestatiemonitor.js");
const run = (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", ...options });

const check = run(["check", input, "--out", copy, "--export", report, "--sample"], { stdio: "inherit" });
if (check.status === null || check.status > 1) process.exit(check.status ?? 3);
const jsonRun = run(["check", input, "--json"]);
if (jsonRun.status === null || jsonRun.status > 1) {
  process.stderr.write(jsonRun.stderr);
  process.exit(jsonRun.status ?? 3);
}
fs.writeFileSync(path.join(root, json), jsonRun.stdout);

process.stdout.write(
  [
    "",
    `Invoer (ongewijzigd):   ${input}`,
    `Gecontroleerde kopie:   ${copy}   (blad Monitoring, stoplichten, markering)`,
    `Rapport om te printen:  ${report}`,
    `Rapport als JSON:       ${json}`,
    "",
  ].join("\n"),
);
