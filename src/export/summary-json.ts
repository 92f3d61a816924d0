import type { MonitoringSummary } from "../domain";

/** The monitoring summary as JSON (`--export x.json`): the summary object, 2-space indented. */
export function buildSummaryJson(summary: MonitoringSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
