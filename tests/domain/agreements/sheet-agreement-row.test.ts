import {
  createRowSource,
  findActivities,
  findExplanation,
  findExplanationCell,
  findStatus,
  hasActivities,
  StatusCells,
  type AgreementRow,
} from "../../../src/domain/agreements/agreement";
import { checkAgreementRows } from "../../../src/domain/agreements/check-rows";
import { checkWorkbook } from "../../../src/domain/check-workbook";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import type { CellValue } from "../../../src/domain/core/grid";
import { readAgreements, UNKNOWN_YEAR } from "../../../src/domain/agreements/read-agreements";
import { gridFromRows } from "../../helpers/grid-from-a1";
import { toPlainRow } from "./helpers";
import { readSeedGrid } from "./seed-grid";

/*
 * Rows read from a sheet keep their texts in a store per sheet and build their cell addresses
 * and per-year entries when asked (sheet-agreement-row.ts). These tests pin down that the views
 * read exactly what plain rows held: every field, every year, under several headers.
 */

const MULTI_YEAR_HEADER: readonly CellValue[] = [
  "Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?",
  "Activiteiten 2021", "Activiteiten 2022", "Status 2021", "Status 2022", "Toelichting 2021", "Toelichting 2022",
];

function readRows(rows: readonly (readonly CellValue[])[]): readonly AgreementRow[] {
  return readAgreements([gridFromRows(rows)], DEFAULT_MODEL, []).agreements;
}

/** What the find* functions must answer, computed from the row's arrays. */
function lookUpInArrays(row: AgreementRow, year: number) {
  const explanation = row.explanations.find((e) => e.year === year);
  return {
    status: row.statuses.find((s) => s.year === year),
    activities: row.activities.find((a) => a.year === year)?.text,
    explanationCell: explanation?.cell,
    explanation: explanation?.text === "" ? undefined : explanation?.text,
    hasActivities: row.activities.length > 0,
    statusCells: row.statuses.map((s) => ({ year: s.year, raw: s.raw, status: s.status, cell: s.cell })),
    statusIndex: row.statuses.findIndex((s) => s.year === year),
  };
}

/** A row read from another sheet, with status cells of other years. */
const OTHER_SHEET_ROW = readRows([MULTI_YEAR_HEADER, ["Wonen", "", "Elders", "Lefier", "", "", "rood", "grijs", "", ""]])[0] as AgreementRow;

/** The status rule's reader (StatusCells), moved onto the row: each cell, then the index of `year`. */
function readStatusCells(row: AgreementRow, year: number) {
  const cells = new StatusCells();
  // Moved from rows of both kinds first: nothing of them may stay behind.
  cells.moveTo({ ...toPlainRow(row), statuses: [{ year: 1999, raw: "x", cell: "A1" }] });
  cells.moveTo(OTHER_SHEET_ROW);
  cells.moveTo(row);
  const read = [];
  for (let i = 0; i < cells.count; i++) {
    read.push({ year: cells.readYear(i), raw: cells.readRaw(i), status: cells.readStatus(i), cell: cells.readCell(i) });
  }
  return { statusCells: read, statusIndex: cells.findIndex(year) };
}

function lookUp(row: AgreementRow, year: number) {
  return {
    status: findStatus(row, year),
    activities: findActivities(row, year),
    explanationCell: findExplanationCell(row, year),
    explanation: findExplanation(row, year),
    hasActivities: hasActivities(row),
    ...readStatusCells(row, year),
  };
}

describe("rows read from a sheet", () => {
  const rows = readRows([
    MULTI_YEAR_HEADER,
    ["Duurzaamheid", "RES", "Warmtevisie opstellen", "Gemeente", "Visie", "", " Groen ", "amber", "", "Vertraagd"],
    ["Duurzaamheid", "", "", "", "", "", "", "", "", ""],
  ]);

  it("hold every field, address and year of a multi-year row", () => {
    expect(rows.map(toPlainRow)).toEqual([
      {
        sheet: "Afspraken",
        row: 2,
        theme: "Duurzaamheid",
        subtheme: "RES",
        agreement: "Warmtevisie opstellen",
        partiesText: "Gemeente",
        parties: ["Gemeente Stadskanaal"],
        activities: [{ year: 2021, text: "Visie", cell: "E2" }],
        statuses: [
          { year: 2021, raw: "Groen", status: "groen", cell: "G2" },
          { year: 2022, raw: "amber", status: "oranje", cell: "H2" },
        ],
        explanations: [
          { year: 2021, text: "", cell: "I2" },
          { year: 2022, text: "Vertraagd", cell: "J2" },
        ],
        cells: { theme: "A2", subtheme: "B2", agreement: "C2", parties: "D2", activities: "E2", status: "G2", explanation: "I2" },
      },
      {
        sheet: "Afspraken",
        row: 3,
        theme: "Duurzaamheid",
        parties: [],
        activities: [],
        statuses: [
          { year: 2021, raw: "", cell: "G3" },
          { year: 2022, raw: "", cell: "H3" },
        ],
        explanations: [
          { year: 2021, text: "", cell: "I3" },
          { year: 2022, text: "", cell: "J3" },
        ],
        cells: { theme: "A3", subtheme: "B3", agreement: "C3", parties: "D3", activities: "E3", status: "G3", explanation: "I3" },
      },
    ]);
  });

  it("serialise to JSON as the plain rows they stand for", () => {
    for (const row of rows) expect(JSON.parse(JSON.stringify(row))).toEqual(toPlainRow(row));
  });

  it("answer find* for one year exactly as their arrays do (and so do plain rows)", () => {
    for (const row of [...rows, ...rows.map(toPlainRow)]) {
      for (const year of [2020, 2021, 2022, 2023, UNKNOWN_YEAR]) expect(lookUp(row, year)).toEqual(lookUpInArrays(row, year));
    }
  });

  it("read each header's own year columns when headers below differ", () => {
    const read = readRows([
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2021"],
      ["Duurzaamheid", "RES", "Eerste", "Gemeente", "rood"],
      ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2023", "Status 2022", "Status 2023", "Toelichting 2023"],
      ["Duurzaamheid", "RES", "Tweede", "Lefier", "Bouwen", "groen", "grijs", "Loopt"],
      ["Duurzaamheid", "RES", "Derde", "Lefier", "", "oranje", "", "Wacht"],
    ]);
    expect(read.map((r) => [r.agreement, r.statuses.map((s) => `${s.year}:${s.raw}@${s.cell}`), r.activities.map((a) => a.text), r.explanations.map((e) => e.text)])).toEqual([
      ["Eerste", ["2021:rood@E2"], [], []],
      ["Tweede", ["2022:groen@F4", "2023:grijs@G4"], ["Bouwen"], ["Loopt"]],
      ["Derde", ["2022:oranje@F5", "2023:@G5"], [], ["Wacht"]],
    ]);
    expect(findStatus(read[2] as AgreementRow, 2023)).toEqual({ year: 2023, raw: "", cell: "G5" });
    expect(hasActivities(read[2] as AgreementRow)).toBe(false);
  });
});

describe("texts the reader changes", () => {
  // Most texts are their cell's string as it stands; these are kept by the store itself.
  const header = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2021", "Status 2021", "Toelichting 2021"];
  const grid = gridFromRows([
    header,
    ["  Wonen ", " Nieuwbouw", 42, "Lefier ", " Bouwen\n", " groen ", "<b>Klaar</b> "],
    ["<b>Wonen</b>", "Sloop", "Slopen", "Lefier", true, "#N/A", " "],
    ["Wonen", "Sloop", "  ", "", "", "", ""],
  ]);
  const read = readAgreements([grid], DEFAULT_MODEL, []);

  it("are read back trimmed, names without markup, numbers and booleans as text, blanks and errors as blank", () => {
    expect(read.agreements.map((r) => [r.theme, r.subtheme, r.agreement, r.partiesText, findActivities(r, 2021), findStatus(r, 2021)?.raw, findExplanation(r, 2021)])).toEqual([
      ["Wonen", "Nieuwbouw", "42", "Lefier", "Bouwen", "groen", "<b>Klaar</b>"],
      ["Wonen", "Sloop", "Slopen", "Lefier", "true", "", undefined],
      ["Wonen", "Sloop", undefined, undefined, undefined, "", undefined],
    ]);
  });

  it("are read back in every per-year column of a wide header (more texts than one word of bits)", () => {
    const years = Array.from({ length: 12 }, (_, i) => 2021 + i);
    const wide = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", ...years.map((y) => `Activiteiten ${y}`), ...years.map((y) => `Status ${y}`), ...years.map((y) => `Toelichting ${y}`)];
    // Changed texts (padded, numbers, spaces only) and texts as they stand, alternating over 36 columns.
    const cellOf = (i: number): CellValue => [" rood ", "groen", 7, "   ", null, "Loopt"][i % 6] as CellValue;
    const textOf = (i: number): string => ["rood", "groen", "7", "", "", "Loopt"][i % 6] as string;
    const [row] = readAgreements([gridFromRows([wide, ["Wonen", "", "Bouwen", "Lefier", ...Array.from({ length: 36 }, (_, i) => cellOf(i))]])], DEFAULT_MODEL, []).agreements;
    const plain = toPlainRow(row as AgreementRow);
    expect(plain.activities.map((a) => a.text)).toEqual(years.map((_, i) => textOf(i)).filter((t) => t !== ""));
    expect(plain.statuses.map((e) => e.raw)).toEqual(years.map((_, i) => textOf(12 + i)));
    expect(plain.explanations.map((e) => e.text)).toEqual(years.map((_, i) => textOf(24 + i)));
  });

  it("stay as they were read when a live edit puts new rows into the grid", () => {
    const before = read.agreements.map(toPlainRow);
    grid.values[1] = ["Leefbaarheid", "", "Anders", "Gemeente", "", "rood", ""];
    grid.values[2] = [];
    expect(read.agreements.map(toPlainRow)).toEqual(before);
    expect(readAgreements([grid], DEFAULT_MODEL, []).agreements[0]?.theme).toBe("Leefbaarheid");
  });
});

describe("the rows the rules walk (AgreementRowSource)", () => {
  const source = readAgreements(
    [
      gridFromRows([
        MULTI_YEAR_HEADER,
        ["Duurzaamheid", "RES", "Warmtevisie", "Gemeente", "Visie", "", "paars", "", "", ""],
        ["Duurzaamheid", "RES", "Warmtevisie", "Gemeente", "Visie", "", "rood", "", "", ""],
        ["Wonen", "", "", "Lefierr", "", "", "", "groen", "", ""],
      ]),
    ],
    DEFAULT_MODEL,
    [],
  ).rows;

  it("hand out each row; a visited row may be one view moved on, a read row stays put", () => {
    const kept = [0, 1, 2].map((i) => source.readRow(i));
    expect(kept.map((r) => r.agreement)).toEqual(["Warmtevisie", "Warmtevisie", undefined]);
    expect([0, 1, 2].map((i) => source.visitRow(i).row)).toEqual([2, 3, 4]);
    expect(kept.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(() => source.readRow(3)).toThrow(RangeError);
  });

  it("give the rules the same findings as the kept rows and their plain copies do", () => {
    const kept = [0, 1, 2].map((i) => source.readRow(i));
    const expected = checkAgreementRows(kept.map(toPlainRow), DEFAULT_MODEL, 2022, [2021, 2022]);
    expect(expected.map((f) => f.code)).toEqual(expect.arrayContaining(["invalid-status", "duplicate-agreement", "unknown-party"]));
    expect(checkAgreementRows(source, DEFAULT_MODEL, 2022, [2021, 2022])).toEqual(expected);
    expect(checkAgreementRows(createRowSource(kept), DEFAULT_MODEL, 2022, [2021, 2022])).toEqual(expected);
  });

  it("are made into the result's agreements once, when first asked for", () => {
    const result = checkWorkbook([gridFromRows([MULTI_YEAR_HEADER, ["Wonen", "", "Bouwen", "Lefier", "", "", "", "", "", ""]])]);
    expect(result.agreements).toBe(result.agreements);
    expect(result.agreements.map((r) => r.agreement)).toEqual(["Bouwen"]);
  });
});

const seed = readSeedGrid();
(seed ? describe : describe.skip)("rows read from the seed", () => {
  it("answer find* for every year exactly as their arrays do, plain and one-field-per-line rows alike", () => {
    const { agreements, statusYears } = readAgreements(seed ? [seed] : [], DEFAULT_MODEL, []);
    expect(agreements.length).toBeGreaterThan(50);
    for (const row of agreements) {
      for (const year of [...statusYears, 2020, 2026, UNKNOWN_YEAR]) expect(lookUp(row, year)).toEqual(lookUpInArrays(row, year));
      expect(JSON.parse(JSON.stringify(row))).toEqual(toPlainRow(row));
    }
  });

  it("give the rules the same findings walked one at a time as kept, and as plain copies", () => {
    const read = readAgreements(seed ? [seed] : [], DEFAULT_MODEL, []);
    const expected = checkAgreementRows(read.agreements.map(toPlainRow), DEFAULT_MODEL, 2023, read.statusYears);
    expect(expected.length).toBeGreaterThan(20);
    expect(checkAgreementRows(read.rows, DEFAULT_MODEL, 2023, read.statusYears)).toEqual(expected);
    expect(checkAgreementRows(read.agreements, DEFAULT_MODEL, 2023, read.statusYears)).toEqual(expected);
  });
});

describe("rows of a sheet larger than one store", () => {
  // Two headers with different year columns, and more rows than STORE_ROWS under each: rows are
  // kept in stores of at most STORE_ROWS, and a row's per-year cells must never come from another.
  const FIRST = 5000;
  const SECOND = 4200;
  const statusOf = (i: number): string => ["groen", "oranje", "rood", ""][i % 4] as string;
  const rows: CellValue[][] = [["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Status 2021", "Toelichting 2021"]];
  for (let i = 0; i < FIRST; i++) rows.push(["Duurzaamheid", "RES", `Eerste ${i}`, "Gemeente", statusOf(i), `T${i}`]);
  rows.push(["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteiten 2022", "Status 2022", "Status 2023"]);
  for (let i = 0; i < SECOND; i++) rows.push(["Duurzaamheid", "RES", `Tweede ${i}`, "Lefier", i % 3 === 0 ? "" : `A${i}`, statusOf(i), statusOf(i + 1)]);
  const read = readRows(rows);

  it("keeps every row, in sheet order, with its own number and texts", () => {
    expect(read).toHaveLength(FIRST + SECOND);
    for (const i of [0, 4095, 4096, 4097, FIRST - 1]) {
      const row = read[i] as AgreementRow;
      expect([row.row, row.agreement, findStatus(row, 2021)?.raw ?? "", findExplanation(row, 2021)]).toEqual([i + 2, `Eerste ${i}`, statusOf(i), `T${i}`]);
      expect(row.cells.status).toBe(`E${i + 2}`);
    }
    // The second store holds the first header's last rows and this header's first 3192.
    for (const i of [0, 3191, 3192, 3193, SECOND - 1]) {
      const row = read[FIRST + i] as AgreementRow;
      expect([row.row, row.agreement, findStatus(row, 2022)?.raw ?? "", findStatus(row, 2023)?.raw ?? "", findActivities(row, 2022)]).toEqual([
        FIRST + 3 + i,
        `Tweede ${i}`,
        statusOf(i),
        statusOf(i + 1),
        i % 3 === 0 ? undefined : `A${i}`,
      ]);
      expect(row.statuses.map((s) => s.cell)).toEqual([`F${FIRST + 3 + i}`, `G${FIRST + 3 + i}`]);
    }
  });

  it("answer find* as their arrays do, rows around each store's edges and a sample between", () => {
    const sample = read.filter((_, i) => i % 97 === 0 || [4095, 4096, 8191, 8192].includes(i));
    for (const row of sample) for (const year of [2021, 2022, 2023]) expect(lookUp(row, year)).toEqual(lookUpInArrays(row, year));
  });
});
