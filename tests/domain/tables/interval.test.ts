import { checkTables } from "../../../src/domain/tables/check-tables";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { findTables } from "../../../src/domain/tables/find-tables";
import {
  agreeWithin,
  distanceBetween,
  formatInterval,
  overlapsWithin,
  roundingErrorOf,
  sumOperands,
  toOperand,
} from "../../../src/domain/core/interval";
import { formatMessage } from "../../../src/domain/findings/messages";
import { parseNumberText } from "../../../src/domain/core/parse-number";
import { gridFromRows } from "../../helpers/grid-from-a1";

const op = (text: string) => {
  const operand = toOperand(parseNumberText(text));
  if (!operand) throw new Error(`no operand for ${text}`);
  return operand;
};

describe("interval arithmetic", () => {
  it("gives integers no rounding error and shown decimals half a unit", () => {
    expect(roundingErrorOf(parseNumberText("3.810"))).toBe(0);
    expect(roundingErrorOf(parseNumberText("29,2%"))).toBeCloseTo(0.05, 12);
    expect(roundingErrorOf(parseNumberText("29%"))).toBe(0.5);
    expect(roundingErrorOf(parseNumberText("1,25"))).toBeCloseTo(0.005, 12);
    expect(roundingErrorOf({ kind: "unknown" })).toBe(0);
    expect(toOperand({ kind: "unknown" })).toBeUndefined();
    expect(toOperand({ kind: "invalid", text: "x1" })).toBeUndefined();
  });

  it("adds intervals end by end and tolerances up", () => {
    const sum = sumOperands([op("3796"), op("22"), op("-20 - -25")]);
    expect(sum.interval).toEqual({ min: 3793, max: 3798 });
    expect(sum.tolerance).toBe(0);
    const decimals = sumOperands([op("0,1"), op("0,2")]);
    expect(decimals.interval).toEqual({ min: 0.3, max: 0.3 });
    expect(decimals.tolerance).toBeCloseTo(0.1, 12);
  });

  it("compares with overlap, distance and tolerance", () => {
    expect(overlapsWithin({ min: 3793, max: 3798 }, { min: 3798, max: 3798 }, 0)).toBe(true);
    expect(overlapsWithin({ min: 3793, max: 3798 }, { min: 3799, max: 3799 }, 0)).toBe(false);
    expect(overlapsWithin({ min: 1, max: 1 }, { min: 1.1, max: 1.1 }, 0.1)).toBe(true);
    expect(distanceBetween({ min: 1, max: 2 }, { min: 5, max: 6 })).toBe(3);
    expect(distanceBetween({ min: 5, max: 6 }, { min: 1, max: 2 })).toBe(3);
    expect(distanceBetween({ min: 1, max: 5 }, { min: 2, max: 3 })).toBe(0);
    expect(agreeWithin(op("11,2"), op("11,3"))).toBe(true);
    expect(agreeWithin(op("11,2"), op("11,4"))).toBe(false);
  });

  it("formats intervals with the ellipsis character and single values as numbers", () => {
    expect(formatInterval({ min: 3793, max: 3798 }, 0)).toBe("3793…3798");
    expect(formatInterval({ min: 99.90000000000001, max: 99.90000000000001 }, 1)).toBe(99.9);
  });
});

describe("table findings and the message templates", () => {
  it("fill every placeholder of their message in both languages", () => {
    const grid = gridFromRows([
      ["Tabel 1: Alles fout"],
      ["Woningen", 2020, 2021, "Saldo"],
      ["Stand per 1 januari", 10, 11, 22],
      ["Nieuwbouw", 1, "20 - 25", 5],
      ["- Deel", 5, 1, 6],
      ["Totaal", 99, 1, 7],
      ["Stand per 31 december", 12, 13, 25],
      ["Fout", "12a", "#DIV/0!", "1.000"],
      [],
      ["Tabel 1: Dubbel"],
      ["Verdeling (in %)", 2020],
      ["A", "50,0%"],
      ["B", "40,0%"],
      ["Totaal", "90,0%"],
    ]);
    const reading = findTables([grid]);
    const findings = [...reading.findings, ...checkTables(reading.tables, DEFAULT_MODEL)];
    const codes = new Set(findings.map((f) => f.code));
    expect([...codes].sort()).toEqual([
      "cell-error",
      "duplicate-table-number",
      "number-as-text",
      "percent-sum",
      "stock-continuity",
      "stock-flow",
      "subtotal",
      "total-column",
      "total-row",
      "unparseable-number",
    ]);
    for (const finding of findings) {
      for (const lang of ["nl", "en"] as const) expect(formatMessage(finding, lang)).not.toMatch(/\{\w+\}/);
      expect(finding.table).toBeDefined();
      expect(finding.row).toBeDefined();
    }
  });
});
