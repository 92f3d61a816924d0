import fc from "fast-check";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { FindingData } from "../../../src/domain/findings/finding";
import { parseA1, type CellValue } from "../../../src/domain/core/grid";
import { formatMessage, MODEL_PROBLEM_KEYS } from "../../../src/domain/findings/messages";
import type { Model } from "../../../src/domain/model/model";
import { readModelSheet } from "../../../src/domain/model/read-model-sheet";
import { gridFromRows } from "../../helpers/grid-from-a1";

const BASE: Model = {
  themes: [{ name: "Basisthema", subthemes: ["Basis"], aliases: [] }],
  parties: [{ name: "Basisgemeente", kind: "gemeente", aliases: [] }],
  statuses: [{ name: "goed", meaning: "", color: "#00FF00", needsExplanation: false, synonyms: [] }],
  settings: { monitoringYear: 2020, municipality: "Basisdorp" },
  crossChecks: [{ label: "1 = 1", left: { kind: "number", value: 1 }, operator: "=", right: { kind: "number", value: 1 }, tolerance: 0 }],
  source: { kind: "default", blocks: [] },
};

function read(rows: CellValue[][], base: Model = BASE) {
  return readModelSheet(gridFromRows(rows, { sheet: "Model" }), base);
}

/** The findings as compact tuples: [cell, block, problem, value]. */
function problems(findings: readonly FindingData[]): [string, string, string, string][] {
  return findings.map((f) => {
    expect(f.code).toBe("invalid-model");
    expect(f.severity).toBe("error");
    expect(f.sheet).toBe("Model");
    const p = f.params ?? {};
    return [f.cell ?? "", String(p["block"]), String(p["problem"]), String(p["value"])];
  });
}

describe("readModelSheet: blocks", () => {
  it("reads every block, finding columns by header name in any order", () => {
    const { model, findings } = read([
      ["Model prestatieafspraken Veendam"],
      [],
      ["Thema’s"], // typographic apostrophe
      ["Aliassen", "THEMA", "subthema's"],
      ["Wonen", "Wonen en betaalbaarheid", "Huurbeleid; Woonruimteverdeling ;"],
      [null, "Duurzaamheid", null],
      [],
      ["partijen"],
      ["Partij", "Soort", "Aliassen"],
      ["Gemeente Veendam", "Gemeente", "Gemeente; gem. Veendam"],
      ["Acantus", "woningcorporatie", null],
      ["HV Veendam", "huurdersvereniging", null],
      ["Welzijnsgroep", "partner", ""],
      [],
      ["STATUSSEN"],
      ["Status", "Betekenis", "Kleur", "Toelichting verplicht", "Synoniemen"],
      ["groen", "op schema", "#0b0", "nee", "prima; green"],
      ["rood", "niet op schema", "ff0000", "JA", "red"],
      ["grijs", null, "#A6A6A6", null, null],
      [],
      ["Instellingen"],
      ["Instelling", "Waarde"],
      ["Monitoringjaar", "2023"],
      ["Gemeente", "Veendam"],
      [],
      ["Controles"],
      ["Links", "Operator", "Rechts", "Tolerantie"],
      ["Tabel 1 / Nieuwbouw / 2023", "=", "Tabel 2/Aantal nieuwbouwwoningen/2023", null],
      ["Tabel 2 / Investering nieuwbouw / 2023", "≤", "7.500", "0,5"],
      ["Tabel 8 / Aanleg/onderhoud kleinschalige infrastructuur / Derden", ">=", 40, 2],
    ]);
    expect(findings).toEqual([]);
    expect(model.source).toEqual({ kind: "sheet", sheet: "Model", blocks: ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"] });
    expect(model.themes).toEqual([
      { name: "Wonen en betaalbaarheid", subthemes: ["Huurbeleid", "Woonruimteverdeling"], aliases: ["Wonen"] },
      { name: "Duurzaamheid", subthemes: [], aliases: [] },
    ]);
    expect(model.parties).toEqual([
      { name: "Gemeente Veendam", kind: "gemeente", aliases: ["Gemeente", "gem. Veendam"] },
      { name: "Acantus", kind: "corporatie", aliases: [] },
      { name: "HV Veendam", kind: "huurdersorganisatie", aliases: [] },
      { name: "Welzijnsgroep", kind: "partner", aliases: [] },
    ]);
    expect(model.statuses).toEqual([
      { name: "groen", meaning: "op schema", color: "#00BB00", needsExplanation: false, synonyms: ["prima", "green"] },
      { name: "rood", meaning: "niet op schema", color: "#FF0000", needsExplanation: true, synonyms: ["red"] },
      { name: "grijs", meaning: "", color: "#A6A6A6", needsExplanation: false, synonyms: [] },
    ]);
    expect(model.settings).toEqual({ monitoringYear: 2023, municipality: "Veendam" });
    expect(model.crossChecks).toEqual([
      {
        label: "Tabel 1 / Nieuwbouw / 2023 = Tabel 2 / Aantal nieuwbouwwoningen / 2023",
        left: { kind: "ref", table: "1", row: "Nieuwbouw", column: "2023" },
        operator: "=",
        right: { kind: "ref", table: "2", row: "Aantal nieuwbouwwoningen", column: "2023" },
        tolerance: 0,
        source: { sheet: "Model", cell: "A28" },
      },
      {
        label: "Tabel 2 / Investering nieuwbouw / 2023 <= 7500",
        left: { kind: "ref", table: "2", row: "Investering nieuwbouw", column: "2023" },
        operator: "<=",
        right: { kind: "number", value: 7500 },
        tolerance: 0.5,
        source: { sheet: "Model", cell: "A29" },
      },
      {
        label: "Tabel 8 / Aanleg/onderhoud kleinschalige infrastructuur / Derden >= 40",
        left: { kind: "ref", table: "8", row: "Aanleg/onderhoud kleinschalige infrastructuur", column: "Derden" },
        operator: ">=",
        right: { kind: "number", value: 40 },
        tolerance: 2,
        source: { sheet: "Model", cell: "A30" },
      },
    ]);
  });

  it("keeps the base for every block that is missing", () => {
    const { model, findings } = read([["Partijen"], ["Partij", "Soort"], ["Acantus", "corporatie"]]);
    expect(findings).toEqual([]);
    expect(model.parties).toEqual([{ name: "Acantus", kind: "corporatie", aliases: [] }]);
    expect(model.themes).toEqual(BASE.themes);
    expect(model.statuses).toEqual(BASE.statuses);
    expect(model.settings).toEqual(BASE.settings);
    expect(model.crossChecks).toEqual(BASE.crossChecks);
    expect(model.source.blocks).toEqual(["Partijen"]);
  });

  it("ends a block at the first empty row; rows after it are not part of the block", () => {
    const { model } = read([["Thema's"], ["Thema"], ["Wonen"], [], ["Verdwaald"]]);
    expect(model.themes.map((t) => t.name)).toEqual(["Wonen"]);
  });

  it("ends a block at the next block title even without an empty row", () => {
    const { model, findings } = read([["Thema's"], ["Thema"], ["Wonen"], ["Partijen"], ["Partij", "Soort"], ["Acantus", "corporatie"]]);
    expect(findings).toEqual([]);
    expect(model.themes.map((t) => t.name)).toEqual(["Wonen"]);
    expect(model.parties.map((p) => p.name)).toEqual(["Acantus"]);
  });

  it("reads titles only in the first column", () => {
    const { model, findings } = read([[], [null, "Thema's"], [null, "Thema"], [null, "Wonen"]]);
    expect(model).toBe(BASE);
    expect(problems(findings)).toEqual([["B2", "Model", "no-blocks", ""]]);
  });

  it("an empty sheet named Model is no model: the base applies, nothing to report", () => {
    expect(read([])).toEqual({ model: BASE, findings: [] });
    expect(read([[null, ""], []])).toEqual({ model: BASE, findings: [] });
  });

  it("an empty Controles or Instellingen block is a valid choice: nothing declared", () => {
    const { model, findings } = read([["Controles"], ["Links", "Operator", "Rechts", "Tolerantie"], [], ["Instellingen"], ["Instelling", "Waarde"]]);
    expect(findings).toEqual([]);
    expect(model.crossChecks).toEqual([]);
    expect(model.settings).toEqual({});
  });

  it("a setting left blank is not set", () => {
    const { model, findings } = read([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", null], ["Gemeente", "Veendam"]]);
    expect(findings).toEqual([]);
    expect(model.settings).toEqual({ municipality: "Veendam" });
  });

  it("accepts a monitoring year typed as a number or as text", () => {
    expect(read([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", 2024]]).model.settings).toEqual({ monitoringYear: 2024 });
    expect(read([["Instellingen"], ["Instelling", "Waarde"], ["monitoring jaar", " 2022 "]]).model.settings).toEqual({ monitoringYear: 2022 });
  });
});

describe("readModelSheet: problems are findings at their cell, and reading goes on", () => {
  it("skips a bad party row and keeps the good ones", () => {
    const { model, findings } = read([
      ["Partijen"],
      ["Partij", "Soort", "Aliassen"],
      ["Acantus", "corporatie"],
      ["Zorggroep Oost", "zorgpartner"],
      ["Woonborg", null],
      [null, "partner"],
      ["acantus", "corporatie"],
      ["Woonborg", "corporatie", "Acantus; WB"],
    ]);
    expect(problems(findings)).toEqual([
      ["B4", "Partijen", "unknown-kind", "zorgpartner"],
      ["B5", "Partijen", "missing-value", "Soort"],
      ["A6", "Partijen", "missing-name", "Partij"],
      ["A7", "Partijen", "duplicate-name", "acantus"],
      ["C8", "Partijen", "duplicate-name", "Acantus"],
    ]);
    expect(model.parties).toEqual([
      { name: "Acantus", kind: "corporatie", aliases: [] },
      { name: "Woonborg", kind: "corporatie", aliases: ["WB"] },
    ]);
    expect(findings[0]?.row).toBe(4);
  });

  it("reports bad statuses: colour, ja/nee, a synonym another status already has", () => {
    const { model, findings } = read([
      ["Statussen"],
      ["Status", "Betekenis", "Kleur", "Toelichting verplicht", "Synoniemen"],
      ["groen", "", "groenig", "nee"],
      ["oranje", "", "#FFC000", "misschien"],
      ["rood", "", null, "ja"],
      ["grijs", "", "#999", "nee", "grey"],
      ["blauw", "", "#0000FF", "nee", "Grey; blue"],
    ]);
    expect(problems(findings)).toEqual([
      ["C3", "Statussen", "invalid-color", "groenig"],
      ["D4", "Statussen", "invalid-yes-no", "misschien"],
      ["C5", "Statussen", "missing-value", "Kleur"],
      ["E7", "Statussen", "duplicate-name", "Grey"],
    ]);
    expect(model.statuses).toEqual([
      { name: "grijs", meaning: "", color: "#999999", needsExplanation: false, synonyms: ["grey"] },
      { name: "blauw", meaning: "", color: "#0000FF", needsExplanation: false, synonyms: ["blue"] },
    ]);
  });

  it("reports bad Controles: operator, side, tolerance", () => {
    const { model, findings } = read([
      ["Controles"],
      ["Links", "Operator", "Rechts", "Tolerantie"],
      ["Tabel 1 / Nieuwbouw / 2021", "<>", 3, null],
      ["Tabel 1 / Nieuwbouw", "=", 3, null],
      ["Tabel 1 / Nieuwbouw / 2021", "=", null, null],
      ["Tabel 1 / Nieuwbouw / 2021", "=", 3, -1],
      ["Tabel 1 / Nieuwbouw / 2021", "=", 3, "veel"],
      ["Tabel 1 / Nieuwbouw / 2022", ">=", "Tabel 5 / Aantal NOM nieuwbouw / 2022", "1"],
    ]);
    expect(problems(findings)).toEqual([
      ["B3", "Controles", "invalid-operator", "<>"],
      ["A4", "Controles", "invalid-reference", "Tabel 1 / Nieuwbouw"],
      ["C5", "Controles", "missing-value", "Rechts"],
      ["D6", "Controles", "invalid-number", "-1"],
      ["D7", "Controles", "invalid-number", "veel"],
    ]);
    expect(model.crossChecks).toHaveLength(1);
    expect(model.crossChecks[0]?.tolerance).toBe(1);
  });

  it("reports bad settings", () => {
    const { model, findings } = read([
      ["Instellingen"],
      ["Instelling", "Waarde"],
      ["Monitoringjaar", "twintig"],
      ["Kleurenschema", "donker"],
      ["Gemeente", "Veendam"],
      ["gemeente", "Pekela"],
      ["Monitoringjaar", 23],
    ]);
    expect(problems(findings)).toEqual([
      ["B3", "Instellingen", "invalid-year", "twintig"],
      ["A4", "Instellingen", "unknown-setting", "Kleurenschema"],
      ["A6", "Instellingen", "duplicate-name", "gemeente"],
      ["B7", "Instellingen", "invalid-year", "23"],
    ]);
    expect(model.settings).toEqual({ municipality: "Veendam" });
  });

  it("a block whose header lacks a required column keeps the base and says so", () => {
    const { model, findings } = read([["Statussen"], ["Status", "Betekenis"], ["groen", "op schema"]]);
    expect(problems(findings)).toEqual([
      ["A2", "Statussen", "missing-column", "Kleur"],
      ["A1", "Statussen", "unusable-block", "Statussen"],
    ]);
    expect(model).toBe(BASE);
  });

  it("a block with no usable rows keeps the base and says so", () => {
    const { model, findings } = read([["Thema's"], ["Thema", "Aliassen"], [null, "x"], [], ["Partijen"], ["Partij", "Soort"], ["Acantus", "corporatie"]]);
    expect(problems(findings)).toEqual([
      ["A3", "Thema's", "missing-name", "Thema"],
      ["A1", "Thema's", "unusable-block", "Thema's"],
    ]);
    expect(model.themes).toEqual(BASE.themes);
    expect(model.parties.map((p) => p.name)).toEqual(["Acantus"]);
  });

  it("a block without rows keeps the base and says so", () => {
    const { model, findings } = read([["Thema's"], ["Thema"], [], ["Partijen"]]);
    expect(problems(findings)).toEqual([
      ["A1", "Thema's", "empty-block", "Thema's"],
      ["A4", "Partijen", "missing-column", "Partij"],
      ["A4", "Partijen", "missing-column", "Soort"],
      ["A4", "Partijen", "unusable-block", "Partijen"],
    ]);
    expect(model).toBe(BASE);
  });

  it("a block that appears twice: the first counts", () => {
    const { model, findings } = read([["Thema's"], ["Thema"], ["Wonen"], [], ["Thema's"], ["Thema"], ["Zorg"]]);
    expect(problems(findings)).toEqual([["A5", "Thema's", "duplicate-block", "Thema's"]]);
    expect(model.themes.map((t) => t.name)).toEqual(["Wonen"]);
  });

  it("never throws on odd cells: booleans, numbers, Excel errors, ragged rows", () => {
    const { model, findings } = read([
      ["Statussen"],
      ["Status", "Kleur", "Toelichting verplicht"],
      [true, "#REF!", false],
      [7, "#00B050", true],
      ["rood"],
    ]);
    expect(problems(findings)).toEqual([
      ["B3", "Statussen", "invalid-color", "#REF!"],
      ["B5", "Statussen", "missing-value", "Kleur"],
    ]);
    expect(model.statuses).toEqual([{ name: "7", meaning: "", color: "#00B050", needsExplanation: true, synonyms: [] }]);
  });

  it("grids that do not start at A1 report sheet addresses", () => {
    const sheet = gridFromRows([["Thema's"], ["Thema"], [null]], { sheet: "Model", origin: "A5" });
    // Row 7 is blank, so the block has no rows.
    expect(problems(readModelSheet(sheet, BASE).findings)).toEqual([["A5", "Thema's", "empty-block", "Thema's"]]);
  });

  it("every problem it reports has a phrase in both languages", () => {
    const { findings } = read([
      ["Statussen"],
      ["Status", "Kleur", "Toelichting verplicht"],
      ["x", "nope", "misschien"],
      [],
      ["Partijen"],
      ["Partij", "Soort"],
      ["A", "zorg"],
    ]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(MODEL_PROBLEM_KEYS).toContain(f.params?.["problem"]);
      expect(formatMessage(f, "nl")).not.toMatch(/[{}]/);
      expect(formatMessage(f, "en")).not.toMatch(/[{}]/);
    }
    expect(formatMessage(findings[0] as FindingData, "nl")).toBe("Model (Statussen): 'nope' is geen kleur (#RRGGBB).");
  });

  it("reads over the built-in default model too", () => {
    const { model } = read([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", 2022]], DEFAULT_MODEL);
    expect(model.settings).toEqual({ monitoringYear: 2022 });
    expect(model.themes).toEqual(DEFAULT_MODEL.themes);
  });
});

describe("readModelSheet: robustness", () => {
  it("never throws, whatever the cells (titles, headers and junk mixed at random)", () => {
    const words = [
      "Thema's", "Partijen", "Statussen", "Instellingen", "Controles", "Thema", "Partij", "Soort", "Status", "Kleur",
      "Toelichting verplicht", "Instelling", "Waarde", "Links", "Operator", "Rechts", "Tolerantie", "Monitoringjaar",
      "Gemeente", "=", "<=", "ja", "nee", "#00B050", "#ZZZ", "Tabel 1 / Nieuwbouw / 2021", "1.234", "-1", ";", " ; a ;", "#REF!",
    ];
    const cell = fc.oneof(fc.constantFrom(...words), fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const { model, findings } = read(rows as CellValue[][]);
        expect(model.themes.length).toBeGreaterThan(0);
        for (const f of findings) {
          expect(MODEL_PROBLEM_KEYS).toContain(f.params?.["problem"]);
          // Every finding points at a cell inside the grid.
          const pos = parseA1(f.cell ?? "");
          expect(pos).toBeDefined();
          expect(pos!.row).toBeLessThan(rows.length);
          expect(pos!.col).toBeLessThan(Math.max(1, ...rows.map((r) => r.length)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
