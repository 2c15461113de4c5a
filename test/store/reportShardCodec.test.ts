import fc from 'fast-check';
import { decodeShard, encodeShard, monthBase } from '../../src/store/reportShardCodec';
import type { FiledIssue, PackedCycle } from '../../src/store/reportAggregates';

const MONTH = '2026-03';
const base = monthBase(MONTH);
const text = fc.string({ minLength: 1, maxLength: 12 });
const instant = fc.integer({ min: base - 400 * 86_400_000, max: base + 400 * 86_400_000 });
const cycleArb: fc.Arbitrary<PackedCycle> = fc.tuple(
  text, fc.option(text), instant, instant, fc.nat(), fc.option(fc.nat()), fc.constantFrom(0 as const, 1 as const), fc.option(instant),
);
const filedArb: fc.Arbitrary<FiledIssue> = fc.record({ k: text, p: fc.option(text), c: fc.array(cycleArb, { minLength: 1, maxLength: 4 }) });

describe('packed report shards', () => {
  it('decode to exactly the issues encoded, whatever characters ids, keys and goal ids hold', () => {
    fc.assert(fc.property(fc.dictionary(text, filedArb, { maxKeys: 12 }), (issues) => {
      const map = new Map(Object.entries(issues));
      expect(decodeShard(MONTH, encodeShard(MONTH, map))).toEqual(map);
    }), { numRuns: 200 });
  });

  it('are less than half the size of the same issues as JSON objects', () => {
    const issues = new Map<string, FiledIssue>(Array.from({ length: 300 }, (_, i): [string, FiledIssue] => [String(100_000 + i), {
      k: `SUP-${i}`, p: String(i % 4), c: [['response', 'l1', base + i * 60_000, base + i * 90_000, i * 1000, 3_600_000, 1, null], ['resolution', 'l1', base, base + i * 120_000, i * 7000, 14_400_000, 0, base + 3600]],
    }]));
    const packed = JSON.stringify(encodeShard(MONTH, issues)).length;
    expect(packed).toBeLessThan(JSON.stringify(Object.fromEntries(issues)).length / 2);
  });

  it('refuse a body the codec did not write', () => {
    expect(() => decodeShard(MONTH, { s: ['1', 'SUP-1'], t: '0,1,;x' })).toThrow('not in the packed form');
  });
});
