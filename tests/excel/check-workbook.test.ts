import { DEFAULT_MODEL, MONITORING_MARKER_NAME } from "../../src/domain";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook } from "./workbooks";

afterEach(tearDownAdapter);

describe("checkWorkbook on the in-memory host", () => {
  it("finds the planted errors and writes stoplights, dropdowns and highlighting", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    const outcome = await adapter.checkWorkbook("nl");

    const codes = outcome.result.findings.map((f) => `${f.code}@${f.cell ?? ""}`);
    expect(codes).toEqual(expect.arrayContaining(["unknown-party@D3", "missing-explanation@G4"]));
    expect(outcome.keptValidation).toEqual([]);

    const data = host.sheet("Afspraken");
    const formulas = data.conditionalFormats.map((cf) => cf.formula);
    expect(formulas).toEqual(
      expect.arrayContaining([
        `=TRIM(F2)="groen"`,
        `=TRIM(F2)="rood"`,
        // Markers clear themselves once the cell differs from its value at check time (the _w twin).
        `=AND('PM_Markering1'!D3="error",D3='PM_Markering1_w'!D3)`,
        `=AND('PM_Markering1'!D3="warning",D3='PM_Markering1_w'!D3)`,
        // rood/oranje without explanation: a native check Excel evaluates as the user types.
        `=AND(OR(TRIM(F2)="oranje",TRIM(F2)="rood"),LEN(TRIM(G2))=0)`,
      ]),
    );
    const stoplight = data.conditionalFormats.find((cf) => cf.formula === `=TRIM(F2)="rood"`);
    const rood = DEFAULT_MODEL.statuses.find((s) => s.name === "rood");
    expect(stoplight).toMatchObject({ rect: { top: 1, left: 5, bottom: 6, right: 5 }, fill: rood?.color.toUpperCase(), fontColor: "#000000" });
    expect(data.validations.get("1,5")).toMatchObject({ type: "List", rule: { list: { source: "groen,oranje,rood,grijs" } } });

    const mirror = host.sheet("PM_Markering1");
    expect(mirror.visibility).toBe("VeryHidden");
    expect(host.readValues("PM_Markering1", "D3")).toEqual([["error"]]);
    expect(host.readValues("PM_Markering1", "G4")).toEqual([["warning"]]);
    expect(host.readValues("PM_Markering1_w", "D3")).toEqual([["Gemeent"]]);
    expect(host.sheet("PM_Markering1_w").visibility).toBe("VeryHidden");
    // The user's values are untouched: the word stays, colour is never the only signal.
    expect(host.readValues("Afspraken", "F4")).toEqual([["rood"]]);
  });

  it("is 2 round trips for a 5,000-row sheet once the sheet names are known, 3 on a cold start", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(5000));
    const cold = await adapter.checkWorkbook("nl");
    expect(cold.syncs).toBe(3);
    host.setValues("Afspraken", "D4000", [["Onbekende partij"]]);
    host.resetStats();
    const warm = await adapter.checkWorkbook("nl");
    expect(warm.syncs).toBe(2); // the read, the differences written
    expect(host.roundTrips).toBe(2);
    host.resetStats();
    const unchanged = await adapter.checkWorkbook("nl");
    expect(unchanged.syncs).toBe(1); // nothing differs: nothing to write
    expect(host.stats.writes).toBe(0);
    expect(warm.result.agreements).toHaveLength(5000);
    expect(Math.max(...host.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);

  it("is 2 round trips on the first check when the pane watched the selection first", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(50));
    const stop = await adapter.onSelectionChanged(() => undefined);
    host.resetStats();
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.syncs).toBe(2);
    expect(host.roundTrips).toBe(2);
    await stop();
  });

  it("re-checking replaces the add-in's formats instead of stacking them", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(8));
    await adapter.checkWorkbook("nl");
    const first = host.snapshot("Afspraken");
    const sheetsAfterFirst = host.sheets.map((s) => s.name);
    await adapter.checkWorkbook("nl");
    await adapter.checkWorkbook("en");
    expect(host.snapshot("Afspraken")).toEqual(first);
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsAfterFirst);
    expect(host.names.map((n) => n.name).sort()).toEqual(["PM_Keuzelijst_1", "PM_Markeervlak_1", "PM_Stoplicht_1", "PM_Toelichting_1", "PrestatiemonitorMarkering1", "PrestatiemonitorWaarden1"]);
  });

  it("keeps a user's own validation on a status column and reports it", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    host.sheet("Afspraken").validations.set("3,5", { type: "List", rule: { list: { inCellDropDown: true, source: "ja,nee" } } });
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.keptValidation).toEqual([{ sheet: "Afspraken", column: "F" }]);
    expect(host.sheet("Afspraken").validations.get("3,5")).toMatchObject({ rule: { list: { source: "ja,nee" } } });
    expect(host.sheet("Afspraken").validations.has("1,5")).toBe(false);
    // Our own dropdown is not mistaken for the user's on the next check.
    host.sheet("Afspraken").validations.delete("3,5");
    await adapter.checkWorkbook("nl");
    const again = await adapter.checkWorkbook("nl");
    expect(again.keptValidation).toEqual([]);
  });

  it("recovers when a sheet it knew was renamed since the last action", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    await adapter.checkWorkbook("nl");
    host.sheet("Afspraken").name = "Afspraken 2021";
    host.resetStats();
    const outcome = await adapter.checkWorkbook("nl");
    expect(host.syncs[0]?.failed).toBe("ItemNotFound");
    expect(outcome.result.agreementSheets).toEqual(["Afspraken 2021"]);
    expect(outcome.result.findings.find((f) => f.code === "unknown-party")).toMatchObject({ sheet: "Afspraken 2021", cell: "D3" });
    // The stoplight name followed the renamed sheet, so nothing stacked.
    expect(host.sheet("Afspraken 2021").conditionalFormats.filter((cf) => cf.formula?.startsWith("=TRIM("))).toHaveLength(4);
  });

  it("knows its own sheets by marker, never by name: a user's Monitoring and PM_ sheets are checked, the marked one is never read", async () => {
    const junk = [["Onderwerp", "Wie?", "Actiepunt/prestatieafspraken", "Status 2022"], ["Onzin", "Niemand", "x", "paars"]];
    const { host, adapter } = setUpAdapter(
      agreementsWorkbook(4, [
        { name: "Monitoring", values: junk },
        { name: "PM_Oud", values: junk },
        { name: "Monitoring (2)", values: junk },
      ]),
    );
    // Our Monitoring sheet, as the add-in and the CLI mark it: a workbook-level name on its A1.
    host.names.push({ name: MONITORING_MARKER_NAME, ref: { sheet: host.sheet("Monitoring (2)"), rect: { top: 0, left: 0, bottom: 0, right: 0 } }, comment: "" });
    const outcome = await adapter.checkWorkbook("nl");
    const sheetsWithFindings = new Set(outcome.result.findings.map((f) => f.sheet));
    expect(sheetsWithFindings.has("Monitoring")).toBe(true);
    expect(sheetsWithFindings.has("PM_Oud")).toBe(true);
    expect(sheetsWithFindings.has("Monitoring (2)")).toBe(false);
    const reads = host.syncs.flatMap((s) => s.operations).filter((op) => String(op["object"]).includes("Monitoring (2)"));
    expect(reads).toEqual([]);
  });
});
