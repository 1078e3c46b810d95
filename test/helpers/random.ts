/** Deterministic pseudo-random numbers in [0, n): the same sequence on every run of a test that makes random edits. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}
