import type { Model } from "./model";

/**
 * The built-in model: Stadskanaal's prestatieafspraken 2021-2025 (the seed document), as a
 * coordinator would keep it. A workbook's Model sheet replaces any block of it.
 *
 * Every theme and subtheme used in the seed is listed (the tab-separated rows and the section
 * laid out one field per line). Names are matched ignoring case, spaces, hyphens and dots, so
 * "Niet Daeb" matches "Niet-DAEB" and "RegioDeal" matches "Regio Deal" without an alias.
 * Spellings in the seed that are NOT listed, on purpose, so that they are reported:
 * - theme "Beschikbaarheid en betaalbaarheid": the theme's words swapped (one row); every other
 *   row and the document's chapter say "Betaalbaarheid en beschikbaarheid".
 * - subtheme "Verduurzaamheidsstrategie corporaties": a misspelling ("duurzaamheid" crossed with
 *   "verduurzaming"); the seed itself also spells it correctly, "Verduurzamingsstrategie corporaties".
 * - subtheme "Woonwagendplaatsen": the same stray "d" appears in "woonwagendbezoekers" in those
 *   rows, i.e. the word is "woonwagen" + "standplaatsen" (the rows speak of "standplaatsen"
 *   and the waiting list for them); "Woonwagenstandplaatsen" is the term used in policy.
 * Kept as separate subtheme on purpose: "Eenheden niet-DAEB" (Lefier's count of its non-DAEB
 * units, Tabel 8) beside "Niet-DAEB" (Woonservice's small non-DAEB holding): different items,
 * both correctly spelled.
 */
export const DEFAULT_MODEL: Model = {
  themes: [
    {
      name: "Betaalbaarheid en beschikbaarheid",
      subthemes: [
        "Betaalbaarheid",
        "Huurprijsontwikkeling",
        "Preventie",
        "Beschikbaarheid",
        "Statushouders",
        "Niet-DAEB",
        "Eenheden niet-DAEB",
      ],
      aliases: [],
    },
    {
      name: "De woningvoorraad",
      subthemes: [
        "Ontwikkelingen kernvoorraad",
        "Sloop",
        "Nieuwbouw",
        "Beleid gemeente",
        "Integrale gebiedsontwikkeling Musselkanaal",
        "Omgevingsvisie",
        "Verkoopbeleid",
        "Sociaal statuut",
        "Ouderenhuisvesting",
        "Jongeren",
        "Woonwagenstandplaatsen",
      ],
      // The chapter is sometimes named without its article.
      aliases: ["Woningvoorraad"],
    },
    {
      name: "Duurzaamheid",
      subthemes: [
        "RES",
        "Transitievisie Warmte",
        "Verduurzaming particuliere woningvoorraad",
        "Verduurzamingsstrategie corporaties",
        "Nieuwbouw",
        "Duurzaamheidsprojecten",
      ],
      aliases: [],
    },
    {
      name: "Wonen Zorg en Welzijn",
      subthemes: [
        "Samenwerking",
        "Huisvesting bijzondere doelgroepen",
        "WMO",
        "Langer Zelfstandig Thuis",
        "Regio Deal",
        "Achterban",
      ],
      // Punctuated variant of the same title ("Wonen, Zorg en Welzijn").
      aliases: ["Wonen, Zorg en Welzijn"],
    },
    {
      name: "Leefbare dorpen en wijken",
      subthemes: ["Leefbaarheidsbudgetten", "Leefbaarheid"],
      aliases: [],
    },
    { name: "Borging", subthemes: ["Achtervangovereenkomst WSW"], aliases: [] },
    { name: "Beleid", subthemes: ["Regio Deal"], aliases: [] },
    // The seed's last row: how the agreements themselves are monitored and extended.
    { name: "Looptijd afspraken", subthemes: ["Samenwerking"], aliases: [] },
  ],
  parties: [
    { name: "Gemeente Stadskanaal", kind: "gemeente", aliases: ["Gemeente"] },
    { name: "Lefier", kind: "corporatie", aliases: [] },
    { name: "Woonservice", kind: "corporatie", aliases: [] },
    { name: "Woonzorg Nederland", kind: "corporatie", aliases: [] },
    { name: "De Koepel", kind: "huurdersorganisatie", aliases: ["Koepel"] },
    { name: "Samen Sterk", kind: "huurdersorganisatie", aliases: [] },
    { name: "Welstad", kind: "partner", aliases: [] },
  ],
  statuses: [
    {
      name: "groen",
      meaning: "op schema / gerealiseerd",
      color: "#00B050",
      needsExplanation: false,
      // Completed work (afgerond, gereed, gerealiseerd) is groen: on schedule and done.
      synonyms: [
        "green",
        "op schema",
        "op koers",
        "volgens planning",
        "gerealiseerd",
        "afgerond",
        "gereed",
        "uitgevoerd",
        "loopt",
        "in uitvoering",
        "on track",
        "done",
      ],
    },
    {
      name: "oranje",
      meaning: "aandacht: vertraagd, bijsturing nodig",
      color: "#FFC000",
      needsExplanation: true,
      synonyms: [
        "orange",
        "amber",
        "geel",
        "yellow",
        "aandacht",
        "vertraagd",
        "vertraging",
        "bijsturing nodig",
        "bijsturing",
        "deels gerealiseerd",
        "gedeeltelijk gerealiseerd",
        "niet op schema",
        "niet op koers",
        "at risk",
      ],
    },
    {
      name: "rood",
      meaning: "loopt niet in de pas / niet gerealiseerd",
      color: "#FF0000",
      needsExplanation: true,
      synonyms: ["red", "niet gerealiseerd", "loopt niet in de pas", "loopt niet", "niet uitgevoerd", "gestopt", "off track"],
    },
    {
      name: "grijs",
      meaning: "nog niet gestart / geen doel dit jaar",
      color: "#A6A6A6",
      needsExplanation: false,
      synonyms: [
        "grey",
        "gray",
        "niet gestart",
        "nog niet gestart",
        "nog niet begonnen",
        "geen doel dit jaar",
        "geen doel",
        "n.v.t.",
        "not started",
      ],
    },
  ],
  settings: { municipality: "Stadskanaal" },
  // The seed states the same new-build numbers twice: Tabel 1 (kernvoorraad) and Tabel 5 (verduurzaming,
  // "Aantal NOM nieuwbouw": every new home is built zero-on-the-meter). They must stay equal.
  crossChecks: [2020, 2021, 2022, 2023].map((year) => ({
    label: `Tabel 1 / Nieuwbouw / ${year} = Tabel 5 / Aantal NOM nieuwbouw / ${year}`,
    left: { kind: "ref" as const, table: "1", row: "Nieuwbouw", column: String(year) },
    operator: "=" as const,
    right: { kind: "ref" as const, table: "5", row: "Aantal NOM nieuwbouw", column: String(year) },
    tolerance: 0,
  })),
  source: { kind: "default", blocks: [] },
};
