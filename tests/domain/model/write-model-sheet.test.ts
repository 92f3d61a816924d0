import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { Model } from "../../../src/domain/model/model";
import { readModelSheet } from "../../../src/domain/model/read-model-sheet";
import { writeModelSheet } from "../../../src/domain/model/write-model-sheet";

/** A base that differs from every model below in every part, so a block that is not read shows. */
const OTHER_BASE: Model = {
  themes: [{ name: "X", subthemes: [], aliases: [] }],
  parties: [{ name: "Y", kind: "partner", aliases: [] }],
  statuses: [{ name: "z", meaning: "", color: "#000000", needsExplanation: true, synonyms: [] }],
  settings: { monitoringYear: 1999, municipality: "Nergens" },
  crossChecks: [{ label: "1 = 2", left: { kind: "number", value: 1 }, operator: "=", right: { kind: "number", value: 2 }, tolerance: 0 }],
  source: { kind: "default", blocks: [] },
};

function roundTrip(model: Model) {
  const layout = writeModelSheet(model);
  return readModelSheet({ sheet: "Model", origin: "A1", values: layout.values }, OTHER_BASE);
}

function withoutSource(model: Model): Omit<Model, "source"> {
  const { source: _source, ...rest } = model;
  return { ...rest, crossChecks: rest.crossChecks.map(({ source: _s, ...check }) => check) };
}

describe("writeModelSheet", () => {
  it("writes its title and note in the user's language, and the sheet reads back the same in either", () => {
    const dutch = writeModelSheet(DEFAULT_MODEL);
    const english = writeModelSheet(DEFAULT_MODEL, "en");
    const firstCells = (values: typeof dutch.values): unknown[] => values.slice(0, 2).map((row) => row[0]);
    expect(firstCells(dutch.values)).toEqual(["Model prestatieafspraken (Stadskanaal)", expect.stringContaining("Een blok begint met zijn titel in kolom A")]);
    expect(firstCells(english.values)).toEqual(["Model of the performance agreements (Stadskanaal)", expect.stringContaining("Block titles and column headers stay in Dutch")]);
    // Only the title and the note differ: block titles and headers are the format the reader reads.
    expect(english.values.slice(2)).toEqual(dutch.values.slice(2));
    const back = readModelSheet({ sheet: "Model", origin: "A1", values: english.values }, OTHER_BASE);
    expect(back.findings).toEqual([]);
    expect(withoutSource(back.model)).toEqual(withoutSource(DEFAULT_MODEL));
  });

  it("the built-in default model, written and read back, is the same model", () => {
    const { model, findings } = roundTrip(DEFAULT_MODEL);
    expect(findings).toEqual([]);
    expect(withoutSource(model)).toEqual(withoutSource(DEFAULT_MODEL));
    expect(model.source).toEqual({ kind: "sheet", sheet: "Model", blocks: ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"] });
  });

  it("round-trips settings, cross-checks with numbers, tolerances and their own labels", () => {
    const model: Model = {
      ...DEFAULT_MODEL,
      settings: { monitoringYear: 2023, municipality: "Veendam" },
      crossChecks: [
        {
          label: "Tabel 1 / Nieuwbouw / 2021 = Tabel 5 / Aantal NOM nieuwbouw / 2021",
          left: { kind: "ref", table: "1", row: "Nieuwbouw", column: "2021" },
          operator: "=",
          right: { kind: "ref", table: "5", row: "Aantal NOM nieuwbouw", column: "2021" },
          tolerance: 0,
        },
        {
          label: "Leefbaarheid per woning binnen budget",
          left: { kind: "ref", table: "8 (2)", row: "Aanleg/onderhoud kleinschalige infrastructuur", column: "Saldo" },
          operator: "<=",
          right: { kind: "number", value: 1234.5 },
          tolerance: 0.25,
        },
      ],
    };
    const layout = writeModelSheet(model);
    // The Omschrijving column appears only because one label is the coordinator's own.
    expect(layout.values.some((row) => row.includes("Omschrijving"))).toBe(true);
    const { model: back, findings } = roundTrip(model);
    expect(findings).toEqual([]);
    expect(withoutSource(back)).toEqual(withoutSource(model));
  });

  it("writes the documented layout: title, blank rows between blocks, headers, ja/nee, ; lists", () => {
    const layout = writeModelSheet({ ...DEFAULT_MODEL, crossChecks: [] });
    const values = layout.values;
    const width = values[0]?.length ?? 0;
    expect(values.every((row) => row.length === width)).toBe(true);
    const columnA = values.map((row) => row[0]);
    for (const title of ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"]) {
      const at = columnA.indexOf(title);
      expect(at).toBeGreaterThan(0);
      expect(values[at - 1]?.every((v) => v === null)).toBe(true); // blank row before each block
      expect(layout.titleRows).toContain(at);
      expect(layout.headerRows).toContain(at + 1);
    }
    expect(values[columnA.indexOf("Statussen") + 1]).toEqual(["Status", "Betekenis", "Kleur", "Toelichting verplicht", "Synoniemen"]);
    expect(values[columnA.indexOf("Controles") + 1]).toEqual(["Links", "Operator", "Rechts", "Tolerantie", null]);
    const oranje = values.find((row) => row[0] === "oranje");
    expect(oranje?.[3]).toBe("ja");
    expect(oranje?.[4]).toMatch(/^orange; amber; /);
    expect(values.find((row) => row[0] === "Monitoringjaar")).toEqual(["Monitoringjaar", null, null, null, null]);
    expect(layout.titleRows[0]).toBe(0);
    expect(layout.columnWidths).toHaveLength(width);
    for (const w of layout.columnWidths) expect(w).toBeGreaterThanOrEqual(12);
  });
});
