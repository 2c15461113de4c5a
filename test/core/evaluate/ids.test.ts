import fc from 'fast-check';
import { compareIds } from '../../../src/core/evaluate/ids';

const sign = (n: number) => Math.sign(n);

describe('order of history item ids', () => {
  it('orders changelog items numerically by history id, then by item index', () => {
    expect(['10232#0', '10231#10', '10231#2', '9999#5'].sort(compareIds)).toEqual(['9999#5', '10231#2', '10231#10', '10232#0']);
  });

  it('puts numeric ids before text ids and compares text ids as text', () => {
    expect(['abc', '10', 'ab', '2'].sort(compareIds)).toEqual(['2', '10', 'ab', 'abc']);
  });

  it('puts an id that is a prefix, part by part, before the longer one', () => {
    expect(sign(compareIds('10231', '10231#0'))).toBe(-1);
    expect(sign(compareIds('10231#0', '10231'))).toBe(1);
  });

  it('compares numbers longer than a double holds exactly by their digits', () => {
    const big = '12345678901234567890';
    expect(sign(compareIds(big, '12345678901234567891'))).toBe(-1);
    expect(sign(compareIds('9'.repeat(16), '1'.repeat(17)))).toBe(-1);
  });

  it('breaks ties between ids equal part by part ("010" and "10") by text, so the order is total', () => {
    expect(sign(compareIds('010', '10'))).toBe(-1);
    expect(sign(compareIds('10', '010'))).toBe(1);
    expect(compareIds('10#1', '10#1')).toBe(0);
  });

  it('is antisymmetric and zero only for equal ids, on random ids', () => {
    const id = fc.stringMatching(/^[0-9a-c]{0,4}(#[0-9a-c]{0,3}){0,2}$/);
    fc.assert(fc.property(id, id, (a, b) => {
      const d = compareIds(a, b);
      expect(sign(d) === -sign(compareIds(b, a))).toBe(true);
      expect(d === 0).toBe(a === b);
    }), { numRuns: 300, seed: 7 });
  });

  it('is transitive on random ids, so sorting never depends on input order', () => {
    const id = fc.stringMatching(/^[0-9a]{0,3}(#[0-9a]{0,2})?$/);
    fc.assert(fc.property(fc.array(id, { maxLength: 8 }), (ids) => {
      const once = [...ids].sort(compareIds);
      expect([...ids].reverse().sort(compareIds)).toEqual(once);
    }), { numRuns: 300, seed: 7 });
  });
});
