import type { CellValue, SheetGrid } from "../src/domain";

/**
 * Synthetic agreements workbooks for the benchmark: realistic Dutch agreement text (from the
 * Stadskanaal vocabulary), a mix of statuses, some of the seed's typical faults, and numeric tables
 * of the seed's shapes (stock flow, percentage shares, amounts with totals). Deterministic.
 */

const THEMES: readonly (readonly [string, readonly string[]])[] = [
  ["Betaalbaarheid en beschikbaarheid", ["Betaalbaarheid", "Huurprijsontwikkeling", "Preventie", "Beschikbaarheid", "Statushouders"]],
  ["De woningvoorraad", ["Ontwikkelingen kernvoorraad", "Sloop", "Nieuwbouw", "Verkoopbeleid", "Ouderenhuisvesting", "Jongeren"]],
  ["Duurzaamheid", ["RES", "Transitievisie Warmte", "Verduurzamingsstrategie corporaties", "Nieuwbouw"]],
  ["Wonen Zorg en Welzijn", ["Samenwerking", "Huisvesting bijzondere doelgroepen", "WMO"]],
  ["Leefbare dorpen en wijken", ["Leefbaarheidsbudgetten", "Leefbaarheid"]],
];
const PARTIES = ["Gemeente", "Lefier", "Woonservice", "Woonzorg Nederland", "De Koepel", "Samen Sterk", "Lefier en Woonservice", "Gemeente, Lefier en Woonservice"];
const STATUSES = ["groen", "groen", "groen", "oranje", "rood", "grijs", "Groen", "op schema", ""];
const PHRASES = [
  "De corporaties werken samen met de gemeente aan vroegsignalering van huurachterstanden.",
  "We monitoren de omvang en vraag naar ouderenwoningen op de verschillende locaties.",
  "In het kader van de Regio Deal wordt verder ingezet op verduurzaming van de particuliere woningvoorraad.",
  "Over de draagkracht van de wijken gaan we in gesprek met bewoners en partners.",
  "Vrijkomende huurwoningen worden aangeboden via Thuis Kompas; we rapporteren per kwartaal.",
];

/** A small deterministic pseudo-random generator (mulberry32), so every run benches the same data. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export interface SyntheticWorkbook {
  readonly sheets: SheetGrid[];
  readonly rows: number;
  readonly tables: number;
}

/** An agreements sheet of `rows` rows (Status/Toelichting 2022) and a sheet with `tables` tables. */
export function generateWorkbook(rows: number, tables: number, seed = 2021): SyntheticWorkbook {
  const random = createRandom(seed);
  const header: CellValue[] = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2022", "Status 2022", "Toelichting 2022"];
  const values: CellValue[][] = [header];
  for (let i = 0; i < rows; i += 1) {
    const [theme, subthemes] = pick(random, THEMES);
    const status = pick(random, STATUSES);
    const needsText = status === "oranje" || status === "rood";
    values.push([
      random() < 0.01 ? "Beschikbaarheid en betaalbaarheid" : theme,
      pick(random, subthemes),
      `${pick(random, PHRASES)} (${i + 1})`,
      random() < 0.01 ? "" : random() < 0.01 ? "Woonservice Lefier" : pick(random, PARTIES),
      `${pick(random, PHRASES)} ${pick(random, PHRASES)}`,
      status,
      needsText && random() < 0.8 ? "Vertraagd door capaciteit; bijsturing in het bestuurlijk overleg." : "",
    ]);
    if (i > 0 && i % 500 === 0) values.push([...header]); // page-break copies, as pasted from PDFs
  }
  const tableValues: CellValue[][] = [];
  const tableFormats: string[][] = [];
  for (let t = 0; t < tables; t += 1) {
    const before = tableValues.length;
    appendTable(tableValues, t, random);
    // Share tables hold fractions shown as percentages, as coordinators type them in Excel.
    const format = t % 3 === 1 ? "0.0%" : "General";
    for (let r = before; r < tableValues.length; r += 1) {
      const isValueRow = r >= before + 2; // after the caption and the header of years
      tableFormats.push((tableValues[r] ?? []).map((v) => (isValueRow && typeof v === "number" ? format : "General")));
    }
  }
  return {
    sheets: [
      { sheet: "Afspraken", origin: "A1", values, formats: values.map((r) => r.map(() => "General")) },
      { sheet: "Tabellen", origin: "A1", values: tableValues, formats: tableFormats },
    ],
    rows,
    tables,
  };
}

function appendTable(out: CellValue[][], index: number, random: () => number): void {
  const years = [2020, 2021, 2022, 2023];
  const kind = index % 3;
  if (kind === 0) {
    out.push([`Tabel ${index + 1}: Ontwikkeling kernvoorraad`]);
    out.push(["Woongelegenheden (aantallen)", ...years]);
    let stand = 3000 + Math.floor(random() * 1000);
    const start: CellValue[] = ["Stand per 1 januari"];
    const nieuw: CellValue[] = ["Nieuwbouw"];
    const sloop: CellValue[] = ["Sloop"];
    const end: CellValue[] = ["Stand per 31 december"];
    for (let y = 0; y < years.length; y += 1) {
      const n = Math.floor(random() * 30);
      const s = -Math.floor(random() * 20);
      start.push(stand);
      nieuw.push(n);
      sloop.push(s);
      stand += n + s + (random() < 0.05 ? 7 : 0);
      end.push(stand);
    }
    out.push(start, nieuw, sloop, end, []);
  } else if (kind === 1) {
    out.push([`Tabel ${index + 1}: Ontwikkeling betaalbaarheid`]);
    out.push(["Betaalbaarheid (in %)", ...years]);
    const shares = [0.292, 0.624, 0.074, 0.01];
    for (const [label, share] of [["Goedkoop", shares[0]], ["Betaalbaar laag", shares[1]], ["Betaalbaar hoog", shares[2]], ["Duur", shares[3]]] as const) {
      out.push([label, ...years.map(() => share as number)]);
    }
    out.push(["Totaal", ...years.map(() => 1)], []);
  } else {
    out.push([`Tabel ${index + 1}: Uitgaven leefbaarheid`]);
    out.push(["Uitgaven (x € 1.000,-)", "Derden", "Eigen personeel", "Saldo"]);
    let d = 0;
    let e = 0;
    for (const label of ["Woonmaatschappelijk werk", "Kleinschalige infrastructuur", "Schone woonomgeving"]) {
      const a = Math.floor(random() * 200);
      const b = Math.floor(random() * 200);
      d += a;
      e += b;
      out.push([label, a, b, a + b]);
    }
    out.push(["Totaal", d, e, d + e], []);
  }
}
