import ExcelJS from "exceljs";
import { FINDING_CODES, SEVERITIES } from "../../src/domain/findings/finding";
import { CATALOGUES } from "../../src/domain/findings/catalogue";
import { buildSummaryWorkbookBase64, encodeBase64 } from "../../src/export/summary-workbook";
import { makeCheckResult, XSS_IMG } from "./make-check-result";

async function loadSummaryWorkbook(lang: "nl" | "en"): Promise<ExcelJS.Workbook> {
  const base64 = await buildSummaryWorkbookBase64(makeCheckResult(lang), { lang, generatedAt: "2026-11-24T12:00:00.000Z" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every text a reader of the workbook sees: cell values, table headers, page header and footer. */
function readTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  for (const worksheet of workbook.worksheets) {
    texts.push(worksheet.name, worksheet.headerFooter.oddHeader ?? "", worksheet.headerFooter.oddFooter ?? "");
    worksheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  }
  return texts;
}

describe("summary workbook", () => {
  it("encodes base64 like Node does", () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 254, 253, 0, 7]]) {
      expect(encodeBase64(new Uint8Array(bytes))).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("holds Overzicht, Agenda and Bevindingen with the summary's content", async () => {
    const base64 = await buildSummaryWorkbookBase64(makeCheckResult(), { generatedAt: "2026-11-24T12:00:00.000Z" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Agenda", "Bevindingen"]);
    const agenda = workbook.getWorksheet("Agenda")!;
    expect(agenda.getRow(1).values).toEqual([
      undefined,
      "Status",
      "Thema",
      "Subthema",
      "Afspraak",
      "Partijen",
      "Toelichting",
      "Blad",
      "Cel",
    ]);
    expect(agenda.getCell("A2").value).toBe("rood");
    expect(agenda.getCell("F2").value).toBe(`Onderzoek uitgesteld ${XSS_IMG}`);
    const findings = workbook.getWorksheet("Bevindingen")!;
    expect(findings.rowCount).toBe(1 + 6);
    expect(findings.getCell("D2").value).toBe("Geen verantwoordelijke partij (Wie?) ingevuld.");
    expect(findings.getRow(1).values).toEqual([undefined, "Soort", "Bron", "Tabel", "Melding", "Wat nu"]);
    expect(findings.getCell("A2").value).toBe("Partij ontbreekt");
    expect(findings.getCell("E2").value).toBe("Vul in wie verantwoordelijk is (Wie?).");
    expect(findings.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(findings.getCell("D3").value).toBe("Ongeldige status 'paars' voor 2022; toegestaan: groen, oranje, rood, grijs.");
    expect(workbook.getWorksheet("Overzicht")!.getCell("A1").value).toBe("Monitoring prestatieafspraken 2022");
    for (const worksheet of workbook.worksheets) {
      expect({ sheet: worksheet.name, ...worksheet.headerFooter }).toMatchObject({
        sheet: worksheet.name,
        oddHeader: "&CMonitoring prestatieafspraken 2022 – Stadskanaal",
        oddFooter: "&CPagina &P / &N",
      });
    }
    // A wrapped row is as high as its longest text needs (LibreOffice does not grow it on opening).
    // "Betaalbaarheid en beschikbaarheid" takes two lines of the 30-wide theme column; "Duurzaamheid" one.
    expect([agenda.getRow(2).height, agenda.getRow(3).height]).toEqual([30, undefined]);
  });

  it.each(["nl", "en"] as const)("speaks to the board in %s: the date written out, points for the coordinator, no severity word, no rule code", async (lang) => {
    const workbook = await loadSummaryWorkbook(lang);
    const overview = workbook.worksheets[0]!;
    expect([overview.getCell("A3").value, overview.getCell("B3").value]).toEqual(
      lang === "nl" ? ["Gegenereerd", "24 november 2026"] : ["Generated", "24 November 2026"],
    );
    expect([overview.getCell("A4").value, overview.getCell("B4").value]).toEqual(
      lang === "nl" ? ["Aandachtspunten", "6 punten voor de coördinator"] : ["Points of attention", "6 points for the coordinator"],
    );
    // The findings per kind: its title and how many (each code once, whatever severities it came with).
    const texts = readTexts(workbook);
    const kindHeader = texts.indexOf(lang === "nl" ? "Soort" : "Kind");
    const kinds = ["invalid-status", "missing-party", "missing-theme", "stock-flow", "missing-explanation", "number-as-text"] as const;
    expect(texts.slice(kindHeader, kindHeader + 2 + 2 * kinds.length)).toEqual([
      ...(lang === "nl" ? ["Soort", "Aantal"] : ["Kind", "Count"]),
      ...kinds.flatMap((code) => [CATALOGUES[lang].ruleTitles[code], "1"]),
    ]);
    expect(texts).toContain(lang === "nl" ? "Voorraad en mutaties" : "Stock and mutations");
    const severityWords = [
      CATALOGUES[lang].labels.severity,
      ...SEVERITIES.flatMap((s) => [CATALOGUES[lang].severity[s], CATALOGUES[lang].severityPlural[s]]),
    ];
    const wordPattern = new RegExp(`(^|[^\\p{L}])(${severityWords.join("|")})($|[^\\p{L}])`, "iu");
    expect(texts.filter((t) => wordPattern.test(t))).toEqual([]);
    expect(texts.filter((t) => FINDING_CODES.some((code) => t.includes(code)))).toEqual([]);
    expect(texts.filter((t) => /\d{4}-\d{2}-\d{2}T/.test(t))).toEqual([]);
  });

  it("names its sheets in English for an English summary", async () => {
    const base64 = await buildSummaryWorkbookBase64(makeCheckResult("en"), { lang: "en" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Overview", "Agenda", "Findings"]);
  });
});
