import { implyStatus } from "../imply-status";
import { toMatchKey } from "../../core/normalise-text";
import { addRowFinding, showYear, type RowCheck } from "./row-rule";
import type { AgreementRow } from "../agreement";

/** Statuses that say "on track or done"; a model may hold afgerond/gereed as statuses of their own. */
const ON_TRACK_STATUSES = new Set(["groen", "afgerond", "gereed"]);
/** Statuses that say "behind". */
const BEHIND_STATUSES = new Set(["rood", "oranje"]);

/**
 * status-vs-realisation (DESIGN.md "Rules"): a year's status that contradicts its Doel and
 * Realisatie — groen/afgerond while the realised share of the target is below `Drempel groen`, or
 * rood/oranje while the target is met. `Drempel oranje` tells which status the numbers point at
 * below `Drempel groen` (oranje above it, rood below). A status more cautious than the numbers
 * within the thresholds (rood at 70 %) is the coordinator's judgement, not a contradiction.
 * Targets where less is better (at most N) are not told apart: a header does not say so.
 */
export function checkStatusVsRealisation(row: AgreementRow, check: RowCheck): void {
  const { targets, realisations } = row;
  if (targets === undefined || realisations === undefined || targets.length === 0 || realisations.length === 0) return;
  const settings = check.index.model.settings;
  for (const entry of row.statuses) {
    if (entry.status === undefined) continue;
    const implied = implyStatus(row, entry.year, settings);
    if (implied === undefined) continue;
    const { target, realised, share } = implied;
    const key = toMatchKey(entry.status);
    const contradicts = (ON_TRACK_STATUSES.has(key) && implied.status !== "groen") || (BEHIND_STATUSES.has(key) && realised.value >= target.value);
    if (!contradicts) continue;
    const year = showYear(entry.year, check);
    addRowFinding(check, row, "status-vs-realisation", "warning", entry.cell, {
      status: entry.status,
      year,
      target: target.value,
      realised: realised.value,
      unit: target.percent ? "%" : "",
      share: Math.round(share),
      implied: implied.status,
    });
  }
}
