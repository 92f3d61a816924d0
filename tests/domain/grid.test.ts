import { addressOf, formatA1, isExcelError, parseA1, splitSheetAddress, toColumnIndex, toColumnLetters } from "../../src/domain/core/grid";
import { formatCellReference, formatMessage } from "../../src/domain/findings/messages";
import { gridFromA1 } from "../helpers/grid-from-a1";

describe("A1 addresses", () => {
  it("converts column letters both ways", () => {
    expect(toColumnLetters(0)).toBe("A");
    expect(toColumnLetters(25)).toBe("Z");
    expect(toColumnLetters(26)).toBe("AA");
    expect(toColumnLetters(16383)).toBe("XFD");
    expect(toColumnIndex("XFD")).toBe(16383);
    expect(toColumnIndex("aa")).toBe(26);
  });
  it("parses and formats cells", () => {
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("7C")).toBeUndefined();
    expect(formatA1(6, 2)).toBe("C7");
  });
  it("offsets grid addresses by the origin", () => {
    const grid = gridFromA1({ C5: 1, D6: 2 }, { origin: "C5" });
    expect(grid.values).toEqual([
      [1, null],
      [null, 2],
    ]);
    expect(addressOf(grid, 1, 1)).toBe("D6");
  });
  it("recognises Excel error values and nothing else", () => {
    expect(isExcelError("#REF!")).toBe(true);
    expect(isExcelError("#div/0!")).toBe(true);
    expect(isExcelError("#hashtag")).toBe(false);
    expect(isExcelError(0)).toBe(false);
  });
  it("splits sheet-qualified addresses, quoted or not", () => {
    expect(splitSheetAddress("Blad1!A1:B2")).toEqual({ sheet: "Blad1", local: "A1:B2" });
    expect(splitSheetAddress("='Jan''s blad'!$A$1")).toEqual({ sheet: "Jan's blad", local: "$A$1" });
    expect(splitSheetAddress("C3")).toEqual({ local: "C3" });
  });
  it("quotes sheet names that need it", () => {
    expect(formatCellReference("Afspraken", "A1")).toBe("Afspraken!A1");
    expect(formatCellReference("Tabel 1", "B2")).toBe("'Tabel 1'!B2");
    expect(formatCellReference("Jan's", "B2")).toBe("'Jan''s'!B2");
  });
});

describe("numbers in messages", () => {
  it("uses the Dutch decimal comma in nl and the point in en, without float noise", () => {
    const finding = {
      code: "percent-sum" as const,
      severity: "info" as const,
      sheet: "Tabellen",
      cell: "C19",
      params: { column: "2020", sum: 99.90000000000001, tolerance: 0.25 },
    };
    expect(formatMessage(finding, "nl")).toBe("Aandelen in kolom 2020 tellen op tot 99,9% in plaats van 100% (marge 0,25).");
    expect(formatMessage(finding, "en")).toBe("Shares in column 2020 add up to 99.9% instead of 100% (tolerance 0.25).");
  });
});
