import fc from "fast-check";
import { stripMarkup } from "../../../src/domain/normalise-text";
import { readAndCheck, sheetWith, withCode } from "./helpers";

/**
 * The duplicate rule first tells rows apart by a hash that normalises plain ASCII text while
 * hashing (whitespace collapsed, lower case) instead of building the key. Whatever the text, two
 * rows must be reported as copies exactly when their keys (stripMarkup, lower case) are equal.
 */
const PIECES = ["a", "A", "b", "B", " ", "  ", "\t", "\n", "\r\n", "<b>", "</b>", "&amp;", "&", "é", "É", "-", "1"];
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

const textPair = fc
  .array(fc.record({ piece: fc.constantFrom(...PIECES), edit: fc.constantFrom(...EDITS), replacement: fc.constantFrom(...PIECES), space: fc.constantFrom(...WHITESPACE) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => [parts.map((p) => p.piece).join(""), parts.map((p) => applyEdit(p.piece, p.edit, p.replacement, p.space)).join("")] as const);

function toKey(text: string): string {
  return stripMarkup(text).toLowerCase();
}

describe("duplicate-agreement: the hash groups rows as their keys do", () => {
  it("reports the second of two rows as a copy exactly when their agreement keys are equal", () => {
    fc.assert(
      fc.property(textPair, ([first, second]) => {
        const grid = sheetWith([
          ["Duurzaamheid", "RES", first, "Lefier", "Visie"],
          ["Duurzaamheid", "RES", second, "Lefier", "Visie"],
        ]);
        const copies = withCode(readAndCheck([grid]).findings, "duplicate-agreement");
        // Both rows have activities, so rows with a blank agreement take part too.
        const expected = toKey(first) === toKey(second) ? 1 : 0;
        expect(copies).toHaveLength(expected);
      }),
      { numRuns: 400 },
    );
  });
});
