/** A seeded pseudo-random source (mulberry32) and deterministic UUIDs, so a dataset is the same at every run. */

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A random subset of k distinct items (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    for (let i = 0; i < k && copy.length > 0; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

/** A stable seed from a string (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A deterministic, valid (version 4 layout) UUID from an entity kind and an index:
 * `be0000kk-0000-4000-8000-iiiiiiiiiiii`. Bench rows are recognisable by their `be` prefix.
 */
export function benchUuid(kind: number, index: number): string {
  const k = kind.toString(16).padStart(6, '0');
  const i = index.toString(16).padStart(12, '0');
  return `be${k}-0000-4000-8000-${i}`;
}

export const KIND = {
  organization: 1,
  unit: 2,
  user: 3,
  membership: 4,
  register: 5,
  incoming: 6,
  assignment: 7,
  outgoing: 8,
  issuedNumber: 9,
  revision: 10,
  dispatch: 11,
  file: 12,
} as const;
