import { gridFromRows } from "../../helpers/grid-from-a1";
import { checkWorkbook } from "../../../src/domain/check-workbook";
import { buildReport } from "../../../src/domain/report/report";
import { planAcceptanceWrite, readAcceptances, type AcceptanceInput } from "../../../src/domain/model/acceptances";
import type { CellValue } from "../../../src/domain/core/grid";

const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];
const agreements = (party: string) =>
  gridFromRows([HEADER, ["Borging", null, "Achtervang", "Lefier", "groen", null], ["Borging", null, "Nieuwbouw", party, "groen", null]]);
const ACCEPT_HEADER = ["Code", "Blad", "Cel", "Waarde", "Reden", "Datum"];
const model = (...rows: CellValue[][]) => gridFromRows([["Geaccepteerd"], ACCEPT_HEADER, ...rows], { sheet: "Model" });

describe("accepted findings", () => {
  it("no longer count, and are listed with their reason while the cell holds the accepted content", () => {
    const before = checkWorkbook([agreements("Gemeent")], { year: 2022 });
    const finding = before.findings.find((f) => f.code === "unknown-party");
    expect(finding?.cell).toBe("D3");
    expect(before.findings.filter((f) => f.severity === "error")).toHaveLength(1);

    const result = checkWorkbook([agreements("Gemeent"), model(["unknown-party", "Afspraken", "D3", "Gemeent", "zo heet zij in het convenant", 46000])], { year: 2022 });
    expect(result.findings.filter((f) => f.code === "unknown-party")).toEqual([]);
    expect(result.accepted).toHaveLength(1);
    expect(result.accepted?.[0]).toMatchObject({ code: "unknown-party", cell: "D3", acceptance: { reason: "zo heet zij in het convenant", date: "2025-12-09" } });
    const report = buildReport(result, "w.xlsx");
    expect(report.summary.errors).toBe(0);
    expect(report.accepted?.[0]).toMatchObject({ code: "unknown-party", cell: "D3", reason: "zo heet zij in het convenant", acceptedAt: "Model!A3" });
    // A Model sheet holding only acceptances is no mistake: the default model stays in force.
    expect(result.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
  });

  it("stops applying once the cell's content changes", () => {
    const result = checkWorkbook([agreements("Gemeentt"), model(["unknown-party", "Afspraken", "$D$3", "Gemeent", "bewust"])], { year: 2022 });
    expect(result.findings.filter((f) => f.code === "unknown-party")).toHaveLength(1);
    expect(result.accepted).toBeUndefined();
    expect(buildReport(result, "w.xlsx")).not.toHaveProperty("accepted");
  });

  it("matches code, sheet and cell exactly", () => {
    const other = checkWorkbook([agreements("Gemeent"), model(["unknown-theme", "Afspraken", "D3", "Gemeent", "bewust"], ["unknown-party", "Afspraken", "D2", "Gemeent", "bewust"])], { year: 2022 });
    expect(other.findings.filter((f) => f.code === "unknown-party")).toHaveLength(1);
  });

  it("reports unusable rows as invalid-model findings at their cell and reads on", () => {
    const read = readAcceptances(
      model(
        ["no-such-rule", "Afspraken", "D3", "x", "r"],
        ["unknown-party", "Afspraken", "hier", "x", "r"],
        ["unknown-party", "Afspraken", "D3", "x", null],
        ["unknown-party", "Afspraken", "D3", 12, "goed"],
      ),
    );
    expect(read.findings.map((f) => [f.cell, f.code === "invalid-model" ? f.params.problem : ""])).toEqual([
      ["A3", "unknown-code"],
      ["C4", "invalid-cell"],
      ["E5", "missing-value"],
    ]);
    expect(read.acceptances).toHaveLength(1);
    expect(read.acceptances[0]).toMatchObject({ cell: "D3", value: "12", reason: "goed", source: { sheet: "Model", cell: "A6" } });
  });

  it("reports a block without its required columns", () => {
    const read = readAcceptances(gridFromRows([["Geaccepteerd"], ["Code", "Blad", "Cel"], ["x"]], { sheet: "Model" }));
    expect(read.acceptances).toEqual([]);
    expect(read.findings.map((f) => (f.code === "invalid-model" ? f.params.value : ""))).toEqual(["Waarde", "Reden"]);
  });
});

describe("planAcceptanceWrite", () => {
  const input: AcceptanceInput = { code: "unknown-party", sheet: "Afspraken", cell: "D3", value: "Gemeent", reason: "bewust", date: "2026-12-07" };
  const row = ["unknown-party", "Afspraken", "D3", "Gemeent", "bewust", "2026-12-07"];

  it("starts a new Model sheet with the block", () => {
    expect(planAcceptanceWrite(undefined, input)).toEqual({ column: "A", row: 1, rows: [["Geaccepteerd"], ACCEPT_HEADER, row] });
  });

  it("appends to the last block when it ends the sheet", () => {
    expect(planAcceptanceWrite(model(["unknown-theme", "Afspraken", "A2", "x", "y"]), input)).toEqual({ column: "A", row: 4, rows: [row] });
  });

  it("starts a new block one empty row below the model blocks", () => {
    const sheet = gridFromRows([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", 2022]], { sheet: "Model" });
    expect(planAcceptanceWrite(sheet, input)).toEqual({ column: "A", row: 5, rows: [["Geaccepteerd"], ACCEPT_HEADER, row] });
    // ...and the model still reads, the acceptance too.
    const written = gridFromRows([["Instellingen"], ["Instelling", "Waarde"], ["Monitoringjaar", 2022], [], ["Geaccepteerd"], ACCEPT_HEADER, row], { sheet: "Model" });
    const result = checkWorkbook([agreements("Gemeent"), written]);
    expect(result.year).toBe(2022);
    expect(result.accepted).toHaveLength(1);
    expect(result.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
  });
});
