import '../fakes/forgeKvs';

import { kvs } from '@forge/kvs';
import { metered, readUnits, STORAGE_UNIT_BYTES, tally, writeUnits } from '../../src/store/storageMeter';

const bytes = (n: number) => 'x'.repeat(n - 2); // a JSON string of n bytes, quotes included

describe('the storage meter', () => {
  it('bills a value by its size in 10 KB units, rounded up, at least one', () => {
    expect(writeUnits({ key: 'k', value: 1 })).toBe(1);
    expect(writeUnits({ key: 'k', value: bytes(STORAGE_UNIT_BYTES) })).toBe(1);
    expect(writeUnits({ key: 'k', value: bytes(STORAGE_UNIT_BYTES + 1) })).toBe(2);
    expect(readUnits({ key: 'k', value: bytes(65 * 1024) })).toBe(7);
    expect(readUnits(undefined)).toBe(1);
  });

  it('bills every value of a query, a batch and a transaction, not the request as one', () => {
    expect(readUnits({ data: [{ value: 1 }, { value: 2 }, { value: 3 }] })).toBe(3);
    expect(readUnits({ successfulKeys: [{ value: bytes(STORAGE_UNIT_BYTES * 2) }, { value: 1 }] })).toBe(3);
    expect(readUnits({ data: [] })).toBe(1);
    expect(writeUnits([{ key: 'a', value: 1 }, { key: 'b', value: 2 }])).toBe(2);
    expect(writeUnits({ set: [{ key: 'a', value: bytes(STORAGE_UNIT_BYTES * 3) }], delete: [{ key: 'b' }] })).toBe(4);
  });

  it('counts the storage calls made inside a scope, and those of a nested scope in both', async () => {
    const outer = tally();
    const inner = await outer.run(async () => {
      await kvs.set('meter-a', bytes(STORAGE_UNIT_BYTES + 1));
      return metered(async () => {
        await kvs.get('meter-a');
        await kvs.get('meter-missing');
      });
    });
    expect(inner.units).toEqual({ read: 3, write: 0 });
    expect(outer.units).toEqual({ read: 3, write: 2 });
  });

  it('counts nothing outside a scope', async () => {
    const t = tally();
    await kvs.set('meter-b', 1);
    expect(t.units).toEqual({ read: 0, write: 0 });
  });
});
