import { HIGHLIGHT_MARKER_PREFIX, LIST_MARKER_NAME, VALUES_MARKER_PREFIX, type FormatPlan } from "../../src/domain";
import { readWorkbook } from "../../src/excel/read-workbook";
import { countingSync } from "../../src/excel/run-check";
import { flushWrites, planWrites } from "../../src/excel/write-formats";
import type { WorkbookAdapter } from "../../src/excel/addin-api";
import { createWorkbookAdapter } from "../../src/excel/workbook-adapter";
import type { ExcelHost } from "../excel-host";
import undoTable from "../excel-host/undo-clearing-apis.json";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsSheet, agreementsWorkbook } from "./workbooks";

/**
 * Issue 18, "our sheets by marker, never by name", in the add-in: its hidden helper sheets (mirror,
 * value twin, list sheet) carry marker names; a user's sheet called PM_Markering1, PM_Markering1_w
 * or PM_Keuzelijsten is data: checked, never written into, never deleted by "Markering wissen".
 */

afterEach(tearDownAdapter);

const USER_SHEETS = ["PM_Markering1", "PM_Markering1_w", "PM_Keuzelijsten"];

/** Afspraken plus the user's own sheets named like the add-in's, each an agreements sheet with the planted errors. */
function userSheetsWorkbook(): Parameters<typeof setUpAdapter>[0] {
  return agreementsWorkbook(6, USER_SHEETS.map((name) => ({ name, values: agreementsSheet(6) })));
}

/** Marker name -> the sheet it points at (its A1). */
function markersOf(host: ExcelHost, prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const item of host.names) {
    if (!item.name.startsWith(prefix)) continue;
    expect(item.ref?.rect).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    found.set(item.name, item.ref?.sheet.name ?? "");
  }
  return found;
}

function undoTableCalls(host: ExcelHost): string[] {
  return host.syncs
    .flatMap((sync) => sync.operations)
    .map((op) => String(op["api"] ?? ""))
    .filter((api) => api in undoTable.apis);
}

describe("a user's sheets named like the add-in's helper sheets", () => {
  it("are checked, never written into, and ours take free names that every formula uses", async () => {
    const { host, adapter } = setUpAdapter(userSheetsWorkbook());
    const before = new Map(USER_SHEETS.map((name) => [name, host.readValues(name, "A1:G7")]));
    const outcome = await adapter.checkWorkbook("nl");

    // (a) Their findings appear, as the planted errors of Afspraken do.
    for (const sheet of ["Afspraken", ...USER_SHEETS]) {
      const codes = outcome.result.findings.filter((f) => f.sheet === sheet).map((f) => `${f.code}@${f.cell ?? ""}`);
      expect(codes).toEqual(expect.arrayContaining(["unknown-party@D3", "missing-explanation@G4"]));
    }

    // (b) Their cells are unchanged; they are visible and unmarked still.
    for (const [name, values] of before) {
      expect(host.readValues(name, "A1:G7")).toEqual(values);
      expect(host.sheet(name).visibility).toBe("Visible");
    }
    const mirrors = markersOf(host, HIGHLIGHT_MARKER_PREFIX);
    const twins = markersOf(host, VALUES_MARKER_PREFIX);
    // One mirror pair per checked sheet with findings, none of them a user's sheet.
    expect(mirrors.size).toBe(4);
    expect(twins.size).toBe(4);
    const ours = [...mirrors.values(), ...twins.values()];
    expect(new Set(ours).size).toBe(8);
    for (const sheet of ours) {
      expect(USER_SHEETS.map((s) => s.toLowerCase())).not.toContain(sheet.toLowerCase());
      expect(host.sheet(sheet).visibility).toBe("VeryHidden");
    }
    // Every highlight rule on a checked sheet refers to a marked mirror and its marked twin, by the actual names.
    for (const sheet of ["Afspraken", ...USER_SHEETS]) {
      const rule = host.sheet(sheet).conditionalFormats.find((cf) => cf.formula?.includes('"error"'));
      const match = /^=AND\('([^']+)'!D3="error",D3='([^']+)'!D3\)$/.exec(rule?.formula ?? "");
      expect(match).not.toBeNull();
      const [, mirror, twin] = match as RegExpExecArray;
      const number = [...mirrors].find(([, s]) => s === mirror)?.[0].slice(HIGHLIGHT_MARKER_PREFIX.length);
      expect(number).toBeDefined();
      expect(twins.get(`${VALUES_MARKER_PREFIX}${number ?? ""}`)).toBe(twin);
      expect(host.readValues(mirror as string, "D3")).toEqual([["error"]]);
    }
    expect(host.findSheet("PM_Markering2")).toBeDefined();

    // (c) A re-check of the unchanged workbook writes nothing and finds the same.
    host.resetStats();
    const again = await adapter.checkWorkbook("nl");
    expect(again.writeOps).toBe(0);
    expect(host.stats.writes).toBe(0);
    expect(again.result.findings).toEqual(outcome.result.findings);
    for (const [name, values] of before) expect(host.readValues(name, "A1:G7")).toEqual(values);

    // (f) An edit and a re-check: no call from Microsoft's undo table, the user's edit still undoable.
    await host.editCells("PM_Markering1", "D5", [["Onbekend"]]);
    host.resetStats();
    const edited = await adapter.checkWorkbook("nl");
    expect(edited.writeOps).toBeGreaterThan(0);
    expect(edited.result.findings.filter((f) => f.sheet === "PM_Markering1" && f.cell === "D5")).not.toEqual([]);
    expect(undoTableCalls(host)).toEqual([]);
    expect(host.undoClearedBy).toEqual([]);
    expect(host.undoStack.slice(-2)).toEqual([
      { by: "user", label: "edit PM_Markering1!D5" },
      { by: "addin", label: expect.any(String) },
    ]);
  });

  it("a new pane session (no memory of the last read) still tells ours from the user's by marker", async () => {
    const { host, adapter } = setUpAdapter(userSheetsWorkbook());
    const first = await adapter.checkWorkbook("nl");
    host.resetStats();
    const outcome = await setUpAdapterOnSameHost().checkWorkbook("nl");
    expect(outcome.result.findings).toEqual(first.result.findings);
    expect(new Set(outcome.result.findings.map((f) => f.sheet))).toEqual(new Set(["Afspraken", ...USER_SHEETS]));
    expect(outcome.writeOps).toBe(0);
  });

  it("(d) Markering wissen removes our sheets and names and leaves the user's sheets", async () => {
    const { host, adapter } = setUpAdapter(userSheetsWorkbook());
    const before = new Map(USER_SHEETS.map((name) => [name, host.readValues(name, "A1:G7")]));
    const sheetsBefore = host.sheets.map((s) => s.name);
    await adapter.checkWorkbook("nl");
    expect(host.sheets.length).toBeGreaterThan(sheetsBefore.length);
    await adapter.clearHighlighting();
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    for (const [name, values] of before) expect(host.readValues(name, "A1:G7")).toEqual(values);
    expect(host.names.map((n) => n.name)).toEqual([]);
    for (const sheet of ["Afspraken", ...USER_SHEETS]) expect(host.sheet(sheet).conditionalFormats).toEqual([]);
    expect(host.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
  });

  it("a user's PM_Keuzelijsten: the list sheet takes a free name, marked, and the dropdown points at it", async () => {
    const { host } = setUpAdapter(agreementsWorkbook(6, [{ name: "PM_Keuzelijsten", values: [["Mijn lijst"], ["a"], ["b"]] }]));
    const list = ["groen", "rood, met zorg", "=oranje"];
    const plan: FormatPlan = { highlights: [], stoplights: [{ sheet: "Afspraken", year: 2021, range: "F2:F7", rules: [], list }] };
    const write = (): Promise<number> => writePlan(plan, { hideNew: false });
    await write();
    expect(host.readValues("PM_Keuzelijsten", "A1:A3")).toEqual([["Mijn lijst"], ["a"], ["b"]]);
    expect(markersOf(host, LIST_MARKER_NAME)).toEqual(new Map([[LIST_MARKER_NAME, "PM_Keuzelijsten (2)"]]));
    expect(host.sheet("Afspraken").validations.get("1,5")?.rule).toEqual({ list: { inCellDropDown: true, source: `='PM_Keuzelijsten (2)'!$A$1:$A$3` } });
    expect(host.readValues("PM_Keuzelijsten (2)", "A1:A3")).toEqual(list.map((entry) => [entry]));
    host.resetStats();
    expect(await write()).toBe(0);
    expect(host.stats.writes).toBe(0);
  });
});

describe("a copy the CLI made (its mirror marked, no value twin, its own rules)", () => {
  it("is recognised: its mirror is reused under its marker, gets a marked twin, and the CLI's rules give way", async () => {
    const { host } = setUpAdapter(
      agreementsWorkbook(6, [
        { name: "PM_Markering1", values: [[null, null, null, null], [null, null, null, null], [null, null, null, "error"]], visibility: "Hidden" },
      ]),
    );
    const mirror = host.sheet("PM_Markering1");
    host.names.push({ name: `${HIGHLIGHT_MARKER_PREFIX}1`, ref: { sheet: mirror, rect: { top: 0, left: 0, bottom: 0, right: 0 } }, comment: "" });
    // The copy's highlighting as Excel reads it back: the sheet name bare, no quotes.
    host.sheet("Afspraken").conditionalFormats.push({ id: "{cli-cf}", type: "Custom", rect: { top: 2, left: 3, bottom: 3, right: 6 }, formula: '=PM_Markering1!D3="error"', fill: "#FFC7CE", borders: {} });
    const adapter = setUpAdapterOnSameHost();
    const outcome = await adapter.checkWorkbook("nl");
    expect(outcome.result.findings.map((f) => f.sheet)).not.toContain("PM_Markering1");
    expect(host.findSheet("PM_Markering2")).toBeUndefined();
    expect(markersOf(host, HIGHLIGHT_MARKER_PREFIX)).toEqual(new Map([[`${HIGHLIGHT_MARKER_PREFIX}1`, "PM_Markering1"]]));
    expect(markersOf(host, VALUES_MARKER_PREFIX)).toEqual(new Map([[`${VALUES_MARKER_PREFIX}1`, "PM_Markering1_w"]]));
    const formulas = host.sheet("Afspraken").conditionalFormats.map((cf) => cf.formula);
    expect(formulas).not.toContain('=PM_Markering1!D3="error"');
    expect(formulas).toContain(`=AND('PM_Markering1'!D3="error",D3='PM_Markering1_w'!D3)`);
    host.resetStats();
    expect((await adapter.checkWorkbook("nl")).writeOps).toBe(0);
  });
});

describe("a marker whose sheet was deleted (#REF!)", () => {
  it("is removed and its name given again, in the same write that makes the sheet anew", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    await adapter.checkWorkbook("nl");
    // Someone deletes our very hidden sheets by code; the workbook keeps the names, now #REF!.
    await host.run(async (context) => {
      for (const name of ["PM_Markering1", "PM_Markering1_w"]) {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.visibility = "Hidden";
        sheet.delete();
      }
      await context.sync();
    });
    expect(host.names.filter((n) => n.name.startsWith("Prestatiemonitor"))).toHaveLength(2);
    host.resetStats();
    const outcome = await setUpAdapterOnSameHost().checkWorkbook("nl");
    expect(host.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
    expect(outcome.result.findings.map((f) => f.sheet)).not.toContain("PM_Markering1");
    // The old registered name still names PM_Markering1 until this write removes it: the new mirror takes the next name.
    expect(markersOf(host, HIGHLIGHT_MARKER_PREFIX)).toEqual(new Map([[`${HIGHLIGHT_MARKER_PREFIX}1`, "PM_Markering2"]]));
    expect(markersOf(host, VALUES_MARKER_PREFIX)).toEqual(new Map([[`${VALUES_MARKER_PREFIX}1`, "PM_Markering2_w"]]));
    expect(host.readValues("PM_Markering2", "D3")).toEqual([["error"]]);
    expect(host.sheet("Afspraken").conditionalFormats.map((cf) => cf.formula)).toContain(`=AND('PM_Markering2'!D3="error",D3='PM_Markering2_w'!D3)`);
    host.resetStats();
    expect((await setUpAdapterOnSameHost().checkWorkbook("nl")).writeOps).toBe(0);
  });
});

describe("(e) a workbook marked by an older add-in (helper sheets without markers)", () => {
  /** A check as an older add-in left it: the same sheets and registered names, but no sheet markers. */
  async function legacyWorkbook(): Promise<ReturnType<typeof setUpAdapter>> {
    const setUp = setUpAdapter(agreementsWorkbook(6));
    await setUp.adapter.checkWorkbook("nl");
    const markers = setUp.host.names.filter((n) => n.name.startsWith("Prestatiemonitor"));
    expect(markers.map((n) => n.name).sort()).toEqual([`${HIGHLIGHT_MARKER_PREFIX}1`, `${VALUES_MARKER_PREFIX}1`]);
    for (const marker of markers) setUp.host.names.splice(setUp.host.names.indexOf(marker), 1);
    return setUp;
  }

  it("its sheets named by our registered names are ours: not checked, marked on the next write, then nothing more", async () => {
    const { host } = await legacyWorkbook();
    // A new pane (no memory): recognition rests on the workbook alone.
    const adapter = setUpAdapterOnSameHost();
    host.resetStats();
    const migrated = await adapter.checkWorkbook("nl");
    expect(migrated.result.findings.filter((f) => f.sheet.startsWith("PM_"))).toEqual([]);
    // Only the two markers are written: the mirror and its twin are ours already, and match.
    expect(migrated.writeOps).toBe(2);
    expect(undoTableCalls(host)).toEqual([]);
    expect(markersOf(host, HIGHLIGHT_MARKER_PREFIX)).toEqual(new Map([[`${HIGHLIGHT_MARKER_PREFIX}1`, "PM_Markering1"]]));
    expect(markersOf(host, VALUES_MARKER_PREFIX)).toEqual(new Map([[`${VALUES_MARKER_PREFIX}1`, "PM_Markering1_w"]]));
    expect(host.sheets.map((s) => s.name)).toEqual(["Afspraken", "Notities", "PM_Markering1", "PM_Markering1_w"]);
    host.resetStats();
    const again = await adapter.checkWorkbook("nl");
    expect(again.writeOps).toBe(0);
    expect(host.stats.writes).toBe(0);
    await adapter.clearHighlighting();
    expect(host.sheets.map((s) => s.name)).toEqual(["Afspraken", "Notities"]);
    expect(host.names).toEqual([]);
  });

  it("its very hidden PM_Keuzelijsten is ours while a dropdown of ours is registered; a visible one is the user's", async () => {
    const { host } = setUpAdapter(agreementsWorkbook(6));
    const list = ["groen", "rood, met zorg", "=oranje"];
    const plan: FormatPlan = { highlights: [], stoplights: [{ sheet: "Afspraken", year: 2021, range: "F2:F7", rules: [], list }] };
    const write = (): Promise<number> => writePlan(plan, { hideNew: true });
    await write();
    const stripped = host.names.find((n) => n.name === LIST_MARKER_NAME);
    expect(stripped?.ref?.sheet.name).toBe("PM_Keuzelijsten");
    host.names.splice(host.names.indexOf(stripped as (typeof host.names)[number]), 1);
    // An older add-in's list sheet: only its marker is written.
    expect(await write()).toBe(1);
    expect(markersOf(host, LIST_MARKER_NAME)).toEqual(new Map([[LIST_MARKER_NAME, "PM_Keuzelijsten"]]));
    expect(await write()).toBe(0);
    // Made visible and unmarked: the user's now; ours moves to a free name.
    const marker = host.names.find((n) => n.name === LIST_MARKER_NAME);
    host.names.splice(host.names.indexOf(marker as (typeof host.names)[number]), 1);
    host.sheet("PM_Keuzelijsten").visibility = "Visible";
    await write();
    expect(markersOf(host, LIST_MARKER_NAME)).toEqual(new Map([[LIST_MARKER_NAME, "PM_Keuzelijsten (2)"]]));
    expect(host.sheet("Afspraken").validations.get("1,5")?.rule).toEqual({ list: { inCellDropDown: true, source: `='PM_Keuzelijsten (2)'!$A$1:$A$3` } });
  });

  it("Markering wissen on a legacy workbook removes its sheets too", async () => {
    const { host } = await legacyWorkbook();
    await setUpAdapterOnSameHost().clearHighlighting();
    expect(host.sheets.map((s) => s.name)).toEqual(["Afspraken", "Notities"]);
    expect(host.names).toEqual([]);
    expect(host.sheet("Afspraken").conditionalFormats).toEqual([]);
  });

  it("a visible sheet, or one no registered name names, is the user's", async () => {
    const { host } = await legacyWorkbook();
    // The user's own sheet, added after the older add-in's check.
    await host.addSheetByUser("PM_Markering2");
    host.setValues("PM_Markering2", "A1", agreementsSheet(6));
    // The older add-in's mirror, made visible by hand: no longer provably ours.
    host.sheet("PM_Markering1_w").visibility = "Hidden";
    const adapter = setUpAdapterOnSameHost();
    const outcome = await adapter.checkWorkbook("nl");
    const checked = new Set(outcome.result.findings.map((f) => f.sheet));
    expect(checked.has("PM_Markering2")).toBe(true);
    expect(checked.has("PM_Markering1")).toBe(false);
    // The twin is the user's now: ours got a fresh one, and the user's PM_Markering2 keeps its cells.
    const twins = markersOf(host, VALUES_MARKER_PREFIX);
    expect([...twins.values()]).not.toContain("PM_Markering1_w");
    expect(host.readValues("PM_Markering2", "D3")).toEqual([["Gemeent"]]);
    await adapter.clearHighlighting();
    expect(host.findSheet("PM_Markering1_w")).toBeDefined();
    expect(host.findSheet("PM_Markering2")).toBeDefined();
    expect(host.findSheet("PM_Markering1")).toBeUndefined();
  });
});

/** A new adapter (a new pane session) on the host that is installed now. */
function setUpAdapterOnSameHost(): WorkbookAdapter {
  return createWorkbookAdapter({ retry: { sleep: async () => undefined } });
}

/**
 * One explicit write of `plan` as the adapter does it (read, plan, flush); with `hideNew`, the
 * sheets it created are made VeryHidden as the older add-in left them. Returns the ops written.
 */
function writePlan(plan: FormatPlan, options: { readonly hideNew: boolean }): Promise<number> {
  return Excel.run(async (context) => {
    const { sync } = countingSync(context);
    const read = await readWorkbook(context, undefined, sync);
    const writes = planWrites(context, read.state, plan, read.grids);
    await flushWrites(writes.ops, sync);
    if (options.hideNew) {
      for (const name of writes.newSheets) context.workbook.worksheets.getItem(name).visibility = "VeryHidden";
      await context.sync();
    }
    return writes.ops.length;
  });
}
