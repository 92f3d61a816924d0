import { startThreadTurns } from "../../src/excel/thread-turns";

/** Long synchronous work gives the thread back only once a slice has run its length. */

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Burns the slice on purpose.
  }
}

function queueMacrotask(): { readonly ran: () => boolean } {
  let ran = false;
  setTimeout(() => {
    ran = true;
  }, 0);
  return { ran: () => ran };
}

describe("startThreadTurns", () => {
  it("stays in the same task while the slice is short", async () => {
    // A slice far longer than any stall of a loaded machine: the pause must not give the thread back.
    const turns = startThreadTurns(60_000);
    const macrotask = queueMacrotask();
    await turns.pause();
    busyFor(5);
    await turns.pause();
    expect(macrotask.ran()).toBe(false);
  });

  it("lets a queued macrotask run once the slice has run its length", async () => {
    const turns = startThreadTurns(20);
    const macrotask = queueMacrotask();
    busyFor(25);
    await turns.pause();
    expect(macrotask.ran()).toBe(true);
  });
});
