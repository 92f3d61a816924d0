import { findByYear, type AgreementRow, type YearFigure } from "./agreement";
import type { Model } from "../model/model";
import { DEFAULT_GREEN_THRESHOLD, DEFAULT_ORANGE_THRESHOLD } from "../model/stoplight-thresholds";

/** What a year's Doel and Realisatie say under the model's thresholds (Instellingen: Drempel groen/oranje). */
export interface ImpliedStatus {
  readonly target: YearFigure;
  readonly realised: YearFigure;
  /** Realised as a share of the target, percent, unrounded. */
  readonly share: number;
  /** groen at or above Drempel groen, oranje at or above Drempel oranje, else rood. */
  readonly status: "groen" | "oranje" | "rood";
}

/**
 * The status a row's figures of `year` point at, or undefined without a positive target and a
 * realised figure in the same unit (both percentages or neither). Shared by status-vs-realisation,
 * proposed-status and the pane's "why is this red".
 */
export function implyStatus(row: AgreementRow, year: number, settings: Model["settings"]): ImpliedStatus | undefined {
  const { targets, realisations } = row;
  if (targets === undefined || realisations === undefined) return undefined;
  const target = findByYear(targets, year);
  const realised = findByYear(realisations, year);
  if (target === undefined || realised === undefined || target.value <= 0 || target.percent !== realised.percent) return undefined;
  const green = settings.greenThreshold ?? DEFAULT_GREEN_THRESHOLD;
  const orange = Math.min(settings.orangeThreshold ?? DEFAULT_ORANGE_THRESHOLD, green);
  const share = (realised.value / target.value) * 100;
  const status = share >= green ? "groen" : share >= orange ? "oranje" : "rood";
  return { target, realised, share, status };
}
