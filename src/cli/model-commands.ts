import type { Model } from "../domain";
import { InputError } from "./input-error";

// STUB by the lead so main.ts compiles: the Model-sheet engineer replaces this file (issue #5).
export async function runModelInit(_args: { file: string; from?: string }): Promise<string> {
  throw new InputError("model init is not available yet");
}

export async function readModelFile(_path: string): Promise<Model> {
  throw new InputError("--model is not available yet");
}
