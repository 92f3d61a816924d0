import type { AgreementRow, YearStatus } from "../../src/domain/agreements/agreement";
import type { CheckResult } from "../../src/domain/check-workbook";
import type { FindingData, Lang } from "../../src/domain/findings/finding";
import { compareFindings } from "../../src/domain/findings/finding";
import { formatFinding } from "../../src/domain/findings/messages";
import type { Model } from "../../src/domain/model/model";

/**
 * A hand-made check result for the export tests: independent of the readers, so these tests pin
 * the summary and the exports to rows whose statuses we know exactly.
 */

export const TEST_MODEL: Model = {
  themes: [
    { name: "Betaalbaarheid en beschikbaarheid", subthemes: ["Betaalbaarheid"], aliases: [] },
    { name: "Duurzaamheid", subthemes: [], aliases: [] },
    { name: "Leefbaarheid", subthemes: [], aliases: [] },
  ],
  parties: [
    { name: "Gemeente Stadskanaal", kind: "gemeente", aliases: ["Gemeente"] },
    { name: "Lefier", kind: "corporatie", aliases: [] },
    { name: "Woonservice", kind: "corporatie", aliases: [] },
    { name: "De Koepel", kind: "huurdersorganisatie", aliases: [] },
  ],
  statuses: [
    { name: "groen", meaning: "op schema", color: "#00B050", needsExplanation: false, synonyms: [] },
    { name: "oranje", meaning: "aandacht", color: "#FFC000", needsExplanation: true, synonyms: [] },
    { name: "rood", meaning: "loopt niet in de pas", color: "#C00000", needsExplanation: true, synonyms: [] },
    { name: "grijs", meaning: "nog niet gestart", color: "#A6A6A6", needsExplanation: false, synonyms: [] },
  ],
  settings: { municipality: "Stadskanaal", monitoringYear: 2022 },
  crossChecks: [],
  source: { kind: "default", blocks: [] },
};

export const XSS_IMG = "<img src=x onerror=alert(1)>";
export const XSS_SCRIPT = "<script>alert('x')</script>";

function status(year: number, raw: string, col: string, row: number, canonical?: string): YearStatus {
  return { year, raw, cell: `${col}${row}`, ...(canonical !== undefined ? { status: canonical } : {}) };
}

function agreement(
  sheet: string,
  row: number,
  fields: {
    theme?: string;
    agreement?: string;
    partiesText?: string;
    parties: string[];
    s2021?: string;
    s2022?: string;
    raw2022?: string;
    e2022?: string;
  },
): AgreementRow {
  const statuses: YearStatus[] = [];
  if (fields.s2021 !== undefined) statuses.push(status(2021, fields.s2021, "F", row, fields.s2021));
  if (fields.s2022 !== undefined || fields.raw2022 !== undefined) {
    statuses.push(status(2022, fields.raw2022 ?? fields.s2022 ?? "", "H", row, fields.s2022));
  }
  return {
    sheet,
    row,
    ...(fields.theme !== undefined ? { theme: fields.theme } : {}),
    ...(fields.agreement !== undefined ? { agreement: fields.agreement } : {}),
    ...(fields.partiesText !== undefined ? { partiesText: fields.partiesText } : {}),
    parties: fields.parties,
    activities: [],
    statuses,
    explanations: fields.e2022 !== undefined ? [{ year: 2022, text: fields.e2022, cell: `I${row}` }] : [],
    cells: { theme: `A${row}`, agreement: `C${row}`, parties: `D${row}` },
  };
}

export function makeAgreements(): AgreementRow[] {
  return [
    agreement("Afspraken", 3, {
      theme: "Betaalbaarheid en beschikbaarheid",
      agreement: "Huursom maximaal inflatievolgend",
      partiesText: "Lefier en Woonservice",
      parties: ["Lefier", "Woonservice"],
      s2021: "groen",
      s2022: "oranje",
      e2022: "Huurbeleid wordt in 2022 aangepast.",
    }),
    agreement("Afspraken", 4, {
      theme: "Betaalbaarheid en beschikbaarheid",
      agreement: "Woonlastenonderzoek",
      partiesText: "Gemeente",
      parties: ["Gemeente Stadskanaal"],
      s2021: "groen",
      s2022: "rood",
      e2022: `Onderzoek uitgesteld ${XSS_IMG}`,
    }),
    agreement("Afspraken", 5, {
      theme: "Duurzaamheid",
      agreement: "Warmtevisie",
      partiesText: "Lefier",
      parties: ["Lefier"],
      s2021: "oranje",
      s2022: "rood",
    }),
    agreement("Afspraken", 6, {
      theme: "Duurzaamheid",
      agreement: "Energiecoaches",
      parties: [],
      raw2022: "paars",
    }),
    agreement("Jan's blad", 2, {
      theme: "Leefbaarheid",
      agreement: `=HYPERLINK("http://evil") ${XSS_SCRIPT}`,
      partiesText: "Gemeente; corporaties",
      parties: ["Gemeente Stadskanaal", "Lefier", "Woonservice"],
      s2022: "groen",
    }),
    agreement("Afspraken", 8, { agreement: "-5 woningen; \"netto\"", parties: ["De Koepel"] }),
  ];
}

export function makeFindings(): FindingData[] {
  return [
    {
      code: "missing-explanation",
      severity: "warning",
      sheet: "Afspraken",
      cell: "I5",
      row: 5,
      params: { status: "rood", year: 2022 },
    },
    { code: "invalid-status", severity: "error", sheet: "Afspraken", cell: "H6", row: 6, params: { value: "paars", year: 2022, allowed: "groen, oranje, rood, grijs" } },
    { code: "missing-party", severity: "error", sheet: "Afspraken", cell: "D6", row: 6 },
    { code: "missing-theme", severity: "error", sheet: "Afspraken", cell: "A8", row: 8 },
    {
      code: "stock-flow",
      severity: "error",
      sheet: "Tabellen",
      cell: "E9",
      table: "Tabel 1",
      expected: "3793…3798",
      actual: 3810,
      params: { year: 2021 },
    },
    { code: "number-as-text", severity: "info", sheet: "Tabellen", cell: "C4", table: "Tabel 3", params: { value: `29,2% ${XSS_IMG}` } },
  ];
}

export function makeCheckResult(lang: Lang = "nl", model: Model = TEST_MODEL): CheckResult {
  return {
    year: 2022,
    model,
    agreementSheets: ["Afspraken", "Jan's blad"],
    columns: [],
    agreements: makeAgreements(),
    tables: [],
    findings: [...makeFindings()].sort(compareFindings).map((f) => formatFinding(f, lang)),
    lang,
  };
}
