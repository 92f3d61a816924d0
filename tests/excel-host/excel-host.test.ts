/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read before load/sync on purpose: the host must throw there, as Excel does. */
import { ExcelHost, installExcelHost, uninstallExcelHost, type HostRequestContext } from ".";

/** The in-memory host's own behaviour: it must fail where Excel fails, or adapter tests prove nothing. */

type AnyRange = { values: unknown[][]; address: string; load(p?: string): AnyRange; format: { fill: { color: string }; font: { bold: boolean } } } & Record<string, never>;

function hostWith(values: (string | number | null)[][] = [["a", 1], ["b", 2]]): ExcelHost {
  return new ExcelHost({ sheets: [{ name: "Blad1", values }, { name: "Blad2", values: [] }] });
}

describe("ExcelHost", () => {
  it("throws PropertyNotLoaded when a property is read before load + sync", async () => {
    const host = hostWith();
    await host.run(async (context: HostRequestContext) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1], ["b", 2]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies writes at sync, not before", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1");
      range.values = [["nieuw"]];
      range.format.fill.color = "#FF0000";
      expect(host.readValues("Blad1", "A1")).toEqual([["a"]]);
      await context.sync();
      expect(host.readValues("Blad1", "A1")).toEqual([["nieuw"]]);
      expect(host.sheet("Blad1").cellAt(0, 0)?.fill).toBe("#FF0000");
    });
  });

  it("rejects a values matrix of the wrong size, as Excel does", async () => {
    const host = hostWith();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("knows isNullObject only after a sync", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Weg");
      const present = context.workbook.worksheets.getItemOrNullObject("blad1");
      const name = context.workbook.names.getItemOrNullObject("Niets");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(name.isNullObject).toBe(true);
    });
  });

  it("counts round trips (an empty sync is none) and records request and response sizes", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      await context.sync();
      const range = context.workbook.worksheets.getItem("Blad1").getUsedRange(true);
      range.load("address,values");
      await context.sync();
      expect(range.address).toBe("Blad1!A1:B2");
    });
    expect(host.roundTrips).toBe(1);
    expect(host.syncs[0]?.requestBytes).toBeGreaterThan(0);
    expect(host.syncs[0]?.responseBytes).toBeGreaterThanOrEqual(JSON.stringify([["a", 1], ["b", 2]]).length);
  });

  it("finds numeric constants and formulas as merged areas whose address and numberFormat load together", async () => {
    const host = new ExcelHost({
      sheets: [
        {
          name: "Blad1",
          origin: "B2",
          values: [
            ["kop", 2021, 2022],
            ["a", 0.25, 0.5],
            ["b", 0.75, "n.v.t."],
            ["c", true, 3],
          ],
          formats: [["@", "0", "0"], ["@", "0.0%", "0.0%"], ["@", "0.0%", "@"], ["@", "General", "#,##0"]],
        },
        { name: "Blad2", values: [["alleen tekst"]] },
      ],
    });
    const sum = host.sheet("Blad1").touch(5, 2);
    Object.assign(sum, { formula: "=SUM(C3:C4)", value: 1, numberFormat: "0%" });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const numbers = sheet.getRange().getSpecialCellsOrNullObject("Constants", "Numbers");
      numbers.load("address,areas/items/address,areas/items/numberFormat");
      const formulas = sheet.getRange().getSpecialCellsOrNullObject("Formulas", "Numbers");
      formulas.load("areas/items/address,areas/items/numberFormat");
      const texts = sheet.getRange("B2:D5").getSpecialCellsOrNullObject("Constants", "Text");
      texts.load("address");
      const logical = sheet.getRange().getSpecialCellsOrNullObject("Constants", "LogicalNumbers");
      logical.load("address");
      const none = context.workbook.worksheets.getItem("Blad2").getRange().getSpecialCellsOrNullObject("Constants", "Numbers");
      none.load("areas/items/address");
      const noFormulas = context.workbook.worksheets.getItem("Blad2").getRange().getSpecialCellsOrNullObject("Formulas", "All");
      expect(() => numbers.areas.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();

      expect(numbers.isNullObject).toBe(false);
      expect(numbers.address).toBe("Blad1!C2:D3,Blad1!C4,Blad1!D5");
      expect(numbers.areas.items.map((a) => [a.address, a.numberFormat])).toEqual([
        ["Blad1!C2:D3", [["0", "0"], ["0.0%", "0.0%"]]],
        ["Blad1!C4", [["0.0%"]]],
        ["Blad1!D5", [["#,##0"]]],
      ]);
      expect(formulas.areas.items.map((a) => [a.address, a.numberFormat])).toEqual([["Blad1!C6", [["0%"]]]]);
      expect(texts.address).toBe("Blad1!B2:B5,Blad1!D4");
      expect(logical.address).toBe("Blad1!C2:D3,Blad1!C4,Blad1!C5:D5");
      expect(none.isNullObject).toBe(true);
      expect(noFormulas.isNullObject).toBe(true);
    });
    // The areas' formats travel in the response, like Excel's: the size counts them.
    expect(host.syncs[0]?.responseBytes).toBeGreaterThan(JSON.stringify([["0", "0"], ["0.0%", "0.0%"], ["0.0%"], ["#,##0"], ["0%"]]).length);
  });

  it("rejects requests and responses over the payload limit", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Blad1", values: Array.from({ length: 200 }, (_, i) => [`rij ${i}`, i]) }] }, { payloadLimit: 1000 });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:B200").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A200").values = Array.from({ length: 200 }, () => ["x".repeat(10)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.readValues("Blad1", "A1")).toEqual([["rij 0"]]);
  });

  it("simulates cell-edit mode for N round trips", async () => {
    const host = hostWith();
    host.simulateCellEditMode(2);
    const attempt = () =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["z"]];
        await context.sync();
      });
    await expect(attempt()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(attempt()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(attempt()).resolves.toBeUndefined();
    expect(host.readValues("Blad1", "A1")).toEqual([["z"]]);
  });

  it("refuses to delete a very hidden sheet (Excel requires unhiding first) and the last visible sheet", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const mirror = context.workbook.worksheets.add("PM_X");
      mirror.visibility = "VeryHidden";
      await context.sync();
    });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("PM_X").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await host.run(async (context) => {
      const mirror = context.workbook.worksheets.getItem("PM_X");
      mirror.visibility = "Hidden";
      mirror.delete();
      context.workbook.worksheets.getItem("Blad2").delete();
      await context.sync();
    });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fails an operation on a sheet deleted meanwhile with ItemNotFound, keeping earlier operations", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const blad2 = context.workbook.worksheets.getItem("Blad2");
      blad2.load("name");
      await context.sync();
      host.removeSheet("Blad2");
      context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["eerst"]];
      blad2.getRange("A1").values = [["daarna"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.readValues("Blad1", "A1")).toEqual([["eerst"]]);
  });

  it("loads collection items with nested paths in one list", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:A5");
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=A1="a"';
      cf.custom.format.fill.color = "#00FF00";
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(1);
      const all = context.workbook.worksheets.getItem("Blad1").getRange().conditionalFormats;
      all.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      expect(all.items.map((i) => [i.type, i.customOrNullObject.isNullObject, i.customOrNullObject.rule.formula])).toEqual([["Custom", false, '=A1="a"']]);
      all.items[0]?.delete();
      await context.sync();
    });
    expect(host.sheet("Blad1").conditionalFormats).toEqual([]);
  });

  it("reports data validation per range: None, the rule, or Inconsistent", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("B1:B2").dataValidation.rule = { list: { inCellDropDown: true, source: "ja,nee" } };
      const some = sheet.getRange("B1:B3").dataValidation;
      const all = sheet.getRange("B1:B2").dataValidation;
      const none = sheet.getRange("C1").dataValidation;
      const cells = sheet.getRange().getSpecialCellsOrNullObject("DataValidations");
      some.load("type");
      all.load("type,rule");
      none.load("type");
      cells.load("address");
      await context.sync();
      expect([some.type, all.type, none.type]).toEqual(["Inconsistent", "List", "None"]);
      expect(all.rule).toEqual({ list: { inCellDropDown: true, source: "ja,nee" } });
      expect(cells.address).toBe("Blad1!B1:B2");
      sheet.getRange("B1:B2").dataValidation.clear();
      const gone = sheet.getRange().getSpecialCellsOrNullObject("DataValidations");
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
  });

  it("keeps names on their cells when rows are inserted", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      context.workbook.names.add("PM_Test", context.workbook.worksheets.getItem("Blad1").getRange("B2:B5"));
      await context.sync();
    });
    await host.insertRows("Blad1", 1, 2);
    await host.run(async (context) => {
      const item = context.workbook.names.getItem("PM_Test");
      item.load("formula");
      await context.sync();
      expect(item.formula).toBe("=Blad1!$B$4:$B$7");
    });
  });

  it("keeps a workbook name whose sheet is deleted, its formula #REF! (office-js #263, #4772), and refuses it again", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      context.workbook.names.add("PM_Test", context.workbook.worksheets.getItem("Blad2").getRange("A1"));
      await context.sync();
      context.workbook.worksheets.getItem("Blad2").delete();
      await context.sync();
      const item = context.workbook.names.getItem("PM_Test");
      item.load("formula");
      await context.sync();
      expect(item.formula).toBe("=#REF!$A$1");
      context.workbook.names.add("PM_Test", context.workbook.worksheets.getItem("Blad1").getRange("A1"));
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });

  it("fires onChanged (local and remote) and selection handlers registered at sync, until removed", async () => {
    const host = hostWith();
    const seen: string[] = [];
    let registered: { context: HostRequestContext; remove: () => void } | undefined;
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const changed = sheet.onChanged.add(async (args) => {
        seen.push(`${String(args["changeType"])}:${String(args["address"])}:${String(args["source"])}`);
      });
      const selected = sheet.onSelectionChanged.add(async (args) => {
        seen.push(`select:${String(args["address"])}`);
      });
      expect(host.sheet("Blad1").changedHandlers.size).toBe(0);
      await context.sync();
      registered = {
        context,
        remove: () => {
          changed.remove();
          selected.remove();
        },
      };
    });
    await host.editCells("Blad1", "A2", [["x"]], "Remote");
    await host.editCells("Blad1", "B2", [[3]]);
    await host.fireSelection("Blad1", "C3");
    expect(seen).toEqual(["RangeEdited:A2:Remote", "RangeEdited:B2:Local", "select:C3"]);
    // As in Office.js, handlers are removed through the context that added them.
    const { context, remove } = registered ?? { context: undefined, remove: () => undefined };
    await host.run(async (again) => {
      remove();
      await again.sync();
    }, context);
    await host.editCells("Blad1", "A3", [["y"]]);
    expect(host.sheet("Blad1").changedHandlers.size).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("records tables, charts and page settings for the Monitoring writer's tests", async () => {
    const host = hostWith();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Monitoring");
      sheet.getRange("A1:B2").values = [["Thema", "groen"], ["Duurzaamheid", 3]];
      const table = sheet.tables.add("A1:B2", true) as { name: string; showFilterButton: boolean };
      table.name = "Stoplichten";
      table.showFilterButton = false;
      const chart = (sheet.charts as { add(t: string, r: unknown, s: string): unknown }).add("BarStacked", sheet.getRange("A1:B2"), "Columns") as { title: { text: string }; setPosition(a: string, b: string): void };
      chart.title.text = "Stoplichten per thema";
      chart.setPosition("D1", "J15");
      (sheet.freezePanes as { freezeRows(n: number): void }).freezeRows(1);
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.getRange("A1").hyperlink = { documentReference: "'Blad1'!A1", textToDisplay: "a" };
      await context.sync();
    });
    const monitoring = host.sheet("Monitoring");
    expect(monitoring.tables[0]).toMatchObject({ rect: { top: 0, left: 0, bottom: 1, right: 1 }, props: { name: "Stoplichten", showFilterButton: false } });
    expect(monitoring.charts[0]).toMatchObject({ type: "BarStacked", props: { props: { "title.text": "Stoplichten per thema" }, calls: { setPosition: [["D1", "J15"]] } } });
    expect(monitoring.props["freezePanes"]).toMatchObject({ calls: { freezeRows: [[1]] } });
    expect(monitoring.columnWidths.get(0)).toBe(120);
    expect(monitoring.cellAt(0, 0)?.extra["hyperlink"]).toMatchObject({ documentReference: "'Blad1'!A1" });
  });

  it("installs as Excel/Office on any global object (window in the pane's browser tests)", async () => {
    const fakeWindow: Record<string, unknown> = {};
    const host = installExcelHost(fakeWindow, { sheets: [{ name: "Afspraken", values: [["Onderwerp"]] }] }, { displayLanguage: "en-US" });
    const excel = fakeWindow["Excel"] as { run: ExcelHost["run"]; createWorkbook(b: string): Promise<void>; SheetVisibility: { veryHidden: string } };
    const office = fakeWindow["Office"] as { context: { displayLanguage: string }; onReady(): Promise<{ host: string }> };
    expect(excel.SheetVisibility.veryHidden).toBe("VeryHidden");
    expect(office.context.displayLanguage).toBe("en-US");
    await expect(office.onReady()).resolves.toMatchObject({ host: "Excel" });
    const value = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Afspraken").getRange("A1") as unknown as AnyRange;
      range.load("values");
      await context.sync();
      return range.values[0]?.[0];
    });
    expect(value).toBe("Onderwerp");
    await excel.createWorkbook("UEsDBA==");
    expect(host.createdWorkbooks).toEqual(["UEsDBA=="]);
    uninstallExcelHost(fakeWindow);
    expect(fakeWindow).toEqual({});
  });
});
