import type { Lang } from "../domain";

/**
 * The CLI's new user-facing words, nl and en, in one place: to be folded into the domain's
 * catalogue (src/domain/findings/locales) with the rest of the CLI's messages.
 */
export const CLI_WORDS = {
  nl: {
    internalError: "interne fout (dit is een fout in prestatiemonitor, niet in de werkmap)",
    interrupted: "afgebroken; tijdelijke bestanden zijn verwijderd",
    tooLarge: "de werkmap is te groot om binnen de grenzen (60 s, 2 GB) te controleren",
    yearRange: "--year moet een jaar tussen 1900 en 2100 zijn, niet",
    sameAsModel: "mag niet het modelbestand (--model) zijn: de invoer wordt nooit geschreven",
    hiddenSheets: "verborgen bladen (ook gecontroleerd)",
  },
  en: {
    internalError: "internal error (a fault in prestatiemonitor, not in the workbook)",
    interrupted: "interrupted; temporary files removed",
    tooLarge: "the workbook is too large to check within the limits (60 s, 2 GB)",
    yearRange: "--year must be a year from 1900 to 2100, not",
    sameAsModel: "must not be the model file (--model): inputs are never written",
    hiddenSheets: "hidden sheets (checked too)",
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** One CLI word in the language asked for. */
export function sayCli(key: keyof (typeof CLI_WORDS)["en"], lang: Lang): string {
  return CLI_WORDS[lang][key];
}
