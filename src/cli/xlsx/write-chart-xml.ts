import { formatA1, parseA1, parseA1Range, quoteSheetName, type MonitoringSheetPlan } from "../../domain";
import { escapeXml } from "./xml-outline";

/**
 * The DrawingML parts of the Monitoring sheet's chart in the CLI copy: a stacked bar chart (one
 * series per status, coloured like the stoplights) whose series refer to the sheet's theme table
 * by formula and carry its values as caches, so a host that does not recalculate charts (or a
 * viewer) still draws it; and the drawing that anchors it over the planned cells.
 */

export interface NewChart {
  readonly title: string;
  /** Category labels (themes) and the formula of their cells. */
  readonly categories: { readonly formula: string; readonly labels: readonly string[] };
  readonly series: readonly NewChartSeries[];
  /** Zero-based cell of the chart's top-left corner, and the first cell past its bottom-right one. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

export interface NewChartSeries {
  readonly name: { readonly formula: string; readonly text: string };
  readonly values: { readonly formula: string; readonly numbers: readonly number[] };
  /** "#RRGGBB" */
  readonly color: string;
}

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/**
 * The chart of a Monitoring sheet plan: series per status column of the plan's source range
 * (header row first, categories in its first column), cached values read from the planned cells.
 * Undefined when the plan has no chart or its source is not a range.
 */
export function planChart(plan: MonitoringSheetPlan, sheetName: string): NewChart | undefined {
  const chart = plan.chart;
  if (chart === undefined) return undefined;
  const source = parseA1Range(chart.source);
  const topLeft = parseA1(chart.topLeft);
  const bottomRight = parseA1(chart.bottomRight);
  if (source === undefined || topLeft === undefined || bottomRight === undefined || source.right <= source.left || source.bottom <= source.top) return undefined;
  const values = new Map(plan.cells.map((cell) => [`${cell.row - 1}:${cell.col - 1}`, cell.value]));
  const valueAt = (row: number, col: number): string | number | undefined => values.get(`${row}:${col}`);
  const sheet = quoteSheetName(sheetName);
  const absolute = (row: number, col: number): string => formatA1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const column = (col: number): string => `${sheet}!${absolute(source.top + 1, col)}:${absolute(source.bottom, col)}`;
  const dataRows: number[] = [];
  for (let row = source.top + 1; row <= source.bottom; row += 1) dataRows.push(row);
  const series: NewChartSeries[] = [];
  for (let col = source.left + 1; col <= source.right; col += 1) {
    series.push({
      name: { formula: `${sheet}!${absolute(source.top, col)}`, text: String(valueAt(source.top, col) ?? "") },
      values: { formula: column(col), numbers: dataRows.map((row) => Number(valueAt(row, col) ?? 0) || 0) },
      color: chart.seriesColors[col - source.left - 1] ?? "#A6A6A6",
    });
  }
  return {
    title: chart.title,
    categories: { formula: column(source.left), labels: dataRows.map((row) => String(valueAt(row, source.left) ?? "")) },
    series,
    from: topLeft,
    to: { row: bottomRight.row + 1, col: bottomRight.col + 1 },
  };
}

/** The chart part (c:chartSpace), elements in the order of the DrawingML chart schema. */
export function writeChartXml(chart: NewChart): string {
  const points = chart.categories.labels.length;
  const categoryCache = `<c:strCache><c:ptCount val="${points}"/>${chart.categories.labels
    .map((label, i) => `<c:pt idx="${i}"><c:v>${escapeXml(label)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(s.name.formula)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr>${solidFill(s.color)}<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(chart.categories.formula)}</c:f>${categoryCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(s.values.formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.numbers.length}"/>${s.values.numbers
          .map((n, j) => `<c:pt idx="${j}"><c:v>${n}</c:v></c:pt>`)
          .join("")}</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const text = (size: number, bold: boolean): string =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="nl-NL"/></a:p></c:txPr>`;
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="1400" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900, false)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solidFill("#FFFFFF")}<a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part: the chart's frame anchored from cell to cell (it moves and sizes with the cells, as Excel's own charts do). */
export function writeDrawingXml(chart: NewChart, chartRelationshipId: string): string {
  const marker = (tag: string, at: { row: number; col: number }): string =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `${DECLARATION}<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">` +
    `<xdr:twoCellAnchor>${marker("from", chart.from)}${marker("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${escapeXml(chartRelationshipId)}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function solidFill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color.replace(/^#/, "").toUpperCase()}"/></a:solidFill>`;
}
