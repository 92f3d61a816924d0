import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { modelSchema } from "../../../src/domain/model/model";
import { toMatchKey } from "../../../src/domain/core/normalise-text";

function subthemesOf(theme: string): string[] {
  const def = DEFAULT_MODEL.themes.find((t) => t.name === theme);
  if (!def) throw new Error(`theme ${theme} missing from the default model`);
  return def.subthemes;
}

describe("DEFAULT_MODEL", () => {
  it("passes the model schema", () => {
    const parsed = modelSchema.safeParse(DEFAULT_MODEL);
    expect(parsed.success).toBe(true);
    expect(DEFAULT_MODEL.source.kind).toBe("default");
    expect(DEFAULT_MODEL.settings).toEqual({ municipality: "Stadskanaal" });
  });

  it("has every theme of the seed, spelled as in the document's chapters", () => {
    expect(DEFAULT_MODEL.themes.map((t) => t.name)).toEqual([
      "Betaalbaarheid en beschikbaarheid",
      "De woningvoorraad",
      "Duurzaamheid",
      "Wonen Zorg en Welzijn",
      "Leefbare dorpen en wijken",
      "Borging",
      "Beleid",
      "Looptijd afspraken",
    ]);
  });

  it("lists the subthemes used in the seed's rows and one-field-per-line section", () => {
    expect(subthemesOf("Betaalbaarheid en beschikbaarheid")).toEqual(
      expect.arrayContaining(["Betaalbaarheid", "Huurprijsontwikkeling", "Preventie", "Beschikbaarheid", "Statushouders", "Niet-DAEB"]),
    );
    expect(subthemesOf("De woningvoorraad")).toEqual(
      expect.arrayContaining([
        "Ontwikkelingen kernvoorraad",
        "Beleid gemeente",
        "Integrale gebiedsontwikkeling Musselkanaal",
        "Omgevingsvisie",
        "Verkoopbeleid",
        "Sociaal statuut",
        "Ouderenhuisvesting",
        "Jongeren",
        "Woonwagenstandplaatsen",
      ]),
    );
    expect(subthemesOf("Duurzaamheid")).toContain("Verduurzamingsstrategie corporaties");
    expect(subthemesOf("Wonen Zorg en Welzijn")).toEqual(
      expect.arrayContaining(["Samenwerking", "Huisvesting bijzondere doelgroepen", "WMO", "Langer Zelfstandig Thuis"]),
    );
  });

  it("does not accept the seed's misspellings as subthemes or aliases", () => {
    const allKeys = DEFAULT_MODEL.themes.flatMap((t) => [...t.subthemes, ...t.aliases, t.name]).map(toMatchKey);
    for (const misspelling of ["Verduurzaamheidsstrategie corporaties", "Woonwagendplaatsen", "Beschikbaarheid en betaalbaarheid"]) {
      expect(allKeys).not.toContain(toMatchKey(misspelling));
    }
  });

  it("has the seed's parties with their kinds and aliases", () => {
    const byName = new Map(DEFAULT_MODEL.parties.map((p) => [p.name, p]));
    expect(byName.get("Gemeente Stadskanaal")).toMatchObject({ kind: "gemeente", aliases: ["Gemeente"] });
    for (const name of ["Lefier", "Woonservice", "Woonzorg Nederland"]) expect(byName.get(name)?.kind).toBe("corporatie");
    expect(byName.get("De Koepel")).toMatchObject({ kind: "huurdersorganisatie", aliases: ["Koepel"] });
    expect(byName.get("Samen Sterk")?.kind).toBe("huurdersorganisatie");
    expect(byName.get("Welstad")?.kind).toBe("partner");
  });

  it("has the four stoplight statuses; oranje and rood need an explanation; synonyms are unambiguous", () => {
    expect(DEFAULT_MODEL.statuses.map((s) => [s.name, s.color, s.needsExplanation])).toEqual([
      ["groen", "#00B050", false],
      ["oranje", "#FFC000", true],
      ["rood", "#FF0000", true],
      ["grijs", "#A6A6A6", false],
    ]);
    const keys = DEFAULT_MODEL.statuses.flatMap((s) => [s.name, ...s.synonyms]).map(toMatchKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const word of ["green", "orange", "amber", "red", "grey", "gray", "op schema", "aandacht", "gerealiseerd", "vertraagd", "niet gerealiseerd", "niet gestart"]) {
      expect(keys).toContain(toMatchKey(word));
    }
  });
});
