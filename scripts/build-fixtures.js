#!/usr/bin/env node
"use strict";
/**
 * Builds the fixture workbooks in tests/fixtures/ (see tests/fixtures/README.md for what each one
 * exercises and which findings it must give).
 *
 *   node scripts/build-fixtures.js [--seed <seed.txt>] [--out <dir>]
 *
 * --seed defaults to the customer's seed document next to the repository
 * (../shared/seed/prestatieafspraken-stadskanaal-2021-2025.txt). Without it the two seed workbooks
 * are not rebuilt (a notice says so); the hand-specified workbooks always are.
 *
 * Deterministic: fixed creation/modification dates, a seeded random generator for the garbage
 * file, no clock or environment in any content. Rebuilding gives the same cell contents.
 *
 * Not built here: stadskanaal-monitoring-2021.xlsx (scripts/build-monitoring-fixture.js reads the
 * clean workbook built here) and the model fixtures (scripts/build-model-fixtures.js).
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.resolve(__dirname, "..");
const args = parseArgs(process.argv.slice(2));
const SEED_NAME = "prestatieafspraken-stadskanaal-2021-2025.txt";
const seedPath = args["--seed"] || path.join(root, "..", "shared", "seed", SEED_NAME);
const outDir = args["--out"] || path.join(root, "tests", "fixtures");

/** Every workbook claims this date, so rebuilding does not change the document properties. */
const FIXED_DATE = new Date(Date.UTC(2021, 0, 4, 9, 0, 0));
const CREATOR = "Prestatiemonitor fixtures";

/* -------------------------------------------------------------------------------------------- */
/* The seed: how every non-blank line maps onto the clean workbook.                              */
/* -------------------------------------------------------------------------------------------- */

/**
 * The seed is text extracted from a PDF. Each entry below covers seed lines (1-based, inclusive)
 * and says how to read them. buildSeedRows() checks that every non-blank line is covered exactly
 * once and that each section looks like what it claims, so a changed seed fails loudly instead of
 * producing a silently different fixture.
 *
 * Kinds:
 * - preamble: the document's introduction; only in the faithful paste.
 * - header: "Onderwerp | nr | Actiepunt/prestatieafspraken | Wie? | Activiteitenoverzicht 2021"
 *   (page-break copies). The clean workbook has one header row.
 * - shifted-header: the same header moved one column right, first cell empty (seed lines 185, 226;
 *   185 also misspells "Actiepunt/prestatieafpraak").
 * - rows: one agreement per line; fields theme, subtheme (under "nr"), agreement, parties,
 *   activities. Fields after the fifth are dropped (line 34 repeats its HTML table flattened into
 *   cells; that table is Tabel 3 on the Tabellen sheet).
 * - shifted-rows: below a shifted header the theme is in the unlabelled first column, the subtheme
 *   under "Onderwerp", "nr" is empty, then agreement, parties, activities.
 * - table: a numeric table (HTML copy and/or tab-separated copy); the values are on the Tabellen
 *   sheet (TABLES below), not agreements.
 * - block: an agreement laid out one field per line (seed lines 80-183), see BLOCKS.
 */
const SEED_SECTIONS = [
  { from: 1, to: 29, kind: "preamble" },
  { from: 31, to: 31, kind: "header" },
  { from: 32, to: 34, kind: "rows" },
  { from: 35, to: 41, kind: "table", table: "Tabel 3" },
  { from: 42, to: 48, kind: "rows" },
  { from: 50, to: 50, kind: "header" },
  { from: 51, to: 59, kind: "rows" },
  { from: 61, to: 61, kind: "header" },
  { from: 62, to: 65, kind: "rows" },
  { from: 66, to: 74, kind: "table", table: "Tabel 8 (niet-DAEB)" },
  { from: 75, to: 78, kind: "rows" },
  { from: 80, to: 84, kind: "block" },
  { from: 86, to: 96, kind: "table", table: "Tabel 1" },
  { from: 98, to: 103, kind: "table", table: "Tabel 6" },
  { from: 105, to: 113, kind: "block" },
  { from: 115, to: 123, kind: "block" },
  { from: 125, to: 133, kind: "block" },
  { from: 135, to: 143, kind: "block" },
  { from: 145, to: 153, kind: "block" },
  { from: 155, to: 163, kind: "block" },
  { from: 165, to: 173, kind: "block" },
  { from: 175, to: 183, kind: "block" },
  { from: 185, to: 185, kind: "shifted-header" },
  { from: 186, to: 203, kind: "shifted-rows" },
  { from: 205, to: 205, kind: "header" },
  { from: 206, to: 209, kind: "rows" },
  { from: 210, to: 218, kind: "table", table: "Tabel 5" },
  { from: 219, to: 224, kind: "rows" },
  { from: 226, to: 226, kind: "shifted-header" },
  { from: 227, to: 241, kind: "shifted-rows" },
  { from: 243, to: 243, kind: "header" },
  { from: 244, to: 248, kind: "rows" },
  { from: 249, to: 257, kind: "table", table: "Tabel 8 (leefbaarheid)" },
  { from: 258, to: 261, kind: "rows" },
];

/**
 * The agreements laid out one field per line (seed lines 80-183), reasoned about block by block.
 * Blank lines separate the fields; the values are the seed's lines by number.
 * - 80-84: theme, subtheme, parties (Lefier); no agreement text; what follows as its activities is
 *   Tabel 1 and Tabel 6 (seed 86-103), which live on the Tabellen sheet: the row keeps theme,
 *   subtheme and parties, agreement and activities stay empty (as in the seed: no text).
 * - 105-113 (RWLP), 115-123 (Woonvisie), 125-133 and 135-143 (two parties for the same
 *   Gebiedsontwikkeling Musselkanaal; the second names "Gemeent en Lefier" as typed), 145-153
 *   (Omgevingsvisie: the agreement is a sentence, "De gemeente betreft de partijen ...", then the
 *   party), 155-163 (Verkoopbeleid: the subtheme doubles as the agreement title), 165-173
 *   (Verkoopbeleid / Verkoop), 175-183 (Verkoopbeleid: the agreement is a sentence): all five fields
 *   in the order theme, subtheme, agreement, parties, activities.
 */
const BLOCKS = {
  80: { theme: 80, subtheme: 82, parties: 84 },
  105: { theme: 105, subtheme: 107, agreement: 109, parties: 111, activities: 113 },
  115: { theme: 115, subtheme: 117, agreement: 119, parties: 121, activities: 123 },
  125: { theme: 125, subtheme: 127, agreement: 129, parties: 131, activities: 133 },
  135: { theme: 135, subtheme: 137, agreement: 139, parties: 141, activities: 143 },
  145: { theme: 145, subtheme: 147, agreement: 149, parties: 151, activities: 153 },
  155: { theme: 155, subtheme: 157, agreement: 159, parties: 161, activities: 163 },
  165: { theme: 165, subtheme: 167, agreement: 169, parties: 171, activities: 173 },
  175: { theme: 175, subtheme: 177, agreement: 179, parties: 181, activities: 183 },
};

const AGREEMENT_FIELDS = ["theme", "subtheme", "agreement", "parties", "activities"];
const CLEAN_HEADER = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2021"];

/**
 * The seed's agreements in seed order: { line, theme, subtheme, agreement, parties, activities }.
 * Values are the seed's text, trimmed (the PDF extraction pads some cells with a space), never
 * corrected. Throws when the seed does not have the layout described above.
 */
function buildSeedRows(lines) {
  const covered = new Map();
  const rows = [];
  for (const section of SEED_SECTIONS) {
    for (let n = section.from; n <= section.to; n += 1) {
      const text = lines[n - 1];
      if (text === undefined) throw new Error(`seed line ${n} missing: the seed is shorter than expected`);
      if (text.trim() === "") continue;
      if (covered.has(n)) throw new Error(`seed line ${n} is covered twice`);
      covered.set(n, section.kind);
    }
    const fieldsOf = (n) => lines[n - 1].split("\t").map((f) => f.trim());
    switch (section.kind) {
      case "header":
      case "shifted-header": {
        const fields = fieldsOf(section.from);
        const offset = section.kind === "shifted-header" ? 1 : 0;
        if (offset === 1 && fields[0] !== "") throw new Error(`seed line ${section.from}: shifted header has a first cell`);
        if (fields[offset] !== "Onderwerp" || fields[offset + 3] !== "Wie?") {
          throw new Error(`seed line ${section.from}: not a header row`);
        }
        break;
      }
      case "rows":
      case "shifted-rows":
        for (let n = section.from; n <= section.to; n += 1) {
          if (lines[n - 1].trim() === "") continue;
          const fields = fieldsOf(n);
          let picked;
          if (section.kind === "shifted-rows") {
            if (fields[2] !== "") throw new Error(`seed line ${n}: expected an empty "nr" cell below a shifted header`);
            picked = [fields[0], fields[1], fields[3], fields[4], fields[5]];
          } else {
            picked = fields.slice(0, 5);
          }
          rows.push(toRow(n, picked));
        }
        break;
      case "block": {
        const spec = BLOCKS[section.from];
        if (!spec) throw new Error(`seed line ${section.from}: no block mapping`);
        const used = new Set(Object.values(spec));
        for (let n = section.from; n <= section.to; n += 1) {
          const blank = lines[n - 1].trim() === "";
          if (used.has(n) === blank) throw new Error(`seed line ${n}: block layout changed`);
          if (!blank && lines[n - 1].includes("\t")) throw new Error(`seed line ${n}: expected one field per line`);
        }
        rows.push(toRow(section.from, AGREEMENT_FIELDS.map((f) => (spec[f] ? lines[spec[f] - 1].trim() : ""))));
        break;
      }
      case "table":
        // A caption ("Tabel 3" itself sits in line 34's HTML) or a header of years.
        if (!/tabel\s+\d|\t20[12]\d\b/i.test(lines.slice(section.from - 1, section.to).join("\n"))) {
          throw new Error(`seed lines ${section.from}-${section.to}: expected a table`);
        }
        break;
      default:
        break;
    }
  }
  lines.forEach((text, i) => {
    if (text.trim() !== "" && !covered.has(i + 1)) throw new Error(`seed line ${i + 1} is not mapped`);
  });
  for (const row of rows) {
    if (row.theme === "") throw new Error(`seed line ${row.line}: agreement row without a theme`);
  }
  return rows;
}

function toRow(line, fields) {
  const row = { line };
  AGREEMENT_FIELDS.forEach((field, i) => {
    row[field] = fields[i] === undefined ? "" : fields[i];
  });
  return row;
}

/* -------------------------------------------------------------------------------------------- */
/* The six numeric tables, as a coordinator types them (values checked against the seed in       */
/* tests/fixtures-tests/stadskanaal.test.ts).                                                    */
/* -------------------------------------------------------------------------------------------- */

const PERCENT = "0.0%";
const THOUSANDS = "#,##0";
const YEARS_2020 = [2020, 2021, 2022, 2023];

/**
 * Each table: caption, header row, rows of [label, ...values]; `format` is the number format of
 * the value cells. Percentages are fractions (29,2% -> 0.292); Dutch thousands ("4.324") are
 * numbers (4324); the interval "-20 - -25" stays text, the way the seed writes it. HTML (<i>)
 * is removed from labels.
 */
const TABLES = [
  {
    caption: "Tabel 1: Ontwikkeling kernvoorraad",
    header: ["Woongelegenheden (aantallen)", ...YEARS_2020],
    format: THOUSANDS,
    rows: [
      ["Stand per 1 januari", 3885, 3796, 3810, 3818],
      ["Overheveling", 0, 0, 0, 0],
      ["Nieuwbouw", 0, 22, 16, 0],
      ["Aankoop", 0, 0, 0, 0],
      ["Sloop", -89, 0, 0, 0],
      ["Verkoop", 0, "-20 - -25", "-20 - -25", "-20 - -25"],
      ["Saldo overige mutaties", 0, 0, 0, 0],
      ["Stand per 31 december", 3796, 3810, 3818, 3810],
    ],
  },
  {
    caption: "Tabel 3: Ontwikkeling betaalbaarheid zelfstandige woningen in relatie tot doelstelling",
    header: ["Betaalbaarheid (in %)", 2019, 2020, 2021, 2022, 2023],
    format: PERCENT,
    rows: [
      ["Goedkoop", 0.292, 0.263, 0.235, 0.21, 0.197],
      ["Betaalbaar laag", 0.624, 0.615, 0.61, 0.619, 0.612],
      ["Betaalbaar hoog", 0.074, 0.109, 0.101, 0.088, 0.087],
      ["Duur tot huurtoeslaggrens", 0.01, 0.012, 0.053, 0.083, 0.105],
      ["Duur boven huurtoeslaggrens", 0, 0, 0, 0, 0],
      ["Totaal", 1, 1, 1, 1, 1],
    ],
  },
  {
    caption: "Tabel 5: Maatregelen verduurzaming",
    header: ["Verduurzaming (bedragen x € 1.000,-)", ...YEARS_2020],
    format: THOUSANDS,
    rows: [
      ["Aantal NOM bestaande woningen", 0, 0, 0, 0],
      ["Investering", 0, 0, 0, 0],
      ["Aantal NOM nieuwbouw", 0, 22, 16, 0],
      ["Investering", 0, 4324, 2768, 0],
      ["Aantal overige verduurzamingsmaatregelen", 0, 0, 120, 0],
      ["Investering", 0, 0, 5262, 0],
    ],
  },
  {
    caption: "Tabel 6: Ontwikkeling nultredenwoningen",
    header: ["Nultredenwoningen (aantallen)", ...YEARS_2020],
    format: THOUSANDS,
    rows: [
      ["Stand per 1 januari", 850, 850, 865, 865],
      ["Nieuwbouw", 0, 15, 0, 0],
      ["Stand per 31 december", 850, 865, 865, 865],
    ],
  },
  {
    caption: "Tabel 8: Aantal eenheden niet-DAEB",
    header: ["Overzicht niet-DAEB", 2020],
    format: THOUSANDS,
    rows: [
      ["Vrije sector woningen totaal", 140],
      ["- Standaard vrije sector", 64],
      ["- Uitzondering - niet-DAEB, DAEB contract", 76],
      ["Bedrijf onroerend goed (kantoren, winkels, bedrijfsruimten)", 16],
      ["Parkeren", 368],
      ["Totaal", 524],
    ],
  },
  {
    // The seed's layout: the two rows below Totaal have only the Saldo cell.
    caption: "Tabel 8: Uitgaven leefbaarheid",
    header: ["Uitgaven leefbaarheid (bedragen x € 1.000,-)", "Derden", "Eigen personeel", "Saldo"],
    format: THOUSANDS,
    rows: [
      ["Woonmaatschappelijk werk", 55, 163, 218],
      ["Aanleg/onderhoud kleinschalige infrastructuur", 43, 22, 65],
      ["Schone woonomgeving/overlast/veiligheid", 76, 134, 210],
      ["Totaal", 174, 319, 493],
      ["Aantal DAEB-woongelegenheden", null, null, 3810],
      ["Gemiddeld uitgaven leefbaarheid per woongelegenheden (bedrag x €1,-)", null, null, 129],
    ],
  },
];

/* -------------------------------------------------------------------------------------------- */
/* Workbook builders                                                                            */
/* -------------------------------------------------------------------------------------------- */

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.lastPrinted = FIXED_DATE;
  return workbook;
}

/** A header row in bold, with widths and wrapping that make long agreement texts readable. */
function styleHeader(sheet, rowNumber) {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.alignment = { vertical: "top", wrapText: true };
}

function writeAgreementsSheet(sheet, header, rows, widths) {
  sheet.addRow(header);
  styleHeader(sheet, 1);
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v === "" || v === undefined ? null : v)));
    row.alignment = { vertical: "top", wrapText: true };
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** Writes tables one below the other from `startRow`, an empty row between; returns the next free row. */
function writeTables(sheet, tables, startRow = 1) {
  let r = startRow;
  for (const table of tables) {
    const caption = sheet.getCell(r, 1);
    caption.value = table.caption;
    caption.font = { bold: true };
    r += 1;
    table.header.forEach((value, c) => {
      const cell = sheet.getCell(r, c + 1);
      cell.value = value;
      cell.font = { bold: true };
    });
    r += 1;
    for (const values of table.rows) {
      values.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = sheet.getCell(r, c + 1);
        cell.value = value;
        if (c > 0 && typeof value === "number") cell.numFmt = table.format;
        if (c > 0 && typeof value === "string") cell.alignment = { horizontal: "right" };
      });
      r += 1;
    }
    r += 1;
  }
  sheet.getColumn(1).width = 48;
  return r;
}

async function buildClean(seedRows, file) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Afspraken");
  writeAgreementsSheet(
    sheet,
    CLEAN_HEADER,
    seedRows.map((r) => AGREEMENT_FIELDS.map((f) => r[f])),
    [32, 34, 50, 26, 90],
  );
  writeTables(workbook.addWorksheet("Tabellen"), TABLES);
  await save(workbook, file);
  return seedRows.length;
}

/** One sheet, every seed line a row, split on tabs, as text; trailing empty fields dropped. */
async function buildFaithfulPaste(lines, file) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Prestatieafspraken");
  // The seed ends with a newline: the empty string after it is not a line.
  const count = lines.length > 0 && lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i += 1) {
    const fields = lines[i].split("\t");
    fields.forEach((field, c) => {
      if (field.trim() === "") return;
      // Text, exactly as the PDF gave it ("4.324", "29,2%", "-20 - -25"), never converted.
      sheet.getCell(i + 1, c + 1).value = field;
    });
  }
  await save(workbook, file);
  return count;
}

/* -------------------------------------------------------------------------------------------- */
/* Hand-specified layouts                                                                       */
/* -------------------------------------------------------------------------------------------- */

/**
 * Columns in another order with synonym headers, two status years (2023 is the monitoring year:
 * the latest year with a status column). Row comments say what each row exercises.
 */
const OTHER_ORDER_HEADER = [
  "Afspraak",
  "Thema",
  "Subthema",
  "Partijen",
  "Status 2022",
  "Toelichting 2022",
  "Activiteiten 2022",
  "Status 2023",
  "Toelichting 2023",
];
const OTHER_ORDER_ROWS = [
  // row 2: status synonyms in other case: "Groen" (2022), "op schema" (2023) -> groen, no finding
  ["Corporaties hebben een vastgesteld streefhuurbeleid", "Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "Lefier en Woonservice", "Groen", null, "Huurbeleid gepubliceerd op de website.", "op schema", null],
  // row 3: "amber" -> oranje with toelichting (2022); 2023 groen
  ["Vrijkomende huurwoningen worden aangeboden via Thuis Kompas.", "Betaalbaarheid en beschikbaarheid", "Beschikbaarheid", "Lefier, Woonservice", "amber", "Koppeling met Thuis Kompas liep vertraging op.", "Monitoring Thuis Kompas opgezet.", "groen", null],
  // row 4: rood WITHOUT toelichting in 2023 -> missing-explanation (warning) at I4, the empty Toelichting 2023
  ["De gemeente stelt de warmtevisie op en betrekt de partijen hier actief", "Duurzaamheid", "Transitievisie Warmte", "Gemeente", "oranje", "Vaststelling warmtevisie schuift naar het voorjaar.", "Concept warmtevisie besproken met de corporaties.", "rood", null],
  // row 5: invalid status "blauw" in 2023 -> invalid-status (error) at H5
  ["Thema bijeenkomst leefbaarheid", "Leefbare dorpen en wijken", "Leefbaarheid", "De Koepel", "grijs", null, "Bijeenkomst gepland voor het najaar.", "blauw", null],
  // row 6: rood with toelichting (2023), Dutch synonym statuses, no finding
  ["Huurachterstand maximaal 1,0% van de totale huurinkomsten.", "Betaalbaarheid en beschikbaarheid", "Preventie", "Lefier, Woonservice", "Groen", null, "Huurachterstand 0,9%.", "Rood", "Huurachterstand steeg naar 1,3% door hogere energielasten."],
  // row 7: grijs in both years, no finding
  ["Co-financiering tussen Lefier en de Koepel voor duurzaamheidsprojecten.", "Duurzaamheid", "Duurzaamheidsprojecten", "De Koepel en Lefier", "grijs", null, "Gesprek met het Gebiedsfonds gepland.", "Grijs", null],
];

async function buildOtherColumnOrder(file) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Afspraken 2022-2023");
  writeAgreementsSheet(sheet, OTHER_ORDER_HEADER, OTHER_ORDER_ROWS, [50, 32, 28, 24, 12, 40, 50, 12, 40]);
  await save(workbook, file);
}

/** Agreements on one sheet; each table on its own sheet, with Dutch text numbers and two faults. */
const TABLES_OWN_SHEET_AGREEMENTS = [
  ["De woningvoorraad", "Ontwikkelingen kernvoorraad", "De omvang van het bezit blijft stabiel", "Woonservice", "Nieuwbouw en sloop houden elkaar in evenwicht."],
  ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "90% van de streefhuren liggen onder de 2de aftoppingsgrens", "Lefier en Woonservice", "Zie blad Betaalbaarheid."],
  ["Duurzaamheid", "RES", "De gemeente informeert de corporaties over de RES", "Gemeente", "Twee informatiebijeenkomsten."],
];

async function buildTablesOwnSheet(file) {
  const workbook = newWorkbook();
  writeAgreementsSheet(workbook.addWorksheet("Afspraken"), CLEAN_HEADER, TABLES_OWN_SHEET_AGREEMENTS, [32, 30, 50, 24, 50]);

  // Voorraad: Stadskanaal 2021 typed as Dutch text "1.234" (number-as-text, info, B3);
  // Totaal 2022 is 2374 while 1240 + 822 + 311 = 2373 (total-row, error, C6).
  const stock = workbook.addWorksheet("Voorraad");
  const stockRows = [
    ["Tabel 2: Woningvoorraad per kern"],
    ["Kern", 2021, 2022],
    ["Stadskanaal", "1.234", 1240],
    ["Musselkanaal", 820, 822],
    ["Onstwedde", 310, 311],
    ["Totaal", 2364, 2374],
  ];
  writeCells(stock, stockRows, THOUSANDS);

  // Betaalbaarheid: 2021 as fractions with "0.0%" (sum 100.0, fine); 2022 as fractions summing to
  // 101.0 (percent-sum, error, C2 column); 2023 as Dutch text percentages "12,5%" (number-as-text,
  // info, D3:D5) summing to 100.0.
  const shares = workbook.addWorksheet("Betaalbaarheid");
  const shareRows = [
    ["Tabel 3: Betaalbaarheid zelfstandige woningen"],
    ["Huurklasse", 2021, 2022, 2023],
    ["Goedkoop", 0.3, 0.312, "12,5%"],
    ["Betaalbaar", 0.551, 0.56, "70,0%"],
    ["Duur", 0.149, 0.138, "17,5%"],
  ];
  writeCells(shares, shareRows, PERCENT);
  await save(workbook, file);
}

/** Writes rows from A1; numbers in columns after the first get `format`. */
function writeCells(sheet, rows, format) {
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value;
      if (r >= 2 && c > 0 && typeof value === "number") cell.numFmt = format;
    });
  });
  sheet.getCell(1, 1).font = { bold: true };
  sheet.getColumn(1).width = 36;
}

/**
 * A clean workbook: valid themes, subthemes and parties of the default (Stadskanaal) model, a
 * status for every row in the monitoring year, toelichting where oranje, consistent tables.
 */
const FAULT_FREE_HEADER = ["Onderwerp", "Subthema", "Afspraak", "Wie?", "Activiteiten 2022", "Status 2022", "Toelichting 2022"];
const FAULT_FREE_ROWS = [
  ["Betaalbaarheid en beschikbaarheid", "Betaalbaarheid", "Corporaties hebben een vastgesteld streefhuurbeleid", "Lefier en Woonservice", "Huurbeleid gepubliceerd op de website.", "groen", null],
  ["Betaalbaarheid en beschikbaarheid", "Preventie", "Huurachterstand maximaal 1,0% van de totale huurinkomsten.", "Lefier, Woonservice", "Huurachterstand 0,8%.", "groen", null],
  ["De woningvoorraad", "Verkoopbeleid", "Woonservice heeft een vastgesteld verkoopbeleid.", "Woonservice", "Eén woning verkocht.", "groen", null],
  ["De woningvoorraad", "Ouderenhuisvesting", "Langer Zelfstandig Thuis", "Gemeente", "Behoefteonderzoek ouderen uitgezet.", "oranje", "Onderzoek vertraagd; resultaten verwacht in het eerste kwartaal."],
  ["Duurzaamheid", "Transitievisie Warmte", "De gemeente stelt de warmtevisie op en betrekt de partijen hier actief", "Gemeente", "Warmtevisie vastgesteld.", "groen", null],
  ["Wonen Zorg en Welzijn", "Huisvesting bijzondere doelgroepen", "Lokale crisisopvang", "Gemeente", "Nog niet gestart: eerst de behoefte in beeld.", "grijs", null],
  ["Leefbare dorpen en wijken", "Leefbaarheid", "Thema bijeenkomst leefbaarheid", "De Koepel", "Bijeenkomst gehouden in oktober.", "groen", null],
  ["Looptijd afspraken", "Samenwerking", "De afspraken worden jaarlijks gemonitord en met een jaar verlengd", "Lefier, Woonservice en Gemeente", "Monitoring 2022 afgerond.", "groen", null],
];
const FAULT_FREE_TABLES = [
  {
    caption: "Tabel 1: Ontwikkeling kernvoorraad",
    header: ["Woongelegenheden (aantallen)", 2022, 2023],
    format: THOUSANDS,
    rows: [
      ["Stand per 1 januari", 3810, 3806],
      ["Nieuwbouw", 16, 0],
      ["Sloop", 0, -8],
      ["Verkoop", -20, -18],
      ["Stand per 31 december", 3806, 3780],
    ],
  },
  {
    caption: "Tabel 3: Betaalbaarheid zelfstandige woningen",
    header: ["Betaalbaarheid (in %)", 2022, 2023],
    format: PERCENT,
    rows: [
      ["Goedkoop", 0.21, 0.197],
      ["Betaalbaar laag", 0.619, 0.612],
      ["Betaalbaar hoog", 0.088, 0.086],
      ["Duur tot huurtoeslaggrens", 0.083, 0.105],
      ["Totaal", 1, 1],
    ],
  },
];

async function buildFaultFree(file) {
  const workbook = newWorkbook();
  writeAgreementsSheet(workbook.addWorksheet("Afspraken"), FAULT_FREE_HEADER, FAULT_FREE_ROWS, [32, 30, 50, 26, 50, 12, 50]);
  writeTables(workbook.addWorksheet("Tabellen"), FAULT_FREE_TABLES);
  await save(workbook, file);
}

/** A valid workbook without an agreements sheet: one table and some loose text. */
async function buildNoAgreements(file) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Blad1");
  sheet.getCell("A1").value = "Overzicht woningvoorraad (concept)";
  sheet.getCell("A2").value = "Nog aanvullen met de afspraken van dit jaar.";
  writeTables(sheet, [FAULT_FREE_TABLES[0]], 4);
  await save(workbook, file);
}

/* -------------------------------------------------------------------------------------------- */
/* Garbage inputs for the CLI (exit 2)                                                           */
/* -------------------------------------------------------------------------------------------- */

/** Small deterministic generator (mulberry32) so the "random" file is the same every build. */
function seededBytes(count, seed) {
  let a = seed >>> 0;
  const out = Buffer.alloc(count);
  for (let i = 0; i < count; i += 1) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  // Never start like a zip or OLE2 file by accident.
  out[0] = 0x13;
  return out;
}

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A minimal but well-formed OLE2 compound file (version 3, 512-byte sectors) holding the given
 * streams in regular sectors (each padded past the 4096-byte mini-stream cutoff, so no mini FAT is
 * needed). Old .xls files ("Workbook" stream) and password-protected .xlsx files ("EncryptionInfo"
 * and "EncryptedPackage" streams) are both such containers; readers recognise them by the header
 * signature D0 CF 11 E0 A1 B1 1A E1 and by the stream names in the directory.
 */
function buildCompoundFile(streams) {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data };
  });
  // Layout: sector 0 = FAT, sector 1 = directory, then the streams' sectors.
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const totalSectors = 2 + dataSectors;
  if (totalSectors > SECTOR / 4) throw new Error("compound file too large for one FAT sector");
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  let next = 2;
  const starts = [];
  for (const s of padded) {
    const count = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < count; i += 1) fat.writeUInt32LE(i === count - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += count;
  }
  const dir = Buffer.alloc(SECTOR);
  const writeEntry = (index, name, type, start, size, child) => {
    const o = index * 128;
    dir.write(name, o, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, o + 64);
    dir.writeUInt8(type, o + 66); // 5 root storage, 2 stream
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(NOSTREAM, o + 68); // left sibling
    dir.writeUInt32LE(index + 1 < padded.length + 1 && index > 0 ? index + 1 : NOSTREAM, o + 72); // right sibling
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  writeEntry(0, "Root Entry", 5, ENDOFCHAIN, 0, padded.length > 0 ? 1 : NOSTREAM);
  padded.forEach((s, i) => writeEntry(i + 1, s.name, 2, starts[i], s.data.length, NOSTREAM));
  for (let i = padded.length + 1; i < 4; i += 1) {
    // Unused entries: empty name, no siblings or child.
    const o = i * 128;
    dir.writeUInt32LE(NOSTREAM, o + 68);
    dir.writeUInt32LE(NOSTREAM, o + 72);
    dir.writeUInt32LE(NOSTREAM, o + 76);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // number of FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  header.writeUInt32LE(0, 76); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i += 1) header.writeUInt32LE(FREESECT, 76 + i * 4);
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** The start of an agile-encryption EncryptionInfo stream (version 4.4), as Office writes it. */
function encryptionInfoStream() {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    "</encryption>";
  const head = Buffer.alloc(8);
  head.writeUInt16LE(4, 0);
  head.writeUInt16LE(4, 2);
  head.writeUInt32LE(0x40, 4);
  return Buffer.concat([head, Buffer.from(xml, "utf8")]);
}

async function buildGarbage(faultFreeFile) {
  const written = [];
  const put = (name, bytes) => {
    fs.writeFileSync(path.join(outDir, name), bytes);
    written.push(name);
  };
  put("not-a-workbook.xlsx", seededBytes(2048, 20210104));
  put("empty.xlsx", Buffer.alloc(0));
  put(
    "csv-renamed.xlsx",
    Buffer.from(
      "Onderwerp;nr;Actiepunt/prestatieafspraken;Wie?;Activiteitenoverzicht 2021\r\n" +
        "Duurzaamheid;RES;;Gemeente;De gemeente is aangesloten bij het RES.\r\n",
      "utf8",
    ),
  );
  const valid = fs.readFileSync(faultFreeFile);
  put("truncated.xlsx", valid.subarray(0, Math.floor(valid.length / 2)));
  put("old-format.xls", buildCompoundFile([{ name: "Workbook", data: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) }]));
  put(
    "password-protected.xlsx",
    buildCompoundFile([
      { name: "EncryptionInfo", data: encryptionInfoStream() },
      { name: "EncryptedPackage", data: seededBytes(1024, 7) },
    ]),
  );
  return written;
}

/* -------------------------------------------------------------------------------------------- */

/**
 * Writes the workbook with every zip entry dated FIXED_DATE, so a rebuild gives the same bytes
 * (exceljs stamps entries with the current time).
 */
async function save(workbook, file) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  fs.writeFileSync(path.join(outDir, file), bytes);
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--seed" || arg === "--out") {
      if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value`);
      out[arg] = argv[i + 1];
      i += 1;
    } else {
      throw new Error(`unknown option ${arg} (use --seed <seed.txt> or --out <dir>)`);
    }
  }
  return out;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const report = [];
  if (fs.existsSync(seedPath)) {
    const lines = fs.readFileSync(seedPath, "utf8").split(/\r?\n/);
    const seedRows = buildSeedRows(lines);
    const count = await buildClean(seedRows, "stadskanaal-2021-2025.xlsx");
    report.push(`stadskanaal-2021-2025.xlsx: ${count} agreements, ${TABLES.length} tables`);
    const pasted = await buildFaithfulPaste(lines, "stadskanaal-faithful-paste.xlsx");
    report.push(`stadskanaal-faithful-paste.xlsx: ${pasted} seed lines`);
  } else {
    report.push(`seed not found (${seedPath}); the two seed workbooks were not rebuilt (pass --seed <seed.txt>)`);
  }
  await buildOtherColumnOrder("other-column-order.xlsx");
  await buildTablesOwnSheet("tables-own-sheet.xlsx");
  await buildFaultFree("fault-free.xlsx");
  await buildNoAgreements("no-agreements.xlsx");
  report.push("other-column-order.xlsx, tables-own-sheet.xlsx, fault-free.xlsx, no-agreements.xlsx");
  report.push(...(await buildGarbage(path.join(outDir, "fault-free.xlsx"))));
  process.stdout.write(`${report.join("\n")}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`build-fixtures: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  });
}

module.exports = { buildSeedRows, SEED_SECTIONS, BLOCKS, TABLES, CLEAN_HEADER, buildCompoundFile };
