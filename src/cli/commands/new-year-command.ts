import type { NewYearCommand } from "../parse-arguments";

export async function runNewYear(_command: NewYearCommand, _io: { readonly stdout: (text: string) => void }): Promise<number> {
  return Promise.resolve(0);
}
