import type { CheckResult, Lang, Report } from "../domain";
import { InputError } from "./input-error";

// STUB by the lead so main.ts compiles: the export engineer replaces this file (issue #4).
export async function writeExport(_result: CheckResult, _report: Report, _outPath: string, _lang: Lang): Promise<void> {
  throw new InputError("--export is not available yet");
}
