import { kvs } from '@forge/kvs';
import type { ActionFailure } from '@contract';
import { listActionFailures, MAX_KEPT, recordActionFailures } from '../../src/store/actionFailures';
import { store } from '../fakes/forgeKvs';

const failure = (n: number): ActionFailure => ({ actionId: `resolution:0:breach:${n}`, kind: 'comment', status: 400, reason: 'Comment too long', at: `2026-03-02T10:00:${String(n % 60).padStart(2, '0')}.000Z` });

beforeEach(() => store.reset());

describe('actions Jira refused for good', () => {
  it('are listed per issue, oldest first, the newest appended', async () => {
    await recordActionFailures('1', [failure(1)]);
    await recordActionFailures('1', [failure(2), failure(3)]);
    expect((await listActionFailures('1')).map((f) => f.actionId)).toEqual(['resolution:0:breach:1', 'resolution:0:breach:2', 'resolution:0:breach:3']);
    expect(await listActionFailures('2')).toEqual([]);
  });

  it(`keep only the last ${MAX_KEPT} of an issue`, async () => {
    await recordActionFailures('1', Array.from({ length: MAX_KEPT + 3 }, (_, i) => failure(i)));
    const kept = await listActionFailures('1');
    expect(kept).toHaveLength(MAX_KEPT);
    expect(kept[0]!.actionId).toBe('resolution:0:breach:3');
  });

  it('write nothing when there is nothing to record', async () => {
    await recordActionFailures('1', []);
    expect(store.writes).toBe(0);
  });

  it('read a stored value of another shape as no failures, and skip entries that are not failures', async () => {
    await kvs.set('action-failures:1', { not: 'a list' });
    expect(await listActionFailures('1')).toEqual([]);
    await kvs.set('action-failures:2', [failure(1), { actionId: 7 }, null, 'x']);
    expect(await listActionFailures('2')).toEqual([failure(1)]);
  });
});
