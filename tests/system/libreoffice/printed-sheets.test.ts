import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { readWorkbookFile } from "../../../src/cli/xlsx/read-workbook";
import { writeMonitoredCopy } from "../../../src/cli/write-monitored-copy";
import { buildSummaryWorkbookBytes } from "../../../src/export/summary-workbook";
import { makeCheckResult } from "../../export/make-check-result";
import { itWithPrograms } from "../require-program";

/*
 * The Monitoring sheet of the CLI copy and the exported summary workbook, printed by LibreOffice
 * to PDF: every column of a table on one page's width, the header and page numbers on every page,
 * and the copy's native chart drawn. PM_LO_ARTIFACTS=<dir> keeps the PDFs for looking at them.
 */

const run = promisify(execFile);
const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "stadskanaal-monitoring-2021.xlsx");
const AT = "2026-11-24T12:00:00.000Z";
const PROGRAMS = { soffice: ["soffice", "libreoffice"], pdftotext: ["pdftotext"] };

async function printToPdf(soffice: string, dir: string, file: string): Promise<string> {
  // A fresh profile per run: LibreOffice refuses to start twice on one profile.
  const profile = `file://${path.join(dir, "profile")}`;
  await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 100_000 });
  const pdf = file.replace(/\.xlsx$/, ".pdf");
  const keep = process.env["PM_LO_ARTIFACTS"];
  if (keep !== undefined) await fs.copyFile(pdf, path.join(keep, path.basename(pdf)));
  return pdf;
}

/** The text of each page (pdftotext separates pages with form feeds). */
async function readPages(pdftotext: string, pdf: string): Promise<string[]> {
  const { stdout } = await run(pdftotext, ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\f").filter((page) => page.trim() !== "");
}

describe("printed by LibreOffice", () => {
  itWithPrograms(PROGRAMS, "the summary workbook prints each table's columns on one page's width, with header and page numbers", async ({ soffice, pdftotext }) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-print-"));
    try {
      const file = path.join(dir, "summary.xlsx");
      await fs.writeFile(file, await buildSummaryWorkbookBytes(makeCheckResult(), { generatedAt: AT }));
      const pages = await readPages(pdftotext as string, await printToPdf(soffice as string, dir, file));
      // Three sheets of a small check: one page each (it printed one column per page before).
      expect(pages.length).toBeLessThanOrEqual(4);
      const first = pages[0] as string;
      expect(first).toMatch(/Thema\s+groen\s+oranje\s+rood\s+grijs\s+geen\s+Totaal/);
      expect(first).toMatch(/Partij\s+groen\s+oranje\s+rood\s+grijs\s+geen\s+Totaal/);
      // Printed for the board: the date written out, points for the coordinator, no severity word.
      expect(first).toMatch(/Gegenereerd\s+24 november 2026/);
      expect(first).toMatch(/Aandachtspunten\s+6 punten voor de coördinator/);
      expect(pages.join("\n")).not.toMatch(/(^|[^\p{L}])(ernst|fouten?|waarschuwingen?|info|meldingen)($|[^\p{L}])/iu);
      const agenda = pages.find((page) => /Status\s+Thema\s+Subthema\s+Afspraak/.test(page)) as string;
      expect(agenda).toMatch(/Status\s+Thema\s+Subthema\s+Afspraak\s+Partijen\s+Toelichting\s+Blad\s+Cel/);
      pages.forEach((page, i) => {
        expect(page).toContain("Monitoring prestatieafspraken 2022 – Stadskanaal");
        expect(page).toContain(`Pagina ${i + 1} / ${pages.length}`);
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  itWithPrograms(PROGRAMS, "the copy's Monitoring sheet prints on pages one table wide, with its chart", async ({ soffice, pdftotext }) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-print-"));
    try {
      const input = await readWorkbookFile(FIXTURE);
      const file = path.join(dir, "copy.xlsx");
      await writeMonitoredCopy(await input.loadWorkbook(), makeCheckResult(), file, {
        generatedAt: AT,
        formats: { stoplights: [], highlights: [] },
      });
      const pages = await readPages(pdftotext as string, await printToPdf(soffice as string, dir, file));
      const monitoring = pages.filter((page) => page.includes("Monitoring prestatieafspraken 2022 – Stadskanaal"));
      expect(monitoring.length).toBeGreaterThanOrEqual(1);
      expect(monitoring.length).toBeLessThanOrEqual(3);
      const first = monitoring[0] as string;
      // The chart's own title and legend are drawn as text beside the table heading of the same words.
      expect(first.match(/Stoplichten per thema/g)?.length).toBe(2);
      expect(first).toMatch(/Thema\s+groen\s+oranje\s+rood\s+grijs\s+geen\s+Totaal/);
      expect(first).toMatch(/Afspraak\s+Status\s+Thema\s+Subthema\s+Partijen\s+Bron\s+Toelichting/);
      // Print titles: the title block heads every page of the sheet.
      for (const page of monitoring) expect(page).toMatch(/Gemeente\s+Stadskanaal/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
