import { parseAreas, parseRangeAddress } from "../../src/excel/range-address";

describe("range addresses as Excel returns them", () => {
  it("parses whole columns, whole rows, cells and multi-area addresses", () => {
    expect(parseRangeAddress("Afspraken!$F:$F")).toEqual({ top: 0, left: 5, bottom: 1_048_575, right: 5 });
    expect(parseRangeAddress("'Blad 1'!A:C")).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 2 });
    expect(parseRangeAddress("3:5")).toEqual({ top: 2, left: 0, bottom: 4, right: 16_383 });
    expect(parseAreas("Blad1!E2:E9,Blad1!G4,Blad1!$H:$H")).toEqual([
      { top: 1, left: 4, bottom: 8, right: 4 },
      { top: 3, left: 6, bottom: 3, right: 6 },
      { top: 0, left: 7, bottom: 1_048_575, right: 7 },
    ]);
    expect(parseRangeAddress("not an address")).toBeUndefined();
  });
});
