import { checkWorkbook } from "../../../src/domain/check-workbook";
import type { CellValue } from "../../../src/domain/core/grid";
import { readModelSheet } from "../../../src/domain/model/read-model-sheet";
import { insertModelSheet, ModelSheetExistsError } from "../../../src/excel/insert-model-sheet";
import { gridFromRows } from "../../helpers/grid-from-a1";

/**
 * The Office.js adapter against a minimal recording stand-in for Excel.RequestContext: only the
 * members insertModelSheet uses. It checks the order of queued work against syncs, what lands in
 * the cells (as Excel would store it: a leading apostrophe means text) and that nothing is replaced.
 */
interface FakeSheet {
  name: string;
  cells: Map<string, CellValue>;
  bold: Set<string>;
  widths: Map<string, number>;
  active: boolean;
}

function fakeContext(existing: string[]) {
  const sheets: FakeSheet[] = existing.map((name) => ({ name, cells: new Map(), bold: new Set(), widths: new Map(), active: false }));
  let syncs = 0;
  let loaded = false;
  const worksheets = {
    load: (what: string) => {
      expect(what).toBe("items/name");
      loaded = true;
    },
    get items() {
      if (!loaded || syncs === 0) throw new Error("items read before load + sync");
      return sheets.map((s) => ({ name: s.name }));
    },
    add: (name: string) => {
      if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error("ItemAlreadyExists");
      const sheet: FakeSheet = { name, cells: new Map(), bold: new Set(), widths: new Map(), active: false };
      sheets.push(sheet);
      return {
        getRange: (address: string) => ({
          set values(values: (string | number | boolean)[][]) {
            const start = /^A1:/.test(address);
            if (!start) throw new Error(`values written to ${address}`);
            values.forEach((row, r) =>
              row.forEach((value, c) => {
                // Excel stores "'=" as the text "=".
                const stored = typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
                sheet.cells.set(`${r},${c}`, stored === "" ? null : stored);
              }),
            );
          },
          format: {
            font: {
              set bold(value: boolean) {
                if (value) sheet.bold.add(address);
              },
              set size(_value: number) {},
            },
            set columnWidth(points: number) {
              sheet.widths.set(address, points);
            },
          },
        }),
        activate: () => {
          sheet.active = true;
        },
      };
    },
  };
  const context = {
    workbook: { worksheets },
    sync: async () => {
      syncs += 1;
    },
  };
  return { context: context as unknown as Excel.RequestContext, sheets, syncs: () => syncs };
}

function gridOf(sheet: FakeSheet) {
  const values: CellValue[][] = [];
  for (const [key, value] of sheet.cells) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (values[r] ??= [])[c] = value;
  }
  return gridFromRows(
    values.map((row) => Array.from(row, (v) => v ?? null)),
    { sheet: sheet.name },
  );
}

describe("insertModelSheet (Office.js adapter)", () => {
  it("writes the model in force as a Model sheet in two syncs; it reads back as the same model", async () => {
    const result = checkWorkbook([gridFromRows([["Onderwerp", "Actiepunt", "Wie?"]])]);
    const model = {
      ...result.model,
      crossChecks: [
        {
          label: "Tabel 1 / Nieuwbouw / 2021 = Tabel 5 / Aantal NOM nieuwbouw / 2021",
          left: { kind: "ref" as const, table: "1", row: "Nieuwbouw", column: "2021" },
          operator: "=" as const,
          right: { kind: "ref" as const, table: "5", row: "Aantal NOM nieuwbouw", column: "2021" },
          tolerance: 0,
        },
      ],
    };
    const fake = fakeContext(["Afspraken"]);
    expect(await insertModelSheet(fake.context, { ...result, model })).toBe("Model");
    expect(fake.syncs()).toBe(2);
    const sheet = fake.sheets.find((s) => s.name === "Model");
    if (!sheet) throw new Error("no Model sheet");
    expect(sheet.active).toBe(true);
    expect(sheet.bold.has("A1")).toBe(true);
    expect(sheet.widths.get("A:A")).toBeGreaterThan(0);

    const back = readModelSheet(gridOf(sheet), { ...model, themes: [{ name: "x", subthemes: [], aliases: [] }], crossChecks: [] });
    expect(back.findings).toEqual([]);
    expect(back.model.themes).toEqual(model.themes);
    expect(back.model.crossChecks.map((c) => c.operator)).toEqual(["="]); // "=" survived as text
  });

  it("never replaces an existing Model sheet", async () => {
    const result = checkWorkbook([]);
    const fake = fakeContext(["Afspraken", "model"]);
    await expect(insertModelSheet(fake.context, result)).rejects.toBeInstanceOf(ModelSheetExistsError);
    await expect(insertModelSheet(fake.context, result)).rejects.toMatchObject({ name: "ModelSheetExistsError", sheet: "model" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Afspraken", "model"]);
  });
});
