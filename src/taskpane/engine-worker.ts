import type { CellValue, SheetGrid } from "../domain";
import { runEngineAndPlan, type EngineOutput } from "../excel/engine-here";
import { splitResult, type EngineRequest, type EngineReply } from "./engine-messages";

/**
 * The engine in a Web Worker (started by engine-in-worker.ts). Rows arrive in slices, the result
 * leaves in slices: each message is cloned in its own task on the pane's thread, so neither side
 * of a 20k-row check is one long task there.
 */

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineReply): void;
}

const scope = self as unknown as WorkerScope;
interface GridInParts {
  sheet: string;
  origin: string;
  merges?: readonly string[];
  values: CellValue[][];
  formats?: (readonly string[])[];
}

let sheets: GridInParts[] = [];

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.kind) {
    case "sheet":
      sheets.push({ sheet: request.sheet, origin: request.origin, ...(request.merges !== undefined ? { merges: request.merges } : {}), values: [] });
      return;
    case "rows": {
      const grid = sheets[sheets.length - 1];
      if (grid === undefined) return;
      for (const row of request.rows) grid.values.push(row);
      if (request.formats !== undefined) {
        grid.formats ??= [];
        for (const row of request.formats) grid.formats.push(row);
      }
      return;
    }
    case "check": {
      const grids: SheetGrid[] = sheets;
      sheets = [];
      try {
        // The grids are the checked sheets only (EngineRunner in src/excel/run-engine.ts): none is skipped by name.
        post(runEngineAndPlan(grids, request.lang, { formats: request.formats }), request.id);
      } catch (error) {
        scope.postMessage({ kind: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
  }
};

function post(output: EngineOutput, id: number): void {
  for (const part of splitResult(output)) scope.postMessage({ ...part, id });
}
