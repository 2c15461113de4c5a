import '../fakes/forgeKvs';

import { handleRecompute } from '../../src/handlers/consumer';
import { metered } from '../../src/store/storageMeter';
import { CHAIN_UNITS_PER_MINUTE, LINK_PAGES, LINK_UNITS, MAX_CHAIN_PUSHES, startReindex, storageDelayS } from '../../src/app/reindex';
import { MAX_EVENTS_PER_RUN, runSweep } from '../../src/app/sweep';
import { saveConfig } from '../../src/store/config';
import { upsertDue } from '../../src/store/dueIndex';
import { getProgress } from '../../src/store/progress';
import { getDueIssueUnits, setDueIssueUnits } from '../../src/store/storageCost';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

/** Saves the policy as `version`; every property then changes (it records the policy version). */
async function save(w: World, version: number) {
  const saved = await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: version - 1, updatedBy: 'admin', updatedAt: iso(T0) });
  if (!saved.ok) throw new Error('save refused');
  await startReindex(w.deps, w.deps.appJira(10_000), '10000', version, null);
}

/** Delivers every queued event, including those the deliveries queue, as Forge would. */
async function consumeAll(w: World): Promise<void> {
  for (let i = 0; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
}

const paths = (w: World) => w.jira.calls.map((c) => `${c.method} /rest/api/3${c.path.replace(/\?.*$/, '').replace('/rest/api/3', '').replace(/\/\d+(?=\/|$)/g, '/{id}')}`);

describe('the project recompute chain', () => {
  it('backfills through search and changelog bulkfetch, then recomputes from the mirror without reading Jira', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    for (let i = 1; i <= 30; i++) addIssue(w.jira, { id: String(i) });
    await save(w, 1);
    await consumeAll(w);
    expect(new Set(paths(w))).toEqual(new Set(['POST /rest/api/3/search/approximate-count', 'POST /rest/api/3/search/jql', 'POST /rest/api/3/changelog/bulkfetch', 'POST /rest/api/3/issue/properties/multi', 'GET /rest/api/3/task/{id}']));
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 30 });
    w.jira.calls.length = 0;
    w.pushed.length = 0;
    await save(w, 2);
    await consumeAll(w);
    expect(new Set(paths(w))).toEqual(new Set(['POST /rest/api/3/search/approximate-count', 'POST /rest/api/3/issue/properties/multi', 'GET /rest/api/3/task/{id}']));
    for (let i = 1; i <= 30; i++) expect(w.jira.issues.get(String(i))!.properties.sla).toMatchObject({ policyVersion: 2 });
  });

  it('parks itself before the cap on chained pushes, and the next sweep resumes it', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    for (let i = 1; i <= LINK_PAGES * 100 + 1; i++) addIssue(w.jira, { id: String(i) });
    await save(w, 1);
    const first = { ...w.pushed[0]!.body, pushes: MAX_CHAIN_PUSHES - 1 };
    w.pushed.length = 0;
    await handleRecompute(w.deps, { body: first });
    expect(w.pushed).toEqual([]);
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([expect.objectContaining({ kind: 'reindex', after: expect.any(Number), pushes: 0 })]);
    await consumeAll(w);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: LINK_PAGES * 100 + 1 });
  });

  it('stops taking pages once the storage units it measured would pass LINK_UNITS, and delays the next link by them', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    for (let i = 1; i <= LINK_PAGES * 100 + 1; i++) addIssue(w.jira, { id: String(i) });
    await save(w, 1);
    const first = w.pushed[0]!.body;
    w.pushed.length = 0;
    const { units } = await metered(() => handleRecompute(w.deps, { body: first }));
    const next = w.pushed.find((e) => e.body.kind === 'reindex')!;
    const after = (next.body as { after: number }).after;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(LINK_PAGES * 100);
    // At most one page past the budget: the page that showed what a page costs.
    expect(Math.max(units.read, units.write)).toBeLessThan(LINK_UNITS + (Math.max(units.read, units.write) * 100) / after);
    expect(next.delayInSeconds).toBe(storageDelayS(units));
  });

  it('delays the next link by the storage units the link measured, reads or writes whichever is more', () => {
    expect(storageDelayS({ read: CHAIN_UNITS_PER_MINUTE, write: 10 })).toBe(60);
    expect(storageDelayS({ read: 10, write: CHAIN_UNITS_PER_MINUTE / 2 })).toBe(30);
    expect(storageDelayS({ read: 1_000_000, write: 0 })).toBe(900);
  });
});

describe('the due sweep at scale', () => {
  it('sends a backlog in batches of 50, at most 100 events a run, spaced within the storage share', async () => {
    const w = makeWorld(T0 + HOUR);
    for (let i = 0; i < MAX_EVENTS_PER_RUN * 50 + 10; i++) await upsertDue(String(i), '10000', T0);
    const res = await runSweep(w.deps);
    expect(res).toMatchObject({ events: MAX_EVENTS_PER_RUN, pushed: MAX_EVENTS_PER_RUN * 50 });
    expect(w.pushed.every((e) => e.body.kind === 'due' && e.body.issueIds.length === 50)).toBe(true);
    expect(Math.max(...w.pushed.map((e) => e.delayInSeconds ?? 0))).toBeLessThanOrEqual(900);
  });

  it('spaces its batches by the storage units a due batch last measured per issue', async () => {
    const w = makeWorld(T0 + HOUR);
    for (let i = 0; i < 150; i++) await upsertDue(String(i), '10000', T0);
    await setDueIssueUnits(2);
    await runSweep(w.deps);
    // Batch n waits until the n × 50 issues before it, at 2 units each, fit the chain's share a minute.
    expect(w.pushed.map((e) => e.delayInSeconds ?? 0)).toEqual([0, 1, 2].map((n) => Math.ceil((n * 50 * 2 * 60) / CHAIN_UNITS_PER_MINUTE)));
  });

  it('records what each due batch measured per issue, for the next sweep', async () => {
    const w = makeWorld(T0 + HOUR);
    addIssue(w.jira, { id: '1' });
    await upsertDue('1', '10000', T0);
    await runSweep(w.deps);
    expect(await getDueIssueUnits()).toBeUndefined();
    await handleRecompute(w.deps, w.pushed[0]!);
    expect(await getDueIssueUnits()).toBeGreaterThan(0);
  });
});
