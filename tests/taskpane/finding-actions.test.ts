import { checkWorkbook, type CheckResult, type Finding } from "../../src/domain";
import type { CheckOutcome, NewYearOutcome, WorkbookAdapter } from "../../src/excel/addin-api";
import { runAcceptFinding, runApplySuggestion } from "../../src/taskpane/finding-actions";
import { proposeNewYear, runNewYear } from "../../src/taskpane/new-year-action";
import { gridFromRows } from "../helpers/grid-from-a1";

/** The pane's finding actions and "Nieuw monitoringjaar" on a fake adapter (the DOM parts run in the system test). */

const RESULT: CheckResult = checkWorkbook([
  gridFromRows([
    ["Onderwerp", "nr", "Afspraak", "Wie?", "Status 2022", "Toelichting 2022"],
    ["Borging", null, "Achtervang", "Gemeent en Lefier", "groen", null],
  ]),
]);
const CHECK: CheckOutcome = { result: RESULT, keptValidation: [], syncs: 1, writeOps: 0, notices: [] };
const FINDING = RESULT.findings.find((f) => f.code === "unknown-party") as Finding;

function fakeAdapter(overrides: Partial<WorkbookAdapter>): { adapter: WorkbookAdapter; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string, value: unknown) =>
    (...args: unknown[]): Promise<never> => {
      calls.push([name, ...args]);
      return Promise.resolve(value as never);
    };
  const adapter = {
    applySuggestion: record("applySuggestion", { kind: "applied", check: CHECK }),
    acceptFinding: record("acceptFinding", { kind: "accepted", at: "Model!A3", addedModelSheet: true, check: CHECK }),
    addMonitoringYear: record("addMonitoringYear", { kind: "present", year: 2023 }),
    ...overrides,
  } as unknown as WorkbookAdapter;
  return { adapter, calls };
}

describe("the finding actions", () => {
  it("accepting without a reason writes nothing and asks for one", async () => {
    const { adapter, calls } = fakeAdapter({});
    await expect(runAcceptFinding(adapter, FINDING, "   ", "nl")).resolves.toEqual({ message: "Vul een reden in." });
    expect(calls).toEqual([]);
  });

  it("accepts with the reason and the local day, and hands the re-check to the pane", async () => {
    const { adapter, calls } = fakeAdapter({});
    const done = await runAcceptFinding(adapter, FINDING, " bewust ", "en", new Date(2026, 11, 7, 23, 30));
    expect(calls).toEqual([["acceptFinding", FINDING, "bewust", "2026-12-07", "en"]]);
    expect(done).toEqual({ message: "Accepted; the reason is on the Model sheet.", check: CHECK });
  });

  it("says so when the sheet called Model is the user's data and nothing was written", async () => {
    const refused = fakeAdapter({ acceptFinding: () => Promise.resolve({ kind: "model-sheet-is-data", sheet: "Model", check: CHECK }) });
    const done = await runAcceptFinding(refused.adapter, FINDING, "bewust", "en");
    expect(done.message).toBe("The sheet Model holds data and no model blocks, so Prestatiemonitor writes nothing into it. Give that sheet another name; the acceptance then goes on a new Model sheet.");
  });

  it("says what was applied, or that the cell changed meanwhile", async () => {
    expect(FINDING.suggestion).toBe("Gemeente");
    const applied = await runApplySuggestion(fakeAdapter({}).adapter, FINDING, "nl");
    expect(applied.message).toBe("'Gemeente' ingevuld in Afspraken!D2.");
    const changed = fakeAdapter({ applySuggestion: () => Promise.resolve({ kind: "changed", check: CHECK }) });
    expect((await runApplySuggestion(changed.adapter, FINDING, "nl")).message).toBe("Afspraken!D2 is veranderd sinds de controle; er is niets ingevuld.");
  });
});

describe("Nieuw monitoringjaar in the pane", () => {
  it("proposes the year after the latest status year", () => {
    expect(proposeNewYear(RESULT)).toBe(2023);
    expect(proposeNewYear(undefined, new Date(2026, 0, 5))).toBe(2026);
  });

  it.each<[NewYearOutcome, string]>([
    [{ kind: "added", year: 2023, sheets: ["Afspraken"], check: CHECK, hideLater: [] }, "Status 2023 en Toelichting 2023 toegevoegd op: Afspraken."],
    [{ kind: "present", year: 2023 }, "Elk afsprakenblad heeft al een kolom Status 2023."],
    [{ kind: "no-sheet", year: 2023 }, "Geen afsprakenblad gevonden om kolommen aan toe te voegen."],
    [{ kind: "refused", year: 2023, sheet: "Afspraken", previousYear: 2022 }, "Afspraken: rechts van de kolommen van 2022 staat nog iets; voeg de kolommen Status 2023 en Toelichting 2023 zelf in."],
  ])("says what happened (%#)", async (outcome, message) => {
    const { adapter } = fakeAdapter({ addMonitoringYear: () => Promise.resolve(outcome) });
    const done = await runNewYear(adapter, 2023, "nl");
    expect(done.message).toBe(message);
    expect(done.check).toBe(outcome.kind === "added" ? CHECK : undefined);
  });
});
