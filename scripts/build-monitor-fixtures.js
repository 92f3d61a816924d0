#!/usr/bin/env node
"use strict";
// Builds two versions of one monitoring workbook with targets and realisations (issue 20), used by
// tests/fixtures-tests/monitor-versions.test.ts and tests/cli/compare.test.ts:
//   tests/fixtures/monitor-2022.xlsx  the monitoring of 2022
//   tests/fixtures/monitor-2023.xlsx  the same workbook a year later: 2023 columns added, one
//                                     agreement new, one dropped, one reworded, statuses changed
// Layout as Stadskanaal keeps its agreements (Onderwerp · nr · Actiepunt/prestatieafspraken · Wie?),
// with per year Doel · Realisatie · Status · Toelichting, and a Model sheet with only Instellingen
// (Drempel groen 90 %, Drempel oranje 50 %). The agreements follow the seed's themes and parties;
// every FIGURE, status and Toelichting is INVENTED for the test. Each row's comment says which
// findings it must give; tests/fixtures/README.md lists them.
// Run: node scripts/build-monitor-fixtures.js
const path = require("path");
const ExcelJS = require("exceljs");
const { addSheet } = require("./add-fixture-sheet");

const FIXTURES = path.resolve(__dirname, "..", "tests", "fixtures");
// Fixed dates keep the generated files byte-stable apart from zip timestamps.
const STAMP = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

const TITLE = ["Prestatieafspraken Stadskanaal: monitoring (cijfers, statussen en toelichtingen verzonnen voor de test)"];

// key, theme, subtheme, agreement, parties, 2022 [doel, realisatie, status, toelichting], 2023 [...]
const AGREEMENTS = [
  {
    // New in 2023, inserted above the others (every row below moves down one). 60 %: oranje agrees.
    key: "jongeren",
    only: 2023,
    cells: ["De woningvoorraad", "Jongeren", "Lefier en Woonservice bouwen samen 20 jongerenwoningen", "Lefier en Woonservice"],
    y2023: [20, 12, "oranje", "Bouw gestart in het najaar"],
  },
  {
    // 2022: groen at 120 of 225 (53 %): status-vs-realisation. In the 2023 version corrected to oranje: solved.
    key: "labelB",
    cells: ["Duurzaamheid", "Verduurzamingsstrategie corporaties", "Lefier verduurzaamt huurwoningen naar minimaal label B", "Lefier"],
    y2022: [225, 120, "groen", "Op schema"],
    y2022v2: [225, 120, "oranje", "Achter op schema door tekort aan installateurs"],
    y2023: [225, 230, "groen", "Doel gehaald"],
  },
  {
    // 22 of 22, groen: agrees. 2023: 10 of 25, rood: agrees; status groen -> rood (worse).
    key: "nom",
    cells: ["Duurzaamheid", "Nieuwbouw", "Nieuwbouwwoningen worden nul-op-de-meter gebouwd", "Lefier en Woonservice"],
    y2022: [22, 22, "groen", null],
    y2023: [25, 10, "rood", "Stikstofuitspraak vertraagt de bouw"],
  },
  {
    // 38 of 40 (95 %), groen: agrees. 2023: groen at 20 of 40 (50 %): status-vs-realisation (new).
    key: "levensloop",
    cells: ["De woningvoorraad", "Nieuwbouw", "Woonservice bouwt levensloopbestendige woningen", "Woonservice"],
    y2022: [40, 38, "groen", null],
    y2023: [40, 20, "groen", "Op schema"],
  },
  {
    // 2022: rood while 31 of 30 are done: status-vs-realisation (kept in both versions).
    // 2023: groen at 8 of 20 (40 %): status-vs-realisation (new); status rood -> groen (better).
    key: "sloop",
    cells: ["De woningvoorraad", "Sloop", "Lefier sloopt verouderde woningen in Musselkanaal", "Lefier"],
    y2022: [30, 31, "rood", "Sloop later gestart"],
    y2023: [20, 8, "groen", "Loopt"],
  },
  {
    // 30 of 45 (67 %), oranje: agrees. 2023: the same Toelichting, only a full stop added: stale-explanation.
    key: "statushouders",
    cells: ["Betaalbaarheid en beschikbaarheid", "Statushouders", "Huisvesting van statushouders volgens de taakstelling", "corporaties"],
    y2022: [45, 30, "oranje", "Minder vrijkomende woningen"],
    y2023: [45, 28, "oranje", "Minder vrijkomende  woningen."],
  },
  {
    // Percentages as text: 85 % of 80 %, groen: agrees (both years).
    key: "preventie",
    cells: ["Betaalbaarheid en beschikbaarheid", "Preventie", "Huurachterstanden worden vroeg gesignaleerd", "Gemeente, Lefier en Woonservice"],
    y2022: ["80%", "85%", "groen", null],
    y2023: ["80%", "82%", "groen", null],
  },
  {
    // Dutch thousands: 1.100 of 1.250 (88 %), groen: status-vs-realisation (kept in both versions). 2023: 96 %: agrees.
    key: "huisbezoeken",
    cells: ["Leefbare dorpen en wijken", "Leefbaarheid", "Lefier legt huisbezoeken af bij alle huurders van 75 jaar en ouder", "Lefier en De Koepel"],
    y2022: ["1.250", "1.100", "groen", null],
    y2023: ["1.250", "1.200", "groen", null],
  },
  {
    // 20 of 60, rood: agrees. 2023: 45 of 60 (75 %), oranje: agrees; rood -> oranje (better).
    key: "aanpassingen",
    cells: ["Wonen Zorg en Welzijn", "Langer Zelfstandig Thuis", "Woningaanpassingen voor ouderen die langer thuis wonen", "Gemeente en Woonservice"],
    y2022: [60, 20, "rood", "Aannemer failliet"],
    y2023: [60, 45, "oranje", "Nieuwe aannemer gevonden"],
  },
  {
    // No figures; reworded in 2023 ("WSW-achtervang"): matched fuzzily, not added and removed.
    key: "borging",
    cells: ["Borging", "Achtervangovereenkomst WSW", "Partijen volgen de landelijke ontwikkelingen rond de achtervang", "Gemeente, Lefier en Woonservice"],
    cells2023: ["Borging", "Achtervangovereenkomst WSW", "Partijen volgen de landelijke ontwikkelingen rond de WSW-achtervang", "Gemeente, Lefier en Woonservice"],
    y2022: [null, null, "groen", null],
    y2023: [null, null, "groen", null],
  },
  {
    // Dropped in 2023. Nothing realised yet, grijs: agrees.
    key: "begeleid",
    only: 2022,
    cells: ["Wonen Zorg en Welzijn", "Huisvesting bijzondere doelgroepen", "Woonvoorziening voor jongeren met begeleiding", "Woonservice en Welstad"],
    y2022: [12, null, "grijs", null],
  },
];

const YEAR_HEADERS = (year) => [`Doel ${year}`, `Realisatie ${year}`, `Status ${year}`, `Toelichting ${year}`];
const HEADER = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?"];
const EMPTY_YEAR = [null, null, null, null];

function agreementRows(version) {
  const rows = [TITLE, [], [...HEADER, ...YEAR_HEADERS(2022), ...(version === 2023 ? YEAR_HEADERS(2023) : [])]];
  for (const a of AGREEMENTS) {
    if (a.only !== undefined && a.only !== version) continue;
    if (version === 2022) {
      rows.push([...a.cells, ...(a.y2022 ?? EMPTY_YEAR)]);
    } else {
      rows.push([...(a.cells2023 ?? a.cells), ...(a.y2022v2 ?? a.y2022 ?? EMPTY_YEAR), ...(a.y2023 ?? EMPTY_YEAR)]);
    }
  }
  return rows;
}

const MODEL_ROWS = [
  ["Instellingen"],
  ["Instelling", "Waarde"],
  ["Gemeente", "Stadskanaal"],
  ["Drempel groen", "90%"],
  ["Drempel oranje", "50%"],
];

async function main() {
  for (const version of [2022, 2023]) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Prestatiemonitor test fixtures";
    workbook.created = STAMP;
    workbook.modified = STAMP;
    const yearWidths = [10, 12, 10, 36];
    addSheet(workbook, "Afspraken", agreementRows(version), [30, 30, 56, 30, ...yearWidths, ...(version === 2023 ? yearWidths : [])]);
    addSheet(workbook, "Model", MODEL_ROWS, [20, 14]);
    await workbook.xlsx.writeFile(path.join(FIXTURES, `monitor-${version}.xlsx`));
  }
  process.stdout.write("written: tests/fixtures/monitor-2022.xlsx, tests/fixtures/monitor-2023.xlsx\n");
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
