import fc from "fast-check";
import { stripMarkup } from "../../../../src/domain/core/normalise-text";
import { readAndCheck, sheetWith, withCode } from "../helpers";

/**
 * Whatever the text, two rows must be reported as copies exactly when their agreement keys
 * (stripMarkup, lower case) are equal.
 */
const PIECES = ["a", "A", "b", "B", " ", "  ", "\t", "\n", "\r\n", "<b>", "</b>", "&amp;", "&", "é", "É", "-", "1"];
/**
 * For texts longer than the hashed ends: words, and characters whose lower case is ASCII (Kelvin
 * sign), is longer (dotted capital I), depends on its neighbours (capital sigma) or is whitespace
 * the key collapses (no-break space).
 */
const LONG_PIECES = [
  "Lefier bouwt ",
  "nieuwe woningen ",
  "in Stadskanaal ",
  "k",
  "K",
  "\u212A",
  "\u0130",
  "i\u0307",
  "\u03A3",
  "\u00A0",
  "é",
  " ",
  "\t",
  "<b>",
  "&amp;",
  ".",
];
const WHITESPACE = [" ", "  ", "\t", "\n", "\r\n", " \t "];

/** How the second text is made from the first piece by piece: mostly edits that keep the key. */
type Edit = "same" | "swap-case" | "other-whitespace" | "add-markup" | "add-space" | "replace";
const EDITS: Edit[] = ["same", "same", "swap-case", "other-whitespace", "add-markup", "add-space", "replace"];

function applyEdit(piece: string, edit: Edit, replacement: string, space: string): string {
  switch (edit) {
    case "same":
      return piece;
    case "swap-case":
      return piece === piece.toLowerCase() ? piece.toUpperCase() : piece.toLowerCase();
    case "other-whitespace":
      return piece.trim() === "" ? space : piece;
    case "add-markup":
      return `<b>${piece}</b>`;
    case "add-space":
      return `${piece}${space}`;
    case "replace":
      return replacement;
  }
}

function createTextPairs(pieces: readonly string[], maxLength: number) {
  return fc
    .array(fc.record({ piece: fc.constantFrom(...pieces), edit: fc.constantFrom(...EDITS), replacement: fc.constantFrom(...pieces), space: fc.constantFrom(...WHITESPACE) }), {
      minLength: 1,
      maxLength,
    })
    .map((parts) => [parts.map((p) => p.piece).join(""), parts.map((p) => applyEdit(p.piece, p.edit, p.replacement, p.space)).join("")] as const);
}

function toKey(text: string): string {
  return stripMarkup(text).toLowerCase();
}

function countCopies(first: string, second: string): number {
  const grid = sheetWith([
    ["Duurzaamheid", "RES", first, "Lefier", "Visie"],
    ["Duurzaamheid", "RES", second, "Lefier", "Visie"],
  ]);
  return withCode(readAndCheck([grid]).findings, "duplicate-agreement").length;
}

describe("duplicate-agreement: the hash groups rows as their keys do", () => {
  it("reports the second of two rows as a copy exactly when their agreement keys are equal", () => {
    fc.assert(
      fc.property(createTextPairs(PIECES, 8), ([first, second]) => {
        // Both rows have activities, so rows with a blank agreement take part too.
        expect(countCopies(first, second)).toBe(toKey(first) === toKey(second) ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("does so for texts longer than the hashed ends, whatever lies at the ends or between them", () => {
    fc.assert(
      fc.property(createTextPairs(LONG_PIECES, 24), fc.constantFrom("", "Prestatieafspraak over het wonen: "), ([first, second], lead) => {
        expect(countCopies(lead + first, lead + second)).toBe(toKey(lead + first) === toKey(lead + second) ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("tells apart texts whose ends are equal but whose middles differ", () => {
    const end = "x".repeat(40);
    expect(countCopies(`${end} Lefier bouwt ${end}`, `${end} Lefier sloopt ${end}`)).toBe(0);
    expect(countCopies(`${end} Lefier bouwt ${end}`, `${end.toUpperCase()}  lefier BOUWT\t${end}`)).toBe(1);
  });
});
