import type { FindingData } from "../../../src/domain/findings/finding";
import { translate } from "../../../src/domain/findings/catalogue";
import { formatMessage, formatNumber } from "../../../src/domain/findings/messages";

describe("numbers the reader's way", () => {
  it.each([
    [3810, "nl", "3.810"],
    [29.2, "nl", "29,2"],
    [-1234567.125, "nl", "-1.234.567,125"],
    [99.90000000000001, "nl", "99,9"],
    [3810, "en", "3,810"],
    [29.2, "en", "29.2"],
  ] as const)("%s in %s is %s", (value, lang, text) => {
    expect(formatNumber(value, lang)).toBe(text);
  });

  it("writes years and row numbers without grouping", () => {
    expect(formatNumber(2022, "nl", { grouping: false })).toBe("2022");
    const stock: FindingData = { code: "stock-flow", severity: "error", sheet: "T", cell: "C96", expected: "3793…3798", actual: 3810, params: { year: 2021 } };
    expect(formatMessage(stock, "nl")).toBe("Stand per 31 december 2021 is 3.810, maar begin + mutaties = 3.793…3.798. Verschil: minstens 12 te veel.");
    expect(formatMessage(stock, "en")).toContain("31 December 2021 is 3,810");
    const duplicate: FindingData = { code: "duplicate-agreement", severity: "warning", sheet: "A", cell: "C12345", params: { firstRow: 10234 } };
    expect(formatMessage(duplicate, "nl")).toContain("rij 10234 ");
  });

  it("fills catalogue texts the same way: counts grouped, years not", () => {
    expect(translate("pane", "agreementsInYear", "nl", { count: 20000, year: 2026 })).toBe("20.000 afspraken, monitoringjaar 2026");
    expect(translate("pane", "agreementsInYear", "en", { count: 20000, year: 2026 })).toMatch(/^20,000 .*2026$/);
  });

  it("keeps a JSON number a number: only the message changes", () => {
    const total: FindingData = { code: "total-row", severity: "error", sheet: "T", cell: "C9", expected: 12500.5, actual: 12400, params: { label: "Totaal", column: "C" } };
    expect(formatMessage(total, "nl")).toBe("'Totaal' in kolom C is 12.400, de som van de rijen erboven is 12.500,5. Verschil: 100,5 te weinig.");
    expect(total.expected).toBe(12500.5);
  });
});
