import { CATALOGUES } from "../../src/domain";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script, loaded as the webpack config loads it
const { buildHelpTexts } = require("../../scripts/help-page") as {
  buildHelpTexts(): Record<"nl" | "en", { title: string; heading: string; intro: string }>;
};

describe("the help page's texts (filled into help.html by the build)", () => {
  const texts = buildHelpTexts();

  it("come from the catalogue in both languages, the pane's button names in bold", () => {
    for (const lang of ["nl", "en"] as const) {
      const catalogue = CATALOGUES[lang];
      expect(texts[lang].title).toBe(catalogue.help.title);
      expect(texts[lang].intro).toContain(`<strong>${catalogue.pane.check}</strong>`);
      expect(texts[lang].intro).toContain(`<strong>${catalogue.pane.clear}</strong>`);
      expect(texts[lang].intro).not.toMatch(/\{\w+\}/);
    }
  });

  it("escape the catalogue's text as HTML", () => {
    expect(texts.nl.intro).toContain("<strong>Start &gt; Prestatiemonitor</strong>");
    expect(texts.en.intro.replace(/<\/?strong>/g, "")).not.toMatch(/[<>]/);
  });
});
