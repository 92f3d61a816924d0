import {
  findFreeSheetName,
  findOwnSheets,
  formulaReferencesSheet,
  isHelperMarkerName,
  listOwnSheets,
  LIST_MARKER_NAME,
  MONITORING_MARKER_NAME,
  numberSheetName,
} from "../../../src/domain";

/** The tool's sheets by marker (shared by the add-in and the CLI), never by name. */

describe("findOwnSheets", () => {
  const sheets = ["Afspraken", "Monitoring", "PM_Markering1", "PM_Markering2", "PM_Markering2_w", "PM_Keuzelijsten (2)", "PM_Keuzelijsten"];

  it("finds the Monitoring sheet, the mirrors with their value twins and the list sheet", () => {
    const names = new Map([
      [MONITORING_MARKER_NAME, "'Monitoring'!$A$1"],
      // As Excel gives them back: bare where the name needs no quotes.
      ["PrestatiemonitorMarkering1", "=PM_Markering2!$A$1"],
      ["PrestatiemonitorWaarden1", "=PM_Markering2_w!$A$1"],
      [LIST_MARKER_NAME, "='PM_Keuzelijsten (2)'!$A$1"],
    ]);
    const own = findOwnSheets(names, sheets);
    expect(own).toEqual({
      monitoring: "Monitoring",
      mirrors: ["PM_Markering2"],
      marked: [{ number: 1, sheet: "PM_Markering2", values: "PM_Markering2_w" }],
      list: "PM_Keuzelijsten (2)",
    });
    // The user's PM_Markering1 and PM_Keuzelijsten carry no marker: data.
    expect(listOwnSheets(own)).toEqual(["Monitoring", "PM_Markering2", "PM_Markering2_w", "PM_Keuzelijsten (2)"]);
  });

  it("ignores markers of deleted sheets (#REF!), odd numbers, and a sheet marked twice", () => {
    const names = new Map([
      ["PrestatiemonitorMarkering1", "=#REF!$A$1"],
      ["PrestatiemonitorMarkering2", "=PM_Markering2!$A$1"],
      ["PrestatiemonitorMarkering3", "=PM_Markering2!$A$1"],
      ["PrestatiemonitorMarkering0", "=PM_Markering1!$A$1"],
      ["PrestatiemonitorMarkeringX", "=PM_Markering1!$A$1"],
      ["PrestatiemonitorWaarden2", "=PM_Markering2!$A$1"],
    ]);
    const own = findOwnSheets(names, sheets);
    expect(own.mirrors).toEqual(["PM_Markering2"]);
    expect(own.marked).toEqual([{ number: 2, sheet: "PM_Markering2" }]);
    expect(listOwnSheets(own)).toEqual(["PM_Markering2"]);
  });

  it("tells the helper markers' names", () => {
    expect(["PrestatiemonitorMarkering12", "PrestatiemonitorWaarden3", LIST_MARKER_NAME].every(isHelperMarkerName)).toBe(true);
    expect([MONITORING_MARKER_NAME, "PrestatiemonitorStand", "PrestatiemonitorMarkering", "PM_Markeervlak_1"].some(isHelperMarkerName)).toBe(false);
  });
});

describe("free sheet names", () => {
  it("skips names a sheet holds, in any case", () => {
    expect(findFreeSheetName(["pm_markering1", "PM_Markering2"], (n) => `PM_Markering${n}`)).toBe("PM_Markering3");
    expect(findFreeSheetName(["Afspraken"], numberSheetName("PM_Keuzelijsten"))).toBe("PM_Keuzelijsten");
    expect(findFreeSheetName(["PM_Keuzelijsten"], numberSheetName("PM_Keuzelijsten"))).toBe("PM_Keuzelijsten (2)");
  });
});

describe("formulaReferencesSheet", () => {
  it("finds quoted and bare references, case-insensitively, and no longer names", () => {
    expect(formulaReferencesSheet(`=AND('PM_Markering1'!D3="error",D3='PM_Markering1_w'!D3)`, "PM_Markering1_w")).toBe(true);
    expect(formulaReferencesSheet(`AND(pm_markering1!D3="error",D3=PM_Markering1_w!D3)`, "PM_Markering1")).toBe(true);
    expect(formulaReferencesSheet(`AND(PM_Markering12!D3="error")`, "PM_Markering1")).toBe(false);
    expect(formulaReferencesSheet(`AND(XPM_Markering1!D3="error")`, "PM_Markering1")).toBe(false);
    expect(formulaReferencesSheet(`'PM_Markering1'!D3="error"`, "PM_Markering1_w")).toBe(false);
    expect(formulaReferencesSheet(`='PM_Keuzelijsten (2)'!$A$1:$A$3`, "PM_Keuzelijsten (2)")).toBe(true);
    expect(formulaReferencesSheet(`='PM_Keuzelijsten (2)'!$A$1:$A$3`, "PM_Keuzelijsten")).toBe(false);
    expect(formulaReferencesSheet(`='It''s'!A1`, "It's")).toBe(true);
  });
});
