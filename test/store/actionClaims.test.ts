import { isClaimed, claimAction, releaseAction } from '../../src/store/actionClaims';
import { store } from '../fakes/forgeKvs';

const T = Date.parse('2026-03-02T09:00:00Z');

beforeEach(() => store.reset());

describe('action claims', () => {
  it('grant an action id once until released', async () => {
    expect(await claimAction('1', 'resolution:0:breach:0', T)).toBe(true);
    expect(await claimAction('1', 'resolution:0:breach:0', T)).toBe(false);
    await releaseAction('1', 'resolution:0:breach:0');
    expect(await claimAction('1', 'resolution:0:breach:0', T)).toBe(true);
  });

  it('keep claims apart per issue and per action id', async () => {
    expect(await claimAction('1', 'resolution:0:breach:0', T)).toBe(true);
    expect(await claimAction('2', 'resolution:0:breach:0', T)).toBe(true);
    expect(await claimAction('1', 'resolution:0:breach:1', T)).toBe(true);
    expect(await isClaimed('1', 'resolution:0:warning:0')).toBe(false);
    expect(await isClaimed('1', 'resolution:0:breach:1')).toBe(true);
  });

  it('cost a single read, and no write, when the action was already claimed', async () => {
    await claimAction('1', 'a', T);
    store.reads = 0;
    store.writes = 0;
    expect(await claimAction('1', 'a', T)).toBe(false);
    expect([store.reads, store.writes]).toEqual([1, 0]);
  });
});
