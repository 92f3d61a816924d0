import { performance, PerformanceObserver } from "perf_hooks";

export interface GcShare {
  /** Wall time of the whole batch. */
  readonly totalMs: number;
  /** Time V8 reported spending in garbage collection during the batch. */
  readonly gcMs: number;
}

/**
 * Runs `work` `times` times and splits the wall time into garbage collection and the rest, from
 * V8's `gc` performance entries (delivered asynchronously, hence the waits; only entries that
 * started inside the batch count).
 */
export async function measureGcShare(work: () => void, times: number): Promise<GcShare> {
  const pauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  await settle();
  const start = performance.now();
  for (let i = 0; i < times; i += 1) work();
  const end = performance.now();
  await settle();
  observer.disconnect();
  const gcMs = pauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + p.duration, 0);
  return { totalMs: end - start, gcMs };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}
