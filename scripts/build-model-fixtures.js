#!/usr/bin/env node
"use strict";
// Builds the "other municipality" fixtures used by tests/domain/model and tests/cli-model:
//   tests/fixtures/other-municipality.xlsx        agreements + tables + its own Model sheet
//   tests/fixtures/other-municipality-model.xlsx  only a (clean) Model sheet, for --model
// Everything in them is FICTIONAL: invented agreements and figures for a municipality that is not
// the built-in default, to prove nothing in the engine depends on the default model.
// Run: node scripts/build-model-fixtures.js
const path = require("path");
const ExcelJS = require("exceljs");
const { addSheet } = require("./add-fixture-sheet");

const FIXTURES = path.resolve(__dirname, "..", "tests", "fixtures");
// Fixed dates keep the generated files byte-stable apart from zip timestamps.
const STAMP = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

const AGREEMENT_ROWS = [
  ["Prestatieafspraken gemeente Veendam 2022-2025: FICTIEF VOORBEELD (verzonnen testgegevens, geen echte afspraken)"],
  ["Alle namen, afspraken en cijfers in deze werkmap zijn verzonnen."],
  [],
  ["Thema", "Subthema", "Afspraak", "Partijen", "Activiteiten 2023", "Status 2023", "Toelichting 2023", "Status 2024", "Toelichting 2024"],
  ["Wonen en betaalbaarheid", "Huurbeleid", "Huurverhoging gemiddeld maximaal inflatie", "Acantus en Woonborg", "Huurverhoging 2023 volgens het sociaal huurakkoord", "groen"],
  ["Wonen en betaalbaarheid", "Woonruimteverdeling", "Eén woonruimteverdeelsysteem in de regio", "Gemeente Veendam, Acantus en Woonborg", "Evaluatie van de urgentieregeling", "Prima"],
  ["Wonen en betaalbaarheid", "Nieuwbouw", "Nieuwbouw volgens tabel 1 en 2", "Acantus", "30 woningen opgeleverd", "groen"],
  ["Duurzaamheid", "Isolatie", "150 woningen per jaar naar label B", "Acantus", "120 woningen geïsoleerd", "oranje", "Vertraging door personeelstekort bij de aannemer"],
  ["Duurzaamheid", "Aardgasvrij", "Transitievisie warmte uitvoeren", "Gemeente Veendam", "Wijkuitvoeringsplan in voorbereiding", "rood", "Subsidie niet toegekend; plan een jaar uitgesteld"],
  ["Leefbaarheid", "Buurtbeheer", "Schoon, heel en veilig in de wijken", "Woonborg en Huurdersvereniging Veendam", "Drie wijkschouwen gehouden", "groen"],
  ["Leefbaarheid", "Participatie", "Huurders betrekken bij wijkplannen", "Huurdersvereniging Veendam", "Start in 2024", "grijs"],
];

const TABLE_ROWS = [
  ["Tabel 1: Ontwikkeling woningvoorraad Acantus (fictief)"],
  ["Woongelegenheden (aantallen)", 2022, 2023, 2024],
  ["Stand per 1 januari", 4100, 4087, 4102],
  ["Nieuwbouw", 12, 30, 18],
  ["Sloop", -20, -10, 0],
  ["Verkoop", -5, -5, -5],
  ["Stand per 31 december", 4087, 4102, 4115],
  [],
  ["Tabel 2: Investeringen Acantus (fictief)"],
  ["Investeringen (bedragen x € 1.000,-)", 2022, 2023, 2024],
  ["Aantal nieuwbouwwoningen", 12, 30, 20],
  ["Investering nieuwbouw", 2400, 6000, 4000],
  ["Aantal woningen geïsoleerd", 140, 120, 150],
  ["Investering isolatie", 1400, 1200, 1500],
];

/** The Model sheet; `withBadRow` adds a party of an unknown kind (row 15). */
function modelRows(withBadRow) {
  const parties = [
    ["Gemeente Veendam", "gemeente", "Gemeente"],
    ["Acantus", "woningcorporatie"],
    ["Woonborg", "corporatie"],
    ["Huurdersvereniging Veendam", "huurdersvereniging", "HV Veendam"],
  ];
  if (withBadRow) parties.push(["Zorggroep Oost-Groningen", "zorgpartner"]);
  return [
    ["Model prestatieafspraken Veendam (FICTIEF VOORBEELD, verzonnen gegevens)"],
    [],
    ["Thema's"],
    ["Thema", "Subthema's", "Aliassen"],
    ["Wonen en betaalbaarheid", "Huurbeleid; Woonruimteverdeling; Nieuwbouw", "Wonen"],
    ["Duurzaamheid", "Isolatie; Aardgasvrij"],
    ["Leefbaarheid", "Buurtbeheer; Participatie"],
    [],
    ["Partijen"],
    ["Partij", "Soort", "Aliassen"],
    ...parties,
    [],
    ["Statussen"],
    ["Status", "Betekenis", "Kleur", "Toelichting verplicht", "Synoniemen"],
    ["groen", "op schema / gerealiseerd", "#00B050", "nee", "prima; op schema"],
    ["oranje", "aandacht: vertraagd", "#FFC000", "ja", "aandacht"],
    ["rood", "loopt achter", "#C00000", "ja", "achterstand"],
    ["grijs", "nog niet gestart", "#A6A6A6", "nee", "niet gestart"],
    [],
    ["Instellingen"],
    ["Instelling", "Waarde"],
    ["Monitoringjaar", 2023],
    ["Gemeente", "Veendam"],
    [],
    ["Controles"],
    ["Links", "Operator", "Rechts", "Tolerantie"],
    ["Tabel 1 / Nieuwbouw / 2023", "=", "Tabel 2 / Aantal nieuwbouwwoningen / 2023", 0],
    ["Tabel 1 / Nieuwbouw / 2024", "=", "Tabel 2 / Aantal nieuwbouwwoningen / 2024", 0],
    ["Tabel 2 / Investering nieuwbouw / 2023", "<=", "7.500"],
  ];
}

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Prestatiemonitor test fixtures";
  workbook.created = STAMP;
  workbook.modified = STAMP;
  return workbook;
}

async function main() {
  const full = newWorkbook();
  addSheet(full, "Afspraken", AGREEMENT_ROWS, [26, 22, 44, 36, 40, 12, 40, 12, 30]);
  addSheet(full, "Tabellen", TABLE_ROWS, [40, 10, 10, 10]);
  addSheet(full, "Model", modelRows(true), [40, 40, 44, 22, 24]);
  await full.xlsx.writeFile(path.join(FIXTURES, "other-municipality.xlsx"));

  const modelOnly = newWorkbook();
  addSheet(modelOnly, "Model", modelRows(false), [40, 40, 44, 22, 24]);
  await modelOnly.xlsx.writeFile(path.join(FIXTURES, "other-municipality-model.xlsx"));
  process.stdout.write("written: tests/fixtures/other-municipality.xlsx, tests/fixtures/other-municipality-model.xlsx\n");
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
