import type { Model } from "./model";

/** STUB (issue #2): the built-in Stadskanaal model. */
export const DEFAULT_MODEL: Model = {
  themes: [{ name: "Betaalbaarheid en beschikbaarheid", subthemes: [], aliases: [] }],
  parties: [{ name: "Gemeente", kind: "gemeente", aliases: [] }],
  statuses: [
    { name: "groen", meaning: "op schema / gerealiseerd", color: "#00B050", needsExplanation: false, synonyms: [] },
  ],
  settings: { municipality: "Stadskanaal" },
  crossChecks: [],
  source: { kind: "default", blocks: [] },
};
