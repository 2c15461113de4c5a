import '../fakes/forgeKvs';

import { InvocationError, InvocationErrorCode } from '@forge/events';
import { kvs } from '@forge/kvs';
import { CONFIG_ENTITY, saveConfig } from '../../src/store/config';
import { getDue, listDue } from '../../src/store/dueIndex';
import { handleRecompute } from '../../src/handlers/consumer';
import type { SlaProperty } from '@contract';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { runSweep } from '../../src/app/sweep';
import { upsertDue } from '../../src/store/dueIndex';
import { issueJob, prop, world } from '../fakes/backend';

async function configure(projectId = '10000') {
  await saveConfig({ projectId, policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
}

const job = (issueId: string, projectId = '10000') => ({ body: { kind: 'issue', issueId, projectId } });
const property = (w: World, id: string) => w.jira.issues.get(id)!.properties.sla as SlaProperty;

describe('recomputing one issue', () => {
  it('costs one Jira read and one property write for an ordinary issue', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    addIssue(w.jira, { id: '1' });
    await handleRecompute(w.deps, job('1'));
    expect(w.jira.calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(property(w, '1').metrics.resolution).toMatchObject({ state: 'running', goal: 'High', due: '2026-03-02T13:00:00Z', breached: 'false' });
  });

  it('writes nothing when the snapshot did not change', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    addIssue(w.jira, { id: '1' });
    await handleRecompute(w.deps, job('1'));
    w.jira.calls.length = 0;
    w.clock.now += 5 * MIN;
    await handleRecompute(w.deps, job('1'));
    expect(w.jira.writes()).toEqual([]);
    expect(w.jira.calls).toHaveLength(1);
  });

  it('writes identical properties whether deliveries come once, twice or out of order', async () => {
    const run = async (order: string[]) => {
      const w = makeWorld(T0 + 2 * HOUR);
      await configure();
      for (const id of ['1', '2']) {
        addIssue(w.jira, {
          id,
          fields: { status: { id: '3', statusCategory: { key: 'indeterminate' } } },
          histories: [{ id: `${id}00`, created: iso(T0 + 30 * MIN), items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] }],
          comments: [{ id: `c${id}`, created: iso(T0 + 20 * MIN), author: { accountId: 'agent-1', accountType: 'atlassian' } }],
        });
      }
      for (const id of order) await handleRecompute(w.deps, job(id));
      const puts = w.jira.writes().filter((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'));
      // The signature is keyed by each world's own secret; everything it covers must match.
      return Object.fromEntries(puts.map((c) => [c.path, { ...(c.body as object), sig: 'per-site' }]));
    };
    const once = await run(['1', '2']);
    expect(Object.keys(once)).toHaveLength(2);
    expect(await run(['2', '1', '1', '2'])).toEqual(once);
  });

  it('records the next check instant in the due index', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    addIssue(w.jira, { id: '1' });
    await handleRecompute(w.deps, job('1'));
    // Response goal (1 h) is the earliest state change.
    expect((await getDue('1'))?.nextCheckAt).toBe((T0 + HOUR) / 1000);
    expect((await listDue(T0 + 30 * MIN, 10)).entries).toEqual([]);
  });

  it('treats an issue deleted before the consumer ran as gone, without crashing', async () => {
    const w = makeWorld();
    await configure();
    addIssue(w.jira, { id: '1' });
    await handleRecompute(w.deps, job('1'));
    w.jira.issues.delete('1');
    await expect(handleRecompute(w.deps, job('1'))).resolves.toBeUndefined();
    expect(await getDue('1')).toBeUndefined();
  });

  it('hands a rate-limited read back to Forge with the Retry-After delay when it outlasts the budget', async () => {
    const w = makeWorld();
    await configure();
    addIssue(w.jira, { id: '1' });
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '120' });
    const result = await handleRecompute(w.deps, job('1'));
    // InvocationError's constructor returns its JSON form, which is what Forge reads.
    expect(result).toEqual(new InvocationError({ retryAfter: 120, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED }));
    expect((result as InvocationError).retryOptions).toMatchObject({ retryAfter: 120, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' });
    expect(w.jira.writes()).toEqual([]);
  });

  it('retries a short Retry-After inside the invocation and still writes once', async () => {
    const w = makeWorld();
    await configure();
    addIssue(w.jira, { id: '1' });
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '2' });
    await handleRecompute(w.deps, job('1'));
    expect(w.sleeps).toEqual([2000]);
    expect(w.jira.writes()).toHaveLength(1);
  });

  it('removes its property from an issue whose project is not configured', async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', properties: { sla: { hash: 'old', fired: [] } } });
    await handleRecompute(w.deps, job('1'));
    expect(w.jira.issues.get('1')!.properties.sla).toBeUndefined();
  });

  it('keeps SLA data and logs when the stored configuration is unreadable', async () => {
    const w = makeWorld();
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 1, config: { schemaVersion: 99 } });
    addIssue(w.jira, { id: '1', properties: { sla: { hash: 'old', fired: [] } } });
    await expect(handleRecompute(w.deps, job('1'))).resolves.toBeUndefined();
    expect(w.jira.issues.get('1')!.properties.sla).toEqual({ hash: 'old', fired: [] });
    expect(w.logs.join('\n')).toMatch(/no longer validates/);
  });

  it('drops a malformed job with a log line instead of throwing', async () => {
    const w = makeWorld();
    await expect(handleRecompute(w.deps, { body: { kind: 'issue' } })).resolves.toBeUndefined();
    expect(w.logs.join('\n')).toMatch(/unexpected shape/);
  });
});

describe('nothing is lost when Forge gives up redelivering', () => {
  it('leaves a due entry so the sweep retries an issue whose recompute was handed back', async () => {
    const w = await world(T0 + 10 * MIN);
    for (let i = 0; i < 5; i++) w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    // The first delivery and Forge's four redeliveries all meet the rate limit.
    for (let i = 0; i < 5; i++) expect(await handleRecompute(w.deps, issueJob('1'))).toBeInstanceOf(Object);
    expect(prop(w, '1')).toBeUndefined();
    w.clock.now += 25 * MIN;
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'due', issueIds: ['1'] }]);
    await handleRecompute(w.deps, w.pushed[0]!);
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'running' });
  });

  it('does not let every sweep re-queue an overdue issue while Jira rate-limits it', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    await runSweep(w.deps);
    expect(await handleRecompute(w.deps, w.pushed[0]!)).toBeInstanceOf(Object);
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
  });

  it('does not postpone an earlier due entry when handing a recompute back', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0 + 11 * MIN);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    await handleRecompute(w.deps, issueJob('1'));
    expect(await getDue('1')).toMatchObject({ nextCheckAt: (T0 + 11 * MIN) / 1000 });
  });
});
