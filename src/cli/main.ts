/** STUB: the CLI entry (issue #2). */
export async function runCli(_argv: readonly string[]): Promise<number> {
  process.stderr.write("prestatiemonitor: not implemented yet\n");
  return 2;
}
