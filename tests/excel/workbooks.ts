import type { WorkbookCellValue, WorkbookData } from "../excel-host";

/** Small agreements workbooks for the adapter tests (Stadskanaal's default model). */

export const HEADER: WorkbookCellValue[] = [
  "Onderwerp",
  "nr",
  "Actiepunt/prestatieafspraken",
  "Wie?",
  "Activiteitenoverzicht 2021",
  "Status 2021",
  "Toelichting 2021",
];

const THEMES = ["Duurzaamheid", "De woningvoorraad", "Betaalbaarheid en beschikbaarheid", "Wonen Zorg en Welzijn"];
const PARTIES = ["Lefier", "Woonservice", "Gemeente Stadskanaal", "De Koepel"];
const STATUSES = ["groen", "grijs", "groen", "oranje"];

/** A clean agreement row (index picks theme/party/status; oranje rows carry a toelichting). */
export function cleanRow(i: number): WorkbookCellValue[] {
  const status = STATUSES[i % STATUSES.length] ?? "groen";
  return [
    THEMES[i % THEMES.length] ?? "Duurzaamheid",
    null,
    `Afspraak ${i + 1}`,
    PARTIES[i % PARTIES.length] ?? "Lefier",
    `Activiteit ${i + 1}`,
    status,
    status === "oranje" ? "Vertraagd door aanbesteding" : null,
  ];
}

/**
 * Sheet "Afspraken": header in row 1, `rows` data rows. Row 3 (sheet row) names an unknown party
 * ("Gemeent", an error) and row 4 is rood without toelichting (a warning).
 */
export function agreementsSheet(rows: number): WorkbookCellValue[][] {
  const data = Array.from({ length: rows }, (_, i) => cleanRow(i));
  if (data[1]) data[1][3] = "Gemeent";
  if (data[2]) {
    data[2][5] = "rood";
    data[2][6] = null;
  }
  return [HEADER, ...data];
}

export function agreementsWorkbook(rows = 6, extra: WorkbookData["sheets"] = []): WorkbookData {
  return {
    sheets: [
      { name: "Afspraken", values: agreementsSheet(rows), formats: [HEADER.map(() => "@")] },
      { name: "Notities", values: [["Vrije tekst", 12.5]], formats: [["General", "0.0%"]] },
      ...extra,
    ],
  };
}
