#!/usr/bin/env node
"use strict";
/**
 * Builds tests/fixtures/stadskanaal-monitoring-2021.xlsx: the Stadskanaal agreements with an
 * ILLUSTRATIVE 2021 monitoring (columns "Status 2021" and "Toelichting 2021"). The real document has
 * no statuses, so a demo of the agenda needs made-up ones; the sheet says so in a note.
 *
 *   node scripts/build-monitoring-fixture.js [--in tests/fixtures/stadskanaal-2021-2025.xlsx]
 *                                            [--from-seed <seed.txt>] [--out <file.xlsx>]
 *
 * --in (default) takes the agreements rows of the sample workbook; --from-seed builds the sheet from
 * the tab-separated seed text instead (one line per row, one field per cell). The statuses are
 * deterministic: a rebuild has the same cells (the zip's entry timestamps still differ).
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.resolve(__dirname, "..");
const args = parseArgs(process.argv.slice(2));
const input = args["--in"] || path.join(root, "tests", "fixtures", "stadskanaal-2021-2025.xlsx");
const output = args["--out"] || path.join(root, "tests", "fixtures", "stadskanaal-monitoring-2021.xlsx");
const YEAR = 2021;

const NOTE =
  "LET OP: de statussen en toelichtingen " +
  YEAR +
  " in dit bestand zijn ILLUSTRATIEF, verzonnen voor de demonstratie van Prestatiemonitor. " +
  "Het zijn niet de monitoringresultaten van de gemeente Stadskanaal en de corporaties.";

/** Explanations for the made-up oranje/rood statuses (plausible, clearly generic). */
const EXPLANATIONS = {
  oranje: [
    "Vertraagd: afstemming tussen partijen loopt nog; afronding verwacht in het tweede kwartaal.",
    "Aandacht: capaciteit bij de uitvoerders is beperkt; planning wordt in het bestuurlijk overleg bijgesteld.",
    "Gedeeltelijk uitgevoerd; het restant schuift door naar het volgende jaar.",
  ],
  rood: [
    "Niet gerealiseerd: het project is stilgelegd in afwachting van financiering.",
    "Loopt niet in de pas: de benodigde vergunning is nog niet verleend.",
  ],
};

/** Cycle of illustrative statuses; index 5 is the rood row left without explanation on purpose. */
const PATTERN = ["groen", "groen", "oranje", "groen", "grijs", "rood", "groen", "Oranje", "groen", "rood", "groen", "grijs"];

main().catch((error) => {
  process.stderr.write(`build-monitoring-fixture: ${error && error.message ? error.message : error}\n`);
  process.exit(1);
});

async function main() {
  let workbook;
  if (args["--from-seed"]) {
    workbook = buildFromSeed(fs.readFileSync(args["--from-seed"], "utf8"));
  } else {
    if (!fs.existsSync(input)) {
      throw new Error(`${path.relative(root, input)} does not exist yet; build it first or pass --from-seed <seed.txt>`);
    }
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
  }

  let marked = 0;
  workbook.eachSheet((worksheet) => {
    marked += addMonitoringColumns(worksheet);
  });
  if (marked === 0) throw new Error("no agreements header (Actiepunt ... Wie? ... Activiteitenoverzicht) found");

  workbook.creator = "Prestatiemonitor (illustratieve monitoring)";
  // Fixed document dates: the workbook's properties do not change on a rebuild.
  workbook.created = new Date(Date.UTC(2021, 11, 31));
  workbook.modified = new Date(Date.UTC(2021, 11, 31));
  await workbook.xlsx.writeFile(output);
  process.stdout.write(`${path.relative(root, output)}: ${marked} agreement rows with an illustrative ${YEAR} status\n`);
}

/**
 * Inserts "Status YEAR" and "Toelichting YEAR" right after each header block's activities column,
 * in the header row and in every agreement row of its block (cells to the right shift along, so
 * nothing in the row is overwritten). Rows of numeric tables inside a block are left alone.
 */
function addMonitoringColumns(worksheet) {
  const rows = [];
  worksheet.eachRow({ includeEmpty: false }, (row, n) => rows.push([n, row]));
  // Themes repeat down column A; a table's labels (mostly) do not.
  const firstCells = new Map();
  for (const [, row] of rows) {
    const first = textOf(row.getCell(1).value);
    firstCells.set(first, (firstCells.get(first) || 0) + 1);
  }
  let block = undefined;
  let counter = 0;
  let firstHeaderRow = undefined;
  for (const [n, row] of rows) {
    const texts = rowTexts(row);
    const header = readHeader(texts);
    if (header) {
      row.splice(header.insertAt, 0, `Status ${YEAR}`, `Toelichting ${YEAR}`);
      const statusHeader = row.getCell(header.insertAt);
      statusHeader.note = NOTE;
      block = header;
      if (firstHeaderRow === undefined) firstHeaderRow = n;
      continue;
    }
    if (!block || !isAgreementRow(texts, block)) continue;
    const repeatedTheme = (firstCells.get(texts[1]) || 0) >= 2;
    const agreementAndParties = (texts[block.agreement] || "") !== "" && (texts[block.parties] || "") !== "";
    if (!repeatedTheme && !agreementAndParties) continue;
    const status = PATTERN[counter % PATTERN.length];
    const canonical = status.toLowerCase();
    let explanation = null;
    if (canonical === "oranje" || canonical === "rood") {
      const list = EXPLANATIONS[canonical];
      // The first rood row gets no explanation: the demo shows the missing-explanation warning.
      const skip = canonical === "rood" && counter === 5;
      explanation = skip ? null : list[Math.floor(counter / PATTERN.length + counter) % list.length];
    }
    row.splice(block.insertAt, 0, status, explanation);
    counter += 1;
  }
  if (firstHeaderRow !== undefined && counter > 0) writeNote(worksheet, firstHeaderRow);
  return counter;
}

/**
 * The note goes in the first empty cell of column A above the first header (the preamble); with
 * the header on row 1, a preamble row is inserted above it (rows before the first header are
 * preamble to the reader). Returns how many rows were inserted.
 */
function writeNote(worksheet, headerRow) {
  for (let r = 1; r < headerRow; r += 1) {
    const cell = worksheet.getCell(r, 1);
    if (cell.value === null || cell.value === undefined || cell.value === "") {
      styleNote(cell);
      return 0;
    }
  }
  worksheet.spliceRows(1, 0, []);
  styleNote(worksheet.getCell(1, 1));
  return 1;
}

function styleNote(cell) {
  cell.value = NOTE;
  cell.font = { bold: true, color: { argb: "FFC00000" } };
}

function rowTexts(row) {
  const texts = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    texts[col] = textOf(cell.value);
  });
  for (let i = 0; i < texts.length; i += 1) if (texts[i] === undefined) texts[i] = "";
  return texts;
}

function textOf(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (Array.isArray(value.richText)) return value.richText.map((p) => p.text).join("");
    if ("result" in value) return textOf(value.result);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value).trim();
}

/** A header row names an agreement, the parties and the year's activities (possibly shifted a column). */
function readHeader(texts) {
  const find = (re) => texts.findIndex((t) => re.test(t || ""));
  const agreement = find(/^actiepunt\//i);
  const parties = find(/^wie\??$/i);
  const activities = find(new RegExp(`^activiteitenoverzicht\\s+${YEAR}$`, "i"));
  if (agreement < 0 || parties < 0 || activities < 0) return undefined;
  return { agreement, parties, activities, insertAt: activities + 1 };
}

/** An agreement row has a theme-like text in column A and something in the agreement or parties column. */
function isAgreementRow(texts, block) {
  const theme = texts[1] || "";
  if (theme === "" || theme.startsWith("<") || /^tabel\s+\d/i.test(theme)) return false;
  const partiesOrText = (texts[block.parties] || "") + (texts[block.parties - 1] || "") + (texts[block.activities] || "");
  if (partiesOrText === "") return false;
  // Table rows (label + numbers/percentages) are not agreements.
  const values = texts.slice(2, block.activities + 1).filter((t) => t !== "");
  const numeric = values.map(stripTags).filter((t) => /^-?[\d.,]+%?$|^-?\d+ - -?\d+$/.test(t)).length;
  return numeric < Math.max(1, values.length - 1);
}

function stripTags(text) {
  return text.replace(/<[^>]*>/g, "").trim();
}

/** The seed text, one line per row, one tab-separated field per cell (integers as numbers). */
function buildFromSeed(text) {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("Prestatieafspraken");
  text.split(/\r?\n/).forEach((line, i) => {
    const fields = line.split("\t");
    while (fields.length > 0 && fields[fields.length - 1].trim() === "") fields.pop();
    fields.forEach((field, c) => {
      if (field === "") return;
      worksheet.getCell(i + 1, c + 1).value = /^-?\d+$/.test(field.trim()) ? Number(field.trim()) : field;
    });
  });
  return workbook;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!["--in", "--out", "--from-seed"].includes(argv[i]) || argv[i + 1] === undefined) {
      process.stderr.write("usage: node scripts/build-monitoring-fixture.js [--in x.xlsx | --from-seed seed.txt] [--out y.xlsx]\n");
      process.exit(2);
    }
    out[argv[i]] = argv[i + 1];
  }
  return out;
}
