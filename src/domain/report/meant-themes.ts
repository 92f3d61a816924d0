import type { Finding } from "../findings/finding";

/**
 * The theme a misspelt theme means, per agreement row: the suggestion of the row's unknown-theme
 * finding. A board counts and reads "Duurzamheid" under Duurzaamheid, not as a theme of its own;
 * the coordinator still sees the finding. One lookup for every board view (counts, agenda, party
 * pages, the summary workbook), so they cannot disagree.
 */
export interface MeantThemes {
  /** The model's theme the row's typed theme means, or undefined when the typed theme stands. */
  find(sheet: string, row: number): string | undefined;
}

/** Reads the meant themes from a check's findings. */
export function readMeantThemes(findings: readonly Finding[]): MeantThemes {
  const meant = new Map<string, string>();
  for (const finding of findings) {
    if (finding.code !== "unknown-theme" || finding.suggestion === undefined || finding.row === undefined) continue;
    meant.set(toRowKey(finding.sheet, finding.row), finding.suggestion);
  }
  return { find: (sheet, row) => meant.get(toRowKey(sheet, row)) };
}

function toRowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}
