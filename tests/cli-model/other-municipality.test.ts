import * as path from "path";
import { readWorkbookFile } from "../../src/cli/xlsx/read-workbook";
import { buildReport, checkWorkbook, findStatus } from "../../src/domain";

/**
 * A workbook of another (fictional) municipality with its own Model sheet: the engine must take
 * everything from that sheet and report exactly what is wrong in it, nothing of the default model.
 * Fixture: scripts/build-model-fixtures.js.
 */
const FIXTURE = path.join(__dirname, "..", "fixtures", "other-municipality.xlsx");

describe("other municipality (Veendam, fictional) with its own Model sheet", () => {
  it("gives exactly the expected findings", async () => {
    const { sheets } = await readWorkbookFile(FIXTURE);
    const result = checkWorkbook(sheets);

    // Listed by hand from the fixture:
    // 1. Model!B15: the party "Zorggroep Oost-Groningen" has Soort "zorgpartner" (not a kind): row skipped.
    // 2. Tabellen!D4: Controle "Tabel 1 / Nieuwbouw / 2024 = Tabel 2 / Aantal nieuwbouwwoningen / 2024"
    //    fails (18 vs 20), reported at the left side's cell.
    // Not reported: the passing Controles (2023: 30 = 30; 6000 <= 7.500), the status "Prima" (a custom
    // synonym of groen), the empty 2024 status column (the monitoring year is 2023), the consistent
    // stock table (4100 + 12 - 20 - 5 = 4087, ...), parties and themes that exist only in this model.
    const expected = [
      {
        code: "invalid-model",
        severity: "error",
        sheet: "Model",
        cell: "B15",
        row: 15,
        params: { block: "Partijen", problem: "unknown-kind", value: "zorgpartner" },
        message: "Model (Partijen): onbekende soort 'zorgpartner' (gemeente, corporatie, huurdersorganisatie, partner).",
      },
      {
        code: "cross-check",
        severity: "error",
        sheet: "Tabellen",
        cell: "D4",
        row: 4,
        table: "Tabel 1",
        params: {
          check: "Tabel 1 / Nieuwbouw / 2024 = Tabel 2 / Aantal nieuwbouwwoningen / 2024",
          left: 18,
          operator: "=",
          right: 20,
        },
        actual: 18,
        expected: 20,
        message: "Controle 'Tabel 1 / Nieuwbouw / 2024 = Tabel 2 / Aantal nieuwbouwwoningen / 2024' klopt niet: 18 = 20 geldt niet. Verschil: 2 te weinig.",
      },
    ];
    expect(result.findings).toEqual(expected);
  });

  it("takes themes, parties, statuses, settings and checks from its own Model sheet", async () => {
    const { sheets } = await readWorkbookFile(FIXTURE);
    const result = checkWorkbook(sheets, { year: 2024 });
    expect(result.model.source).toEqual({ kind: "sheet", sheet: "Model", blocks: ["Thema's", "Partijen", "Statussen", "Instellingen", "Controles"] });
    expect(result.model.settings).toEqual({ monitoringYear: 2023, municipality: "Veendam" });
    expect(result.model.parties.map((p) => [p.name, p.kind])).toEqual([
      ["Gemeente Veendam", "gemeente"],
      ["Acantus", "corporatie"],
      ["Woonborg", "corporatie"],
      ["Huurdersvereniging Veendam", "huurdersorganisatie"],
    ]);
    expect(result.model.crossChecks).toHaveLength(3);
    // Monitoringjaar 2023 wins over --year 2024 and over the latest status column (2024).
    expect(result.year).toBe(2023);
    expect(result.agreements).toHaveLength(7);
    // "Prima" is this model's own synonym of groen.
    expect(result.agreements[1] && findStatus(result.agreements[1], 2023)).toMatchObject({ raw: "Prima", status: "groen" });
    const report = buildReport(result, "other-municipality.xlsx");
    expect(report.year).toBe(2023);
    expect(report.agreements.byStatus).toEqual({ groen: 4, oranje: 1, rood: 1, grijs: 1, geen: 0 });
    expect(report.summary).toEqual({ errors: 2, warnings: 0, infos: 0 });
  });

  it("in English too", async () => {
    const { sheets } = await readWorkbookFile(FIXTURE);
    expect(checkWorkbook(sheets, { lang: "en" }).findings.map((f) => f.message)).toEqual([
      "Model (Partijen): unknown kind 'zorgpartner' (gemeente, corporatie, huurdersorganisatie, partner).",
      "Check 'Tabel 1 / Nieuwbouw / 2024 = Tabel 2 / Aantal nieuwbouwwoningen / 2024' fails: 18 = 20 does not hold. Difference: 2 too few.",
    ]);
  });
});
