import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { matchHeaderCell } from "../../../src/domain/agreements/match-header";
import { normaliseStatus } from "../../../src/domain/agreements/normalise-status";
import { findMarkupTags, isBlankAfterMarkup, stripMarkup, toMatchKey } from "../../../src/domain/core/normalise-text";
import { parseParties, splitPartiesText } from "../../../src/domain/agreements/parse-parties";
import { measureEditDistance, suggestName } from "../../../src/domain/core/suggest-name";

describe("name matching helpers", () => {
  it("measures edit distance with swapped neighbours as one edit", () => {
    expect(measureEditDistance("gemeent", "gemeente")).toBe(1);
    expect(measureEditDistance("lefeir", "lefier")).toBe(1);
    expect(measureEditDistance("", "abc")).toBe(3);
    expect(measureEditDistance("woonwagendplaatsen", "woonwagenstandplaatsen")).toBe(4);
  });

  it("suggests only close names", () => {
    const themes = DEFAULT_MODEL.themes.map((t) => t.name);
    expect(suggestName("Beschikbaarheid en betaalbaarheid", themes)).toBe("Betaalbaarheid en beschikbaarheid");
    expect(suggestName("Wonen Zorg & Welzijn", themes)).toBe("Wonen Zorg en Welzijn");
    expect(suggestName("Beleidd", themes)).toBe("Beleid");
    expect(suggestName("Sport", themes)).toBeUndefined();
    expect(suggestName("RES", ["WMO"])).toBeUndefined();
    expect(suggestName("RES", ["WMO", "RES2"])).toBe("RES2");
    expect(suggestName("", themes)).toBeUndefined();
  });

  it("builds match keys without case, spaces, hyphens, dots, diacritics or markup", () => {
    expect(toMatchKey(" Niet-DAEB ")).toBe(toMatchKey("niet daeb"));
    expect(toMatchKey("Regio Deal")).toBe(toMatchKey("RegioDeal"));
    expect(toMatchKey("<i>Geïmplementeerd</i>")).toBe("geimplementeerd");
  });

  it("finds and strips known HTML tags and entities only", () => {
    expect(findMarkupTags('<p>a</p><ul style="x"><li>b</li></ul><P>')).toEqual(["p", "ul", "li"]);
    expect(findMarkupTags("3 < 4 en <geen> tag")).toEqual([]);
    expect(stripMarkup("<td>Goedkoop&nbsp;&amp;&#32;duur</td>")).toBe("Goedkoop & duur");
  });

  it("tells blank text after markup as stripMarkup does", () => {
    const texts = ["", " ", "\u00a0\t\n", "x", " x ", "<b> </b>", "<b>x</b>", "&nbsp;", "&amp;", "a < b", "<geen>", "a".repeat(100), " ".repeat(100)];
    expect(texts.map(isBlankAfterMarkup)).toEqual(texts.map((t) => stripMarkup(t) === ""));
  });

  it("matches header cells with years, synonyms and small typos", () => {
    expect(matchHeaderCell("Wie?")).toEqual({ field: "parties" });
    expect(matchHeaderCell("Activiteitenoverzicht 2021")).toEqual({ field: "activities", year: 2021 });
    expect(matchHeaderCell("Status (2022)")).toEqual({ field: "status", year: 2022 });
    expect(matchHeaderCell("stoplicht")).toEqual({ field: "status" });
    expect(matchHeaderCell("Voortgang 2023:")).toEqual({ field: "explanation", year: 2023 });
    expect(matchHeaderCell("Actiepunt/prestatieafpraak")).toEqual({ field: "agreement" });
    expect(matchHeaderCell("Wat?")).toBeUndefined();
    expect(matchHeaderCell("Onderwerp 2021")).toBeUndefined();
    expect(matchHeaderCell("Status 0042")).toBeUndefined();
  });

  it("normalises statuses through names and synonyms", () => {
    expect(normaliseStatus(" Op  schema ", DEFAULT_MODEL.statuses)).toBe("groen");
    expect(normaliseStatus("N.V.T.", DEFAULT_MODEL.statuses)).toBe("grijs");
    expect(normaliseStatus("Niet gerealiseerd", DEFAULT_MODEL.statuses)).toBe("rood");
    expect(normaliseStatus("paars", DEFAULT_MODEL.statuses)).toBeUndefined();
    expect(normaliseStatus("", DEFAULT_MODEL.statuses)).toBeUndefined();
  });

  it("splits parties cells and reads joined names", () => {
    expect(splitPartiesText("Gemeente, Koepel, Woonservice en Lefier")).toEqual(["Gemeente", "Koepel", "Woonservice", "Lefier"]);
    // "en" inside a word (Samen) is not a separator.
    expect(splitPartiesText("Samen Sterk en Lefier")).toEqual(["Samen Sterk", "Lefier"]);
    const reading = parseParties("Gemeente Stadskanaal Woonzorg Nederland", DEFAULT_MODEL.parties);
    expect(reading.parties).toEqual(["Gemeente Stadskanaal", "Woonzorg Nederland"]);
    expect(reading.joined).toEqual([
      {
        value: "Gemeente Stadskanaal Woonzorg Nederland",
        first: "Gemeente Stadskanaal",
        second: "Woonzorg Nederland",
        suggestion: "Gemeente Stadskanaal, Woonzorg Nederland",
      },
    ]);
    expect(parseParties("Woonservice Lefierr", DEFAULT_MODEL.parties).unknown).toEqual([{ value: "Woonservice Lefierr" }]);
  });
});
