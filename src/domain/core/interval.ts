import { roundTo } from "./parse-number";
import type { TableValue } from "../tables/table";

/**
 * Interval arithmetic with rounding tolerance, for the table rules and the cross-checks.
 * A shown number is the interval it may stand for: a value shown with d decimals is off by at most
 * 0.5·10^-d, so a sum of n shown values by at most n·0.5·10^-d. Integer values shown without
 * decimals (counts, amounts) carry no tolerance: they compare exactly.
 */

export interface Interval {
  readonly min: number;
  readonly max: number;
}

/** A value that takes part in a comparison: its interval, shown decimals and rounding error. */
export interface Operand {
  readonly interval: Interval;
  readonly decimals: number;
  /** Largest rounding error of the shown value (0 for integers shown without decimals). */
  readonly tolerance: number;
  readonly percent: boolean;
}

/** Absorbs binary float noise in sums of decimals; far below any shown precision. */
const EPSILON = 1e-9;

/** The rounding error of one shown value. */
export function roundingErrorOf(value: TableValue): number {
  if (value.kind !== "number" && value.kind !== "interval") return 0;
  const integral =
    value.kind === "number" ? Number.isInteger(value.value) : Number.isInteger(value.min) && Number.isInteger(value.max);
  if (value.decimals === 0 && integral && !value.percent) return 0;
  return 0.5 * 10 ** -value.decimals;
}

/** The operand of a number or interval cell; undefined for unknown, invalid and error cells. */
export function toOperand(value: TableValue | undefined): Operand | undefined {
  if (!value) return undefined;
  if (value.kind === "number") {
    return { interval: { min: value.value, max: value.value }, decimals: value.decimals, tolerance: roundingErrorOf(value), percent: value.percent };
  }
  if (value.kind === "interval") {
    return { interval: { min: value.min, max: value.max }, decimals: value.decimals, tolerance: roundingErrorOf(value), percent: value.percent };
  }
  return undefined;
}

/** Sum of operands: intervals add end by end, tolerances add up. */
export function sumOperands(operands: readonly Operand[]): Operand {
  let min = 0;
  let max = 0;
  let tolerance = 0;
  let decimals = 0;
  let percent = false;
  for (const o of operands) {
    min += o.interval.min;
    max += o.interval.max;
    tolerance += o.tolerance;
    decimals = Math.max(decimals, o.decimals);
    percent ||= o.percent;
  }
  return { interval: { min: roundTo(min, decimals + 6), max: roundTo(max, decimals + 6) }, decimals, tolerance, percent };
}

/** True when the intervals overlap once widened by `tolerance` (the shown values can be consistent). */
export function overlapsWithin(a: Interval, b: Interval, tolerance: number): boolean {
  return a.min <= b.max + tolerance + EPSILON && b.min <= a.max + tolerance + EPSILON;
}

/** Distance between two intervals (0 when they overlap). */
export function distanceBetween(a: Interval, b: Interval): number {
  if (a.max < b.min) return b.min - a.max;
  if (b.max < a.min) return a.min - b.max;
  return 0;
}

/** True when two operands agree within their combined rounding tolerance. */
export function agreeWithin(a: Operand, b: Operand, extraTolerance = 0): boolean {
  return overlapsWithin(a.interval, b.interval, a.tolerance + b.tolerance + extraTolerance);
}

/** "3793…3798" for an interval, the plain number when it is one value (for expected/actual). */
export function formatInterval(interval: Interval, decimals: number): number | string {
  const min = roundTo(interval.min, decimals);
  const max = roundTo(interval.max, decimals);
  if (Math.abs(max - min) < EPSILON) return min;
  return `${min}…${max}`;
}

/** expected/actual form of an operand. */
export function formatOperand(operand: Operand): number | string {
  return formatInterval(operand.interval, operand.decimals);
}
