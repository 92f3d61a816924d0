import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_MODEL, parseA1, type SheetGrid } from "../../src/domain";
import { readXlsx } from "../../src/cli/xlsx/read-xlsx";
import { PackagePatch } from "../../src/cli/xlsx/patch-package";
import { buildCorpusWorkbook, CORPUS } from "./corpus/build-corpus";
import { comparePackages, isWellFormed, readParts } from "./corpus/compare-packages";
import { runCliCaptured } from "./run-cli";

/*
 * The CLI copy's Monitoring sheet carries a native chart, as the add-in's does: a DrawingML
 * stacked bar chart whose series refer to the sheet's theme table and cache its values. The
 * corpus workbooks already hold a drawing with a chart of the user's: ours takes free part names.
 */

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-chart-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface ChartOfSheet {
  readonly sheetPart: string;
  readonly drawingPart: string;
  readonly chartPart: string;
  readonly chart: string;
}

/** The Monitoring sheet's drawing and chart, followed through the sheet's <drawing r:id> and the relationships. */
function findMonitoringChart(bytes: Buffer): ChartOfSheet {
  const pkg = new PackagePatch(bytes);
  const sheet = pkg.readSheets().find((s) => s.name === "Monitoring");
  const sheetPart = sheet?.part as string;
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(pkg.readText(sheetPart))?.[1];
  const drawing = pkg.readRelationships(sheetPart).find((r) => r.id === drawingId);
  expect(drawing?.type).toMatch(/\/drawing$/);
  const drawingPart = pkg.canonicalName(drawing?.part as string);
  const chartId = /<c:chart [^>]*r:id="([^"]+)"/.exec(pkg.readText(drawingPart))?.[1];
  const chart = pkg.readRelationships(drawingPart).find((r) => r.id === chartId);
  expect(chart?.type).toMatch(/\/chart$/);
  const chartPart = pkg.canonicalName(chart?.part as string);
  return { sheetPart, drawingPart, chartPart, chart: pkg.readText(chartPart) };
}

function valueAt(grid: SheetGrid, address: string): unknown {
  const at = parseA1(address.replace(/\$/g, "")) as { row: number; col: number };
  const origin = parseA1(grid.origin) as { row: number; col: number };
  return grid.values[at.row - origin.row]?.[at.col - origin.col];
}

describe.each(CORPUS.filter((c) => c.name === "excel-like" || c.name === "workbook-outside-xl").map((c) => [c.name, c.options] as const))(
  "the Monitoring chart in a copy of the %s workbook",
  (name, options) => {
    let input: Buffer;
    let copy: Buffer;
    beforeAll(async () => {
      input = await buildCorpusWorkbook(options);
      const inputPath = path.join(dir, `${name}.xlsx`);
      await fs.writeFile(inputPath, input);
      const out = path.join(dir, `${name}-copy.xlsx`);
      const run = await runCliCaptured(["check", inputPath, "--out", out]);
      expect([0, 1]).toContain(run.code);
      copy = await fs.readFile(out);
    });

    it("takes part names the user's drawing and chart do not have, and leaves theirs as they were", () => {
      const comparison = comparePackages(input, copy);
      const userChart = [...readParts(input).keys()].find((p) => /charts\/chart1\.xml$/.test(p)) as string;
      const userDrawing = [...readParts(input).keys()].find((p) => /drawings\/drawing1\.xml$/.test(p)) as string;
      expect(comparison.identical).toEqual(expect.arrayContaining([userChart, userDrawing, userDrawing.replace("drawings/", "drawings/_rels/") + ".rels"]));
      const ours = findMonitoringChart(copy);
      expect(comparison.added).toEqual(expect.arrayContaining([ours.drawingPart, ours.chartPart]));
      expect(ours.chartPart).not.toBe(userChart);
      expect(ours.drawingPart).not.toBe(userDrawing);
      for (const part of [ours.chartPart, ours.drawingPart, ours.sheetPart]) {
        expect({ part, ok: isWellFormed(readParts(copy).get(part) as Buffer, part) }).toEqual({ part, ok: true });
      }
      const types = (readParts(copy).get("[Content_Types].xml") as Buffer).toString("utf8");
      expect(types).toContain(`<Override PartName="/${ours.chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      expect(types).toContain(`<Override PartName="/${ours.drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    });

    it("is a stacked bar chart, one series per status in its stoplight colour, caching the cells it refers to", () => {
      const { chart } = findMonitoringChart(copy);
      expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
      expect(chart).toContain('<c:overlap val="100"/>');
      const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1] as string);
      const names = series.map((s) => /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s)?.[1]);
      expect(names).toEqual(["groen", "oranje", "rood", "grijs", "geen"]);
      expect(series.map((s) => /<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(s)?.[1])).toEqual([
        ...DEFAULT_MODEL.statuses.map((status) => status.color.replace("#", "")),
        "D9D9D9", // "geen": no status
      ]);
      const monitoring = readXlsx(copy, "copy").sheets.find((s) => s.sheet === "Monitoring") as SheetGrid;
      let checked = 0;
      for (const s of series) {
        for (const [, formula, cache] of s.matchAll(/<c:f>([^<]*)<\/c:f><c:(?:str|num)Cache>([\s\S]*?)<\/c:(?:str|num)Cache>/g)) {
          expect(formula).toMatch(/^'Monitoring'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);
          const [from, to = from] = (formula as string).replace("'Monitoring'!", "").split(":") as [string, string?];
          const start = parseA1(from.replace(/\$/g, "")) as { row: number; col: number };
          const end = parseA1(to.replace(/\$/g, "")) as { row: number; col: number };
          const cells: unknown[] = [];
          for (let row = start.row; row <= end.row; row += 1) cells.push(valueAt(monitoring, `${from.replace(/\$/g, "").replace(/\d+$/, "")}${row + 1}`));
          const cached = [...(cache as string).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
          expect(cached).toEqual(cells.map(String));
          expect(end.col).toBe(start.col);
          checked += 1;
        }
      }
      // Per series: its name, its categories and its values.
      expect(checked).toBe(series.length * 3);
    });

    it("is replaced, not added to, when the copy is checked again", async () => {
      const first = path.join(dir, `${name}-copy.xlsx`);
      const second = path.join(dir, `${name}-copy2.xlsx`);
      const run = await runCliCaptured(["check", first, "--out", second]);
      expect([0, 1]).toContain(run.code);
      const again = await fs.readFile(second);
      const charts = (bytes: Buffer): string[] => [...readParts(bytes).keys()].filter((p) => /(charts|drawings)\//.test(p)).sort();
      expect(charts(again)).toEqual(charts(copy));
      expect(findMonitoringChart(again)).toEqual(findMonitoringChart(copy));
      const types = (readParts(again).get("[Content_Types].xml") as Buffer).toString("utf8");
      expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(2);
    });
  },
);
