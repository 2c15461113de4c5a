
import { getDue, listDue, removeDue, toEpochSeconds, upsertDue } from '../../src/store/dueIndex';
import { store } from '../fakes/forgeKvs';

const T = Date.parse('2026-03-02T09:00:00Z');

beforeEach(() => store.reset());

describe('the due index', () => {
  it('lists only entries due by now, earliest first, page by page', async () => {
    for (let i = 0; i < 5; i++) await upsertDue(`i${i}`, 'p', T - i * 60_000);
    await upsertDue('later', 'p', T + 60_000);
    const first = await listDue(T, 3);
    expect(first.entries.map((e) => e.issueId)).toEqual(['i4', 'i3', 'i2']);
    const second = await listDue(T, 3, first.cursor);
    expect(second.entries.map((e) => e.issueId)).toEqual(['i1', 'i0']);
    expect(second.cursor).toBeUndefined();
  });

  it('skips the write when the entry is unchanged and deletes it when nothing is due', async () => {
    await upsertDue('1', 'p', T);
    const writes = store.writes;
    await upsertDue('1', 'p', T);
    expect(store.writes).toBe(writes);
    await upsertDue('1', 'p', null);
    expect(await getDue('1')).toBeUndefined();
    await expect(removeDue('1')).resolves.toBeUndefined();
  });

  it('stores seconds that fit a 32-bit entity integer', () => {
    expect(toEpochSeconds(T + 1)).toBe(T / 1000 + 1);
    expect(toEpochSeconds(Date.parse('2100-01-01T00:00:00Z'))).toBe(2_147_483_647);
  });
});
