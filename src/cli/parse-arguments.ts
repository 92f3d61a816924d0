import { translate, type Lang } from "../domain";
import { InputError } from "./input-error";

export interface CheckCommand {
  readonly kind: "check";
  readonly workbook: string;
  readonly json: boolean;
  readonly all: boolean;
  readonly out?: string;
  readonly export?: string;
  readonly year?: number;
  readonly model?: string;
  /** `--party <naam>`: list that party's agreements of the monitoring year. */
  readonly party?: string;
  /** `--previous <vorige.xlsx>`: a previous version of the workbook; the HTML report then says what changed. */
  readonly previous?: string;
  readonly lang: Lang;
  /** The workbook is the bundled sample (the demo): the report says "Voorbeeld" on every page. */
  readonly sample: boolean;
}

export interface CompareCommand {
  readonly kind: "compare";
  readonly previous: string;
  readonly current: string;
  readonly json: boolean;
  readonly lang: Lang;
}

export interface ModelInitCommand {
  readonly kind: "model-init";
  readonly file: string;
  readonly from?: string;
  readonly lang: Lang;
}

/** `accept <werkmap> --cel Blad!C5 [--code regel] --reden tekst --out kopie.xlsx` (accept-command.ts). */
export interface AcceptCommand {
  readonly kind: "accept";
  readonly workbook: string;
  /** "Blad!C5" as typed. */
  readonly cell: string;
  readonly code?: string;
  readonly reason: string;
  readonly out: string;
  readonly lang: Lang;
}

/** `nieuw-jaar <werkmap> --year JJJJ --out kopie.xlsx` (new-year-command.ts). */
export interface NewYearCommand {
  readonly kind: "new-year";
  readonly workbook: string;
  readonly year: number;
  readonly out: string;
  readonly lang: Lang;
}

export type Command =
  | CheckCommand
  | AcceptCommand
  | NewYearCommand
  | ModelInitCommand
  | CompareCommand
  | { readonly kind: "help"; readonly lang: Lang }
  | { readonly kind: "version" };

const VALUE_OPTIONS = new Set(["--out", "--export", "--year", "--model", "--lang", "--from", "--party", "--previous", "--cel", "--cell", "--code", "--reden", "--reason"]);
const FLAG_OPTIONS = new Set(["--json", "--all", "--sample", "--help", "-h", "--version"]);

/** Parses the command line; wrong usage is an InputError (exit 2). */
export function parseArguments(argv: readonly string[]): Command {
  // The language first: an error in any other argument is told in the language asked for.
  const early = readLangEarly(argv);
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = splitInline(arg);
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new InputError(translate("cli", "optionNeedsValue", early, { option: name }));
      }
      if (inline === undefined) i += 1;
      options.set(name, value);
    } else if (FLAG_OPTIONS.has(name)) {
      flags.add(name);
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new InputError(translate("cli", "unknownOption", early, { option: arg }));
    } else {
      positional.push(arg);
    }
  }
  const lang = parseLang(options.get("--lang"));
  if (flags.has("--version")) return { kind: "version" };
  if (flags.has("--help") || flags.has("-h") || positional.length === 0) return { kind: "help", lang };

  const [command, ...rest] = positional;
  if (command === "check") {
    if (rest.length !== 1) throw new InputError(translate("cli", "checkTakesOneWorkbook", lang));
    const year = parseYear(options.get("--year"), lang);
    const out = options.get("--out");
    const exportPath = options.get("--export");
    const model = options.get("--model");
    const party = options.get("--party");
    const previous = options.get("--previous");
    return {
      kind: "check",
      workbook: rest[0] as string,
      json: flags.has("--json"),
      all: flags.has("--all"),
      sample: flags.has("--sample"),
      lang,
      ...(out !== undefined ? { out } : {}),
      ...(exportPath !== undefined ? { export: exportPath } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(model !== undefined ? { model } : {}),
      ...(party !== undefined ? { party } : {}),
      ...(previous !== undefined ? { previous } : {}),
    };
  }
  if (options.has("--party")) throw new InputError(translate("cli", "partyOnlyWithCheck", lang));
  if (options.has("--previous")) throw new InputError(translate("insight", "previousOnlyWithCheck", lang));
  if (command === "accept" || command === "accepteer") {
    const cell = options.get("--cel") ?? options.get("--cell");
    const reason = options.get("--reden") ?? options.get("--reason");
    const code = options.get("--code");
    const out = options.get("--out");
    if (rest.length !== 1 || cell === undefined || reason === undefined || reason.trim() === "") {
      throw new InputError(translate("acceptance", "acceptUsage", lang));
    }
    if (out === undefined) throw new InputError(translate("acceptance", "outRequired", lang, { command }));
    return { kind: "accept", workbook: rest[0] as string, cell, reason: reason.trim(), out, lang, ...(code !== undefined ? { code } : {}) };
  }
  if (command === "nieuw-jaar" || command === "new-year") {
    const year = parseYear(options.get("--year"), lang);
    const out = options.get("--out");
    if (rest.length !== 1 || year === undefined) throw new InputError(translate("acceptance", "newYearUsage", lang));
    if (out === undefined) throw new InputError(translate("acceptance", "outRequired", lang, { command }));
    return { kind: "new-year", workbook: rest[0] as string, year, out, lang };
  }
  if (command === "compare") {
    const [previous, current, ...extra] = rest;
    if (previous === undefined || current === undefined || extra.length > 0) throw new InputError(translate("cli", "compareTakesTwoWorkbooks", lang));
    return { kind: "compare", previous, current, json: flags.has("--json"), lang };
  }
  if (command === "model") {
    const [sub, file, ...extra] = rest;
    if (sub !== "init" || file === undefined || extra.length > 0) {
      throw new InputError(translate("cli", "modelInitUsage", lang));
    }
    const from = options.get("--from");
    return { kind: "model-init", file, lang, ...(from !== undefined ? { from } : {}) };
  }
  throw new InputError(translate("cli", "unknownCommand", lang, { command: command ?? "" }));
}

/** The `--lang` asked for, English only when it says en: Dutch for anything else, as the product's default. */
function readLangEarly(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = splitInline(argv[i] as string);
    if (name === "--lang") return (inline ?? argv[i + 1] ?? "").toLowerCase() === "en" ? "en" : "nl";
  }
  return "nl";
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  if (arg.startsWith("--") && eq > 2) return [arg.slice(0, eq), arg.slice(eq + 1)];
  return [arg, undefined];
}

function parseLang(value: string | undefined): Lang {
  if (value === undefined) return "nl";
  const lang = value.toLowerCase();
  if (lang === "nl" || lang === "en") return lang;
  // Not a language we speak: told in the product's own, Dutch.
  throw new InputError(translate("cli", "invalidLang", "nl", { value }));
}

/** Monitoring years the tool accepts: Excel's dates start in 1900, and agreements run a few years ahead. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

function parseYear(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new InputError(translate("cli", "invalidYear", lang, { value }));
  const year = Number(value);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new InputError(translate("cli", "yearRange", lang, { value }));
  return year;
}
