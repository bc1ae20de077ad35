/** Waits `ms` milliseconds without returning to the event loop (for short waits in synchronous code). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
