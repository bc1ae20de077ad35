/**
 * How many cases a property test runs: the number given, times BREACHREADY_FUZZ_SCALE (1 in
 * `npm test`; `npm run fuzz` runs the differential tests of the quick YAML reader much longer).
 */
export function runs(numRuns: number): { numRuns: number } {
  const scale = Number(process.env.BREACHREADY_FUZZ_SCALE ?? 1);
  return { numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1))) };
}
