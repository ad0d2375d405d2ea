/**
 * A reproducible pseudo-random number in [0, 1) for a seed: the same seed always gives the same number.
 * Used by States.MathRandom's seed argument (and JSONata's `$random(seed)` in the engine). Not
 * cryptographically secure, as AWS warns for its own seeded random.
 */
export function seededRandom(seed: number): number {
  // Fold the seed (any double) into 32 bits, then run one step of mulberry32.
  const low = seed | 0;
  const high = Math.floor(seed / 2 ** 32) | 0;
  let state = (Math.imul(low ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(high, 0xc2b2ae35)) >>> 0;
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
