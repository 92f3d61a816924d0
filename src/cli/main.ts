import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { buildReport, translate, type CheckResult, type Lang, type Model } from "../domain";
import { formatHumanReport, GROUP_LIMIT } from "./format-human";
import { InputError } from "./input-error";
import { LARGE_INPUT_BYTES, releaseMemory } from "./release-memory";
import { removeTemporaryFiles } from "./write-file-atomically";
import { readModelFile, runModelInit } from "./commands/model-commands";
import { compareWithPrevious, describeComparisonLine, runCompare } from "./commands/compare-command";
import { formatPartyView, selectPartyView } from "./commands/party-view";
import { parseArguments, type CheckCommand } from "./parse-arguments";
import { readInputBytes, readWorkbookFile, type WorkbookFile } from "./xlsx/read-workbook";
import { checkInputWorkbook } from "./check-input";

/** Exit codes (DESIGN.md): 0 no errors, 1 errors found, 2 unusable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Runs after the check and before `--out` reads the input again for the copy (nothing in a
   * normal run): tests change the file there, to see the copy refused without racing a clock.
   */
  readonly beforeCopy?: () => Promise<void>;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI; never throws (one line on stderr, exit 2, whatever went wrong). */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const lang: Lang = argv.some((a, i) => a === "--lang=en" || (a === "--lang" && argv[i + 1] === "en")) ? "en" : "nl";
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
      case "compare":
        return (await runCompare(command, io)).summary.newErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
      case "accept":
      case "new-year": {
        // Copies only: the input is never written.
        await refuseToOverwriteInput(command.workbook, command.out, "--out", command.lang);
        if (path.extname(command.out).toLowerCase() !== ".xlsx") throw new InputError(translate("cli", "outNotXlsx", command.lang, { file: command.out }));
        if (command.kind === "accept") {
          const { runAccept } = await import("./commands/accept-command");
          return (await runAccept(command, io)) > 0 ? EXIT_FINDINGS : EXIT_OK;
        }
        const { runNewYear } = await import("./commands/new-year-command");
        return (await runNewYear(command, io)) > 0 ? EXIT_FINDINGS : EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`prestatiemonitor: ${oneLine(error.message)}\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr(`prestatiemonitor: ${describeUnexpected(error, lang)}\n`);
    return EXIT_UNUSABLE;
  }
}

/**
 * One line for an error that is no InputError: running out of room (a string or buffer beyond
 * V8's limits) is a workbook too large; anything else is our fault, said without a stack trace.
 */
export function describeUnexpected(error: unknown, lang: Lang): string {
  const code = error !== null && typeof error === "object" && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === "ERR_STRING_TOO_LONG" ||
    code === "ERR_BUFFER_TOO_LARGE" ||
    code === "ENOMEM" ||
    /Invalid (string|array|typed array) length|Array buffer allocation failed|out of memory/i.test(message)
  ) {
    return translate("cli", "tooLarge", lang);
  }
  return translate("cli", "internalError", lang, { detail: oneLine(message.split("\n")[0] ?? message) });
}

/**
 * What the launcher installs around runCli: a closed pipe (`| head`) ends the run quietly, Ctrl-C
 * and SIGTERM remove the temporary file of a copy being written, and nothing escapes as a stack
 * trace or an exit code other than 0, 1 or 2.
 */
export function installProcessGuards(argv: readonly string[]): void {
  const lang: Lang = argv.includes("en") ? "en" : "nl";
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      removeTemporaryFiles();
      // The reader went away: nothing more can be said, and saying so would fail too.
      process.exit(error.code === "EPIPE" ? (typeof process.exitCode === "number" ? process.exitCode : EXIT_OK) : EXIT_UNUSABLE);
    });
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      removeTemporaryFiles();
      try {
        process.stderr.write(`prestatiemonitor: ${translate("cli", "interrupted", lang)}\n`);
      } finally {
        process.exit(EXIT_UNUSABLE);
      }
    });
  }
  const fail = (error: unknown): void => {
    removeTemporaryFiles();
    try {
      process.stderr.write(`prestatiemonitor: ${describeUnexpected(error, lang)}\n`);
    } finally {
      process.exit(EXIT_UNUSABLE);
    }
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  await refuseToOverwriteInput(command.workbook, command.out, "--out", command.lang);
  await refuseToOverwriteInput(command.workbook, command.export, "--export", command.lang);
  if (command.previous !== undefined) {
    await refuseToOverwriteInput(command.previous, command.out, "--out", command.lang);
    await refuseToOverwriteInput(command.previous, command.export, "--export", command.lang);
  }
  if (command.model !== undefined) {
    for (const [option, output] of [["--out", command.out], ["--export", command.export]] as const) {
      if (output !== undefined && (await isSameFile(command.model, output))) {
        throw new InputError(translate("cli", "sameAsModel", command.lang, { option, model: command.model }));
      }
    }
  }
  if (command.out !== undefined && command.export !== undefined && path.resolve(command.out) === path.resolve(command.export)) {
    throw new InputError(translate("cli", "outIsExport", command.lang));
  }
  if (command.out !== undefined && path.extname(command.out).toLowerCase() !== ".xlsx") {
    throw new InputError(translate("cli", "outNotXlsx", command.lang, { file: command.out }));
  }

  const read = await readCheckInput(command.workbook, command.out !== undefined);
  const { hiddenSheets, large, checked } = read;
  let input: CheckGrids | undefined = takeGrids(read);
  if (large) releaseMemory();
  let model: Model | undefined;
  if (command.model !== undefined) model = await readModelFile(command.model, command.lang);

  // Our sheets are known by their markers, never by name: a user's sheet called Monitoring is data.
  let result: CheckResult | undefined = checkInputWorkbook(input, {
    lang: command.lang,
    ...(command.year !== undefined ? { year: command.year } : {}),
    ...(model !== undefined ? { model } : {}),
  });
  // A workbook of figures only (a corporation's kengetallen) is checked; only one with neither
  // agreements nor tables is unusable.
  if (result.agreementSheets.length === 0 && result.tables.length === 0) {
    throw new InputError(translate("cli", "noAgreementsSheet", command.lang, { workbook: command.workbook }));
  }

  // The grids are garbage once checked: a large workbook's copy is written in the room they took.
  input = undefined;
  if (large) releaseMemory();
  const partyView = command.party === undefined ? undefined : selectPartyView(result, command.party);
  const workbookName = path.basename(command.workbook);
  const ownSet = new Set(result.toolSheets ?? []);
  const hiddenChecked = hiddenSheets.filter((sheet) => !ownSet.has(sheet));
  // Hidden sheets are checked like any other; the report says which they are (an added field, only when there are any).
  const report = { ...buildReport(result, workbookName), ...(hiddenChecked.length > 0 ? { hiddenSheets: hiddenChecked } : {}) };
  const human = command.json ? undefined : formatHumanReport(result, workbookName, { all: command.all });
  // --previous: what changed since that version, for the report's "Wat is er veranderd" and a line below the verdict.
  const changes = command.previous === undefined ? undefined : await compareWithPrevious(command.previous, result, workbookName, command.lang);
  if (command.export !== undefined) {
    const { writeExport } = await import("./write-export");
    await writeExport(result, report, command.export, command.lang, { sample: command.sample, ...(changes !== undefined ? { changes } : {}) });
  }
  if (command.out !== undefined) {
    // The writers load only when asked for: a plain check stays lean. The copy is planned from the
    // check, which is then let go: a million agreement rows' objects would otherwise stay beside
    // the copy being written (the peak of `--out` on a large workbook).
    const { planMonitoredCopy, writePlannedCopy } = await import("./write-monitored-copy");
    const copyPlan = planMonitoredCopy(result);
    result = undefined;
    if (large) releaseMemory();
    await io.beforeCopy?.();
    const bytes = await readInputBytes(command.workbook);
    if (checked === undefined || fingerprintBytes(bytes) !== checked) {
      throw new InputError(translate("cli", "inputChanged", command.lang, { file: command.workbook }));
    }
    const outcome = await writePlannedCopy(bytes, copyPlan, command.out);
    if (outcome.renamedBecauseUserSheet) {
      io.stderr(`${translate("cli", "ownMonitoringSheet", command.lang, { sheet: outcome.sheet })}\n`);
    }
  }
  const written = [command.out, command.export].filter((file): file is string => file !== undefined);

  if (command.json) {
    io.stdout(`${JSON.stringify(partyView === undefined ? report : { ...report, party: partyView }, null, 2)}\n`);
    for (const file of written) io.stderr(`${translate("cli", "writtenNote", command.lang, { file })}\n`);
  } else {
    // With --party: the whole workbook's verdict line, then that party's own list instead of every finding.
    io.stdout(partyView === undefined ? (human ?? "") : `${(human ?? "").split("\n")[0] ?? ""}\n\n${formatPartyView(partyView, command.lang)}`);
    if (changes !== undefined) io.stdout(`${describeComparisonLine(changes, command.lang)}\n`);
    if (hiddenChecked.length > 0) io.stdout(`${translate("cli", "hiddenSheets", command.lang, { sheets: hiddenChecked.map((s) => oneLine(s)).join(", ") })}\n`);
    for (const file of written) io.stdout(`${translate("cli", "writtenLine", command.lang, { file })}\n`);
  }
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

type CheckGrids = Pick<WorkbookFile, "sheets" | "definedNames">;

/** The grids to check, without the bytes they were read from (see readCheckInput). */
interface CheckInput {
  grids: CheckGrids | undefined;
  readonly hiddenSheets: readonly string[];
  /** A large workbook's run goes in phases, each letting go of the last one's data (see releaseMemory). */
  readonly large: boolean;
  /** The fingerprint of the bytes checked, when a copy is to be made of them. */
  readonly checked: string | undefined;
}

/**
 * Reads the workbook for a check and lets go of its bytes: they are not held through the check
 * (the peak of `--out` on a large workbook). The copy re-reads the file and refuses it if it is no
 * longer the file that was checked. A function of its own, so that no register of the caller's
 * frame (which the collector scans whole) keeps the bytes alive.
 */
async function readCheckInput(workbook: string, fingerprint: boolean): Promise<CheckInput> {
  const file = await readWorkbookFile(workbook);
  return {
    grids: { sheets: file.sheets, definedNames: file.definedNames },
    hiddenSheets: file.hiddenSheets,
    large: file.bytes.length > LARGE_INPUT_BYTES,
    checked: fingerprint ? fingerprintBytes(file.bytes) : undefined,
  };
}

/** The grids, handed over once: the caller lets go of them when checked, and nothing else holds them. */
function takeGrids(read: CheckInput): CheckGrids {
  const grids = read.grids;
  if (grids === undefined) throw new Error("the grids were taken already");
  read.grids = undefined;
  return grids;
}

/** Size and digest of a package's bytes: the file a copy is made from must be the file that was checked. */
function fingerprintBytes(bytes: Buffer): string {
  return `${bytes.length}:${createHash("sha256").update(bytes).digest("hex")}`;
}

/** The input file is never written: refuse an output path that is (or links to) the input. */
async function refuseToOverwriteInput(input: string, output: string | undefined, option: string, lang: Lang): Promise<void> {
  if (output === undefined) return;
  if (await isSameFile(input, output)) throw new InputError(translate("cli", "outputIsInput", lang, { option, input }));
}

/** Same path, or the same file reached through links (hard links included: same device and inode). */
async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [realA, realB] = [await realPath(a), await realPath(b)];
  if (realA !== undefined && realA === realB) return true;
  try {
    const [statA, statB] = [await fs.stat(a), await fs.stat(b)];
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch {
    return false;
  }
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
