import { validatePolicy, type CompiledPolicy } from '@core';
import { readFields } from '../../src/app/history';
import { fromBundle } from '../../src/app/mirrorData';
import { runWhatIf, WHATIF_MAX_DAYS, WHATIF_MAX_ISSUES } from '../../src/app/whatIf';
import { setMirrorMeta } from '../../src/store/chainState';
import { saveConfig } from '../../src/store/config';
import { putMirrors } from '../../src/store/historyMirror';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

const NOW = T0 + 2 * 24 * 60 * MIN;
const RESOLVED = { resolution: { id: '1', name: 'Done' }, status: { id: '5', name: 'Done', statusCategory: { key: 'done' } } };

function proposed(): CompiledPolicy {
  const r = validatePolicy(testPolicy({ name: 'Proposed' }));
  if (!r.ok) throw new Error('test policy does not validate');
  return r.value;
}

/** A configured project with `n` resolved issues. */
async function world(n: number, configured = true): Promise<World> {
  const w = makeWorld(NOW);
  for (let i = 1; i <= n; i++) {
    addIssue(w.jira, { id: String(i), fields: RESOLVED, histories: [{ id: `h${i}`, created: iso(T0 + 60 * MIN), items: [{ field: 'resolution', fieldId: 'resolution', from: null, to: '1' }] }] });
  }
  if (configured) await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  return w;
}

const searches = (w: World) => w.jira.calls.filter((c) => c.path === '/rest/api/3/search/jql');

describe('what-if without a saved policy or with Jira down', () => {
  it('answers notConfigured before reading Jira when the project has no saved policy', async () => {
    const w = await world(1, false);
    expect(await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30)).toEqual({ ok: false, reason: 'notConfigured' });
    expect(w.jira.calls).toEqual([]);
  });

  it('answers the Jira error when the statuses cannot be read', async () => {
    const w = await world(1);
    w.jira.failNext((c) => c.path === '/rest/api/3/status', 403);
    const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30);
    expect(!r.ok && r.reason === 'jira' && r.error.code).toBe('FORBIDDEN');
  });
});

describe('the what-if period', () => {
  it(`is whole days between 1 and ${WHATIF_MAX_DAYS}, and the search asks for exactly that period, newest first`, async () => {
    const w = await world(1);
    const days = async (requested: number) => {
      const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), requested);
      return r.ok ? r.value.days : null;
    };
    expect([await days(0), await days(2.9), await days(-5), await days(1_000)]).toEqual([1, 2, 1, WHATIF_MAX_DAYS]);
    expect((searches(w)[1]!.body as { jql: string }).jql).toBe('project = 10000 AND resolved >= -2d ORDER BY resolved DESC');
  });
});

describe('the what-if read from Jira', () => {
  it(`stops at ${WHATIF_MAX_ISSUES} issues and says the answer was cut short`, async () => {
    const w = await world(WHATIF_MAX_ISSUES + 1);
    const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30);
    expect(r.ok && [r.value.issues, r.value.truncated, r.value.source]).toEqual([WHATIF_MAX_ISSUES, true, 'jira']);
    expect(searches(w)).toHaveLength(3);
  });

  it('is not cut short when every page was read', async () => {
    const w = await world(3);
    const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30);
    expect(r.ok && [r.value.issues, r.value.truncated, r.value.currentPolicyName]).toEqual([3, false, 'Test policy']);
  });
});

describe('the what-if read from the history mirror', () => {
  /** Mirrors every issue of the world, covering the fields the test policy reads, resolved issues from 2000 on. */
  async function mirrorAll(w: World) {
    const covers = readFields(testPolicy());
    await putMirrors([...w.jira.issues.values()].map((i) => ({
      issueId: i.id, projectId: '10000', issueNum: Number(i.id), rev: 'r', sla: { hash: null, fired: [] },
      data: fromBundle({ id: i.id, key: i.key, fields: i.fields, histories: i.histories as never, comments: [], slaProperty: undefined }, covers),
    })));
    await setMirrorMeta('10000', { covers, resolvedSince: '2000-01-01' });
  }

  it('keeps only resolved issues and reads no Jira search', async () => {
    const w = await world(3);
    w.jira.issues.get('2')!.fields.resolution = null;
    await mirrorAll(w);
    const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30);
    expect(r.ok && [r.value.source, r.value.issues, r.value.truncated]).toEqual(['mirror', 2, false]);
    expect(searches(w)).toEqual([]);
  });

  it(`stops at ${WHATIF_MAX_ISSUES} issues and says more were left`, async () => {
    const w = await world(WHATIF_MAX_ISSUES + 5);
    await mirrorAll(w);
    const r = await runWhatIf(w.deps, w.deps.appJira(5_000), '10000', proposed(), 30);
    expect(r.ok && [r.value.source, r.value.issues, r.value.truncated]).toEqual(['mirror', WHATIF_MAX_ISSUES, true]);
  });
});
