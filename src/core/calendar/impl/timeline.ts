import { yearOf, yearStart } from '../../time';
import type { OpenWindow } from '../types';
import type { Segment } from './segments';

/** Searches give up after this many years without open time, so no operation can hang. */
export const SEARCH_HORIZON_YEARS = 20;

/** One UTC year of open segments with prefix sums: `cumEnd[i]` is business time up to `ends[i]`. */
interface YearData {
  readonly from: number;
  readonly to: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cumEnd: Float64Array;
  readonly total: number;
}

/** Produces the open segments of one UTC year, clipped to it, normalised. */
export type YearProjector = (year: number) => readonly Segment[];

/** Index of the first element greater than `x` (or, with `orEqual`, at least `x`); length if none. */
function firstAbove(values: Float64Array, x: number, orEqual = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number;
    if (v > x || (orEqual && v === x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Business time on a lazily projected, per-year cached set of UTC segments. Every operation is a
 * binary search inside a year plus a walk over year totals, bounded by the search horizon.
 */
export class Timeline {
  private readonly years = new Map<number, YearData>();

  constructor(private readonly project: YearProjector) {}

  year(y: number): YearData {
    const cached = this.years.get(y);
    if (cached) return cached;
    const segments = this.project(y);
    const n = segments.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const cumEnd = new Float64Array(n);
    let sum = 0;
    segments.forEach(([s, e], i) => {
      starts[i] = s;
      ends[i] = e;
      sum += e - s;
      cumEnd[i] = sum;
    });
    const data = { from: yearStart(y), to: yearStart(y + 1), starts, ends, cumEnd, total: sum };
    this.years.set(y, data);
    return data;
  }

  /** Business time in [start of t's UTC year, t). */
  private cumAt(data: YearData, t: number): number {
    const i = firstAbove(data.starts, t) - 1;
    if (i < 0) return 0;
    const end = data.ends[i] as number;
    return (data.cumEnd[i] as number) - Math.max(0, end - Math.max(t, data.starts[i] as number));
  }

  isOpen(t: number): boolean {
    const data = this.year(yearOf(t));
    const i = firstAbove(data.starts, t) - 1;
    return i >= 0 && t < (data.ends[i] as number);
  }

  /** The open segment containing or following t, as [start, end] clipped to its year. */
  private segmentFrom(t: number): Segment | null {
    const first = yearOf(t);
    for (let y = first; y <= first + SEARCH_HORIZON_YEARS; y++) {
      const data = this.year(y);
      const i = Math.max(0, firstAbove(data.ends, t));
      if (i < data.ends.length && (data.ends[i] as number) > t) {
        return [Math.max(t, data.starts[i] as number), data.ends[i] as number];
      }
    }
    return null;
  }

  nextOpen(t: number): number | null {
    const seg = this.segmentFrom(t);
    return seg ? seg[0] : null;
  }

  /** End of the window containing or following t, merging windows that span a year boundary. */
  nextClose(t: number): number | null {
    const seg = this.segmentFrom(t);
    if (!seg) return null;
    let end = seg[1];
    for (let hops = 0; hops <= SEARCH_HORIZON_YEARS; hops++) {
      const next = this.segmentFrom(end);
      if (!next || next[0] !== end) return end;
      end = next[1];
    }
    return null;
  }

  between(a: number, b: number): number {
    // Reversed ranges are negative; written so that an empty reversed range is 0, not -0.
    if (b < a) return 0 - this.between(b, a);
    const ya = yearOf(a);
    const yb = yearOf(b);
    const first = this.year(ya);
    if (ya === yb) return this.cumAt(first, b) - this.cumAt(first, a);
    let sum = first.total - this.cumAt(first, a);
    for (let y = ya + 1; y < yb; y++) sum += this.year(y).total;
    return sum + this.cumAt(this.year(yb), b);
  }

  /** Time running out exactly at a closing instant returns that closing instant. */
  addForward(start: number, ms: number): number | null {
    const first = yearOf(start);
    let target = this.cumAt(this.year(first), start) + ms;
    for (let y = first; y <= first + SEARCH_HORIZON_YEARS; y++) {
      const data = this.year(y);
      if (target <= data.total) {
        const i = firstAbove(data.cumEnd, target, true);
        return (data.ends[i] as number) - ((data.cumEnd[i] as number) - target);
      }
      target -= data.total;
    }
    return null;
  }

  /** Mirror of addForward: time running out exactly at an opening instant returns that opening. */
  addBackward(start: number, ms: number): number | null {
    const first = yearOf(start);
    let target = this.cumAt(this.year(first), start) - ms;
    for (let y = first; y >= first - SEARCH_HORIZON_YEARS; y--) {
      const data = this.year(y);
      if (y !== first) target += data.total;
      if (target >= 0) {
        const i = firstAbove(data.cumEnd, target);
        const before = i > 0 ? (data.cumEnd[i - 1] as number) : 0;
        return (data.starts[i] as number) + (target - before);
      }
    }
    return null;
  }

  /** Open segments intersecting [from, to), clipped to it and to UTC years (not merged across them). */
  *pieces(from: number, to: number): Generator<Segment> {
    let cursor = from;
    while (cursor < to) {
      const seg = this.segmentFrom(cursor);
      if (!seg || seg[0] >= to) return;
      const end = Math.min(seg[1], to);
      yield [seg[0], end];
      cursor = end;
    }
  }

  /** Maximal open windows intersecting [from, to), clipped to it. */
  *windows(from: number, to: number): Generator<OpenWindow> {
    let cursor = from;
    while (cursor < to) {
      const start = this.nextOpen(cursor);
      if (start === null || start >= to) return;
      const end = this.nextClose(start);
      const clipped = end === null ? to : Math.min(end, to);
      yield { start, end: clipped };
      cursor = clipped;
    }
  }
}
