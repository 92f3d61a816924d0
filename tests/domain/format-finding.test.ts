import { checkWorkbook } from "../../src/domain/check-workbook";
import type { FindingData } from "../../src/domain/finding";
import { formatFinding } from "../../src/domain/messages";
import { gridFromRows } from "../helpers/grid-from-a1";

/*
 * formatFinding copies finding data key by key (a spread gave every finding a hidden class of its
 * own): the copy must keep every key, in the data's order, which exports such as the summary JSON
 * show, and add the message last.
 */
describe("formatFinding", () => {
  it("keeps every key of the data in its order and adds the message last", () => {
    const data: FindingData = {
      code: "total-row",
      severity: "error",
      sheet: "Tabellen",
      cell: "C9",
      range: "B3:D9",
      expected: 100,
      actual: 99,
      suggestion: "100",
      params: { label: "Totaal" },
      row: 9,
      table: "Tabel 2",
    };
    const formatted = formatFinding(data, "en");
    expect(Object.keys(formatted)).toEqual([...Object.keys(data), "message"]);
    expect(formatted).toEqual({ ...data, message: formatted.message });
    expect(formatted.message).not.toBe("");
  });

  it("leaves absent keys absent", () => {
    const formatted = formatFinding({ code: "missing-party", severity: "error", sheet: "Afspraken", row: 2 }, "nl");
    expect(Object.keys(formatted)).toEqual(["code", "severity", "sheet", "row", "message"]);
  });

  it("gives a row finding its keys in the order exports have always shown", () => {
    const grid = gridFromRows([
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?"],
      ["Duurzamheid", "RES", "Warmtevisie", "Gemeente"],
    ]);
    const unknownTheme = checkWorkbook([grid]).findings.find((f) => f.code === "unknown-theme");
    expect(Object.keys(unknownTheme ?? {})).toEqual(["code", "severity", "suggestion", "sheet", "row", "cell", "params", "message"]);
  });
});
