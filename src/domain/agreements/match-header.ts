import type { AgreementField } from "./agreement";
import { memoiseText, toMatchKey } from "../core/normalise-text";
import { measureEditDistance } from "../core/suggest-name";

/**
 * Recognises the header cells of an agreements sheet (DESIGN.md "The workbook the tool reads").
 * Matching ignores case, spaces, hyphens, dots, a trailing "?" or ":" and brackets around a
 * year; long names also tolerate one typo (two from 16 characters), because the seed's own
 * shifted header says "Actiepunt/prestatieafpraak" (the first three letters must be right).
 * Short names (nr, Wie, Thema) must match exactly: one typo in three letters is another word.
 */

export interface HeaderCellMatch {
  readonly field: AgreementField;
  /** The year of a per-year column; undefined for a yearless Status/Activiteiten/Toelichting column. */
  readonly year?: number;
}

const FIELD_NAMES: readonly { readonly field: AgreementField; readonly names: readonly string[]; readonly perYear: boolean }[] = [
  { field: "theme", names: ["Onderwerp", "Thema"], perYear: false },
  // "nr" heads the seed's subtheme column (text); the reader reads numbers under it (1, 1.2, 3a)
  // as agreement numbers, never as subthemes.
  { field: "subtheme", names: ["nr", "Subthema", "Deelonderwerp", "Subonderwerp"], perYear: false },
  { field: "number", names: ["Nummer", "Volgnummer"], perYear: false },
  {
    field: "agreement",
    names: ["Actiepunt/prestatieafspraken", "Actiepunt/prestatieafspraak", "Afspraak", "Prestatieafspraak", "Prestatieafspraken"],
    perYear: false,
  },
  {
    field: "parties",
    names: [
      "Wie",
      "Partij",
      "Partijen",
      "Verantwoordelijk",
      "Verantwoordelijke",
      "Verantwoordelijke partij",
      "Trekker",
      "Betrokken partijen",
      "Betrokkenen",
      "Uitvoerder",
      "Uitvoerders",
    ],
    perYear: false,
  },
  { field: "timing", names: ["Planning", "Wanneer", "Termijn", "Gereed", "Jaar", "Looptijd"], perYear: false },
  { field: "activities", names: ["Activiteitenoverzicht", "Activiteiten"], perYear: true },
  { field: "status", names: ["Status", "Stoplicht"], perYear: true },
  // A yearless Voortgang column may hold status words instead: the reader decides by its content.
  { field: "explanation", names: ["Toelichting", "Voortgang", "Stand van zaken", "Opmerkingen", "Opmerking"], perYear: true },
  { field: "target", names: ["Doel", "Streefwaarde", "Ambitie"], perYear: true },
  { field: "realised", names: ["Realisatie", "Gerealiseerd", "Resultaat"], perYear: true },
];

const FIRST_YEAR = 1900;
const MAX_HEADER_LENGTH = 80;
const LAST_YEAR = 2200;

function countAllowedTypos(length: number): number {
  if (length >= 16) return 2;
  if (length >= 8) return 1;
  return 0;
}

/** Match keys of the header names, computed once: every cell of a sheet is tried as a header. */
const FIELD_KEYS = FIELD_NAMES.map(({ field, names, perYear }) => ({ field, perYear, keys: names.map(toMatchKey) }));

function matchesName(key: string, nameKey: string): boolean {
  if (key === nameKey) return true;
  const typos = countAllowedTypos(nameKey.length);
  // Typos are tolerated after the first three letters; checking those first keeps the scan of
  // every data cell for headers cheap.
  return (
    typos > 0 &&
    Math.abs(key.length - nameKey.length) <= typos &&
    key.slice(0, 3) === nameKey.slice(0, 3) &&
    measureEditDistance(key, nameKey) <= typos
  );
}

/**
 * Per distinct text up to the longest header text: every cell of a sheet is tried, and cells a
 * little longer than the text cache's default (a short Toelichting) would be keyed again each time.
 */
const matchHeaderTextCached = memoiseText(matchHeaderText, MAX_HEADER_LENGTH);

/** The field (and year) a header cell names, or undefined. */
export function matchHeaderCell(text: string): HeaderCellMatch | undefined {
  // Header cells are short; skipping long texts keeps scanning every data cell for headers cheap.
  return text.length > MAX_HEADER_LENGTH ? undefined : matchHeaderTextCached(text);
}

function matchHeaderText(text: string): HeaderCellMatch | undefined {
  const key = toMatchKey(text).replace(/[?:*()[\]]+/g, "");
  if (key === "") return undefined;
  const yearMatch = /^(.*?)(\d{4})$/.exec(key);
  const year = yearMatch ? Number(yearMatch[2]) : undefined;
  const datedKey = yearMatch?.[1] ?? "";
  for (const { field, keys, perYear } of FIELD_KEYS) {
    if (keys.some((nameKey) => matchesName(key, nameKey))) return { field };
    if (perYear && year !== undefined && year >= FIRST_YEAR && year <= LAST_YEAR && keys.some((nameKey) => matchesName(datedKey, nameKey))) {
      return { field, year };
    }
  }
  return undefined;
}
