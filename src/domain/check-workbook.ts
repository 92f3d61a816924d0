import type { AgreementColumns, AgreementRow } from "./agreements/agreement";
import { checkCrossChecks } from "./tables/rules/check-cross-checks";
import { checkAgreementRows } from "./agreements/rules/check-agreement-rows";
import { createModelIndex } from "./model/model-index";
import { checkTables } from "./tables/check-tables";
import { DEFAULT_MODEL } from "./model/default-model";
import { sortFindings, type Finding, type FindingData, type Lang } from "./findings/finding";
import { findTables } from "./tables/find-tables";
import type { SheetGrid } from "./core/grid";
import { formatFinding } from "./findings/messages";
import type { Model } from "./model/model";
import { isModelSheetName, isToolSheet } from "./model/sheet-names";
import { readAgreements, type AgreementsReading } from "./agreements/read-agreements";
import { learnModel, matchesModel } from "./model/learn-model";
import { readModelSheet } from "./model/read-model-sheet";
import { holdsModelContent } from "./model/model-sheet-blocks";
import { applyAcceptances, readAcceptances, type AcceptedFinding } from "./model/acceptances";
import type { NumericTable } from "./tables/table";

export interface CheckOptions {
  /** Message language; Dutch by default. */
  readonly lang?: Lang;
  /** Monitoring year asked for by the user (`--year`); a Model sheet's Monitoringjaar wins. */
  readonly year?: number;
  /** A model to start from instead of the built-in default (e.g. from `--model other.xlsx`). */
  readonly model?: Model;
  /**
   * Further sheets the adapter knows are the tool's own and must not be read as data: the Monitoring
   * sheet found through its marker name when it had to be written as "Monitoring (2)".
   */
  readonly toolSheets?: readonly string[];
  /**
   * True when the adapter found the tool's sheets by their markers (own-sheets.ts): then only
   * `toolSheets` are skipped, and a user's sheet that happens to be called Monitoring or PM_... is
   * data like any other.
   */
  readonly toolSheetsByMarker?: boolean;
}

export interface CheckResult {
  /** The monitoring year in force (Model sheet, else option, else latest status year). */
  readonly year: number | undefined;
  readonly model: Model;
  /** Names of the sheets read as agreements sheets (empty: the workbook has none). */
  readonly agreementSheets: readonly string[];
  readonly columns: readonly AgreementColumns[];
  /** Every agreement row, in sheet order. */
  readonly agreements: readonly AgreementRow[];
  readonly tables: readonly NumericTable[];
  /** Sorted: severity, sheet, cell. Messages in `lang`. Accepted findings are not among them. */
  readonly findings: readonly Finding[];
  /**
   * Findings the coordinator accepted (a Geaccepteerd block on the Model sheet) whose cell still
   * holds the accepted content: listed with their reason, never counted. Absent when there are none.
   */
  readonly accepted?: readonly AcceptedFinding[];
  readonly lang: Lang;
  /** The sheets skipped as the tool's own, when they were found by marker (CheckOptions.toolSheetsByMarker). */
  readonly toolSheets?: readonly string[];
}

/**
 * Runs the whole engine on a workbook's grids: model, tables, agreements, rules.
 * Bad data never throws; it becomes findings.
 */
export function checkWorkbook(sheets: readonly SheetGrid[], options: CheckOptions = {}): CheckResult {
  const lang = options.lang ?? "nl";
  const findings: FindingData[] = [];

  // A sheet named Model that holds agreements or tables and no model block is the user's data.
  const namedModel = sheets.find((s) => isModelSheetName(s.sheet));
  const modelSheet = namedModel !== undefined && holdsModelContent(namedModel) ? namedModel : undefined;
  const applyModelSheet = (base: Model): { model: Model; findings: readonly FindingData[] } =>
    modelSheet ? readModelSheet(modelSheet, base) : { model: base, findings: [] };
  const sheetRead = applyModelSheet(options.model ?? DEFAULT_MODEL);
  appendAll(findings, sheetRead.findings);
  const acceptanceRead = modelSheet ? readAcceptances(modelSheet) : undefined;
  if (acceptanceRead) appendAll(findings, acceptanceRead.findings);
  let model = sheetRead.model;

  const ownSheets = new Set(options.toolSheets ?? []);
  const byMarker = options.toolSheetsByMarker === true;
  const dataSheets = sheets.filter((s) => s !== modelSheet && (byMarker || !isToolSheet(s.sheet)) && !ownSheets.has(s.sheet));
  const foundTables = findTables(dataSheets);
  appendAll(findings, foundTables.findings);

  const readWith = (m: Model): AgreementsReading =>
    readAgreements(dataSheets, m, foundTables.tables, { year: m.settings.monitoringYear ?? options.year });
  let read = readWith(model);
  // Without a model of its own (a --model, or a Model sheet naming themes and parties), a
  // workbook that does not match the built-in model gets the model learned from its rows; the
  // Model sheet's blocks still win over the learned parts.
  const ownBlocks = model.source.kind === "sheet" ? model.source.blocks : [];
  const ownModel = options.model !== undefined || (ownBlocks.includes("Thema's") && ownBlocks.includes("Partijen"));
  if (!ownModel && !matchesModel(read.agreements, model)) {
    model = applyModelSheet(learnModel(read.agreements, model)).model;
    read = readWith(model);
  }
  appendAll(findings, read.findings);
  if (namedModel !== undefined && modelSheet === undefined && !read.sheets.includes(namedModel.sheet) && !foundTables.tables.some((t) => t.sheet === namedModel.sheet)) {
    // Neither a model nor data: most likely a Model sheet whose block titles are mistyped.
    appendAll(findings, readModelSheet(namedModel, model).findings);
  }

  const year = model.settings.monitoringYear ?? options.year ?? latestYear(read.statusYears);
  moveAll(findings, checkAgreementRows(read.agreements, createModelIndex(model), year, read.statusYears, read.columns));
  moveAll(findings, checkTables(foundTables.tables, model));
  moveAll(findings, checkCrossChecks(foundTables.tables, model));

  const formatted = sortFindings(findings).map((f) => formatFinding(f, lang));
  const { findings: sorted, accepted } = applyAcceptances(formatted, acceptanceRead?.acceptances ?? [], sheets);
  // The finding data is garbage once formatted: emptied so that nothing points at it. On a large
  // sheet this array has been promoted to V8's old generation by now, and an old array, dead or
  // not, keeps the young objects it points at alive through the next collection, which then copies
  // megabytes of dead findings.
  findings.length = 0;
  return {
    year,
    model,
    agreementSheets: read.sheets,
    columns: read.columns,
    agreements: read.agreements,
    tables: foundTables.tables,
    findings: sorted,
    ...(accepted.length > 0 ? { accepted } : {}),
    lang,
    ...(byMarker ? { toolSheets: [...ownSheets] } : {}),
  };
}

/** Appends one by one: spreading 200k findings into push() overflows the call stack. */
function appendAll(target: FindingData[], items: readonly FindingData[]): void {
  // Indexed: this runs once per check, unoptimised, where for-of allocates a result per item.
  for (let i = 0; i < items.length; i++) target.push(items[i] as FindingData);
}

/** Appends a rule's own array of findings and empties it (see `findings.length = 0` above). */
function moveAll(target: FindingData[], items: FindingData[]): void {
  appendAll(target, items);
  items.length = 0;
}

function latestYear(years: readonly number[]): number | undefined {
  return years.length === 0 ? undefined : Math.max(...years);
}
