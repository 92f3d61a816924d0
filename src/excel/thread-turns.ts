/**
 * Gives the pane's thread back between slices of long synchronous work (planning and queueing a
 * big workbook's writes): the thread paints and takes input in between, where one 200 ms task froze
 * the pane. Queued Office.js commands wait for the next context.sync, so a turn of the event loop
 * between them keeps the writes in the same batch and undo group.
 */
export interface ThreadTurns {
  /** Resolves at once, or after a macrotask when the current slice has run `sliceMs` or longer. */
  pause(): Promise<void>;
}

/** Slice length: well under the 50 ms at which the browser counts a task as long. */
export const TURN_SLICE_MS = 25;

export function startThreadTurns(sliceMs = TURN_SLICE_MS): ThreadTurns {
  let since = performance.now();
  return {
    async pause() {
      if (performance.now() - since < sliceMs) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    },
  };
}

/** Never yields: for callers without a thread to share. */
export const NO_TURNS: ThreadTurns = { pause: () => Promise.resolve() };
