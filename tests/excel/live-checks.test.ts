import type { CheckOutcome } from "../../src/excel/addin-api";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook } from "./workbooks";
import type { ExcelHostOptions } from "../excel-host";

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  tearDownAdapter();
});

/** Loads of cell contents (values) in the recorded round trips. */
function valueReads(host: ReturnType<typeof setUpAdapter>["host"]): string[] {
  return host.syncs.flatMap((s) => s.operations).filter((op) => op["op"] === "load" && String(op["path"]).includes("values")).map((op) => String(op["object"]));
}

/** Lets the debounced re-check finish (it awaits Excel several times after the timer fired). */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i += 1) await jest.advanceTimersByTimeAsync(0);
}

async function startLive(rows = 40, hostOptions: ExcelHostOptions = {}) {
  const { host, adapter } = setUpAdapter(agreementsWorkbook(rows), { host: hostOptions });
  await adapter.checkWorkbook("nl");
  const updates: CheckOutcome[] = [];
  const errors: Error[] = [];
  const stop = await adapter.startLiveChecks("nl", (o) => updates.push(o), (e) => errors.push(e));
  host.resetStats();
  return { host, adapter, updates, errors, stop };
}

describe("live checks", () => {
  it("re-reads only the edited row in one round trip after the debounce, and writes nothing", async () => {
    const { host, updates, errors, stop } = await startLive(5000);
    await host.editCells("Afspraken", "D10", [["Gemeent"]]);
    expect(host.roundTrips).toBe(0); // debounced
    await jest.advanceTimersByTimeAsync(399);
    expect(host.roundTrips).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    await settle(() => updates.length > 0);
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(host.roundTrips).toBe(1);
    expect(updates[0]?.syncs).toBe(1);
    expect(valueReads(host)).toEqual(['worksheets.getItem("Afspraken").getRangeByIndexes(9,0,1,7)']);
    const finding = updates[0]?.result.findings.find((f) => f.code === "unknown-party" && f.cell === "D10");
    expect(finding).toBeDefined();
    // Read-only: the user's undo list ends with the user's own edit.
    expect(updates[0]?.writeOps).toBe(0);
    expect(host.stats).toMatchObject({ writes: 0, undoClears: 0 });
    expect(host.undoStack[host.undoStack.length - 1]).toEqual({ by: "user", label: "edit Afspraken!D10" });
    expect(host.stats.cellsRead).toBeLessThanOrEqual(1000);
    await stop();
  }, 60_000);

  it("handles co-authors' (remote) edits the same way and debounces a burst into one re-check", async () => {
    const { host, updates, stop } = await startLive();
    await host.editCells("Afspraken", "F6", [["rood"]], "Remote");
    await jest.advanceTimersByTimeAsync(200);
    await host.editCells("Afspraken", "F7", [["oranje"]], "Local");
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates).toHaveLength(1);
    expect(valueReads(host)).toEqual([
      'worksheets.getItem("Afspraken").getRangeByIndexes(5,0,2,7)',
    ]);
    const codes = updates[0]?.result.findings.filter((f) => f.code === "missing-explanation").map((f) => f.cell);
    expect(codes).toEqual(expect.arrayContaining(["G6", "G7"]));
    await stop();
  });

  it("a new row typed below the data extends the cached grid", async () => {
    const { host, updates, stop } = await startLive(10);
    await host.editCells("Afspraken", "A12:D12", [["Onbekend thema", null, "Nieuwe afspraak", "Lefier"]]);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates[0]?.result.agreements).toHaveLength(11);
    expect(updates[0]?.result.findings.find((f) => f.code === "unknown-theme")?.cell).toBe("A12");
    await stop();
  });

  it("inserted rows trigger a full check (and the stoplight names follow the rows)", async () => {
    const { host, updates, stop } = await startLive(10);
    await host.insertRows("Afspraken", 3, 2);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates).toHaveLength(1);
    expect(valueReads(host)).toEqual([
      'worksheets.getItem("Afspraken").getUsedRange(true)',
      'worksheets.getItem("Notities").getUsedRange(true)',
    ]);
    expect(host.stats.writes).toBe(0);
    expect(updates[0]?.result.findings.find((f) => f.code === "unknown-party")?.cell).toBe("D5");
    expect(updates[0]?.keptValidation).toEqual([]);
    // Not stacked: one set of stoplight rules, one highlighting rule per severity.
    const formulas = host.sheet("Afspraken").conditionalFormats.map((cf) => cf.formula);
    expect(formulas.filter((f) => f?.includes("PM_Markering"))).toHaveLength(2);
    expect(formulas.filter((f) => f?.startsWith("=TRIM("))).toHaveLength(4);
    await stop();
  });

  it("re-reads an edited percent cell with its number format, loading formats of numeric cells only", async () => {
    const shares = [
      ["Tabel 3: Betaalbaarheid"],
      ["Betaalbaarheid (in %)", 2021, 2022],
      ["Goedkoop", 0.292, 0.292],
      ["Betaalbaar laag", 0.624, 0.624],
      ["Betaalbaar hoog", 0.074, 0.074],
      ["Duur", 0.01, 0.01],
    ];
    const formats = [["@"], ["@", "0", "0"], ...shares.slice(2).map(() => ["@", "0.0%", "0.0%"])];
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6, [{ name: "Tabellen", values: shares, formats }]));
    const first = await adapter.checkWorkbook("nl");
    expect(first.result.findings.filter((f) => f.code === "percent-sum" && f.severity === "error")).toEqual([]);
    const updates: CheckOutcome[] = [];
    const stop = await adapter.startLiveChecks("nl", (o) => updates.push(o), () => undefined);
    host.resetStats();
    await host.editCells("Tabellen", "B3", [[0.5]]);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(valueReads(host)).toEqual(['worksheets.getItem("Tabellen").getRangeByIndexes(2,0,1,3)']);
    const formatLoads = host.syncs.flatMap((s) => s.operations).filter((op) => op["op"] === "load" && String(op["path"]).includes("numberFormat"));
    expect(formatLoads.map((op) => op["object"])).toEqual([
      'worksheets.getItem("Tabellen").getRangeByIndexes(2,0,1,3).getSpecialCellsOrNullObject("Constants","Numbers").areas',
      'worksheets.getItem("Tabellen").getRangeByIndexes(2,0,1,3).getSpecialCellsOrNullObject("Formulas","Numbers").areas',
    ]);
    // 50.0 + 62.4 + 7.4 + 1.0 = 120.8 %: only right when 0.5 is still read as "0.0%".
    const errors = updates[0]?.result.findings.filter((f) => f.code === "percent-sum" && f.severity === "error") ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: "Tabellen", range: "B3:B6", params: { column: "2021", sum: 120.8 } });
    await stop();
  });

  it("errors go to onError, never out of the handler", async () => {
    // Before ExcelApi 1.11 (no delayForCellEdit) a request in cell-edit mode fails; the retry gives up.
    const { host, updates, errors, stop } = await startLive(6, { apiSets: { ExcelApi: "1.10", ExcelUndoApiAll: "1.0" } });
    host.simulateCellEditMode(1000);
    await host.editCells("Afspraken", "D2", [["Lefier"]]);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => errors.length > 0);
    expect(updates).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "cell-edit-mode" });
    // The edit is not lost: once the user leaves the cell, the held-up re-check runs.
    host.simulateCellEditMode(0);
    await jest.advanceTimersByTimeAsync(5000);
    await settle(() => updates.length > 0);
    expect(updates).toHaveLength(1);
    await stop();
  });

  it("stop removes the handlers", async () => {
    const { host, updates, stop } = await startLive(6);
    await stop();
    expect(host.collectionHandlers("onChanged").size).toBe(0);
    await host.editCells("Afspraken", "D2", [["Gemeent"]]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([]);
  });
});

describe("every edit caught, nothing written", () => {
  it("catches a dropdown pick on the web (no onChanged there) when the selection moves on", async () => {
    const { host, updates, stop } = await startLive(10, { platform: "web" });
    await host.fireSelection("Afspraken", "F6");
    await host.pickFromDropdown("Afspraken", "F6", "rood");
    await jest.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([]);
    await host.fireSelection("Afspraken", "F7");
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates[0]?.result.findings.find((f) => f.code === "missing-explanation" && f.cell === "G6")).toBeDefined();
    expect(host.stats.writes).toBe(0);
    await stop();
  });

  it("a sheet added after the pane opened is covered by the workbook-level handler", async () => {
    const { host, updates, stop } = await startLive(6);
    await host.addSheetByUser("Afspraken 2");
    await host.editCells("Afspraken 2", "A1:G2", agreementsWorkbook(1).sheets[0]?.values.map((row) => row.map((v, i) => (i === 3 && v !== "Wie?" ? "Onbekend" : v))) ?? []);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates.at(-1)?.result.findings.find((f) => f.sheet === "Afspraken 2" && f.code === "unknown-party")).toBeDefined();
    expect(host.stats.writes).toBe(0);
    await stop();
  });

  it("a co-author's edit updates the pane and never writes", async () => {
    const { host, updates, stop } = await startLive(10);
    await host.editCells("Afspraken", "D4", [["Onbekend"]], "Remote");
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates[0]?.result.findings.find((f) => f.cell === "D4")).toBeDefined();
    expect(host.stats).toMatchObject({ writes: 0, undoClears: 0 });
    await stop();
  });

  it("a sort of the whole table is one change: the rows are read again, nothing written", async () => {
    const { host, updates, stop } = await startLive(30);
    await host.sortRows("Afspraken", "A2:G31", 3);
    await jest.advanceTimersByTimeAsync(400);
    await settle(() => updates.length > 0);
    expect(updates).toHaveLength(1);
    expect(valueReads(host)).toEqual(['worksheets.getItem("Afspraken").getRangeByIndexes(1,0,30,7)']);
    expect(updates[0]?.result.findings.filter((f) => f.code === "unknown-party")).toHaveLength(1);
    expect(host.stats.writes).toBe(0);
    await stop();
  });

  it.each([
    ["with triggerSource (ExcelApi 1.14)", {}],
    ["before ExcelApi 1.14, by sheet", { apiSets: { ExcelApi: "1.13", ExcelUndoApiAll: "1.0" } }],
  ] as const)("ignores the add-in's own writes %s", async (_label, options) => {
    const { host, adapter, updates, stop } = await startLive(10, options);
    host.setValues("Afspraken", "D4", [["Onbekend"]]);
    await adapter.checkWorkbook("nl");
    await jest.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([]);
    await stop();
  });
});

describe("selection", () => {
  it("reports the selected sheet and cell, and stops", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(4));
    const seen: string[] = [];
    const stop = await adapter.onSelectionChanged((sheet, cell) => seen.push(`${sheet}!${cell}`));
    await host.fireSelection("Afspraken", "D3");
    await host.fireSelection("Notities", "B1:C4");
    expect(seen).toEqual(["Afspraken!D3", "Notities!B1"]);
    await stop();
    await host.fireSelection("Afspraken", "A1");
    expect(seen).toHaveLength(2);
  });

  it("reports a selection on a sheet added after the pane opened (workbook-level handler)", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(4));
    const seen: string[] = [];
    const stop = await adapter.onSelectionChanged((sheet, cell) => seen.push(`${sheet}!${cell}`));
    await host.addSheetByUser("Nieuw blad");
    await host.fireSelection("Nieuw blad", "C7");
    expect(seen).toEqual(["Nieuw blad!C7"]);
    await stop();
  });

  it("selectCell activates the sheet and selects the cell", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(4));
    await adapter.selectCell("Notities", "B1");
    expect(host.selection).toEqual({ sheet: "Notities", address: "B1" });
  });
});
