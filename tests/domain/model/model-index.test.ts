import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { Model } from "../../../src/domain/model/model";
import { createModelIndex } from "../../../src/domain/model/model-index";

const model: Model = {
  ...DEFAULT_MODEL,
  themes: [
    { name: "Wonen", aliases: ["Woningvoorraad"], subthemes: ["Nieuwbouw", "Sloop"] },
    { name: "Zorg", aliases: ["wonen"], subthemes: [] },
  ],
  statuses: [
    { ...(DEFAULT_MODEL.statuses[0] as Model["statuses"][number]), name: "groen", synonyms: ["goed"] },
    { ...(DEFAULT_MODEL.statuses[0] as Model["statuses"][number]), name: "rood", synonyms: [], needsExplanation: true },
    { ...(DEFAULT_MODEL.statuses[0] as Model["statuses"][number]), name: "rood", synonyms: ["slecht"], needsExplanation: false },
  ],
};

describe("createModelIndex", () => {
  const index = createModelIndex(model);

  it("finds a theme by name or alias, ignoring case, spaces and hyphens; the first theme wins", () => {
    expect(index.findTheme(" woning-voorraad ")?.name).toBe("Wonen");
    expect(index.findTheme("WONEN")?.name).toBe("Wonen");
    expect(index.findTheme("Onderwijs")).toBeUndefined();
  });

  it("lists each theme's subthemes, and every theme's together, with a suggestion for a typo", () => {
    const wonen = index.findTheme("Wonen");
    expect(wonen && [...index.listSubthemes(wonen).keys]).toEqual(["nieuwbouw", "sloop"]);
    expect(wonen && index.listSubthemes(wonen).suggest("Nieuwbouww")).toBe("Nieuwbouw");
    expect(index.allSubthemes.keys.size).toBe(2);
    expect(index.themeNames.suggest("Zorgg")).toBe("Zorg");
  });

  it("finds a status by its canonical name (the first wins) and joins the names for a message", () => {
    expect(index.findStatus("rood")?.needsExplanation).toBe(true);
    expect(index.findStatus("goed")).toBeUndefined();
    expect(index.allowedStatuses).toBe("groen, rood, rood");
    expect(index.suggestStatusName("slechtt")).toBe("slecht");
  });
});
