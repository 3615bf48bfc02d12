/**
 * How many times longer `work(4 * size)` takes than `work(size)`: about 4 for work that grows
 * with its input, about 16 for work that grows with its square. A ratio measured in one run, so a
 * slow or busy machine (or a mutation run's instrumented code) slows both sides alike; each side
 * is the best of several, so one pause (a collection, another process) does not decide it.
 */
export function growthOnQuadrupling(work: (size: number) => void, size: number): number {
  const best = (n: number) => {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      work(n);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  best(size); // compiled and warm before anything counts
  return best(4 * size) / best(size);
}

/**
 * The bound for work that must grow with its input: well above 4 (fixed costs and noise), well
 * below 16 (the square).
 */
export const LINEAR_GROWTH_BOUND = 8;
