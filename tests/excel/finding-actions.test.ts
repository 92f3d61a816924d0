import undoTable from "../excel-host/undo-clearing-apis.json";
import type { ExcelHost } from "../excel-host";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook, HEADER } from "./workbooks";

/**
 * The finding actions and "Nieuw monitoringjaar" on the strict host: each one undo step, nothing
 * from Microsoft's undo table, the round trips they promise, and the check after them honours them.
 */

afterEach(tearDownAdapter);

function undoTableCalls(host: ExcelHost): string[] {
  return host.syncs.flatMap((sync) => sync.operations).map((op) => String(op["api"] ?? "")).filter((api) => api in undoTable.apis);
}

function addinUndoSteps(host: ExcelHost, since: number): number {
  return host.undoStack.slice(since).filter((r) => r.by === "addin").length;
}

describe("Toepassen (a suggestion)", () => {
  it.each(["web", "windows", "mac"] as const)("is one cell edit, one undo step, and the next check no longer reports it (%s)", async (platform) => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6), { host: { platform } });
    const before = await adapter.checkWorkbook("nl");
    const finding = before.result.findings.find((f) => f.code === "unknown-party");
    expect(finding).toMatchObject({ cell: "D3", suggestion: expect.any(String) });
    const snapshot = host.snapshot("Notities");
    const undoBefore = host.undoStack.length;
    host.resetStats();
    const applied = await adapter.applySuggestion(finding as NonNullable<typeof finding>, "nl");
    expect(applied.kind).toBe("applied");
    expect(host.readValues("Afspraken", "D3")).toEqual([[finding?.suggestion]]);
    // Read the cell, write it; then the read-only re-check (one read).
    expect(host.stats.syncs).toBe(3);
    expect(applied.check.writeOps).toBe(0);
    expect(applied.check.result.findings.filter((f) => f.code === "unknown-party")).toEqual([]);
    expect(host.stats.undoClears).toBe(0);
    expect(undoTableCalls(host)).toEqual([]);
    expect(addinUndoSteps(host, undoBefore)).toBe(1);
    expect(host.snapshot("Notities")).toEqual(snapshot);
    const after = await adapter.checkWorkbook("nl");
    expect(after.result.findings.filter((f) => f.code === "unknown-party")).toEqual([]);
  });

  it("writes nothing when the cell changed since the check", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    const finding = (await adapter.checkWorkbook("nl")).result.findings.find((f) => f.code === "unknown-party");
    await host.editCells("Afspraken", "D3", [["Iets anders"]]);
    host.resetStats();
    expect((await adapter.applySuggestion(finding as NonNullable<typeof finding>, "nl")).kind).toBe("changed");
    expect(host.stats.writes).toBe(0);
    expect(host.readValues("Afspraken", "D3")).toEqual([["Iets anders"]]);
  });
});

describe("Accepteren (a finding)", () => {
  it("adds a Model sheet with the Geaccepteerd block in one undo step; the check then lists the finding as accepted", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6), { host: { platform: "windows" } });
    const before = await adapter.checkWorkbook("nl");
    const finding = before.result.findings.find((f) => f.code === "unknown-party");
    const undoBefore = host.undoStack.length;
    host.resetStats();
    const outcome = await adapter.acceptFinding(finding as NonNullable<typeof finding>, "zo staat het in het convenant", "2026-12-07", "nl");
    expect(outcome).toMatchObject({ at: "Model!A3", addedModelSheet: true });
    expect(outcome.check.result.accepted?.map((f) => f.cell)).toEqual(["D3"]);
    expect(host.stats.undoClears).toBe(0);
    expect(undoTableCalls(host)).toEqual([]);
    expect(addinUndoSteps(host, undoBefore)).toBe(1);
    expect(host.readValues("Model", "A1:F3")).toEqual([
      ["Geaccepteerd", "", "", "", "", ""],
      ["Code", "Blad", "Cel", "Waarde", "Reden", "Datum"],
      ["unknown-party", "Afspraken", "D3", "Gemeent", "zo staat het in het convenant", "2026-12-07"],
    ]);
    const after = await adapter.checkWorkbook("nl");
    expect(after.result.findings.filter((f) => f.code === "unknown-party")).toEqual([]);
    expect(after.result.accepted?.map((f) => [f.code, f.cell, f.acceptance.reason])).toEqual([["unknown-party", "D3", "zo staat het in het convenant"]]);
    expect(after.result.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
    // A second acceptance goes right below the first.
    const warning = after.result.findings.find((f) => f.code === "missing-explanation");
    await expect(adapter.acceptFinding(warning as NonNullable<typeof warning>, "besproken", "2026-12-08", "nl")).resolves.toMatchObject({ at: "Model!A4", addedModelSheet: false });
    expect((await adapter.checkWorkbook("nl")).result.accepted).toHaveLength(2);
    // Changing the cell brings the finding back.
    await host.editCells("Afspraken", "D3", [["Gemeentt"]]);
    expect((await adapter.checkWorkbook("nl")).result.findings.filter((f) => f.code === "unknown-party")).toHaveLength(1);
  });
});

describe("Accepteren with a user's own sheet called Model", () => {
  it("checks that sheet as data and writes nothing into it", async () => {
    // The user's sheet "Model" holds agreements (rows with an unknown party): data, not the tool's Model sheet.
    const own = agreementsWorkbook(4).sheets[0];
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6, [{ name: "Model", values: own?.values ?? [] }]));
    const check = await adapter.checkWorkbook("nl");
    expect(check.result.agreementSheets).toContain("Model");
    const onModel = check.result.findings.find((f) => f.sheet === "Model" && f.code === "unknown-party");
    expect(onModel).toBeDefined();
    expect(check.result.findings.filter((f) => f.code === "invalid-model")).toEqual([]);
    const before = host.snapshot("Model");
    host.resetStats();
    const outcome = await adapter.acceptFinding(onModel as NonNullable<typeof onModel>, "zo afgesproken", "2026-12-07", "nl");
    expect(outcome).toMatchObject({ kind: "model-sheet-is-data", sheet: "Model" });
    expect(host.snapshot("Model")).toEqual(before);
    expect(host.stats.writes).toBe(0);
  });
});

describe("Nieuw monitoringjaar", () => {
  it.each(["web", "windows"] as const)("adds Status and Toelichting after last year's with dropdown and colours: one undo step, 3 round trips (%s)", async (platform) => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6), { host: { platform } });
    await adapter.checkWorkbook("nl");
    const undoBefore = host.undoStack.length;
    host.resetStats();
    const outcome = await adapter.addMonitoringYear(2022, "nl");
    expect(outcome).toMatchObject({ kind: "added", year: 2022, sheets: ["Afspraken"] });
    expect(host.readValues("Afspraken", "H1:I1")).toEqual([["Status 2022", "Toelichting 2022"]]);
    // The sheet list is known: read, last year's look, write.
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.undoClears).toBe(0);
    expect(undoTableCalls(host)).toEqual([]);
    expect(addinUndoSteps(host, undoBefore)).toBe(1);
    if (outcome.kind !== "added") throw new Error("not added");
    expect(outcome.check.result.year).toBe(2022);
    expect(outcome.check.result.findings.filter((f) => f.code === "missing-status").map((f) => f.cell)).toEqual(["H2", "H3", "H4", "H5", "H6", "H7"]);
    // The status column H gets the dropdown (host keys: zero-based "row,col") and stoplight colours.
    const snapshot = host.snapshot("Afspraken") as { validations: [string, { rule?: { list?: { source?: string } } }][]; conditionalFormats: { rect: { left: number; right: number }; formula?: string; fill?: string }[] };
    const dropdowns = snapshot.validations.filter(([key]) => key.endsWith(",7")).map(([key, v]) => [key, v.rule?.list?.source]);
    expect(dropdowns).toEqual([1, 2, 3, 4, 5, 6].map((row) => [`${row},7`, "groen,oranje,rood,grijs"]));
    const stoplights = snapshot.conditionalFormats.filter((cf) => cf.rect.left === 7 && cf.rect.right === 7 && /^=TRIM\(H2\)="/.test(cf.formula ?? ""));
    expect(stoplights.map((cf) => cf.fill)).toHaveLength(4);
    // Done once: the year is there now.
    await expect(adapter.addMonitoringYear(2022, "nl")).resolves.toEqual({ kind: "present", year: 2022 });
  });

  it("refuses, writing nothing, when something stands right of last year's columns", async () => {
    const base = agreementsWorkbook(4);
    const [first, ...rest] = base.sheets;
    if (first === undefined) throw new Error("no sheet");
    const book = { sheets: [{ ...first, values: first.values.map((row, i) => [...row, i === 0 ? "Notitie" : null]) }, ...rest] };
    const { host, adapter } = setUpAdapter(book);
    host.resetStats();
    await expect(adapter.addMonitoringYear(2022, "nl")).resolves.toEqual({ kind: "refused", year: 2022, sheet: "Afspraken", previousYear: 2021 });
    expect(host.stats.writes).toBe(0);
    expect(host.readValues("Afspraken", "H1:I1")).toEqual([["Notitie", ""]]);
    expect(HEADER).toHaveLength(7);
  });
});
