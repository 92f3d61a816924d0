import { checkWorkbook, describeStoplight, explainStoplight } from "../../../src/domain";
import { gridFromRows } from "../../helpers/grid-from-a1";

const GRID = gridFromRows([
  ["Onderwerp", "nr", "Afspraak", "Wie?", "Doel 2022", "Realisatie 2022", "Status 2022", "Toelichting 2022"],
  ["Beschikbaarheid", "Nieuwbouw", "Lefier bouwt 1.250 woningen", "Lefier", "1.250", "400", "Rood ", "Aannemer failliet"],
  ["Beschikbaarheid", "Nieuwbouw", "Woonservice bouwt 200 woningen", "Woonservice", 200, 190, null, "Loopt"],
  ["Duurzaamheid", "Verduurzaming", "Warmtevisie opstellen", "Gemeente", null, null, "groen", null],
]);

describe("explainStoplight", () => {
  const result = checkWorkbook([GRID]);

  it("gives the status as written and as read, the Toelichting, the figures and the row's findings", () => {
    const explanation = explainStoplight(result, "Afspraken", "G2");
    expect(explanation).toMatchObject({
      sheet: "Afspraken",
      row: 2,
      year: 2022,
      agreement: "Lefier bouwt 1.250 woningen",
      status: { cell: "G2", raw: "Rood", name: "rood", color: expect.stringMatching(/^#/) },
      explanation: { cell: "H2", text: "Aannemer failliet" },
      figures: { target: 1250, realised: 400, unit: "", share: 32, implied: "rood", greenThreshold: 90, orangeThreshold: 50 },
    });
    expect(explanation?.proposal).toBeUndefined();
    const words = explanation && describeStoplight(explanation, "nl");
    expect(words?.lines).toEqual([
      "Afspraak: Lefier bouwt 1.250 woningen",
      "Wie: Lefier",
      expect.stringMatching(/^Status 2022: 'Rood', gelezen als rood \(.+\)\.$/),
      "Toelichting: Aannemer failliet",
      "Cijfers 2022: 1.250 beoogd, 400 gerealiseerd: 32 % van het doel.",
      "Volgens de drempels (groen vanaf 90 %, oranje vanaf 50 %) wijzen de cijfers op rood.",
    ]);
  });

  it("answers for any cell of the agreement's row, and proposes a status where it is blank", () => {
    const explanation = explainStoplight(result, "Afspraken", "C3");
    expect(explanation?.status).toEqual({ cell: "G3", raw: "" });
    expect(explanation?.proposal).toEqual({ status: "groen", share: 95 });
    const words = explanation && describeStoplight(explanation, "nl");
    expect(words?.proposal).toBe("Voorgesteld: groen (95 % van het doel)");
    expect(words?.lines).toContain("Status 2022: niet ingevuld.");
    expect(words?.findingsLine).toMatch(/^Bevindingen op deze rij: [1-9]/);
    expect(explanation?.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["missing-status", "proposed-status"]));
    expect(explanation && describeStoplight(explanation, "en").proposal).toBe("Proposed: groen (95% of the target)");
  });

  it("leaves out figures a row does not have, and says so when there is no Toelichting", () => {
    const explanation = explainStoplight(result, "Afspraken", "$G$4:$H$4");
    expect(explanation?.figures).toBeUndefined();
    const words = explanation && describeStoplight(explanation, "nl");
    expect(words?.lines).toContain("Geen toelichting.");
    expect(words?.lines.some((line) => line.startsWith("Cijfers"))).toBe(false);
  });

  it("says the workbook has no monitoring year where no status column has a year, not 'no status column for -'", () => {
    const yearless = gridFromRows([
      ["Onderwerp", "nr", "Afspraak", "Wie?"],
      ["Duurzaamheid", "Verduurzaming", "Warmtevisie opstellen", "Gemeente"],
    ]);
    const explanation = explainStoplight(checkWorkbook([yearless]), "Afspraken", "C2");
    expect(explanation?.year).toBeNull();
    expect(explanation && describeStoplight(explanation, "nl").lines).toContain("Geen monitoringjaar: de werkmap heeft geen kolom Status met een jaartal.");
    expect(explanation && describeStoplight(explanation, "en").lines).toContain("No monitoring year: the workbook has no Status column with a year.");
    expect(explanation && describeStoplight(explanation, "nl").lines.join(" ")).not.toMatch(/\u2013/);
  });

  it("is undefined outside an agreement row (the header, another sheet, no cell)", () => {
    expect(explainStoplight(result, "Afspraken", "G1")).toBeUndefined();
    expect(explainStoplight(result, "Blad2", "G2")).toBeUndefined();
    expect(explainStoplight(result, "Afspraken", "")).toBeUndefined();
  });
});
