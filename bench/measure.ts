import { performance } from "perf_hooks";

/** Median wall time (ms) of `runs` calls of `work`, after `warmup` unmeasured calls. */
export function measureMedianMs(work: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median wall time (ms) of an async piece of work. */
export async function measureMedianMsAsync(work: () => Promise<void>, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
