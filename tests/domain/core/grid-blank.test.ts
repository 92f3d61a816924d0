import { endsVisibly, isBlank, isExcelError, startsVisibly } from "../../../src/domain";

// Every whitespace character String.prototype.trim removes: the fast paths must agree with trim().
const TRIMMED = ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];

describe("isBlank", () => {
  it("is true for null, empty and every kind of whitespace trim() removes", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank("")).toBe(true);
    for (const space of TRIMMED) expect(isBlank(`${space}${space}`)).toBe(true);
  });

  it("is false for text, numbers and booleans, wherever the whitespace stands", () => {
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    for (const space of TRIMMED) {
      expect(isBlank(`${space}x`)).toBe(false);
      expect(isBlank(`x${space}`)).toBe(false);
    }
    expect(isBlank("é")).toBe(false);
    expect(isBlank("\u4e2d")).toBe(false);
  });
});

describe("startsVisibly and endsVisibly", () => {
  it("never call a character visible that trim() would remove", () => {
    for (const space of TRIMMED) {
      expect(startsVisibly(`${space}a`)).toBe(false);
      expect(endsVisibly(`a${space}`)).toBe(false);
    }
    expect(startsVisibly("")).toBe(false);
    expect(startsVisibly("Groen")).toBe(true);
    expect(endsVisibly("Groen.")).toBe(true);
  });
});

describe("isExcelError", () => {
  it("recognises error values with or without surrounding whitespace, in any case", () => {
    expect(isExcelError("#N/A")).toBe(true);
    expect(isExcelError(" #ref! ")).toBe(true);
    expect(isExcelError("\u00a0#DIV/0!")).toBe(true);
  });

  it("rejects texts that merely contain or start with a hash", () => {
    expect(isExcelError("Zie #3")).toBe(false);
    expect(isExcelError("#3 in de lijst")).toBe(false);
    expect(isExcelError(42)).toBe(false);
  });
});
