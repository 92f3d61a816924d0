import { checkWorkbook } from "../../../src/domain/check-workbook";
import type { CellValue } from "../../../src/domain/core/grid";
import { gridFromRows } from "../../helpers/grid-from-a1";

/**
 * Declared cross-checks end to end: a Model sheet's Controles over tables laid out as in the seed
 * (HTML in a row label, two tables numbered 8, Dutch thousands, an interval).
 */
const AGREEMENTS = gridFromRows([
  ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?"],
  ["Duurzaamheid", "Nieuwbouw", "Nieuwe verduurzamingstechnieken", "Gemeente"],
]);

const TABLES = gridFromRows(
  [
    ["Tabel 1: Ontwikkeling kernvoorraad"],
    ["Woongelegenheden (aantallen)", "2020", "2021", "2022", "2023"],
    ["Stand per 1 januari", 3885, 3796, 3810, 3818],
    ["Nieuwbouw", 0, 22, 16, 0],
    ["Verkoop", 0, "-20 - -25", "-20 - -25", "-20 - -25"],
    [],
    ["Tabel 5: Maatregelen verduurzaming"],
    ["Verduurzaming (bedragen x € 1.000,-)", "2020", "2021", "2022", "2023"],
    ["<i>Aantal NOM nieuwbouw</i>", 0, 22, 18, 0],
    ["Investering", 0, "4.324", "2.768", 0],
    [],
    ["Tabel 8: Aantal eenheden niet-DAEB"],
    ["Overzicht niet-DAEB", "2020"],
    ["Vrije sector woningen totaal", 140],
    ["Parkeren", 368],
    [],
    ["Tabel 8: Uitgaven leefbaarheid"],
    ["Uitgaven leefbaarheid (bedragen x € 1.000,-)", "Derden", "Eigen personeel", "Saldo"],
    ["Woonmaatschappelijk werk", 55, 163, 218],
    ["Aanleg/onderhoud kleinschalige infrastructuur", 43, 22, 65],
  ],
  { sheet: "Tabellen" },
);

function controles(...rows: CellValue[][]) {
  return gridFromRows([["Controles"], ["Links", "Operator", "Rechts", "Tolerantie"], ...rows], { sheet: "Model" });
}

function crossFindings(...rows: CellValue[][]) {
  const result = checkWorkbook([AGREEMENTS, TABLES, controles(...rows)]);
  return result.findings
    .filter((f) => f.code === "cross-check" || f.code === "invalid-model")
    .map((f) => [f.code, `${f.sheet}!${f.cell ?? ""}`, f.params?.["left"] ?? f.params?.["value"], f.params?.["right"] ?? f.params?.["problem"]]);
}

describe("cross-checks over found tables", () => {
  it("seed: Tabel 1 Nieuwbouw 2021 = Tabel 5 Aantal NOM nieuwbouw 2021 holds (HTML in the label ignored)", () => {
    expect(crossFindings(["Tabel 1 / Nieuwbouw / 2021", "=", "Tabel 5 / Aantal NOM nieuwbouw / 2021"])).toEqual([]);
  });

  it("a failing one is reported at the left cell on the tables sheet", () => {
    expect(crossFindings(["Tabel 1 / Nieuwbouw / 2022", "=", "Tabel 5 / Aantal NOM nieuwbouw / 2022"])).toEqual([
      ["cross-check", "Tabellen!D4", 16, 18],
    ]);
  });

  it("Dutch thousands in cells and in the Controle", () => {
    expect(crossFindings(["Tabel 5 / Investering / 2021", "=", "4.324"], ["Tabel 5 / Investering / 2022", "<=", "2.700"])).toEqual([
      ["cross-check", "Tabellen!D10", 2768, 2700],
    ]);
  });

  it("intervals overlap", () => {
    expect(crossFindings(["Tabel 1 / Verkoop / 2021", "=", -22], ["Tabel 1 / Verkoop / 2022", "=", -30])).toEqual([
      ["cross-check", "Tabellen!D5", "-25…-20", -30],
    ]);
  });

  it("the duplicated Tabel 8: the first table whose row and column match", () => {
    expect(
      crossFindings(
        ["Tabel 8 / Vrije sector woningen totaal / 2020", "=", 140],
        ["Tabel 8 / Aanleg/onderhoud kleinschalige infrastructuur / Saldo", "=", 66],
      ),
    ).toEqual([["cross-check", "Tabellen!D20", 65, 66]]);
  });

  it("a reference to nothing is invalid-model at the Controle", () => {
    expect(crossFindings(["Tabel 1 / Nieuwbouw / 2019", "=", 0])).toEqual([
      ["invalid-model", "Model!A3", "Tabel 1 / Nieuwbouw / 2019", "unresolved-reference"],
    ]);
  });
});
