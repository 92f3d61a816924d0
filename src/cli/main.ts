import { promises as fs } from "fs";
import * as path from "path";
import { buildReport, checkWorkbook, translate, type Lang, type Model } from "../domain";
import { formatHumanReport, GROUP_LIMIT } from "./format-human";
import { InputError } from "./input-error";
import { readModelFile, runModelInit } from "./commands/model-commands";
import { parseArguments, type CheckCommand } from "./parse-arguments";
import { readWorkbookFile } from "./xlsx/read-workbook";
import { findMarkedSheet } from "./xlsx/find-marked-sheet";

/** Exit codes (DESIGN.md): 0 no errors, 1 errors found, 2 unusable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI; never throws for bad input (one line on stderr, exit 2). */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  try {
    const command = parseArguments(argv);
    switch (command.kind) {
      case "help":
        io.stdout(translate("cli", "help", command.lang, { limit: GROUP_LIMIT }));
        return EXIT_OK;
      case "version":
        io.stdout(`${readVersion()}\n`);
        return EXIT_OK;
      case "model-init": {
        const written = await runModelInit({
          file: command.file,
          lang: command.lang,
          ...(command.from !== undefined ? { from: command.from } : {}),
        });
        io.stdout(`${written}\n`);
        return EXIT_OK;
      }
      case "check":
        return await runCheck(command, io);
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`prestatiemonitor: ${oneLine(error.message)}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  await refuseToOverwriteInput(command.workbook, command.out, "--out", command.lang);
  await refuseToOverwriteInput(command.workbook, command.export, "--export", command.lang);
  if (command.out !== undefined && command.export !== undefined && path.resolve(command.out) === path.resolve(command.export)) {
    throw new InputError(translate("cli", "outIsExport", command.lang));
  }
  if (command.out !== undefined && path.extname(command.out).toLowerCase() !== ".xlsx") {
    throw new InputError(translate("cli", "outNotXlsx", command.lang, { file: command.out }));
  }

  const input = await readWorkbookFile(command.workbook);
  let model: Model | undefined;
  if (command.model !== undefined) model = await readModelFile(command.model, command.lang);

  // A Monitoring sheet we wrote under another name ("Monitoring (2)") is ours, not data.
  const ownSheet = findMarkedSheet(
    input.definedNames,
    input.sheets.map((sheet) => sheet.sheet),
  );
  const result = checkWorkbook(input.sheets, {
    lang: command.lang,
    ...(ownSheet !== undefined ? { toolSheets: [ownSheet] } : {}),
    ...(command.year !== undefined ? { year: command.year } : {}),
    ...(model !== undefined ? { model } : {}),
  });
  // A workbook of figures only (a corporation's kengetallen) is checked; only one with neither
  // agreements nor tables is unusable.
  if (result.agreementSheets.length === 0 && result.tables.length === 0) {
    throw new InputError(translate("cli", "noAgreementsSheet", command.lang, { workbook: command.workbook }));
  }

  const workbookName = path.basename(command.workbook);
  const report = buildReport(result, workbookName);
  const written: string[] = [];
  if (command.out !== undefined) {
    // The writers (and exceljs' writing side) load only when asked for: a plain check stays lean.
    const { writeMonitoredCopy } = await import("./write-monitored-copy");
    const outcome = await writeMonitoredCopy(await input.loadWorkbook(), result, command.out);
    written.push(command.out);
    if (outcome.renamedBecauseUserSheet) {
      io.stderr(`${translate("cli", "ownMonitoringSheet", command.lang, { sheet: outcome.sheet })}\n`);
    }
  }
  if (command.export !== undefined) {
    const { writeExport } = await import("./write-export");
    await writeExport(result, report, command.export, command.lang, { sample: command.sample });
    written.push(command.export);
  }

  if (command.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    for (const file of written) io.stderr(`${translate("cli", "writtenNote", command.lang, { file })}\n`);
  } else {
    io.stdout(formatHumanReport(result, workbookName, { all: command.all }));
    for (const file of written) io.stdout(`${translate("cli", "writtenLine", command.lang, { file })}\n`);
  }
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The input file is never written: refuse an output path that is (or links to) the input. */
async function refuseToOverwriteInput(input: string, output: string | undefined, option: string, lang: Lang): Promise<void> {
  if (output === undefined) return;
  const same = path.resolve(input) === path.resolve(output) || (await realPath(input)) === (await realPath(output));
  if (same) throw new InputError(translate("cli", "outputIsInput", lang, { option, input }));
}

async function realPath(file: string): Promise<string | undefined> {
  try {
    return await fs.realpath(file);
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function readVersion(): string {
  // package.json sits two levels above lib/cli and src/cli alike.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- JSON read at run time, not bundled
  const pkg = require(path.join(__dirname, "..", "..", "package.json")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
