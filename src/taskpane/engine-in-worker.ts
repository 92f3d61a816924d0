import type { Lang, SheetGrid } from "../domain";
import { runEngineHere, type EngineOutput, type EngineRunner, type EngineWanted } from "../excel/run-engine";
import { createResultCollector, ROW_SLICE, type EngineReply, type EngineRequest } from "./engine-messages";

/**
 * The engine in a Web Worker, for the pane: a 20k-row check takes the engine some 150 ms in one
 * synchronous call, which on the pane's thread froze it (no paint, no input). Grids go to the
 * worker in slices of rows and the result comes back in slices, so no message is a long task to
 * clone either. Where no worker starts (an old host, a refused script) the engine runs here.
 */
export function createWorkerEngine(): EngineRunner {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return runEngineHere;
  }
  let nextId = 0;
  // One check at a time through the worker: the adapter's queue already runs actions in turn,
  // but a live re-check may start while a slow explicit one is still answering.
  let tail: Promise<unknown> = Promise.resolve();
  const run = (sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted): Promise<EngineOutput> => {
    const id = (nextId += 1);
    const next = tail.then(() => runInWorker(worker, sheets, lang, wanted, id));
    tail = next.catch(() => undefined);
    return next;
  };
  return run;
}

function runInWorker(worker: Worker, sheets: readonly SheetGrid[], lang: Lang, wanted: EngineWanted, id: number): Promise<EngineOutput> {
  return new Promise<EngineOutput>((resolve, reject) => {
    const collector = createResultCollector();
    const onMessage = (event: MessageEvent<EngineReply>): void => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.kind === "failed") {
        finish();
        reject(new Error(reply.message));
        return;
      }
      const result = collector.add(reply);
      if (result === undefined) return;
      finish();
      resolve(result);
    };
    const onError = (event: ErrorEvent): void => {
      finish();
      reject(new Error(event.message));
    };
    const finish = (): void => {
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    void sendSheets(worker, sheets).then(() => worker.postMessage({ kind: "check", id, lang, formats: wanted.formats } satisfies EngineRequest));
  });
}

/** Posts the grids in slices of rows, with a turn of the event loop between slices. */
async function sendSheets(worker: Worker, sheets: readonly SheetGrid[]): Promise<void> {
  for (const grid of sheets) {
    const meta: EngineRequest = { kind: "sheet", sheet: grid.sheet, origin: grid.origin, ...(grid.merges !== undefined ? { merges: grid.merges } : {}) };
    worker.postMessage(meta);
    for (let start = 0; start < grid.values.length; start += ROW_SLICE) {
      const rows = grid.values.slice(start, start + ROW_SLICE);
      const formats = grid.formats?.slice(start, start + ROW_SLICE);
      worker.postMessage({ kind: "rows", rows, ...(formats !== undefined ? { formats } : {}) } satisfies EngineRequest);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

function startWorker(): Worker {
  // @ts-expect-error TS1343: tsconfig.json type-checks as CommonJS (for jest); webpack compiles the
  // pane as ES2020 and turns this exact form into a separate worker chunk (webpack 5 "new Worker(new URL(...))").
  // The chunk name keeps the worker's script recognisable (engine-worker.<hash>.js) whatever it shares with other chunks.
  return new Worker(/* webpackChunkName: "engine-worker" */ new URL("./engine-worker.ts", import.meta.url));
}
