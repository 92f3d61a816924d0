import type { PartyKind } from "./model";

/* Kept apart from the model's schema (model.ts): the pane filters by party without loading zod. */

/** Words in a parties cell that stand for every party of kind corporatie. */
export const CORPORATION_GROUP_WORDS = ["corporaties", "woningcorporaties"] as const;

/**
 * Group words in a parties cell and the kind of party they stand for ("all": every party). A group
 * word with no party of its kind in the model stands for none, and is no unknown party either.
 */
export const PARTY_GROUP_WORDS: readonly { readonly words: readonly string[]; readonly kind: PartyKind | "all" }[] = [
  { words: CORPORATION_GROUP_WORDS, kind: "corporatie" },
  { words: ["alle corporaties", "alle woningcorporaties"], kind: "corporatie" },
  { words: ["huurdersorganisaties", "huurdersverenigingen", "alle huurdersorganisaties"], kind: "huurdersorganisatie" },
  { words: ["alle partijen", "alle partners", "partijen", "allen", "iedereen"], kind: "all" },
];
