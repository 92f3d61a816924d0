import { formatHumanReport } from "../../src/cli/format-human";
import { checkWorkbook } from "../../src/domain";
import { gridFromRows } from "../helpers/grid-from-a1";

describe("formatHumanReport", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];
  const rows = [1, 2, 3, 4].map((n) => ["Borging", null, `Afspraak ${n}`, "Lefier", null, null]);

  it("says what to do per rule, merges repeats in adjacent cells and writes numbers the Dutch way", () => {
    const result = checkWorkbook([gridFromRows([header, ...rows, ["Borging", null, "Afspraak 5", "Lefier", "groen", null]])]);
    const text = formatHumanReport(result, "map.xlsx", { all: false });
    expect(text).toContain("    Wat nu: Vul de status van dit monitoringjaar in.\n");
    expect(text).toContain("    Afspraken!E2:E5  Geen status ingevuld voor 2022. (4 cellen)\n");
    // Every cell is still a finding of its own.
    expect(result.findings.filter((f) => f.code === "missing-status")).toHaveLength(4);
  });

  it("tells a monitoring year without a status column: not in order", () => {
    const result = checkWorkbook([gridFromRows([header, ["Borging", null, "Afspraak", "Lefier", "groen", null]])], { year: 2030, lang: "en" });
    const text = formatHumanReport(result, "map.xlsx", { all: false });
    expect(text.split("\n")[0]).toMatch(/^Not OK: map\.xlsx: 1 error/);
    expect(text).toContain("What now: Add the Status and Toelichting columns");
  });
});
