
import { handleRecompute } from '../../src/handlers/consumer';
import { runSweep } from '../../src/app/sweep';
import { thresholdToken } from '@core';
import type { SlaProperty } from '@contract';
import { saveConfig } from '../../src/store/config';
import { upsertDue } from '../../src/store/dueIndex';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { kvs } from '@forge/kvs';
import { CONFIG_ENTITY } from '../../src/store/config';
import { getDue } from '../../src/store/dueIndex';
import { store } from '../fakes/forgeKvs';
import { issueJob, world } from '../fakes/backend';

async function setup(now: number): Promise<World> {
  const w = makeWorld(now);
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
  addIssue(w.jira, { id: '1' });
  return w;
}

/** Runs the sweep, then delivers what it queued, as Forge would. */
async function sweepAndConsume(w: World): Promise<void> {
  const start = w.pushed.length;
  await runSweep(w.deps);
  for (const e of w.pushed.slice(start)) await handleRecompute(w.deps, e);
}

const breachComments = (w: World) => w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));

describe('the due sweep', () => {
  it('queues only issues whose next check has passed', async () => {
    const w = await setup(T0);
    await upsertDue('1', '10000', T0 + HOUR);
    await upsertDue('2', '10000', T0 - MIN);
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'due', issueIds: ['2'] }]);
    expect(w.jira.calls).toEqual([]);
  });

  it('fires each breach action exactly once even when the sweep runs twice', async () => {
    const w = await setup(T0);
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } });
    w.clock.now = T0 + 5 * HOUR; // resolution goal (4 h, High) has passed
    await sweepAndConsume(w);
    await sweepAndConsume(w);
    expect(breachComments(w)).toHaveLength(1);
    const labels = w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1');
    // The warning threshold was passed unseen inside the same gap: it still fires once, before the breach.
    expect(labels.map((c) => c.body)).toEqual([{ update: { labels: [{ add: 'sla-warning' }] } }, { update: { labels: [{ add: 'sla-breached' }] } }]);
    const prop = w.jira.issues.get('1')!.properties.sla as SlaProperty;
    expect(prop.metrics.resolution).toMatchObject({ state: 'breached', breached: 'true' });
    expect(prop.breachedMetrics).toEqual(['response', 'resolution']);
  });

  it('does not fire twice when two consumers race past the property check', async () => {
    const w = await setup(T0 + 5 * HOUR);
    // Both deliveries read the issue before either writes its property.
    await Promise.all([
      handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } }),
      handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } }),
    ]);
    expect(breachComments(w)).toHaveLength(1);
  });

  it('retries an action that Jira could not take (5xx) on a later run, and only that one', async () => {
    const w = await setup(T0 + 5 * HOUR);
    for (let i = 0; i < 4; i++) w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 503);
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } });
    expect(breachComments(w)).toHaveLength(4); // the client's four attempts, all refused
    w.clock.now += 5 * MIN;
    await sweepAndConsume(w);
    expect(breachComments(w)).toHaveLength(5);
    await sweepAndConsume(w);
    expect(breachComments(w)).toHaveLength(5);
  });
});

describe('warning actions', () => {
  it('fire once per crossed threshold, under an id that is a valid KVS key', async () => {
    const w = await setup(T0 + 2 * HOUR + MIN); // 50 % of the 4 h resolution goal has passed
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } });
    w.clock.now += 5 * MIN;
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } });
    const labels = w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1');
    expect(labels.map((c) => c.body)).toEqual([{ update: { labels: [{ add: 'sla-warning' }] } }]);
    expect(Object.keys(w.jira.issues.get('1')!.properties.sla as SlaProperty)).not.toContain('fired');
  });

  it('name thresholds with key-safe tokens', () => {
    expect(thresholdToken('50%')).toBe('50pct');
    expect(thresholdToken('30 min before breach')).toBe('30-min-before-breach');
  });
});

describe('the sweep with a broken stored policy', () => {
  it('does not re-queue every five minutes an issue whose read Jira keeps refusing (400)', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0);
    for (let i = 0; i < 3; i++) w.jira.failNext((c) => c.method === 'GET', 400);
    await runSweep(w.deps);
    for (const e of w.pushed) await expect(handleRecompute(w.deps, e)).resolves.toBeUndefined();
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
    expect(await getDue('1')).toBeDefined();
  });

  it('keeps a future check when only the property write is refused', async () => {
    const w = await world(T0 + 10 * MIN);
    w.jira.failNext((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'), 400);
    await handleRecompute(w.deps, issueJob('1'));
    expect((await getDue('1'))?.nextCheckAt).toBe((T0 + HOUR) / 1000);
  });

  it('does not re-queue the same issue every five minutes while the policy cannot be used', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 2, config: 'garbage' });
    addIssue(w.jira, { id: '1' });
    await upsertDue('1', '10000', T0);
    await runSweep(w.deps);
    for (const e of w.pushed) await handleRecompute(w.deps, e);
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
    // It is checked again later (an admin may fix the configuration), not forgotten.
    expect(await getDue('1')).toBeDefined();
  });
});

describe('the sweep', () => {
  it('never hands out entries that are not due yet, however many there are', async () => {
    const w = await world(T0);
    for (let i = 0; i < 120; i++) await upsertDue(`f${i}`, '10000', T0 + (i + 1) * MIN);
    await upsertDue('due', '10000', T0 - 1000);
    const reads = store.reads;
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'due', issueIds: ['due'] }]);
    // One read of the due index, one of the parked project recompute chains.
    expect(store.reads - reads).toBe(2);
  });
});
