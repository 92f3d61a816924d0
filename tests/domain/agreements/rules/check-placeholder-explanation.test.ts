import { gridFromRows } from "../../../helpers/grid-from-a1";
import { readAndCheck, withCode } from "../helpers";

describe("checkPlaceholderExplanation", () => {
  const header = ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"];
  const row = (agreement: string, status: string | null, explanation: string | null) => ["Borging", null, agreement, "Lefier", status, explanation];

  it("warns at the toelichting cell when rood or oranje is explained by a placeholder only", () => {
    const { findings } = readAndCheck([
      gridFromRows([header, row("Achtervang", "rood", "n.v.t."), row("Huurbeleid", "oranje", " Idem "), row("Nieuwbouw", "rood", "-")]),
    ]);
    expect(withCode(findings, "placeholder-explanation")).toEqual([
      { code: "placeholder-explanation", severity: "warning", sheet: "Afspraken", cell: "F2", row: 2, params: { status: "rood", year: 2022, value: "n.v.t." } },
      { code: "placeholder-explanation", severity: "warning", sheet: "Afspraken", cell: "F3", row: 3, params: { status: "oranje", year: 2022, value: "Idem" } },
      { code: "placeholder-explanation", severity: "warning", sheet: "Afspraken", cell: "F4", row: 4, params: { status: "rood", year: 2022, value: "-" } },
    ]);
  });

  it("leaves real explanations, blank ones (missing-explanation's) and statuses that need none alone", () => {
    const { findings } = readAndCheck([
      gridFromRows([
        header,
        row("Achtervang", "rood", "Vergunning nog niet verleend; nieuwe planning Q3."),
        row("Huurbeleid", "oranje", null),
        row("Nieuwbouw", "groen", "n.v.t."),
        row("Sloop", "grijs", "volgt"),
        row("Volgtijdelijkheid", "rood", "Volgt na besluit raad in mei"),
      ]),
    ]);
    expect(withCode(findings, "placeholder-explanation")).toEqual([]);
    expect(withCode(findings, "missing-explanation").map((f) => f.cell)).toEqual(["F3"]);
  });

  it("still sees a placeholder that is long only by its spacing, punctuation or escaped markup", () => {
    const spaced = "Geen  -  toelichting . . . . . . . . . . . . . . . . . . . . . . . . . . .";
    const escaped = "&lt;blockquote&gt;n.v.t.&lt;/blockquote&gt;";
    const { findings } = readAndCheck([gridFromRows([header, row("Achtervang", "rood", spaced), row("Huurbeleid", "oranje", escaped)])]);
    expect(withCode(findings, "placeholder-explanation").map((f) => f.cell)).toEqual(["F2", "F3"]);
  });
});
