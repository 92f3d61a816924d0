import { generateWorkbook } from "../../bench/generate-workbook";
import { checkWorkbook, type SheetGrid } from "../../src/domain";
import { readWorkbook, type MutableGrid } from "../../src/excel/read-workbook";
import type { CheckOutcome } from "../../src/excel/addin-api";
import { installExcelHost, uninstallExcelHost, type ExcelHost, type WorkbookData } from "../excel-host";
import { setUpAdapter, tearDownAdapter } from "./adapter-harness";
import { agreementsWorkbook } from "./workbooks";

/**
 * The read loads values of the used range plus number formats of the numeric cells only
 * (Range.getSpecialCellsOrNullObject constants/formulas + numbers): text cells' formats are never
 * used by the engine, and loading them for every cell doubled the response.
 */

afterEach(tearDownAdapter);

/** Tabel 3-like shares stored as fractions, shown "0.0%": columns sum to 100.0 and 99.9 (rounding). */
const SHARES: (string | number | null)[][] = [
  ["Tabel 3: Ontwikkeling betaalbaarheid"],
  ["Betaalbaarheid (in %)", 2021, 2022],
  ["Goedkoop", 0.292, 0.5],
  ["Betaalbaar laag", 0.624, 0.424],
  ["Betaalbaar hoog", 0.074, 0.065],
  ["Duur", 0.01, 0.01],
];
const SHARE_FORMATS: string[][] = [["@"], ["@", "0", "0"], ...SHARES.slice(2).map(() => ["@", "0.0%", "0.0%"])];

function sharesWorkbook(): WorkbookData {
  const base = agreementsWorkbook(6);
  return { sheets: [...base.sheets, { name: "Tabellen", origin: "B2", values: SHARES, formats: SHARE_FORMATS }] };
}

/** The engine on grids carrying every cell's number format (what the old read loaded). */
function checkWithAllFormats(data: WorkbookData, drop = false): ReturnType<typeof checkWorkbook> {
  const grids: SheetGrid[] = data.sheets.map((s) => ({
    sheet: s.name,
    origin: s.origin ?? "A1",
    values: s.values.map((row) => [...row]),
    formats: drop ? [] : s.values.map((row, r) => row.map((_, c) => s.formats?.[r]?.[c] ?? "General")),
  }));
  return checkWorkbook(grids, { lang: "nl" });
}

async function readDirect(host: ExcelHost): Promise<MutableGrid[]> {
  return host.run(async (context) => {
    const ctx = context as unknown as Excel.RequestContext;
    const read = await readWorkbook(ctx, undefined, () => ctx.sync());
    return read.grids;
  });
}

function percentSumFindings(outcome: Pick<CheckOutcome, "result">): string[] {
  return outcome.result.findings.filter((f) => f.code === "percent-sum").map((f) => `${f.severity}@${f.cell ?? f.range ?? ""}`);
}

describe("reading only the numeric cells' number formats", () => {
  it("still finds percent tables formatted 0.0% and yields the same findings as reading every format", async () => {
    const data = sharesWorkbook();
    const { adapter } = setUpAdapter(data);
    const outcome = await adapter.checkWorkbook("nl");
    const expected = checkWithAllFormats(data);
    expect(outcome.result.findings).toEqual(expected.findings);
    expect(outcome.result.tables).toEqual(expected.tables);
    // The test can fail: without the percent formats the shares read as fractions.
    const without = checkWithAllFormats(data, true);
    expect(JSON.stringify(without.tables)).not.toEqual(JSON.stringify(expected.tables));
    expect(percentSumFindings(outcome)).toEqual(percentSumFindings({ result: expected }));
  });

  it("puts numeric cells' formats in the grid and never loads text cells' formats", async () => {
    const host = installExcelHost(globalThis, sharesWorkbook());
    // A formula yielding a number (the host does not calculate: its result is set directly).
    const formula = host.sheet("Tabellen").touch(7, 2);
    Object.assign(formula, { formula: "=C4+C5", value: 0.916, numberFormat: "0%" });
    const grids = await readDirect(host);
    uninstallExcelHost(globalThis);

    const tabellen = grids.find((g) => g.sheet === "Tabellen");
    expect(tabellen).toMatchObject({ origin: "B2", top: 1, left: 1 });
    expect(tabellen?.formats[0]).toEqual([]); // caption: text, its "@" is not read
    expect(tabellen?.formats[1]).toEqual(["General", "0", "0"]); // the years are numbers
    expect(tabellen?.formats[2]).toEqual(["General", "0.0%", "0.0%"]);
    expect(tabellen?.formats[6]).toEqual(["General", "0%"]);
    const afspraken = grids.find((g) => g.sheet === "Afspraken");
    expect(afspraken?.formats.every((row) => row.length === 0)).toBe(true); // header "@" not read
    expect(afspraken?.formats).toHaveLength(afspraken?.values.length ?? -1);

    const loads = host.syncs.flatMap((s) => s.operations).filter((op) => op["op"] === "load" && String(op["path"]).includes("numberFormat"));
    expect(loads.length).toBeGreaterThan(0);
    for (const op of loads) expect(String(op["object"])).toMatch(/getSpecialCellsOrNullObject\("(Constants|Formulas)","Numbers"\)\.areas$/);
  });

  it("is at most 2 round trips for 5,000 and 10,000 rows once the sheet names are known", async () => {
    for (const rows of [5_000, 10_000]) {
      const { host, adapter } = setUpAdapter(agreementsWorkbook(rows));
      await adapter.checkWorkbook("nl");
      host.resetStats();
      const warm = await adapter.checkWorkbook("nl");
      expect(warm.syncs).toBe(1); // unchanged workbook: the read, and nothing to write
      expect(host.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
      expect(warm.result.agreements).toHaveLength(rows);
      tearDownAdapter();
    }
  }, 120_000);

  it("reads the 10k-row benchmark workbook in one round trip, its response nearly free of number formats", async () => {
    const bench = generateWorkbook(10_000, 100);
    const data: WorkbookData = { sheets: bench.sheets.map((s) => ({ name: s.sheet, values: s.values, ...(s.formats ? { formats: s.formats } : {}) })) };
    const { host, adapter } = setUpAdapter(data);
    const cold = await adapter.checkWorkbook("nl");
    expect(cold.syncs).toBe(3); // list the sheets, read, write: no rejected or chunked read
    host.resetStats();
    const warm = await adapter.checkWorkbook("nl");
    expect(warm.syncs).toBe(1); // unchanged workbook: the read, and nothing to write
    const newRead = host.syncs[0]?.responseBytes ?? 0;

    // The old read (values + numberFormat of every used cell) and a values-only read, same host.
    const measure = async (props: string): Promise<number> => {
      host.resetStats();
      await host.run(async (context) => {
        for (const sheet of ["Afspraken", "Tabellen"]) context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load(props);
        await context.sync();
      });
      return host.syncs[0]?.responseBytes ?? 0;
    };
    const oldRead = await measure("address,values,numberFormat");
    const valuesOnly = await measure("address,values");
    // The marks the last check wrote on the add-in's own sheets, read to write only differences.
    host.resetStats();
    await host.run(async (context) => {
      for (const sheet of ["PM_Markering1", "PM_Markering1_w"]) {
        context.workbook.worksheets.getItem(sheet).getUsedRange(true).getSpecialCellsOrNullObject("Constants").load("areas/items/address,areas/items/values");
      }
      await context.sync();
    });
    const marks = host.syncs[0]?.responseBytes ?? 0;
    // The old read was above 80 % of 5 MB (the adapter then chunked it in a round trip of its own).
    expect(oldRead).toBeGreaterThan(0.8 * 5 * 1024 * 1024);
    expect(newRead).toBeLessThan(0.8 * 5 * 1024 * 1024);
    // Of the formats' share of the response (about 0.7 MB here), less than a tenth is left
    // (numeric cells' formats, the conditional formats and validation addresses).
    expect(newRead - marks - valuesOnly).toBeLessThan(0.1 * (oldRead - valuesOnly));
    expect(percentSumFindings(warm)).toEqual(percentSumFindings({ result: checkWithAllFormats(data) }));
  }, 120_000);

  it("keeps percent formats when the read is split into row chunks", async () => {
    const data: WorkbookData = { sheets: [...agreementsWorkbook(200).sheets, ...sharesWorkbook().sheets.filter((s) => s.name === "Tabellen")] };
    const limit = 12_000;
    const { host, adapter } = setUpAdapter(data, { host: { payloadLimit: limit }, adapter: { read: { payloadLimitBytes: limit, bytesPerCell: 48 } } });
    const outcome = await adapter.checkWorkbook("nl");
    expect(host.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    const reads = host.syncs.filter((s) => s.failed === undefined && s.operations.some((op) => String(op["object"]).includes("getRangeByIndexes")));
    expect(reads.length).toBeGreaterThan(1);
    const expected = checkWithAllFormats(data);
    expect(outcome.result.findings).toEqual(expected.findings);
    expect(outcome.result.tables).toEqual(expected.tables);
  });
});

describe("a date-formatted status cell in the add-in", () => {
  it("reads as the text Excel shows (from the numeric cell's format, loaded in the same round trip), not as a serial", async () => {
    const base = agreementsWorkbook(3);
    const sheet = base.sheets[0];
    if (sheet === undefined) throw new Error("no sheet");
    const statusCol = (sheet.values[0] ?? []).findIndex((h) => typeof h === "string" && /^Status/.test(h));
    expect(statusCol).toBeGreaterThanOrEqual(0);
    // 1 February 2026: what Excel stores when a Dutch user types "1-2" in a status cell.
    const values = sheet.values.map((row, r) => (r === 1 ? row.map((v, c) => (c === statusCol ? 46054 : v)) : row));
    const formats = sheet.values.map((row, r) => row.map((_, c) => (r === 1 && c === statusCol ? "d-mmm" : (sheet.formats?.[r]?.[c] ?? "General"))));
    const plain = await setUpAdapter(base).adapter.checkWorkbook("nl");
    tearDownAdapter();
    const { adapter } = setUpAdapter({ sheets: [{ ...sheet, values, formats }, ...base.sheets.slice(1)] });
    const outcome = await adapter.checkWorkbook("nl");
    const raw = outcome.result.agreements.map((a) => a.statuses.find((s) => s.raw !== "")?.raw);
    expect(raw).toContain("1-feb");
    expect(JSON.stringify(outcome.result.findings)).not.toContain("46054");
    expect(outcome.result.findings.some((f) => f.message.includes("1-feb"))).toBe(true);
    // No extra round trip: the format comes with the numeric cells' formats the read loads anyway.
    expect(outcome.syncs).toBe(plain.syncs);
  });
});
