import { checkWorkbook } from "../../src/domain/check-workbook";
import type { FindingData } from "../../src/domain/findings/finding";
import { formatFinding, formatMessage } from "../../src/domain/findings/messages";
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
      params: { label: "Totaal", column: "C" },
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

/* Each finding's message is the one its own values, language and suggestion give. */
describe("formatMessage", () => {
  const status = (year: number | string, status = "rood"): FindingData => ({
    code: "missing-explanation",
    severity: "warning",
    sheet: "Afspraken",
    row: 2,
    params: { status, year },
  });

  it("gives each finding the message of its own values, language and suggestion", () => {
    const findings: FindingData[] = [
      status(2022),
      status(2023),
      status("2022"),
      status(2022, "oranje"),
      { code: "unknown-theme", severity: "error", sheet: "A", params: { value: "Wonen" } },
      { code: "unknown-theme", severity: "error", sheet: "A", params: { value: "Wonen" }, suggestion: "Wonen en zorg" },
      { code: "unknown-theme", severity: "error", sheet: "A", params: { value: "Wonen" }, suggestion: "" },
      { code: "total-row", severity: "error", sheet: "T", expected: 10.5, actual: 10, params: { label: "Totaal", column: "C" } },
      { code: "total-row", severity: "error", sheet: "T", expected: 10.25, actual: 10, params: { label: "Totaal", column: "C" } },
      // Deliberately without the param its code requires: the placeholder stays visible.
      { code: "missing-status", severity: "warning", sheet: "A", params: {} } as unknown as FindingData,
    ];
    const expected = [
      "Status rood in 2022 zonder toelichting.",
      "Status rood in 2023 zonder toelichting.",
      "Status rood in 2022 zonder toelichting.",
      "Status oranje in 2022 zonder toelichting.",
      "Onbekend thema 'Wonen'.",
      "Onbekend thema 'Wonen'. Bedoelt u 'Wonen en zorg'?",
      "Onbekend thema 'Wonen'.",
      "'Totaal' in kolom C is 10, de som van de rijen erboven is 10,5. Verschil: 0,5 te weinig.",
      "'Totaal' in kolom C is 10, de som van de rijen erboven is 10,25. Verschil: 0,25 te weinig.",
      "Geen status ingevuld voor {year}.",
    ];
    expect(findings.map((f) => formatMessage(f, "nl"))).toEqual(expected);
    expect(formatMessage(findings[7] as FindingData, "en")).toBe("'Totaal' in column C is 10, the rows above add up to 10.5. Difference: 0.5 too few.");
    expect(formatMessage(status(2022), "en")).toBe("Status rood in 2022 without an explanation.");
  });
});
