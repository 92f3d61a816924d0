import { startThreadTurns } from "../../src/excel/thread-turns";

/** Long synchronous work gives the thread back only once a slice has run its length. */

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Burns the slice on purpose.
  }
}

describe("startThreadTurns", () => {
  it("stays in the same task while the slice is short, and lets a queued macrotask run once it is long", async () => {
    const turns = startThreadTurns(20);
    let macrotaskRan = false;
    setTimeout(() => {
      macrotaskRan = true;
    }, 0);
    await turns.pause();
    expect(macrotaskRan).toBe(false);
    busyFor(25);
    await turns.pause();
    expect(macrotaskRan).toBe(true);
  });
});
