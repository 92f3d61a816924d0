/**
 * Unusable input (not an xlsx, encrypted, no agreements sheet, unreadable model, bad arguments):
 * the CLI prints its message as one line on stderr and exits 2.
 */
export class InputError extends Error {
  override readonly name = "InputError";
}
