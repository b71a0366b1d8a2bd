/**
 * A small seeded pseudo-random generator (mulberry32). The app's own sounds use it instead
 * of Math.random so that every candidate hears exactly the same call.
 */
export type Random = () => number;

/** Returns a generator of numbers in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from text (FNV-1a), e.g. "<scenario-id>/<step-id>". */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [min, max) drawn from `random`. */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}
