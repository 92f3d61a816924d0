import { gridFromRows } from "../../helpers/grid-from-a1";
import { checkWorkbook } from "../../../src/domain/check-workbook";
import { planNewYear } from "../../../src/domain/report/plan-new-year";

describe("planNewYear", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Activiteiten 2022", "Status 2022", "Toelichting 2022", "Opmerkingen"];
  const row = (theme: string) => [theme, null, "Achtervang", "Lefier", "x", "groen", null, null];

  it("inserts Status and Toelichting of the new year right after last year's columns, with dropdown and colours", () => {
    const result = checkWorkbook([gridFromRows([header, row("Borging"), row("Wonen")])], { year: 2023 });
    const plan = planNewYear(result, 2023);
    expect(plan.alreadyPresent).toEqual([]);
    expect(plan.sheets).toHaveLength(1);
    const sheet = plan.sheets[0];
    expect(sheet).toMatchObject({
      sheet: "Afspraken",
      previousYear: 2022,
      insertAt: "H",
      statusColumn: "H",
      explanationColumn: "I",
      copyStatusFrom: "F",
      copyExplanationFrom: "G",
      headers: [
        { cell: "H1", text: "Status 2023" },
        { cell: "I1", text: "Toelichting 2023" },
      ],
    });
    expect(sheet?.stoplights).toHaveLength(1);
    expect(sheet?.stoplights[0]).toMatchObject({ sheet: "Afspraken", year: 2023, range: "H2:H3", list: ["groen", "oranje", "rood", "grijs"] });
    expect(sheet?.stoplights[0]?.rules.map((r) => r.status)).toEqual(["groen", "oranje", "rood", "grijs"]);
  });

  it("leaves a sheet that already has the year alone", () => {
    const result = checkWorkbook([gridFromRows([header, row("Borging")])]);
    expect(planNewYear(result, 2022)).toEqual({ year: 2022, sheets: [], alreadyPresent: ["Afspraken"] });
  });

  it("puts the columns after the header's last field when the sheet has no per-year column", () => {
    const result = checkWorkbook([gridFromRows([["Onderwerp", "nr", "Afspraak", "Wie?"], ["Borging", null, "Achtervang", "Lefier"]])], { year: 2023 });
    expect(planNewYear(result, 2023).sheets[0]).toMatchObject({ previousYear: undefined, insertAt: "E", explanationColumn: "F", copyStatusFrom: undefined });
  });
});
