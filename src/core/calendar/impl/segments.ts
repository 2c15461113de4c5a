/**
 * Sets of half-open UTC segments [start, end), kept sorted and disjoint. Touching segments are
 * merged, so a set has one segment per maximal open window.
 */
export type Segment = readonly [number, number];

/** Sorts, drops empty segments and merges overlapping or touching ones. */
export function normalize(segments: readonly Segment[]): Segment[] {
  const sorted = segments.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `base` minus `holes`; both normalised. */
export function subtract(base: readonly Segment[], holes: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let h = 0;
  for (const [start, end] of base) {
    let cursor = start;
    while (h < holes.length && (holes[h] as Segment)[1] <= cursor) h++;
    let k = h;
    while (k < holes.length && (holes[k] as Segment)[0] < end) {
      const [hs, he] = holes[k] as Segment;
      if (hs > cursor) out.push([cursor, hs]);
      cursor = Math.max(cursor, he);
      k++;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

/** Intersection of two normalised sets. */
export function intersect(a: readonly Segment[], b: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Segment;
    const [bs, be] = b[j] as Segment;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) out.push([s, e]);
    if (ae < be) i++;
    else j++;
  }
  return out;
}

export function union(sets: readonly (readonly Segment[])[]): Segment[] {
  return normalize(sets.flat());
}

export function clip(set: readonly Segment[], from: number, to: number): Segment[] {
  return normalize(set.map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as const));
}
