import {
  countDecimals,
  parseCellNumber,
  parseDutchNumber,
  parseNumberText,
  readNumberFormat,
  stripMarkup,
} from "../../../src/domain/core/parse-number";
import type { CellValue } from "../../../src/domain/core/grid";
import type { TableValue } from "../../../src/domain/tables/table";

const num = (value: number, decimals: number, percent = false, fromText = true): TableValue => ({
  kind: "number",
  value,
  decimals,
  percent,
  fromText,
});
const range = (min: number, max: number, decimals = 0, percent = false): TableValue => ({ kind: "interval", min, max, decimals, percent });
const UNKNOWN: TableValue = { kind: "unknown" };

describe("parseNumberText: Dutch text", () => {
  it.each<[string, TableValue]>([
    ["4.324", num(4324, 0)],
    ["3.810", num(3810, 0)],
    ["2.768", num(2768, 0)],
    ["1.234.567", num(1234567, 0)],
    ["1.234,5", num(1234.5, 1)],
    ["1,0%", num(1, 1, true)],
    ["29,2%", num(29.2, 1, true)],
    ["29,2 %", num(29.2, 1, true)],
    ["100,0%", num(100, 1, true)],
    ["0,0%", num(0, 1, true)],
    ["-89", num(-89, 0)],
    ["−89", num(-89, 0)],
    ["+16", num(16, 0)],
    ["0", num(0, 0)],
    ["€ 1.000", num(1000, 0)],
    ["€1.000,-", num(1000, 0)],
    ["1.000 EUR", num(1000, 0)],
    ["1,234", num(1.234, 3)],
    ["1 234", num(1234, 0)],
    ["<i>64</i>", num(64, 0)],
    [" 22 ", num(22, 0)],
    // A dot not followed by three digits cannot be a Dutch thousands separator: a decimal point.
    ["1.5", num(1.5, 1)],
    ["0.25", num(0.25, 2)],
    ["1,234.5", num(1234.5, 1)],
  ])("%s", (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });

  it.each<[string, TableValue]>([
    ["-20 - -25", range(-25, -20)],
    ["-20--25", range(-25, -20)],
    ["20-25", range(20, 25)],
    ["20 - 25", range(20, 25)],
    ["20 – 25", range(20, 25)],
    ["20 à 25", range(20, 25)],
    ["20 a 25", range(20, 25)],
    ["20 tot 25", range(20, 25)],
    ["20 tot en met 25", range(20, 25)],
    ["20 t/m 25", range(20, 25)],
    ["25 - 20", range(20, 25)],
    ["1.000 - 1.500", range(1000, 1500)],
    ["10-12,5%", range(10, 12.5, 1, true)],
  ])("interval %s", (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });

  it.each(["n.b.", "nb", "NB", "nvt", "n.v.t.", "N.v.t.", "-", "—", "–", "", "   ", "<i></i>"])("unknown: %p", (text) => {
    expect(parseNumberText(text)).toEqual(UNKNOWN);
  });

  it.each(["12a", "ca. 20", "veel", "1.2.3,4,5", "1-1-2021", "1,2,3", "20 tot", "tot 25", "1.23.456"])("invalid: %p", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "invalid", text });
  });

  it("keeps the original text of an invalid value, trimmed", () => {
    expect(parseNumberText("  12a ")).toEqual({ kind: "invalid", text: "12a" });
  });

  it.each(["#REF!", "#DIV/0!", "#N/A", " #value! "])("Excel error %p", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "error", text: text.trim() });
  });
});

describe("parseCellNumber: numbers with formats", () => {
  it.each<[CellValue, string | undefined, TableValue]>([
    [0.292, "0.0%", num(29.2, 1, true, false)],
    [0.292, "0%", num(29.2, 0, true, false)],
    [1, "0.0%", num(100, 1, true, false)],
    [0.999, "0.0%", num(99.9, 1, true, false)],
    [4324, "#,##0", num(4324, 0, false, false)],
    [4324.5, "#,##0", num(4324.5, 0, false, false)],
    [1234.5, "#,##0.00", num(1234.5, 2, false, false)],
    [29.2, "General", num(29.2, 1, false, false)],
    [29.2, undefined, num(29.2, 1, false, false)],
    [3810, "General", num(3810, 0, false, false)],
    [0.1 + 0.2, "General", num(0.3, 1, false, false)],
    [-89, '"€ "#,##0;[Red]-"€ "#,##0', num(-89, 0, false, false)],
    [12.5, "[$€-413] #,##0.0", num(12.5, 1, false, false)],
    [null, "0.0%", UNKNOWN],
    ["", "General", UNKNOWN],
    ["n.b.", "General", UNKNOWN],
    ["29,2%", "@", num(29.2, 1, true, true)],
    [true, "General", { kind: "invalid", text: "TRUE" }],
    ["#REF!", "General", { kind: "error", text: "#REF!" }],
  ])("%p with %p", (value, format, expected) => {
    expect(parseCellNumber(value, format)).toEqual(expected);
  });
});

describe("helpers", () => {
  it.each<[string, number | undefined, boolean]>([
    ["General", undefined, false],
    ["0", 0, false],
    ["0.000", 3, false],
    ["#,##0.0", 1, false],
    ["0.00%", 2, true],
    ['"%"0', 0, false],
    ["@", undefined, false],
  ])("readNumberFormat(%p)", (format, decimals, percent) => {
    expect(readNumberFormat(format)).toEqual({ decimals, percent });
  });

  it.each<[number, number]>([
    [3, 0],
    [29.2, 1],
    [0.125, 3],
    [1e-7, 7],
    [0.1 + 0.2, 1],
  ])("countDecimals(%p) = %p", (value, decimals) => {
    expect(countDecimals(value)).toBe(decimals);
  });

  it("parseDutchNumber has no percent or interval", () => {
    expect(parseDutchNumber("5%")).toBeUndefined();
    expect(parseDutchNumber("20-25")).toBeUndefined();
    expect(parseDutchNumber("-0")).toEqual({ value: 0, decimals: 0 });
  });

  it("stripMarkup removes tags and entities", () => {
    expect(stripMarkup("- <i>Standaard&nbsp;vrije sector</i> ")).toBe("- Standaard vrije sector");
  });
});
