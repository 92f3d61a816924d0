#!/usr/bin/env node
"use strict";
// Builds the real-layout fixtures (tests/fixtures/real-*.xlsx): workbooks laid out the way
// coordinators of other municipalities and corporations keep them, with figures and agreements
// taken from published sources (cited per fixture in tests/fixtures/README.md). Where a figure
// differs from its source on purpose (a typo put in to be found), the comment says so, and the
// fixture's golden findings (real-*.findings.json, written by hand from these layouts) name it.
// Run: node scripts/build-real-fixtures.js [--out <dir>]
const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");

const outIndex = process.argv.indexOf("--out");
const FIXTURES = outIndex > 0 && process.argv[outIndex + 1] ? path.resolve(process.argv[outIndex + 1]) : path.resolve(__dirname, "..", "tests", "fixtures");
const STAMP = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

// Typographic characters as PDFs and web pages paste them.
const MINUS = "\u2212"; // minus sign
const NB_HYPHEN = "\u2011"; // non-breaking hyphen
const NBSP = "\u00A0"; // no-break space
const THIN = "\u2009"; // thin space
const NARROW_NBSP = "\u202F"; // narrow no-break space

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Prestatiemonitor fixtures";
  workbook.lastModifiedBy = "Prestatiemonitor fixtures";
  workbook.created = STAMP;
  workbook.modified = STAMP;
  workbook.lastPrinted = STAMP;
  return workbook;
}

/** Writes rows from `firstRow` on; `undefined`/"" cells stay empty. */
function putRows(sheet, firstRow, rows, firstCol = 1) {
  rows.forEach((values, i) => {
    values.forEach((value, j) => {
      if (value === undefined || value === "" || value === null) return;
      sheet.getCell(firstRow + i, firstCol + j).value = value;
    });
  });
}

/** Number formats by address: { B12: "0%" }. */
function putFormats(sheet, formats) {
  for (const [address, format] of Object.entries(formats)) sheet.getCell(address).numFmt = format;
}

async function save(workbook, file) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  for (const entry of Object.values(zip.files)) entry.date = STAMP;
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  fs.writeFileSync(path.join(FIXTURES, file), bytes);
}

/* ------------------------------------------------------------------------------------------ */
/* 1. Wageningen: monitor under theme heading rows, a table of the corporation's figures below */
/* ------------------------------------------------------------------------------------------ */

async function buildWageningen() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Monitor 2021");
  putRows(sheet, 1, [
    ["Monitor prestatieafspraken Wageningen 2021"],
    ["de Woningstichting, Idealis, huurdersorganisaties en gemeente Wageningen"],
    [],
    ["Nr.", "Afspraak", "Betrokken partijen", "Planning", "Status", "Stand van zaken"],
    ["1. Wonen & Gezondheid"],
    [1.1, "Een ouderen-verhuismakelaar helpt senioren met voorrang te verhuizen naar een woning die past bij langer zelfstandig thuis wonen.", "de Woningstichting", "2021", "ligt op schema", "Makelaar aan het werk; eerste verhuizingen gerealiseerd."],
    [1.2, "Partijen bedenken nu al hoe woningen en woonomgeving eruit moeten zien voor ouderen die langer thuis blijven wonen.", "gemeente & de Woningstichting", "Q4 2021", "vraagt aandacht", "Themasessie uitgesteld."],
    ["2. Betaalbaarheid, Beschikbaarheid & Leefbaarheid"],
    [2.1, "Bij overlast gaat de zorg vooral uit naar de veroorzaker; partijen richten samen een taskforce overlast op.", "alle partijen", "2021", "afgerond", "Taskforce opgericht."],
    [2.2, "Idealis, gemeente en huurdersvereniging SFO zetten een denktank op over de kwantiteit en kwaliteit van studentenhuisvesting.", "Idealis en SFO", "2021", "in uitvoering"],
    ["2.3a", "De Woningstichting stelt haar huurwoningen beschikbaar voor woningzoekenden met een inkomen tot de inkomensgrens.", "corporaties", "doorlopend", "ligt op schema"],
    // "de Woningstichtng": a misspelling put in on purpose (the name is spelled right in 1.1 and 1.2).
    ["2.3b", "De Woningstichting huisvest ook woningzoekenden met een inkomen boven de grens, die anders tussen wal en schip vallen.", "de Woningstichtng", "doorlopend", "op koers"],
    ["3. Duurzaamheid"],
    [3.1, "Partijen zetten in op duurzaamheid in wijken en huizen.", "gemeente en corporaties", "2021-2022", "niet gestart", "Start in 2022."],
    [],
    [],
    ["Tabel 1: Huurwoningen naar huurprijsklasse, de Woningstichting (aantallen vhe's)"],
    [undefined, 2021, 2020],
    ["A. In exploitatie", 5205, 5161],
    ["- Goedkoop tot ca. € 442", 816, 665],
    // Source: 3.372. Typed with the digits swapped (a typo put in on purpose) and pasted with a
    // narrow no-break space as the thousands separator.
    ["- Betaalbaar € 442 tot ca. € 633", `3${NARROW_NBSP}327`, 2996],
    ["- Duur tot huurtoeslaggrens € 633 tot € 752", 787, 1276],
    ["- Duur boven huurtoeslaggrens > € 752", 230, 224],
    ["B. In aanbouw", 33, 68],
    ["Subtotaal", 5238, 5229],
    [],
    ["Overig bezit"],
    ["Huurwoonwagens", 9, 9],
    ["Standplaatsen", 18, 18],
    ["Garages e.d.", 665, 664],
    ["Bedrijfsvastgoed", 50, 49],
    ["Totaal bezit", 5980, 5969],
  ]);
  sheet.getRow(4).font = { bold: true };
  sheet.getColumn(2).width = 70;
  await save(workbook, "real-wageningen-monitor-2021.xlsx");
}

/* ------------------------------------------------------------------------------------------ */
/* 2. SSW: a corporation's kerncijfers only (no agreements sheet)                              */
/* ------------------------------------------------------------------------------------------ */

async function buildSsw() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Kerncijfers");
  putRows(sheet, 1, [
    ["Kerncijfers SSW"],
    [],
    [undefined, 2016, 2015, 2014, "Zie §"],
    ["Bezit"],
    ["Aantal zelfstandige wooneenheden DAEB", 4848, 4862, 4841, "5.11.1"],
    ["Aantal zelfstandige wooneenheden Niet-DAEB", 75, 63, 94, "5.11.1"],
    ["Aantal onzelfstandige woongelegenheden DAEB", 83, 74, 78, "5.11.2"],
    ["Aantal overige verhuureenheden", 363, 360, 336, "5.11.3"],
    // The source's "Aantal verhuureenheden"; the coordinator labels the sum row Totaal.
    ["Totaal verhuureenheden", 5369, 5359, 5349],
    ["Aantal gewogen verhuureenheden", 5124, 5117, 5128],
    [],
    ["Financiële continuïteit"],
    ["Eigen vermogen per gewogen verhuureenheid (in euro's)", 94082, 78763, 73776],
    ["Solvabiliteit (Marktwaarde)", 0.6944, 0.6449, 0.6261],
    ["Loan to Value", 0.6457, 0.67, 0.6436],
    ["ICR", 2.58, 1.86, 2.1],
    [],
    ["Verhuurzaken"],
    // Pasted from the web page with a thin space as thousands separator.
    ["Huurinkomsten in € (x 1.000)", `34${THIN}975`, 34075, 33014],
    ["Gemiddelde huurverhoging", 0.017, 0.0205, 0.044],
    ["Verkoop huurwoningen (aantallen)", 1, 12, 13],
    [],
    ["Onderhoudkosten"],
    ["Totaal onderhoud in € (x 1.000)", 4751, 5637, 4151],
    ["Planmatig onderhoud per gewogen vhe in €", 491, 829, 354],
    ["Kosten reparatieonderhoud per gewogen vhe in €", 232, 155, 149],
    ["Kosten mutatieonderhoud per gewogen vhe in €", 154, 95, 130],
    ["Kosten asbest per gewogen vhe in €", 51, 22, 0],
    // As published: 491 + 232 + 154 + 51 = 928, the source says 927 (its rounding). The later
    // years' totals are cut off in the copy the coordinator had: n.b.
    ["Totaal onderhoud per gewogen vhe in €", 927, "n.b.", "n.b."],
  ]);
  const formats = {};
  for (const row of [14, 15, 20]) for (const col of ["B", "C", "D"]) formats[`${col}${row}`] = "0.00%";
  for (const col of ["B", "C", "D"]) formats[`${col}16`] = "0.00";
  putFormats(sheet, formats);
  sheet.getColumn(1).width = 55;
  await save(workbook, "real-ssw-kerncijfers-2016.xlsx");
}

/* ------------------------------------------------------------------------------------------ */
/* 3. Dudok Wonen: a balance sheet with a reference-code column (kengetallen only)             */
/* ------------------------------------------------------------------------------------------ */

async function buildDudok() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Balans");
  putRows(sheet, 1, [
    ["Geconsolideerde balans per 31 december 2022 (bedragen x € 1.000)"],
    [],
    ["Ref.", "Activa", "31-12-2022", "31-12-2021"],
    [undefined, "Vaste activa"],
    ["M1102", "Vastgoedbeleggingen"],
    ["M11028", "DAEB vastgoed in exploitatie", 891410, 818652],
    ["M11020", "Niet-DAEB vastgoed in exploitatie", 438454, 432913],
    // Pasted from the web page with the dash as an HTML entity.
    ["M11024", "Onroerende zaken &ndash; Kopen naar Wens", 61809, 65183],
    ["M11021", "Vastgoed in ontwikkeling bestemd voor eigen exploitatie", 6417, 23259],
    [undefined, "Subtotaal vastgoedbeleggingen", 1398090, 1340007],
    // The source numbers this heading M1102 as well (sic).
    ["M1102", "Materiële vaste activa"],
    ["M11022", "Onroerende en roerende zaken ten dienste van de exploitatie", 9346, 9101],
    [undefined, "Subtotaal materiële vaste activa", 9346, 9101],
    ["M1103", "Financiële vaste activa"],
    ["M11033", "Andere deelnemingen", 2, 2],
    ["M11035", "Latente belastingvordering(en)", "-", 4727],
    ["M11039", "Overige vorderingen", 28926, 35996],
    [undefined, "Subtotaal financiële vaste activa", 28928, 40725],
    [undefined, "Totaal vaste activa", 1436364, 1389833],
    [],
    [undefined, "Vlottende activa"],
    ["M1112", "Vorderingen"],
    // Source: 330. Typed as 303 (a typo put in on purpose).
    ["M11120", "Huurdebiteuren", 303, 486],
    ["M11164", "Belastingen en premies sociale verzekeringen", 5222, 657],
    ["M11126", "Overige vorderingen", 847, 533],
    ["M11127", "Overlopende activa", 211, 178],
    [undefined, "Subtotaal vorderingen", 6610, 1854],
    ["M1114", "Liquide middelen", 32548, 15100],
    [undefined, "Totaal vlottende activa", 39158, 16954],
    [],
    [undefined, "TOTAAL ACTIVA", 1475522, 1406787],
  ]);
  sheet.getColumn(2).width = 60;
  for (let row = 4; row <= 31; row += 1) for (const col of ["C", "D"]) sheet.getCell(`${col}${row}`).numFmt = "#,##0";
  await save(workbook, "real-dudok-balans-2022.xlsx");
}

/* ------------------------------------------------------------------------------------------ */
/* 4. National agreements 2022: theme merged down, Voortgang, tables beside the agreements     */
/* ------------------------------------------------------------------------------------------ */

async function buildNational() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Afspraken");
  putRows(sheet, 1, [
    ["Nationale prestatieafspraken volkshuisvesting 2022: voortgang"],
    [],
    ["Thema", "Nr.", "Afspraak", "Wie", "Termijn", "Voortgang", "Opmerkingen"],
    ["Nieuwbouw", 1, "Corporaties bouwen meer dan 25.000 nieuwe woningen per jaar, tot 2030 samen meer dan 250.000.", "corporaties", "2030", "ligt op schema"],
    [undefined, 1.1, "Daarnaast komen er 50.000 nieuwe middenhuurwoningen.", "corporaties", "2030", "vraagt aandacht", "Grondposities ontbreken."],
    [undefined, 1.2, "Elke gemeente realiseert minstens 30% sociale huur, via de regionale woondeals.", "Rijk en gemeenten", "2030", "in uitvoering"],
    ["Verduurzaming", 2.1, "Minimaal 450.000 woningen worden aardgasvrij gemaakt.", "corporaties", "2030", "ligt op schema"],
    // "vertraagd" without a word in Opmerkingen (a fault put in on purpose: it needs an explanation).
    [undefined, 2.2, "675.000 woningen met slechte energielabels worden geïsoleerd; E-, F- en G-labels zijn in 2030 uitgefaseerd.", "corporaties", "2030", "vertraagd"],
    [undefined, "2.3a", "Bij vervanging van de cv-ketel komt vanaf 2026 minimaal een hybride warmtepomp.", "Rijk & corporaties", "2026", "niet gestart"],
    ["Betaalbaarheid", 3.1, "De huren stijgen de komende drie jaar 0,5% minder dan de cao-lonen.", "Aedes en Woonbond", "2023-2025", "loopt"],
    [undefined, 3.2, "Huurders met een inkomen tot 120% van het sociaal minimum krijgen een eenmalige huurverlaging tot € 550.", "alle partijen", "2023", "afgerond", "Uitgevoerd."],
  ]);
  sheet.mergeCells("A4:A6");
  sheet.mergeCells("A7:A9");
  sheet.mergeCells("A10:A11");
  sheet.getRow(3).font = { bold: true };
  sheet.getColumn(3).width = 70;
  // Column H stays empty: the coordinator's own figures sit beside the agreements.
  putRows(
    sheet,
    2,
    [
      ["Tabel 1: Nieuwe woningen (CBS)"],
      [undefined, "Nieuwbouw", "Transformatie", "Totaal"],
      // 2019: 71.500 + 12.500 = 84.000; typed 83.000 (a typo put in on purpose).
      [2019, 71500, 12500, 83000],
      [2020, 70000, 10200, 80200],
      [],
      ["Tabel 2: Mutaties corporatiebezit 2001 (CBS)"],
      [undefined, "Toegevoegd", "Onttrokken", "Saldo"],
      ["Nieuwbouw en sloop", 12000, 8000, 4000],
      ["Aankoop en verkoop", 19000, 16000, 3000],
      ["Totaal", 31000, 24000, 7000],
    ],
    9,
  );
  for (let row = 4; row <= 11; row += 1) for (const col of ["J", "K", "L"]) sheet.getCell(`${col}${row}`).numFmt = "#,##0";

  const model = workbook.addWorksheet("Model");
  putRows(model, 1, [
    ["Controles"],
    ["Links", "Operator", "Rechts", "Tolerantie"],
    // The January 2021 monitor used CBS's first figure (69.322); the table holds the final one.
    ["Nieuwe woningen (CBS) / 2020 / Nieuwbouw", "=", 69322, 0],
    ["Nieuwe woningen (CBS) / 2020 / Totaal", "=", 80200, 0],
  ]);
  await save(workbook, "real-nationale-afspraken-2022.xlsx");
}

/* ------------------------------------------------------------------------------------------ */
/* 5. CBS: corporations' stock flow by meaning, two tables numbered 2, cross-checks by caption */
/* ------------------------------------------------------------------------------------------ */

async function buildCbs() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Corporatiebezit");
  putRows(sheet, 1, [
    ["Tabel 1: Woningbezit corporaties 2001 (x 1.000)"],
    [undefined, 2001],
    // Derived by the coordinator: 2.350 at the end of 2001, less the year's mutations.
    ["Aantal woningen 1 januari", `2${NBSP}343`],
    ["Nieuwbouw", 12],
    ["Aangekocht", 19],
    ["Gesloopt", `${MINUS}8`],
    ["Verkocht", `${NB_HYPHEN}16`],
    ["Aantal woningen 31 december", 2350],
    [],
    ["Tabel 2: Woningbezit naar waardecategorie 2001"],
    [undefined, "Aandeel (%)"],
    ["Goedkoop", 0.36],
    ["Betaalbaar", 0.58],
    ["Duur", 0.06],
    ["Totaal", 1],
    [],
    // Numbered 2 again (copied from the first) and so named by its caption in the Controles.
    ["Tabel 2: Mutaties corporatiebezit 2001 (x 1.000)"],
    [undefined, "Toegevoegd", "Onttrokken", "Saldo"],
    ["Nieuwbouw en sloop", 12, 8, 4],
    // Source: 19 bought. Typed 18 (a typo put in on purpose).
    ["Aankoop en verkoop", 18, 16, 3],
    ["Totaal", 31, 24, 7],
  ]);
  putFormats(sheet, { B12: "0%", B13: "0%", B14: "0%", B15: "0%" });
  sheet.getColumn(1).width = 40;

  const model = workbook.addWorksheet("Model");
  putRows(model, 1, [
    ["Controles"],
    ["Links", "Operator", "Rechts", "Tolerantie"],
    ["Woningbezit corporaties 2001 (x 1.000) / Aangekocht / 2001", "=", "Mutaties corporatiebezit 2001 (x 1.000) / Aankoop en verkoop / Toegevoegd", 0],
    ["Woningbezit corporaties 2001 (x 1.000) / Nieuwbouw / 2001", "=", "Mutaties corporatiebezit 2001 (x 1.000) / Nieuwbouw en sloop / Toegevoegd", 0],
  ]);
  await save(workbook, "real-cbs-corporatiebezit-2001.xlsx");
}

async function main() {
  await buildWageningen();
  await buildSsw();
  await buildDudok();
  await buildNational();
  await buildCbs();
  process.stdout.write("real-*.xlsx written\n");
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`build-real-fixtures: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  });
}
