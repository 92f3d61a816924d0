import { InputError } from "../../../src/cli/input-error";

/**
 * Runs `read` and returns the InputError it must throw: the CLI prints that message as one line on
 * stderr and exits 2, so anything else (a TypeError, a RangeError, a zlib error) is a reader bug.
 */
export function catchInputError(read: () => unknown, name: string): InputError {
  let thrown: unknown;
  try {
    read();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected an InputError for ${name}, but the package was read`);
  if (!(thrown instanceof InputError)) {
    throw new Error(`expected an InputError for ${name}, got ${describeThrown(thrown)}`);
  }
  if (!thrown.message.startsWith(`${name}: `)) throw new Error(`the message does not start with "${name}: ": ${thrown.message}`);
  if (/[\r\n]/.test(thrown.message)) throw new Error(`the message is not one line: ${JSON.stringify(thrown.message)}`);
  return thrown;
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ""}`;
  return String(thrown);
}
