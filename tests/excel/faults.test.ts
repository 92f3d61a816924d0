import { AddinError } from "../../src/excel/addin-error";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsSheet, agreementsWorkbook } from "./workbooks";

afterEach(tearDownAdapter);

/** A host older than ExcelApi 1.11: no RunOptions.delayForCellEdit, so the adapter's retry is what waits. */
const BEFORE_DELAY_FOR_CELL_EDIT = { apiSets: { ExcelApi: "1.10", ExcelUndoApiAll: "1.0" } };

describe("faults", () => {
  it("retries while Excel is in cell-edit mode, then succeeds (hosts before ExcelApi 1.11)", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6), { host: BEFORE_DELAY_FOR_CELL_EDIT });
    host.simulateCellEditMode(3);
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.result.findings.length).toBeGreaterThan(0);
    expect(host.syncs.filter((s) => s.failed === "InvalidOperationInCellEditMode")).toHaveLength(3);
    expect(host.findSheet("PM_Markering1")).toBeDefined();
  });

  it("waits for the cell edit to end with delayForCellEdit (ExcelApi 1.11), no retry needed", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    host.simulateCellEditMode(3);
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.result.findings.length).toBeGreaterThan(0);
    expect(host.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
  });

  it("gives up with a typed error when the edit does not end", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6), { host: BEFORE_DELAY_FOR_CELL_EDIT });
    host.simulateCellEditMode(100);
    await expect(adapter.checkWorkbook("nl")).rejects.toMatchObject({ name: "AddinError", kind: "cell-edit-mode" });
    expect(host.syncs.length).toBeLessThanOrEqual(8);
  });

  it("backs off between retries (fake timers)", async () => {
    jest.useFakeTimers();
    try {
      const { createWorkbookAdapter } = await import("../../src/excel/workbook-adapter");
      const { host } = setUpAdapter(agreementsWorkbook(4), { host: BEFORE_DELAY_FOR_CELL_EDIT });
      const adapter = createWorkbookAdapter();
      host.simulateCellEditMode(2);
      const done = adapter.checkWorkbook("nl");
      await jest.advanceTimersByTimeAsync(200);
      expect(host.syncs).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(100); // 250 ms: second attempt
      expect(host.syncs).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(500); // +500 ms: third attempt succeeds
      await expect(done).resolves.toMatchObject({ keptValidation: [] });
    } finally {
      jest.useRealTimers();
    }
  });

  it("splits reads into row chunks when the response would exceed the payload limit", async () => {
    const limit = 200_000;
    const { host, adapter } = setUpAdapter(agreementsWorkbook(3000), { host: { payloadLimit: limit }, adapter: { read: { payloadLimitBytes: limit } } });
    const reference = setUpAdapter(agreementsWorkbook(3000));
    const expected = await reference.adapter.checkWorkbook("nl");
    tearDownAdapter();
    setUpAgain(host);

    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.result.findings).toEqual(expected.result.findings);
    expect(host.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    const succeeded = host.syncs.filter((s) => s.failed === undefined);
    expect(Math.max(...succeeded.map((s) => s.responseBytes))).toBeLessThanOrEqual(limit);
    expect(Math.max(...succeeded.map((s) => s.requestBytes))).toBeLessThanOrEqual(limit);

    // Warm: the last read's size says "too large", so no round trip is spent on a rejected request.
    host.resetStats();
    const again = await adapter.checkWorkbook("nl");
    expect(again.result.findings).toEqual(expected.result.findings);
    expect(host.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
    expect(Math.max(...host.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThanOrEqual(limit);
    // Stoplights, the two marker severities and the native explanation check.
    expect(host.sheet("Afspraken").conditionalFormats.length).toBe(expected.result.model.statuses.length + 3);
  }, 60_000);

  it("a sheet deleted mid-check gives a typed error and leaves no PM_ sheet or name behind", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    await adapter.checkWorkbook("nl"); // warm: read and write are one round trip each
    host.setValues("Afspraken", "D6", [["Onbekende partij"]]); // a new marker outside the marked area: Afspraken's formats change
    host.resetStats();
    host.beforeSync = (index) => {
      if (index === 2) host.removeSheet("Afspraken");
    };
    const error: unknown = await adapter.checkWorkbook("nl").catch((e: unknown) => e);
    host.beforeSync = undefined;
    expect(error).toBeInstanceOf(AddinError);
    expect(error).toMatchObject({ kind: "sheet-missing", sheet: "Afspraken" });
    expect((error as Error).message).toContain("Afspraken");
    expect(host.sheets.map((s) => s.name)).toEqual(["Notities"]);
    expect(host.names).toEqual([]);
  });

  it("a write that fails halfway is cleaned up: no half-written highlighting stays", async () => {
    const zuid = { name: "Zuid", values: agreementsSheet(5) };
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6, [zuid]));
    host.beforeSync = (index) => {
      // Cold start: 1 = list, 2 = read, 3 = write. Afspraken's stoplights are written before
      // the first operation on Zuid fails.
      if (index === 3) host.removeSheet("Zuid");
    };
    const error: unknown = await adapter.checkWorkbook("nl").catch((e: unknown) => e);
    host.beforeSync = undefined;
    expect(host.syncs[2]?.failed).toBe("ItemNotFound");
    expect(error).toMatchObject({ kind: "sheet-missing", sheet: "Zuid" });
    expect(host.sheets.map((s) => s.name)).toEqual(["Afspraken", "Notities"]);
    expect(host.sheet("Afspraken").conditionalFormats).toEqual([]);
    expect(host.sheet("Afspraken").validations.size).toBe(0);
    expect(host.names).toEqual([]);
  });

  it("selecting a cell on a vanished sheet is a typed error", async () => {
    const { adapter } = setUpAdapter(agreementsWorkbook(3));
    await expect(adapter.selectCell("Weg", "A1")).rejects.toMatchObject({ kind: "sheet-missing", sheet: "Weg" });
  });
});

/** Re-installs a host object as the global after another test host was installed. */
function setUpAgain(host: import("../excel-host").ExcelHost): void {
  Object.assign(globalThis, { Excel: host.createNamespace() });
}
