import * as path from "path";
import type { CheckComparison, CheckResult, Lang, Report } from "../domain";
import { buildMonitoringSummary, listPartyViews, translate } from "../domain";
import { renderReportHtml } from "../export/report-html";
import { buildSummaryCsv } from "../export/summary-csv";
import { buildSummaryJson } from "../export/summary-json";
import { buildSummaryWorkbookBytes } from "../export/summary-workbook";
import { InputError } from "./input-error";
import { writeFileAtomically } from "./write-file-atomically";

/** Export formats by file extension (`--export`). */
export const EXPORT_EXTENSIONS = [".xlsx", ".html", ".csv", ".json"] as const;

export interface ExportOptions {
  /** ISO timestamp of the run; now when absent (tests pass a fixed one). */
  readonly generatedAt?: string;
  /** The workbook is the bundled sample: the report says so on every page. */
  readonly sample?: boolean;
  /** What changed since a previous version (`--previous`): the HTML report's "Wat is er veranderd". */
  readonly changes?: CheckComparison;
}

/**
 * Writes the monitoring summary in the format the extension names. An unknown extension is an
 * InputError (exit 2), raised before anything is written.
 */
export async function writeExport(
  result: CheckResult,
  report: Report,
  outPath: string,
  lang: Lang,
  options: ExportOptions = {},
): Promise<void> {
  const extension = path.extname(outPath).toLowerCase();
  if (!(EXPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new InputError(
      translate("cli", "unknownExportFormat", lang, { format: extension || path.basename(outPath), formats: EXPORT_EXTENSIONS.join(", ") }),
    );
  }
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const summary = buildMonitoringSummary(result, { generatedAt });
  switch (extension) {
    case ".xlsx":
      await writeFileAtomically(outPath, await buildSummaryWorkbookBytes(result, { lang, generatedAt }), lang);
      return;
    case ".html":
      await writeFileAtomically(
        outPath,
        renderReportHtml(summary, lang, report.workbook, listPartyViews(result), {
          sample: options.sample === true,
          accepted: result.accepted ?? [],
          ...(options.changes !== undefined ? { changes: options.changes } : {}),
        }),
        lang,
      );
      return;
    case ".csv":
      await writeFileAtomically(outPath, buildSummaryCsv(summary, lang), lang);
      return;
    default:
      await writeFileAtomically(outPath, buildSummaryJson(summary), lang);
  }
}
