import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook } from "./workbooks";

afterEach(tearDownAdapter);

describe("clearHighlighting", () => {
  it("leaves every value and format of the user's sheets exactly as before", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(10));
    const afspraken = host.sheet("Afspraken");
    // The user's own formatting: fills, fonts, a conditional format and a validation elsewhere.
    afspraken.touch(0, 0).fill = "#DDEBF7";
    afspraken.touch(0, 0).font["bold"] = true;
    afspraken.conditionalFormats.push({ id: "{user-cf}", type: "Custom", rect: { top: 1, left: 2, bottom: 10, right: 2 }, formula: '=LEN(C2)>100', fill: "#FFFF00", borders: {} });
    afspraken.validations.set("1,3", { type: "List", rule: { list: { inCellDropDown: true, source: "Lefier,Woonservice" } } });
    const before = { afspraken: host.snapshot("Afspraken"), notities: host.snapshot("Notities"), sheets: host.sheets.map((s) => s.name), names: host.names.length };

    await adapter.checkWorkbook("nl");
    expect(host.snapshot("Afspraken")).not.toEqual(before.afspraken);
    expect(host.sheets.some((s) => s.name.startsWith("PM_"))).toBe(true);

    await adapter.clearHighlighting();
    expect(host.snapshot("Afspraken")).toEqual(before.afspraken);
    expect(host.snapshot("Notities")).toEqual(before.notities);
    expect(host.sheets.map((s) => s.name)).toEqual(before.sheets);
    expect(host.names).toHaveLength(before.names);
  });

  it("deletes the very hidden mirror sheets (unhiding them first, as Excel requires)", async () => {
    const { host, adapter } = setUpAdapter(agreementsWorkbook(6));
    await adapter.checkWorkbook("nl");
    expect(host.sheet("PM_Markering1").visibility).toBe("VeryHidden");
    await adapter.clearHighlighting();
    expect(host.findSheet("PM_Markering1")).toBeUndefined();
    const failed = host.syncs.filter((s) => s.failed !== undefined);
    expect(failed).toEqual([]);
  });
});
