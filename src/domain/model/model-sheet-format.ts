import type { CellValue } from "../core/grid";
import { isBlank, textOf } from "../core/grid";
import type { CheckOperand, CheckOperator, PartyKind } from "./model";

/**
 * The Model sheet's layout (DESIGN.md "Model sheet format"), shared by the reader
 * (read-model-sheet.ts), the writer (write-model-sheet.ts) and the cross-check engine: block
 * titles, their columns, and how list, yes/no, colour, number and reference cells are spelled.
 */

export const MODEL_BLOCKS = ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"] as const;
export type ModelBlock = (typeof MODEL_BLOCKS)[number];

/** Separator of lists inside one cell (subthemes, aliases, synonyms). */
export const LIST_SEPARATOR = ";";

export interface BlockColumn {
  /** Field the column fills. */
  readonly key: string;
  /** Header as the writer spells it. */
  readonly header: string;
  /** Other spellings the reader accepts (compared after `normaliseHeader`). */
  readonly synonyms: readonly string[];
  /** A block without this column cannot be used. */
  readonly required: boolean;
}

export const BLOCK_COLUMNS: Readonly<Record<ModelBlock, readonly BlockColumn[]>> = {
  "Thema's": [
    { key: "name", header: "Thema", synonyms: ["naam"], required: true },
    { key: "subthemes", header: "Subthema's", synonyms: ["subthemas", "subthema", "subonderwerpen"], required: false },
    { key: "aliases", header: "Aliassen", synonyms: ["alias"], required: false },
  ],
  Partijen: [
    { key: "name", header: "Partij", synonyms: ["naam"], required: true },
    { key: "kind", header: "Soort", synonyms: [], required: true },
    { key: "aliases", header: "Aliassen", synonyms: ["alias"], required: false },
  ],
  Statussen: [
    { key: "name", header: "Status", synonyms: [], required: true },
    { key: "meaning", header: "Betekenis", synonyms: [], required: false },
    { key: "color", header: "Kleur", synonyms: [], required: true },
    { key: "needsExplanation", header: "Toelichting verplicht", synonyms: ["toelichting"], required: false },
    { key: "synonyms", header: "Synoniemen", synonyms: ["synoniem"], required: false },
  ],
  Instellingen: [
    { key: "setting", header: "Instelling", synonyms: [], required: true },
    { key: "value", header: "Waarde", synonyms: [], required: true },
  ],
  Controles: [
    { key: "left", header: "Links", synonyms: [], required: true },
    { key: "operator", header: "Operator", synonyms: [], required: true },
    { key: "right", header: "Rechts", synonyms: [], required: true },
    { key: "tolerance", header: "Tolerantie", synonyms: [], required: false },
    // Optional: only written when a check's label is not just "left operator right".
    { key: "label", header: "Omschrijving", synonyms: ["naam", "controle"], required: false },
  ],
};

/** Setting names in the Instellingen block, by model field. */
export const SETTING_NAMES = {
  monitoringYear: { header: "Monitoringjaar", synonyms: ["monitoringjaar", "monitoring jaar", "jaar"] },
  municipality: { header: "Gemeente", synonyms: ["gemeente"] },
  greenThreshold: { header: "Drempel groen", synonyms: ["drempel groen", "drempelwaarde groen"] },
  orangeThreshold: { header: "Drempel oranje", synonyms: ["drempel oranje", "drempelwaarde oranje"] },
} as const;
export type SettingKey = keyof typeof SETTING_NAMES;

const APOSTROPHES = /[\u2018\u2019\u00b4`]/g;

/** Title/header key: case-, whitespace- and apostrophe-insensitive (`Thema’s` = `thema's`). */
export function normaliseHeader(text: string): string {
  return text.replace(APOSTROPHES, "'").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The block a title cell starts, if it is one. */
export function matchBlockTitle(value: CellValue): ModelBlock | undefined {
  if (typeof value !== "string") return undefined;
  const key = normaliseHeader(value);
  return MODEL_BLOCKS.find((block) => normaliseHeader(block) === key);
}

/** True when a header cell names the column (its header or a synonym, apostrophes optional). */
export function matchesColumn(value: CellValue, column: BlockColumn): boolean {
  if (typeof value !== "string") return false;
  const key = normaliseHeader(value).replace(/'/g, "");
  return [column.header, ...column.synonyms].some((name) => normaliseHeader(name).replace(/'/g, "") === key);
}

/** The setting a cell of the Instellingen block names. */
export function matchSetting(value: CellValue): SettingKey | undefined {
  const key = normaliseHeader(textOf(value));
  for (const [setting, names] of Object.entries(SETTING_NAMES) as [SettingKey, (typeof SETTING_NAMES)[SettingKey]][]) {
    if ((names.synonyms as readonly string[]).includes(key)) return setting;
  }
  return undefined;
}

/** Splits a `;` list cell into trimmed non-empty items. */
export function splitList(value: CellValue): string[] {
  if (isBlank(value)) return [];
  return textOf(value)
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A list as one cell. */
export function joinList(items: readonly string[]): string {
  return items.join(`${LIST_SEPARATOR} `);
}

const KIND_WORDS: Readonly<Record<string, PartyKind>> = {
  gemeente: "gemeente",
  corporatie: "corporatie",
  woningcorporatie: "corporatie",
  huurdersorganisatie: "huurdersorganisatie",
  huurdersvereniging: "huurdersorganisatie",
  partner: "partner",
};

/** Party kind for a Soort cell (`woningcorporatie` is a corporatie); undefined when unknown. */
export function parsePartyKind(text: string): PartyKind | undefined {
  return KIND_WORDS[text.trim().toLowerCase()];
}

const YES_WORDS = new Set(["ja", "j", "yes", "y", "waar", "true", "1"]);
const NO_WORDS = new Set(["nee", "n", "no", "onwaar", "false", "0"]);

/** ja/nee (also yes/no and Excel booleans); undefined when it is neither. */
export function parseYesNo(value: CellValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  const key = textOf(value).trim().toLowerCase();
  if (YES_WORDS.has(key)) return true;
  if (NO_WORDS.has(key)) return false;
  return undefined;
}

export function formatYesNo(value: boolean): string {
  return value ? "ja" : "nee";
}

/** `#RGB`, `#RRGGBB` (the `#` optional) -> `#RRGGBB` in capitals; undefined when it is no colour. */
export function normaliseColor(text: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!match?.[1]) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return `#${hex.toUpperCase()}`;
}

/**
 * A number typed the Dutch way or the plain way: `1.234` = 1234 (thousands), `1.234,5`,
 * `0,5`, `12.5`. Undefined for anything else.
 */
export function parseDutchNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, "").replace(/\u2212/g, "-");
  let normal: string | undefined;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^[-+]?\d+(,\d+)?$/.test(t)) normal = t.replace(",", ".");
  else if (/^[-+]?\d*\.\d+$/.test(t)) normal = t;
  if (normal === undefined) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/** A number cell, or a text cell holding a number. */
export function readNumberCell(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return parseDutchNumber(value);
  return undefined;
}

const OPERATOR_WORDS: Readonly<Record<string, CheckOperator>> = {
  "=": "=",
  "==": "=",
  "<=": "<=",
  "=<": "<=",
  "\u2264": "<=",
  ">=": ">=",
  "=>": ">=",
  "\u2265": ">=",
};

/** `=`, `<=`, `>=` (also `==`, `=<`, `≤`, `≥`); undefined otherwise. */
export function parseOperator(text: string): CheckOperator | undefined {
  return OPERATOR_WORDS[text.replace(/\s+/g, "")];
}

/**
 * A side of a Controle: a number, or `Tabel N / row label / column header` (or `caption title /
 * row label / column header`). The row label may
 * itself contain `/` (`Aanleg/onderhoud`): the first part is the table, the last the column.
 */
export function parseOperand(value: CellValue): CheckOperand | undefined {
  const number = readNumberCell(value);
  if (number !== undefined) return { kind: "number", value: number };
  if (typeof value !== "string") return undefined;
  const parts = value.split("/").map((p) => p.trim());
  if (parts.length < 3) return undefined;
  // "Tabel 4", or the table's caption title ("Woningvoorraad") for a table named by caption.
  const table = (/^tabel\s+(.+)$/i.exec(parts[0] ?? "")?.[1] ?? parts[0])?.trim();
  const column = parts[parts.length - 1] ?? "";
  const row = parts.slice(1, -1).join("/").trim();
  if (!table || row === "" || column === "") return undefined;
  return { kind: "ref", table, row, column };
}

/** A side of a Controle as the writer spells it (numbers stay numbers). */
export function formatOperand(operand: CheckOperand): string | number {
  return operand.kind === "number" ? operand.value : `Tabel ${operand.table} / ${operand.row} / ${operand.column}`;
}

/** The label of a Controle without an Omschrijving: `left operator right`. */
export function formatCheckLabel(left: CheckOperand, operator: CheckOperator, right: CheckOperand): string {
  return `${textOf(formatOperand(left))} ${operator} ${textOf(formatOperand(right))}`;
}
