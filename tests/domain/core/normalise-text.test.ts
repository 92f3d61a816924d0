import { collapseWhitespace } from "../../../src/domain/core/normalise-text";

describe("collapseWhitespace", () => {
  // Long texts (over the cache's length) take the uncached path that scans ASCII texts itself.
  const long = (text: string): string => `${text} ${"x".repeat(80)}`;

  it("leaves collapsed text as it is", () => {
    expect(collapseWhitespace("a b c")).toBe("a b c");
    expect(collapseWhitespace(long("Één afspraak, geïmplementeerd"))).toBe(long("Één afspraak, geïmplementeerd"));
  });

  it("collapses runs, tabs, line breaks and edges in ASCII text", () => {
    expect(collapseWhitespace(long("a  b"))).toBe(long("a b"));
    expect(collapseWhitespace(long(" a"))).toBe(long("a"));
    expect(collapseWhitespace(`${long("a")} `)).toBe(long("a"));
    expect(collapseWhitespace(long("a\tb\r\nc\u000bd\u000ce"))).toBe(long("a b c d e"));
  });

  it("collapses the whitespace beyond ASCII", () => {
    expect(collapseWhitespace(long("a\u00a0b"))).toBe(long("a b"));
    expect(collapseWhitespace(long("é\u2003 b"))).toBe(long("é b"));
    expect(collapseWhitespace(long("\ufeffa"))).toBe(long("a"));
  });

  it("keeps control characters that are not whitespace", () => {
    expect(collapseWhitespace(long("a\u001cb"))).toBe(long("a\u001cb"));
  });
});
