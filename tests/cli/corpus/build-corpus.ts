import JSZip from "jszip";

/**
 * A corpus of workbooks written the ways different writers write them, part by part by hand (no
 * spreadsheet library in between), with what a copy must never lose: the 1904 date system,
 * workbook and sheet protection, defined names (global and sheet-scoped), CDATA text, typed date
 * cells (t="d"), internal hyperlinks, the user's own conditional formats and validations (plain
 * and in extension lists), drawings with a chart, an external link, a calculation chain, core
 * properties, merged cells, hidden sheets, and sheets that carry our names without being ours.
 * Package shapes vary: mixed-case and spaced part names, percent-encoded targets, a workbook part
 * outside xl/, namespace prefixes (Open XML SDK style), stored entries and data descriptors.
 */

export interface CorpusOptions {
  /** Main part name; default xl/workbook.xml. */
  readonly workbookPart?: string;
  /** Folder of the sheets relative to the workbook's folder, e.g. "Worksheets/". */
  readonly sheetFolder?: string;
  /** File name of the n-th sheet part (1-based). */
  readonly sheetFile?: (n: number) => string;
  /** Write relationship targets percent-encoded. */
  readonly encodeTargets?: boolean;
  /** Prefix of the spreadsheetml namespace ("x" as the Open XML SDK writes it). */
  readonly prefix?: string;
  readonly compression?: "STORE" | "DEFLATE";
  readonly streamFiles?: boolean;
  /** The user's own sheets named like ours: Monitoring, PM_Markering1 (hidden). */
  readonly userSheetsNamedLikeOurs?: boolean;
}

export interface CorpusWorkbook {
  readonly name: string;
  readonly options: CorpusOptions;
}

export const CORPUS: readonly CorpusWorkbook[] = [
  { name: "excel-like", options: {} },
  { name: "user-sheets-named-like-ours", options: { userSheetsNamedLikeOurs: true } },
  { name: "mixed-case-and-spaces", options: { sheetFolder: "Worksheets/", sheetFile: (n) => `Sheet ${n}.XML`, encodeTargets: true } },
  { name: "workbook-outside-xl", options: { workbookPart: "Data/Book.xml", sheetFolder: "sheets/", encodeTargets: true } },
  { name: "sdk-prefixed", options: { prefix: "x" } },
  { name: "stored-with-descriptors", options: { compression: "STORE", streamFiles: true } },
];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const USER_CHART_ANCHOR =
  `<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Grafiek 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
  `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
const USER_CHART =
  `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Afspraken!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt><c:pt idx="2"><c:v>3</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>` +
  `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
  `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const STRINGS = [
  "Onderwerp",
  "nr",
  "Actiepunt/prestatieafspraken",
  "Wie?",
  "Status 2021",
  "Toelichting 2021",
  "Duurzaamheid",
  "Warmtevisie opstellen",
  "Gemeente Stadskanaal",
  "groen",
  "Betaalbaarheid",
  "Huurverhoging beperken",
  "Lefier",
  "rood",
  "Leefbaarheid",
];

/** The corpus workbook's bytes. */
export async function buildCorpusWorkbook(options: CorpusOptions): Promise<Buffer> {
  const p = options.prefix === undefined ? "" : `${options.prefix}:`;
  const ns = options.prefix === undefined ? `xmlns="${MAIN}"` : `xmlns:${options.prefix}="${MAIN}"`;
  const el = (xml: string): string => (p === "" ? xml : xml.replace(/<(\/?)(?=[a-zA-Z])(?!r:|x14:|xm:|c:|a:|xdr:)/g, `<$1${p}`));
  const workbookPart = options.workbookPart ?? "xl/workbook.xml";
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const sheetFolder = options.sheetFolder ?? "worksheets/";
  const sheetFile = options.sheetFile ?? ((n: number) => `sheet${n}.xml`);
  const target = (relative: string): string => (options.encodeTargets === true ? relative.split("/").map(encodeURIComponent).join("/") : relative);
  const parts = new Map<string, string>();
  const overrides: string[] = [];
  const override = (part: string, type: string): void => {
    overrides.push(`<Override PartName="/${encodeURI(part)}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`);
  };

  const sheets: { name: string; xml: string; state?: string; rels?: string }[] = [];
  const s = (ref: string, i: number, style = ""): string => `<c r="${ref}" t="s"${style}><v>${i}</v></c>`;
  const agreements =
    `${DECL}<${p}worksheet ${ns} xmlns:r="${R}" xmlns:x14="${X14}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    el(
      `<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:F4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols><col min="3" max="3" width="40" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${s("A1", 0)}${s("B1", 1)}${s("C1", 2)}${s("D1", 3)}${s("E1", 4)}${s("F1", 5)}</row>` +
        `<row r="2">${s("A2", 6)}<c r="B2"><v>1</v></c>${s("C2", 7)}${s("D2", 8)}${s("E2", 9)}<c r="F2" t="inlineStr"><is><t><![CDATA[Loopt <op> schema & goed]]></t></is></c></row>` +
        `<row r="3">${s("A3", 10)}<c r="B3"><v>2</v></c>${s("C3", 11)}${s("D3", 12)}${s("E3", 13)}<c r="F3" t="d"><v>2021-06-30T00:00:00</v></c></row>` +
        `<row r="4">${s("A4", 14)}<c r="B4"><v>3</v></c><c r="C4" t="str"><f>"Wijk"&amp;"aanpak"</f><v>Wijkaanpak</v></c>${s("D4", 12)}<c r="E4" t="inlineStr"><is><t>ORANJE</t></is></c></row>` +
        `</sheetData><sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0"/><mergeCells count="1"><mergeCell ref="F4:F5"/></mergeCells>` +
        `<conditionalFormatting sqref="B2:B4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>2</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E3"><formula1>"ja,nee"</formula1></dataValidation></dataValidations>` +
        `<hyperlinks><hyperlink ref="C2" location="'Data'!A1" display="naar Data"/></hyperlinks>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>`,
    ) +
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Data!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>D2:D4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>` +
    el(`</worksheet>`);
  sheets.push({
    name: "Afspraken",
    xml: agreements,
    rels: `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  });
  sheets.push({
    name: "Data",
    xml: `${DECL}<${p}worksheet ${ns}>${el(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ja</t></is></c><c r="B1" s="1"><v>45000</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>nee</t></is></c><c r="B2"><f>[1]Blad1!A1</f><v>7</v></c></row></sheetData><sheetProtection password="CC1A" sheet="1"/>`)}${el("</worksheet>")}`,
  });
  if (options.userSheetsNamedLikeOurs === true) {
    sheets.push({
      name: "Monitoring",
      xml: `${DECL}<${p}worksheet ${ns}>${el(`<sheetData><row r="1">${s("A1", 0)}${s("B1", 1)}${s("C1", 2)}${s("D1", 3)}${s("E1", 4)}</row><row r="2">${s("A2", 6)}<c r="B2"><v>9</v></c>${s("C2", 7)}${s("D2", 8)}<c r="E2" t="inlineStr"><is><t>paars</t></is></c></row></sheetData>`)}${el("</worksheet>")}`,
    });
    sheets.push({
      name: "PM_Markering1",
      state: "hidden",
      xml: `${DECL}<${p}worksheet ${ns}>${el(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mijn eigen notities</t></is></c></row></sheetData>`)}${el("</worksheet>")}`,
    });
  }

  const workbookRels: string[] = [];
  const sheetEntries: string[] = [];
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const part = `${folder}${sheetFolder}${sheetFile(n)}`;
    parts.set(part, sheet.xml);
    override(part, "spreadsheetml.worksheet+xml");
    if (sheet.rels !== undefined) parts.set(`${folder}${sheetFolder}_rels/${sheetFile(n)}.rels`, sheet.rels);
    workbookRels.push(`<Relationship Id="rId${n}" Type="${R}/worksheet" Target="${target(sheetFolder + sheetFile(n))}"/>`);
    sheetEntries.push(`<sheet name="${sheet.name}" sheetId="${n + 3}"${sheet.state !== undefined ? ` state="${sheet.state}"` : ""} r:id="rId${n}"/>`);
  });
  const k = sheets.length;
  workbookRels.push(`<Relationship Id="rId${k + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${k + 2}" Type="${R}/styles" Target="styles.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${k + 3}" Type="${R}/theme" Target="theme/theme1.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${k + 4}" Type="${R}/calcChain" Target="calcChain.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${k + 5}" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>`);

  parts.set(
    workbookPart,
    `${DECL}<${p}workbook ${ns} xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      el(
        `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr date1904="1" defaultThemeVersion="166925"/>` +
          `<workbookProtection lockStructure="1"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
          `<sheets>${sheetEntries.join("")}</sheets><externalReferences><externalReference r:id="rId${k + 5}"/></externalReferences>` +
          `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Afspraken!$A$1:$F$4</definedName><definedName name="Statussen">Data!$A$1:$A$2</definedName><definedName name="Tekst"><![CDATA[Afspraken!$C$2]]></definedName></definedNames>` +
          `<calcPr calcId="191029"/>`,
      ) +
      `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>` +
      el("</workbook>"),
  );
  override(workbookPart, "spreadsheetml.sheet.main+xml");
  parts.set(`${folder}_rels/${workbookPart.slice(folder.length)}.rels`, `${DECL}<Relationships xmlns="${PKG}">${workbookRels.join("")}</Relationships>`);
  parts.set(
    `${folder}sharedStrings.xml`,
    `${DECL}<${p}sst ${ns} count="${STRINGS.length}" uniqueCount="${STRINGS.length}">` +
      STRINGS.map((text, i) => el(i === 7 ? `<si><t><![CDATA[${text}]]></t></si>` : i === 11 ? `<si><r><rPr><b/></rPr><t>${text}</t></r></si>` : `<si><t>${text}</t></si>`)).join("") +
      el("</sst>"),
  );
  override(`${folder}sharedStrings.xml`, "spreadsheetml.sharedStrings+xml");
  parts.set(
    `${folder}styles.xml`,
    `${DECL}<${p}styleSheet ${ns} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      el(
        `<numFmts count="1"><numFmt numFmtId="164" formatCode="0\\ &quot;m²&quot;"/></numFmts>` +
          `<fonts count="1"><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/><scheme val="minor"/></font></fonts>` +
          `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
          `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
          `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
          `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
          `<cellStyles count="1"><cellStyle name="Standaard" xfId="0" builtinId="0"/></cellStyles>` +
          `<dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>`,
      ) +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${X14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>` +
      el("</styleSheet>"),
  );
  override(`${folder}styles.xml`, "spreadsheetml.styles+xml");
  parts.set(`${folder}theme/theme1.xml`, `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`);
  override(`${folder}theme/theme1.xml`, "theme+xml");
  parts.set(`${folder}calcChain.xml`, `${DECL}<${p}calcChain ${ns}>${el(`<c r="C4" i="4"/><c r="B2" i="5"/>`)}${el("</calcChain>")}`);
  override(`${folder}calcChain.xml`, "spreadsheetml.calcChain+xml");
  parts.set(
    `${folder}externalLinks/externalLink1.xml`,
    `${DECL}<${p}externalLink ${ns} xmlns:r="${R}">${el(`<externalBook r:id="rId1"><sheetNames><sheetName val="Blad1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook>`)}${el("</externalLink>")}`,
  );
  parts.set(`${folder}externalLinks/_rels/externalLink1.xml.rels`, `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/externalLinkPath" Target="Andere%20werkmap.xlsx" TargetMode="External"/></Relationships>`);
  override(`${folder}externalLinks/externalLink1.xml`, "spreadsheetml.externalLink+xml");
  parts.set(
    `${folder}drawings/drawing1.xml`,
    `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Vak 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Notitie</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  override(`${folder}drawings/drawing1.xml`, "drawing+xml");
  // The user's own chart in that drawing: the copy's Monitoring chart must take other part names and leave it be.
  parts.set(`${folder}drawings/drawing1.xml`, (parts.get(`${folder}drawings/drawing1.xml`) as string).replace("</xdr:wsDr>", `${USER_CHART_ANCHOR}</xdr:wsDr>`));
  parts.set(`${folder}drawings/_rels/drawing1.xml.rels`, `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  parts.set(`${folder}charts/chart1.xml`, `${DECL}${USER_CHART}`);
  override(`${folder}charts/chart1.xml`, "drawingml.chart+xml");
  parts.set("docProps/core.xml", `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Coördinator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2021-01-04T09:00:00Z</dcterms:created></cp:coreProperties>`);
  overrides.push(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`);
  parts.set(
    "_rels/.rels",
    `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${encodeURI(workbookPart)}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  parts.set(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="XML" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );

  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 0, 1));
  zip.file("[Content_Types].xml", parts.get("[Content_Types].xml") as string, { date, createFolders: false });
  for (const [name, text] of parts) if (name !== "[Content_Types].xml") zip.file(name, text, { date, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: options.compression ?? "DEFLATE", streamFiles: options.streamFiles ?? false });
}
