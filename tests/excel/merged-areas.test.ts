import { listAreaRanges } from "../../src/excel/read-workbook";

describe("listAreaRanges (Range.getMergedAreasOrNullObject's address)", () => {
  it("gives the local ranges of every area, whatever the sheet name holds", () => {
    expect(listAreaRanges("Afspraken!A4:A6, Afspraken!A7:A9")).toEqual(["A4:A6", "A7:A9"]);
    expect(listAreaRanges("'Jan''s, blad'!$B$2:$C$2,'Jan''s, blad'!D5")).toEqual(["B2:C2", "D5"]);
  });

  it("gives nothing for an empty address", () => {
    expect(listAreaRanges("")).toEqual([]);
  });
});
