import { runCli } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output; `beforeCopy` as CliIo.beforeCopy. */
export async function runCliCaptured(argv: readonly string[], beforeCopy?: () => Promise<void>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...(beforeCopy !== undefined ? { beforeCopy } : {}),
  });
  return { code, stdout, stderr };
}
