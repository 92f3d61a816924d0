import { ExcelHost, installExcelHost, uninstallExcelHost, type ExcelHostOptions, type WorkbookData } from "./excel-host";

/**
 * The host behaves as Microsoft documents Excel, not as our adapter would like: undo per the
 * "Undo support" table and platform, event gaps of Excel on the web, protection, read-only mode,
 * whole-column validation, typed-text conversion, RunOptions.
 */

const BOOK: WorkbookData = { sheets: [{ name: "Blad1", values: [["a", 1], ["b", 2]] }, { name: "Blad2", values: [["x"]] }] };

function install(options: ExcelHostOptions = {}, data: WorkbookData = BOOK): ExcelHost {
  return installExcelHost(globalThis, data, options);
}

afterEach(() => uninstallExcelHost(globalThis));

async function userEdit(host: ExcelHost): Promise<void> {
  await host.editCells("Blad1", "A1", [["typed"]]);
}

describe("undo stack per Microsoft's table", () => {
  it.each(["web", "windows", "mac"] as const)("keeps the user's undo after a Range write (%s)", async (platform) => {
    const host = install({ platform });
    await userEdit(host);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("B1").values = [[5]];
      await context.sync();
    });
    expect(host.stats.undoClears).toBe(0);
    expect(host.undoStack.map((r) => r.by)).toEqual(["user", "addin"]);
  });

  it.each([
    ["web", 0],
    ["windows", 1],
    ["mac", 1],
  ] as const)("Worksheet.visibility clears undo on Windows and Mac, not on the web (%s)", async (platform, clears) => {
    const host = install({ platform });
    await userEdit(host);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad2").visibility = "Hidden";
      await context.sync();
    });
    expect(host.stats.undoClears).toBe(clears);
  });

  it("Worksheet.delete clears undo everywhere", async () => {
    const host = install({ platform: "web" });
    await userEdit(host);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad2").delete();
      await context.sync();
    });
    expect(host.undoStack).toEqual([]);
    expect(host.undoClearedBy).toEqual(["Worksheet.delete"]);
  });

  it("without ExcelUndoApiAll any write clears undo (older builds, office-js #3788)", async () => {
    const host = install({ apiSets: { ExcelApi: "1.12" } });
    await userEdit(host);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("B1").values = [[5]];
      await context.sync();
    });
    expect(host.stats.undoClears).toBe(1);
    expect(Office.context.requirements.isSetSupported("ExcelUndoApiAll", "1.0")).toBe(false);
  });

  it("mergeUndoGroup (ExcelApi 1.20) makes one undo record of a run's syncs; older hosts ignore it", async () => {
    const write = async (): Promise<void> => {
      await Excel.run({ mergeUndoGroup: true }, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Blad1");
        sheet.getRange("B1").values = [[5]];
        await context.sync();
        sheet.getRange("B2").values = [[6]];
        await context.sync();
      });
    };
    const current = install();
    await write();
    expect(current.undoStack.filter((r) => r.by === "addin")).toHaveLength(1);
    uninstallExcelHost(globalThis);
    const older = install({ apiSets: { ExcelApi: "1.19", ExcelUndoApiAll: "1.0" } });
    await write();
    expect(older.undoStack.filter((r) => r.by === "addin")).toHaveLength(2);
  });

  it("an API without undo support inside an undo group fails with UndoNotSupported", async () => {
    install({ platform: "windows" });
    await expect(
      Excel.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Blad2").visibility = "Hidden";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
  });

  it("a co-author's edit is not on this user's undo stack", async () => {
    const host = install();
    await host.editCells("Blad1", "A1", [["theirs"]], "Remote");
    expect(host.undoStack).toEqual([]);
  });
});

describe("events as Excel raises them", () => {
  it.each([
    ["web", 0],
    ["windows", 1],
  ] as const)("Excel on the web raises no onChanged for a dropdown pick; Windows does (%s)", async (platform, events) => {
    const host = install({ platform });
    let count = 0;
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        count += 1;
      });
      await context.sync();
    });
    await host.pickFromDropdown("Blad1", "A2", "rood");
    expect(count).toBe(events);
    expect(host.readValues("Blad1", "A2")).toEqual([["rood"]]);
  });

  it("a sort arrives as one change over the sorted range", async () => {
    const host = install();
    const addresses: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        addresses.push(event.address);
      });
      await context.sync();
    });
    await host.sortRows("Blad1", "A1:B2", 0);
    expect(addresses).toEqual(["A1:B2"]);
  });

  it("workbook-level onChanged covers a sheet added later; per-sheet handlers do not", async () => {
    const host = install();
    const workbookLevel: string[] = [];
    let perSheet = 0;
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        workbookLevel.push(event.worksheetId);
      });
      context.workbook.worksheets.getItem("Blad1").onChanged.add(async () => {
        perSheet += 1;
      });
      context.workbook.worksheets.onAdded.add(async (event) => {
        workbookLevel.push(`added ${event.worksheetId}`);
      });
      await context.sync();
    });
    await host.addSheetByUser("Nieuw");
    await host.editCells("Nieuw", "A1", [["x"]]);
    expect(workbookLevel).toEqual([`added ${host.sheet("Nieuw").id}`, host.sheet("Nieuw").id]);
    expect(perSheet).toBe(0);
  });

  it("the add-in's own value writes raise onChanged with triggerSource ThisLocalAddin (ExcelApi 1.14)", async () => {
    install();
    const triggers: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        triggers.push(event.triggerSource);
      });
      await context.sync();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("C1").values = [["ours"]];
      await context.sync();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(triggers).toEqual(["ThisLocalAddin"]);
  });
});

describe("protection and read-only mode", () => {
  it("refuses writes to a protected sheet with AccessDenied and still answers reads", async () => {
    const host = install();
    host.protectSheet("Blad1");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("B1").values = [[5]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      // Worksheet.protection is a navigation property (an object proxy), not a loaded value.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      const protection = sheet.protection;
      protection.load("protected");
      const range = sheet.getRange("A1:B2");
      range.load("values");
      await context.sync();
      return { isProtected: protection.protected, values: range.values };
    });
    expect(read).toEqual({ isProtected: true, values: [["a", 1], ["b", 2]] });
  });

  it("a read-only workbook refuses every write and says so in Workbook.readOnly", async () => {
    install({ readOnly: true });
    const readOnly = await Excel.run(async (context) => {
      context.workbook.load("readOnly");
      await context.sync();
      return context.workbook.readOnly;
    });
    expect(readOnly).toBe(true);
    await expect(
      Excel.run(async (context) => {
        context.workbook.names.add("X", "=1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("cells, text and limits", () => {
  it("keeps whole-column validation (A:A) as one area, found by special cells", async () => {
    const host = install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A:A").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      await context.sync();
    });
    expect(host.sheet("Blad1").validationAreas).toHaveLength(1);
    const found = await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Blad1").getUsedRange(true);
      const cells = used.getSpecialCellsOrNullObject("DataValidations");
      cells.load("address");
      const column = context.workbook.worksheets.getItem("Blad1").getRange("A:A").dataValidation;
      column.load("type");
      await context.sync();
      return { address: cells.address, type: column.type };
    });
    expect(found).toEqual({ address: "Blad1!A1:A2", type: "List" });
  });

  it("converts text written as a value as Excel parses typing, unless the cell's format is @", async () => {
    const host = install();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("C1:C3").values = [["1-2"], ["12%"], ["3,5"]];
      const text = sheet.getRange("D1");
      text.numberFormat = [["@"]];
      text.values = [["1-2"]];
      await context.sync();
    });
    const [date, percent, number] = host.readValues("Blad1", "C1:C3").map((row) => row[0]);
    expect(typeof date).toBe("number");
    expect(percent).toBeCloseTo(0.12);
    expect(number).toBe(3.5);
    expect(host.readValues("Blad1", "D1")).toEqual([["1-2"]]);
  });

  it("counts cells read, and a special-cells search costs every cell of the formatted area", async () => {
    const host = install();
    host.sheet("Blad1").touch(999_999, 0).fill = "#FFFF00"; // stray formatting far down
    host.resetStats();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B2");
      range.load("values");
      await context.sync();
    });
    expect(host.stats.cellsRead).toBe(4);
    await Excel.run(async (context) => {
      const cells = context.workbook.worksheets.getItem("Blad1").getRange().getSpecialCellsOrNullObject("Constants", "Numbers");
      cells.load("address");
      await context.sync();
    });
    expect(host.stats.cellsRead).toBeGreaterThan(1_000_000);
  });

  it("delayForCellEdit (ExcelApi 1.11) waits for the user instead of failing", async () => {
    const host = install();
    host.simulateCellEditMode(1);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("B1").values = [[5]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    host.simulateCellEditMode(1);
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("B1").values = [[5]];
      await context.sync();
    });
    expect(host.readValues("Blad1", "B1")).toEqual([[5]]);
  });

  it("refuses a request over the 5 MB limit", async () => {
    install({ payloadLimit: 1000 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["x".repeat(20)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});
