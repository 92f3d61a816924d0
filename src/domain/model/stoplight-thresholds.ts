/* Kept apart from the model's schema (model.ts): the pane explains stoplights without loading zod. */

/** Defaults of `Drempel groen` and `Drempel oranje` (percent of the target), DESIGN.md "Rules". */
export const DEFAULT_GREEN_THRESHOLD = 90;
export const DEFAULT_ORANGE_THRESHOLD = 50;
