import { applySuggestionToText, canApplySuggestion } from "../../../src/domain/findings/apply-suggestion";
import type { Finding } from "../../../src/domain/findings/finding";

const party = (value: string, suggestion: string | undefined): Finding =>
  ({ code: "unknown-party", severity: "error", sheet: "Afspraken", cell: "D33", message: "m", params: { value }, ...(suggestion !== undefined ? { suggestion } : {}) }) as Finding;

describe("applying a suggestion", () => {
  it("replaces only the part of the cell the finding is about", () => {
    expect(applySuggestionToText(party("Gemeent", "Gemeente"), "Gemeent en Lefier")).toBe("Gemeente en Lefier");
    expect(applySuggestionToText(party("Gemeent", "Gemeente"), "Lefier, gemeent")).toBe("Lefier, Gemeente");
    expect(applySuggestionToText(party("Woonservice Lefier", "Woonservice, Lefier"), "Woonservice Lefier")).toBe("Woonservice, Lefier");
  });

  it("does not touch a longer word, and gives up when the cell changed since the check", () => {
    expect(applySuggestionToText(party("Lef", "Lefier"), "Lefier en Lef")).toBe("Lefier en Lefier");
    expect(applySuggestionToText(party("Gemeent", "Gemeente"), "Gemeente Stadskanaal")).toBeUndefined();
  });

  it("applies only suggestions that name a replacement for a value", () => {
    expect(canApplySuggestion(party("Gemeent", undefined))).toBe(false);
    expect(canApplySuggestion(party("Gemeent", "Gemeente"))).toBe(true);
    const table = { code: "stock-flow", severity: "error", sheet: "T", cell: "B3", message: "m", params: { year: 2021 }, suggestion: "3796" } as Finding;
    expect(canApplySuggestion(table)).toBe(false);
  });
});
