import type ExcelJS from "exceljs";
import type { CheckResult } from "../domain";
import type { MonitoringOutcome } from "../excel/addin-api";
import { InputError } from "./input-error";

// STUB by the lead so main.ts compiles: the export engineer replaces this file (issue #4).
export async function writeMonitoredCopy(
  _workbook: ExcelJS.Workbook,
  _result: CheckResult,
  _outPath: string,
): Promise<MonitoringOutcome> {
  throw new InputError("--out is not available yet");
}
