import { checkWorkbook, DEFAULT_MODEL, formatMessage, readModelSheet, writeModelSheet } from "../../../../src/domain";
import type { CellValue } from "../../../../src/domain/core/grid";
import { gridFromA1, gridFromRows } from "../../../helpers/grid-from-a1";
import { readAndCheck, withCode } from "../helpers";

const HEADER = ["Onderwerp", "nr", "Afspraak", "Wie?", "Doel 2022", "Realisatie 2022", "Status 2022", "Toelichting 2022"];

/** One agreement per row with its 2022 target, realised figure and status (and a Toelichting). */
function rows(...figures: readonly (readonly [CellValue, CellValue, string])[]) {
  return gridFromRows([
    HEADER,
    ...figures.map(([target, realised, status], i) => ["Beschikbaarheid", "Nieuwbouw", `Afspraak ${i + 1}`, "Lefier", target, realised, status, "toelichting"]),
  ]);
}

describe("status-vs-realisation", () => {
  it("reads Doel and Realisatie per year: numbers, Dutch number text and percentages", () => {
    const { rows: read } = readAndCheck([rows([225, "120", "groen"], ["1.250", "1.100", "groen"], ["80%", "72 %", "groen"])]);
    expect(read.map((r) => [r.targets, r.realisations])).toEqual([
      [[{ year: 2022, value: 225, percent: false, cell: "E2" }], [{ year: 2022, value: 120, percent: false, cell: "F2" }]],
      [[{ year: 2022, value: 1250, percent: false, cell: "E3" }], [{ year: 2022, value: 1100, percent: false, cell: "F3" }]],
      [[{ year: 2022, value: 80, percent: true, cell: "E4" }], [{ year: 2022, value: 72, percent: true, cell: "F4" }]],
    ]);
  });

  it("warns at the status cell when groen is below Drempel groen, with target, realised and share", () => {
    const { findings } = readAndCheck([rows([225, 120, "groen"])]);
    expect(withCode(findings, "status-vs-realisation")).toEqual([
      {
        code: "status-vs-realisation",
        severity: "warning",
        sheet: "Afspraken",
        row: 2,
        cell: "G2",
        params: { status: "groen", year: 2022, target: 225, realised: 120, unit: "", share: 53, implied: "oranje" },
      },
    ]);
    const [finding] = withCode(findings, "status-vs-realisation");
    expect(finding && formatMessage(finding, "nl")).toBe(
      "De status past niet bij de cijfers van 2022: 225 beoogd, 120 gerealiseerd (53 %), status groen; de cijfers wijzen op oranje.",
    );
  });

  it("writes thousands the Dutch way and points at rood below Drempel oranje", () => {
    const { findings } = readAndCheck([rows(["1.250", "400", "afgerond"])]);
    const [finding] = withCode(findings, "status-vs-realisation");
    expect(finding?.params).toMatchObject({ status: "groen", target: 1250, realised: 400, share: 32, implied: "rood" });
    expect(finding && formatMessage(finding, "nl")).toContain("1.250 beoogd, 400 gerealiseerd (32 %)");
    expect(finding && formatMessage(finding, "en")).toContain("1,250 targeted, 400 realised (32%)");
  });

  it("warns when rood or oranje while the target is met", () => {
    const { findings } = readAndCheck([rows([100, 100, "rood"], ["50%", "60%", "oranje"])]);
    expect(withCode(findings, "status-vs-realisation").map((f) => [f.cell, f.params])).toEqual([
      ["G2", { status: "rood", year: 2022, target: 100, realised: 100, unit: "", share: 100, implied: "groen" }],
      ["G3", { status: "oranje", year: 2022, target: 50, realised: 60, unit: "%", share: 120, implied: "groen" }],
    ]);
  });

  it("stays silent where the status agrees with the numbers or the numbers are missing", () => {
    const { findings } = readAndCheck([
      rows(
        [225, 210, "groen"], // 93 %: on track
        [225, 120, "oranje"], // behind and says so
        [225, 160, "rood"], // 71 %: more cautious than the numbers, not a contradiction
        [225, null, "groen"], // nothing realised yet
        ["n.v.t.", 12, "groen"], // no target
        [0, 0, "rood"], // a zero target has no share
        ["80%", 70, "groen"], // a percentage against a count: not comparable
        [225, 100, "grijs"], // not started: no claim either way
      ),
    ]);
    expect(withCode(findings, "status-vs-realisation")).toEqual([]);
  });

  it("reads the synonyms and a percentage cell format, and checks every status year", () => {
    const grid = gridFromA1(
      {
        A1: "Thema",
        B1: "Afspraak",
        C1: "Partijen",
        D1: "Streefwaarde 2021",
        E1: "Gerealiseerd 2021",
        F1: "Stoplicht 2021",
        G1: "Ambitie 2022",
        H1: "Resultaat 2022",
        I1: "Stoplicht 2022",
        A2: "Duurzaamheid",
        B2: "Label B",
        C2: "Lefier",
        D2: 0.8,
        E2: 0.5,
        F2: "groen",
        G2: 300,
        H2: 310,
        I2: "groen",
      },
      { formats: { D2: "0%", E2: "0%" } },
    );
    const { findings } = readAndCheck([grid]);
    expect(withCode(findings, "status-vs-realisation").map((f) => [f.cell, f.params])).toEqual([
      ["F2", { status: "groen", year: 2021, target: 80, realised: 50, unit: "%", share: 63, implied: "oranje" }],
    ]);
  });

  it("takes Drempel groen and Drempel oranje from the Model sheet's Instellingen", () => {
    const model = gridFromRows(
      [["Instellingen"], ["Instelling", "Waarde"], ["Drempel groen", "70%"], ["Drempel oranje", 0.4]],
      { sheet: "Model" },
    );
    const result = checkWorkbook([model, rows([100, 75, "groen"], [100, 60, "groen"], [100, 30, "groen"])]);
    expect(result.model.settings).toMatchObject({ greenThreshold: 70, orangeThreshold: 40 });
    expect(result.findings.filter((f) => f.code === "status-vs-realisation").map((f) => [f.cell, f.params?.["implied"]])).toEqual([
      ["G3", "oranje"],
      ["G4", "rood"],
    ]);
  });

  it("reports an unusable Drempel as invalid-model and keeps the default", () => {
    const model = gridFromRows([["Instellingen"], ["Instelling", "Waarde"], ["Drempel groen", "veel"]], { sheet: "Model" });
    const result = checkWorkbook([model, rows([100, 85, "groen"])]);
    expect(result.findings.filter((f) => f.code === "invalid-model").map((f) => f.params)).toContainEqual({
      block: "Instellingen",
      problem: "invalid-number",
      value: "veel",
    });
    expect(result.findings.filter((f) => f.code === "status-vs-realisation").map((f) => f.cell)).toEqual(["G2"]);
  });

  it("writes the thresholds into a Model sheet only when the model sets them, and reads them back", () => {
    const written = (settings: object) => writeModelSheet({ ...DEFAULT_MODEL, settings: { ...DEFAULT_MODEL.settings, ...settings } }).values;
    expect(written({}).some((row) => String(row[0]).startsWith("Drempel"))).toBe(false);
    const values = written({ greenThreshold: 85, orangeThreshold: 40 });
    const read = readModelSheet({ sheet: "Model", origin: "A1", values }, DEFAULT_MODEL);
    expect(read.findings).toEqual([]);
    expect(read.model.settings).toEqual({ municipality: "Stadskanaal", greenThreshold: 85, orangeThreshold: 40 });
  });
});
