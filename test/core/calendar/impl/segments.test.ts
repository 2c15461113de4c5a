import fc from 'fast-check';
import { clip, intersect, normalize, subtract, union, type Segment } from '../../../../src/core/calendar/impl/segments';

/** Membership of each integer point 0..40, the reference the set operations are checked against. */
const points = (set: readonly Segment[]): boolean[] => Array.from({ length: 41 }, (_, t) => set.some(([s, e]) => t >= s && t < e));
const segs = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]): Segment => [a, b]), { maxLength: 6 });
const isNormal = (set: readonly Segment[]) => set.every(([s, e], i) => e > s && (i === 0 || s > (set[i - 1] as Segment)[1]));

describe('segment sets', () => {
  it('normalises by sorting, dropping empty and reversed segments, and merging overlapping or touching ones', () => {
    expect(normalize([[5, 7], [1, 3], [3, 4], [6, 9], [10, 10], [12, 11]])).toEqual([[1, 4], [5, 9]]);
  });

  it('subtracts holes, keeping what lies between and around them', () => {
    expect(subtract([[0, 10], [20, 30]], [[2, 4], [8, 22], [29, 40]])).toEqual([[0, 2], [4, 8], [22, 29]]);
    expect(subtract([[0, 10]], [])).toEqual([[0, 10]]);
  });

  it('intersects two sets, leaving out segments that only touch', () => {
    expect(intersect([[0, 10], [20, 30]], [[5, 25], [30, 40]])).toEqual([[5, 10], [20, 25]]);
  });

  it('joins several sets into one normalised set', () => {
    expect(union([[[0, 2]], [[2, 5], [8, 9]], []])).toEqual([[0, 5], [8, 9]]);
  });

  it('clips a set to a range, dropping what falls outside', () => {
    expect(clip([[0, 5], [8, 12], [20, 30]], 3, 10)).toEqual([[3, 5], [8, 10]]);
  });

  it('agrees point by point with set difference, intersection and union on random sets', () => {
    fc.assert(fc.property(segs, segs, (x, y) => {
      const a = normalize(x);
      const b = normalize(y);
      const [pa, pb] = [points(a), points(b)];
      for (const [result, want] of [
        [subtract(a, b), pa.map((v, t) => v && !pb[t])],
        [intersect(a, b), pa.map((v, t) => v && pb[t])],
        [union([a, b]), pa.map((v, t) => v || pb[t])],
      ] as const) {
        expect(isNormal(result)).toBe(true);
        expect(points(result)).toEqual(want);
      }
    }), { numRuns: 300, seed: 11 });
  });
});
