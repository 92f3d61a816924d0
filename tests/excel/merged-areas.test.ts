import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { listAreaRanges } from "../../src/excel/range-address";

describe("listAreaRanges (Range.getMergedAreasOrNullObject's address)", () => {
  it("gives the local ranges of every area, whatever the sheet name holds", () => {
    expect(listAreaRanges("Afspraken!A4:A6, Afspraken!A7:A9")).toEqual(["A4:A6", "A7:A9"]);
    expect(listAreaRanges("'Jan''s, blad'!$B$2:$C$2,'Jan''s, blad'!D5")).toEqual(["B2:C2", "D5"]);
  });

  it("gives nothing for an empty address", () => {
    expect(listAreaRanges("")).toEqual([]);
  });
});

describe("the add-in reads merged areas (in-memory host)", () => {
  afterEach(tearDownAdapter);

  it("gives every agreement under a theme merged down that theme", async () => {
    const { host, adapter } = setUpAdapter({
      sheets: [
        {
          name: "Afspraken",
          values: [
            ["Thema", "Afspraak", "Wie", "Status 2022"],
            ["Duurzaamheid", "Zonnepanelen.", "Lefier", "groen"],
            [null, "Isolatie.", "Lefier", "groen"],
            [null, "Warmtepompen.", "Woonservice", "groen"],
          ],
        },
      ],
    });
    host.sheet("Afspraken").merges.push({ top: 1, left: 0, bottom: 3, right: 0 });
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.result.agreements.map((r) => r.theme)).toEqual(["Duurzaamheid", "Duurzaamheid", "Duurzaamheid"]);
    expect(outcome.result.findings.filter((f) => f.code === "missing-theme")).toEqual([]);
  });
});
