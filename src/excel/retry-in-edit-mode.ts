import { AddinError, isCellEditModeError } from "./addin-error";

export interface RetryOptions {
  /** Attempts in all (the first try included). */
  readonly attempts: number;
  /** Wait before the first retry; doubled each time up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Waits (setTimeout by default; tests pass fake timers). */
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 8,
  firstDelayMs: 250,
  maxDelayMs: 2000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs an Excel action again while Excel rejects it with InvalidOperationInCellEditMode (the user
 * is typing in a cell: every host rejects API requests until the edit ends). Excel applies nothing
 * of a rejected request, so the whole action can simply run again. Bounded: about 10 s by default.
 */
export async function retryInEditMode<T>(action: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  let delay = options.firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action();
    } catch (error) {
      if (!isCellEditModeError(error)) throw error;
      if (attempt >= options.attempts) {
        throw new AddinError("cell-edit-mode", "cellEditMode", {}, undefined, { cause: error });
      }
      await options.sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  }
}
