import * as v8 from "v8";
import * as vm from "vm";

/**
 * A full garbage collection between the phases of a large run (read, check, copy), in this process.
 *
 * Why: V8 sets the next full collection's threshold to a multiple (up to about four) of what was
 * live at the last one. A check of a million rows ends its last full collection mid-check with
 * some 450 MB live, so the copy's allocations pile up to 1.7 GB before V8 looks again, although by
 * then the grids and the check result are long dropped and only about 250 MB is live. Collecting
 * when a phase has let go of its data sets the threshold from what is really live.
 *
 * Workaround for Node (V8) `global.gc`, which exists only under `--expose-gc`: the flag is set at
 * run time with `v8.setFlagsFromString` and the function taken from a fresh context, the way
 * jest's leak detector does. Where that fails (a runtime without the flag), nothing is collected.
 */
let collect: (() => void) | null | undefined;

/** Parts (bytes) below this are small enough that their garbage is no concern. */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

export function releaseMemory(): void {
  if (collect === undefined) collect = findCollector();
  collect?.();
}

function findCollector(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
