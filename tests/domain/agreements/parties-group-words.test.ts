import { parseParties } from "../../../src/domain/agreements/parse-parties";
import type { PartyDef } from "../../../src/domain/model/model";

const PARTIES: PartyDef[] = [
  { name: "Gemeente Ede", kind: "gemeente", aliases: ["gemeente"] },
  { name: "Wonen & Zorg", kind: "corporatie", aliases: [] },
  { name: "Idealis", kind: "corporatie", aliases: [] },
  { name: "Huurders en Wonen", kind: "huurdersorganisatie", aliases: ["HeW"] },
  { name: "Rijk", kind: "partner", aliases: [] },
];

describe("parseParties: longest known names first, group words", () => {
  it("matches a known name holding & or en before splitting", () => {
    expect(parseParties("Wonen & Zorg en gemeente", PARTIES)).toEqual({ parties: ["Wonen & Zorg", "Gemeente Ede"], unknown: [], joined: [] });
    expect(parseParties("huurders en wonen; Idealis", PARTIES).parties).toEqual(["Huurders en Wonen", "Idealis"]);
  });

  it("expands group words to the parties of their kind", () => {
    expect(parseParties("corporaties", PARTIES).parties).toEqual(["Wonen & Zorg", "Idealis"]);
    expect(parseParties("woningcorporaties", PARTIES).parties).toEqual(["Wonen & Zorg", "Idealis"]);
    expect(parseParties("huurdersorganisaties", PARTIES).parties).toEqual(["Huurders en Wonen"]);
    expect(parseParties("gemeente en corporaties", PARTIES).parties).toEqual(["Gemeente Ede", "Wonen & Zorg", "Idealis"]);
    expect(parseParties("alle partijen", PARTIES)).toEqual({ parties: PARTIES.map((p) => p.name), unknown: [], joined: [] });
  });

  it("reads a group word with no party of its kind as no party, not as an unknown one", () => {
    expect(parseParties("huurdersorganisaties", PARTIES.slice(0, 3))).toEqual({ parties: [], unknown: [], joined: [] });
  });

  it("still splits and reports unknown parts around a known compound name", () => {
    expect(parseParties("Wonen & Zorg / Provincie", PARTIES).unknown.map((u) => u.value)).toEqual(["Provincie"]);
  });
});
