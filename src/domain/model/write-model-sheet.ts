import { textOf, type CellValue, type Grid } from "../core/grid";
import type { Model } from "./model";
import type { Lang } from "../findings/finding";
import { translate } from "../findings/catalogue";
import {
  BLOCK_COLUMNS,
  SETTING_NAMES,
  formatCheckLabel,
  formatOperand,
  formatYesNo,
  joinList,
  type ModelBlock,
} from "./model-sheet-format";

/** A Model sheet ready for an adapter to write: values plus the little formatting it needs. */
export interface ModelSheetLayout {
  /** Rectangular grid starting at A1. */
  readonly values: Grid;
  /** Zero-based rows to show bold: the sheet title and each block title. */
  readonly titleRows: readonly number[];
  /** Zero-based rows holding a block's column headers. */
  readonly headerRows: readonly number[];
  /** Suggested width per column, in characters. */
  readonly columnWidths: readonly number[];
}

const MIN_WIDTH = 12;
const MAX_WIDTH = 60;

/**
 * Writes a model as a Model sheet in exactly the format read-model-sheet.ts reads (DESIGN.md
 * "Model sheet format"): a title row, a note, then the five blocks with a blank row between them.
 * Reading the result back gives the same model (apart from `source`).
 */
export function writeModelSheet(model: Model, lang: Lang = "nl"): ModelSheetLayout {
  const rows: CellValue[][] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];
  const municipality = model.settings.municipality;

  titleRows.push(rows.length);
  const title = translate("labels", "modelSheetTitle", lang);
  rows.push([municipality ? `${title} (${municipality})` : title]);
  rows.push([translate("labels", "modelSheetNote", lang)]);
  const firstBlockRow = rows.length + 1;

  const addBlock = (block: ModelBlock, body: CellValue[][], withLabel = false): void => {
    rows.push([]);
    titleRows.push(rows.length);
    rows.push([block]);
    headerRows.push(rows.length);
    const columns = BLOCK_COLUMNS[block].filter((c) => c.key !== "label" || withLabel);
    rows.push(columns.map((c) => c.header));
    rows.push(...body);
  };

  addBlock(
    "Thema's",
    model.themes.map((t) => [t.name, joinList(t.subthemes), joinList(t.aliases)]),
  );
  addBlock(
    "Partijen",
    model.parties.map((p) => [p.name, p.kind, joinList(p.aliases)]),
  );
  addBlock(
    "Statussen",
    model.statuses.map((s) => [s.name, s.meaning, s.color, formatYesNo(s.needsExplanation), joinList(s.synonyms)]),
  );
  addBlock("Instellingen", [
    [SETTING_NAMES.monitoringYear.header, model.settings.monitoringYear ?? null],
    [SETTING_NAMES.municipality.header, model.settings.municipality ?? null],
    // Thresholds only when the model sets them: the default template stays as it was.
    ...(model.settings.greenThreshold !== undefined ? [[SETTING_NAMES.greenThreshold.header, model.settings.greenThreshold / 100]] : []),
    ...(model.settings.orangeThreshold !== undefined ? [[SETTING_NAMES.orangeThreshold.header, model.settings.orangeThreshold / 100]] : []),
  ]);
  // The Omschrijving column only appears when some label says more than "left operator right".
  const withLabel = model.crossChecks.some((c) => c.label !== formatCheckLabel(c.left, c.operator, c.right));
  addBlock(
    "Controles",
    model.crossChecks.map((c) => {
      const row: CellValue[] = [formatOperand(c.left), c.operator, formatOperand(c.right), c.tolerance];
      if (withLabel) row.push(c.label);
      return row;
    }),
    withLabel,
  );

  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  return { values, titleRows, headerRows, columnWidths: measureColumns(values.slice(firstBlockRow), width) };
}

function measureColumns(rows: readonly (readonly CellValue[])[], width: number): number[] {
  const widths = Array<number>(width).fill(MIN_WIDTH);
  for (const row of rows) {
    row.forEach((value, col) => {
      const length = textOf(value).length + 2;
      widths[col] = Math.min(MAX_WIDTH, Math.max(widths[col] ?? MIN_WIDTH, length));
    });
  }
  return widths;
}
