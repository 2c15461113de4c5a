import { DEFAULT_CREDIT_RULES, type OutageRecord } from '@core';
import { loadOutageBook, saveOutageBook } from '../../src/store/outages';
import { store } from '../fakes/forgeKvs';

const o: OutageRecord = { id: 'o1', service: 'API', customer: null, start: 0, end: 60_000, description: '' };

beforeEach(() => store.reset());

describe('the outage book of a project', () => {
  it('reads as empty at revision 0 with the default credit rules before anything is saved', async () => {
    expect(await loadOutageBook('1')).toEqual({ projectId: '1', rev: 0, outages: [], rules: DEFAULT_CREDIT_RULES });
  });

  it('hands out a copy of the default rules, so a caller cannot change them for everyone', async () => {
    const book = await loadOutageBook('1');
    book.rules.thresholds.push({ below: 1, creditDays: 1 });
    expect((await loadOutageBook('1')).rules).toEqual(DEFAULT_CREDIT_RULES);
  });

  it('moves one revision on per save that starts from the stored revision', async () => {
    expect(await saveOutageBook({ projectId: '1', outages: [o], rules: DEFAULT_CREDIT_RULES }, 0)).toBe(true);
    expect(await saveOutageBook({ projectId: '1', outages: [], rules: DEFAULT_CREDIT_RULES }, 1)).toBe(true);
    expect(await loadOutageBook('1')).toMatchObject({ rev: 2, outages: [] });
  });

  it('refuses a save from a stale revision with false and keeps the stored book, for a first save too', async () => {
    await saveOutageBook({ projectId: '1', outages: [o], rules: DEFAULT_CREDIT_RULES }, 0);
    expect(await saveOutageBook({ projectId: '1', outages: [], rules: DEFAULT_CREDIT_RULES }, 0)).toBe(false);
    await saveOutageBook({ projectId: '1', outages: [o, { ...o, id: 'o2' }], rules: DEFAULT_CREDIT_RULES }, 1);
    expect(await saveOutageBook({ projectId: '1', outages: [], rules: DEFAULT_CREDIT_RULES }, 1)).toBe(false);
    expect(await loadOutageBook('1')).toMatchObject({ rev: 2, outages: [o, { ...o, id: 'o2' }] });
  });

  it('keeps each project apart', async () => {
    await saveOutageBook({ projectId: '1', outages: [o], rules: DEFAULT_CREDIT_RULES }, 0);
    expect((await loadOutageBook('2')).rev).toBe(0);
  });
});
