import type { FindingActionProvider } from "./pane-context";

/**
 * The finding actions the pane shows on each finding card, in order. Empty in this version: a
 * feature that acts on one finding (accept it, apply its suggestion, explain it) appends a
 * provider here; the pane puts its buttons in the card's actions area (`.finding-actions`).
 */
export const FINDING_ACTIONS: FindingActionProvider[] = [];
