#!/usr/bin/env node
/**
 * Validates an add-in manifest offline against Microsoft's XSDs (../shared/office-manifest-schemas,
 * or the folder given with --schemas), with the xmllint-wasm package: no Microsoft service needed.
 * `office-addin-manifest validate` stays the authoritative online check.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--schemas <dir>]
 * Exit 0: valid; 1: invalid (errors on stderr); 2: cannot run (schemas or manifest missing).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEFAULT_SCHEMAS = path.join(__dirname, "..", "..", "shared", "office-manifest-schemas");

function parseArguments(argv) {
  let manifest = path.join(__dirname, "..", "manifest.xml");
  let schemas = DEFAULT_SCHEMAS;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--schemas") {
      schemas = argv[i + 1] ?? schemas;
      i += 1;
    } else if (arg !== undefined) {
      manifest = arg;
    }
  }
  return { manifest: path.resolve(manifest), schemas: path.resolve(schemas) };
}

async function main() {
  const { manifest, schemas } = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(path.join(schemas, ENTRY_SCHEMA))) {
    console.error(`cannot validate: ${ENTRY_SCHEMA} not found in ${schemas}`);
    return 2;
  }
  if (!fs.existsSync(manifest)) {
    console.error(`cannot validate: ${manifest} not found`);
    return 2;
  }
  const { validateXML } = require("xmllint-wasm");
  const readSchema = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemas, fileName), "utf8") });
  // Every .xsd is preloaded under its own name so the entry schema's imports resolve.
  const others = fs.readdirSync(schemas).filter((f) => f.endsWith(".xsd") && f !== ENTRY_SCHEMA);
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: fs.readFileSync(manifest, "utf8") }],
    schema: [readSchema(ENTRY_SCHEMA)],
    preload: others.map(readSchema),
  });
  if (result.valid) {
    console.log(`${path.basename(manifest)} is valid (${ENTRY_SCHEMA})`);
    return 0;
  }
  for (const error of result.errors) console.error(error.rawMessage);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
