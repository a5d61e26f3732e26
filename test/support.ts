// Small pure helpers shared by the test files (no element, no server).

/** A seeded PRNG (mulberry32): random but reproducible chunkings. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Replaces console.warn for each test of the calling suite and collects what it was given; call
 * at the top of a `describe`. Returns the live list (emptied before every test).
 */
export function captureWarnings(): unknown[][] {
  const warnings: unknown[][] = [];
  const original = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
  });
  afterEach(() => {
    console.warn = original;
  });
  return warnings;
}
