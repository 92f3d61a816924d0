#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to lib/ by `npm install` (the `prepare` script).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("prestatiemonitor: not built yet; run `npm install` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
cli.installProcessGuards(process.argv.slice(2));
cli.runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // runCli never rejects; should it, the exit code is still one of 0, 1, 2.
    process.stderr.write(`prestatiemonitor: internal error: ${String(error && error.message ? error.message : error).split("\n")[0]}\n`);
    process.exitCode = 2;
  },
);
