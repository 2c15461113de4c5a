import { validatePolicy } from '@core';
import { prepareIssue, type ReadyIssue } from '../../src/app/evaluateIssue';
import { loadIssue } from '../../src/app/history';
import { listActionFailures } from '../../src/store/actionFailures';
import { saveConfig } from '../../src/store/config';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

/** Issue 1 (High priority, created T0) read as the recompute reads it, at `now`. */
async function ready(now: number): Promise<{ w: World; r: ReadyIssue }> {
  const w = makeWorld(now);
  addIssue(w.jira, { id: '1' });
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
  const loaded = await loadIssue(w.deps.appJira(5_000), '1', '10000');
  if (!loaded.ok || !loaded.value.config) throw new Error('issue not loaded');
  const policy = validatePolicy(loaded.value.config.policy);
  if (!policy.ok) throw new Error('policy');
  w.jira.calls.length = 0;
  return { w, r: { bundle: loaded.value.bundle, projectId: '10000', config: loaded.value.config, policy: policy.value, stored: { hash: null, fired: [] } } };
}

const comments = (w: World) => w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));

describe('preparing an issue', () => {
  it('builds the property, marks it changed against an unknown stored hash, and unchanged against its own signature', async () => {
    const { w, r } = await ready(T0 + 10 * MIN);
    const first = await prepareIssue(w.deps, w.deps.appJira(5_000), r);
    if (!first.ok) throw new Error(first.error.code);
    expect(first.value.changed).toBe(true);
    const again = await prepareIssue(w.deps, w.deps.appJira(5_000), { ...r, stored: { hash: first.value.property.sig, fired: [] } });
    expect(again.ok && again.value.changed).toBe(false);
  });

  it('checks again at the next state change the core predicts', async () => {
    const { w, r } = await ready(T0 + 10 * MIN);
    const p = await prepareIssue(w.deps, w.deps.appJira(5_000), r);
    expect(p.ok && p.value.nextCheckAt).toBe(p.ok ? p.value.nextStateChangeAt : -1);
    expect(p.ok && p.value.nextCheckAt).toBe(T0 + 60 * MIN);
  });

  it('fires the due warning and breach actions once and reports the labels they added', async () => {
    const { w, r } = await ready(T0 + 5 * HOUR);
    const p = await prepareIssue(w.deps, w.deps.appJira(5_000), r);
    expect(p.ok && p.value.labelsAdded).toEqual(['sla-warning', 'sla-breached']);
    expect(comments(w)).toHaveLength(1);
    await prepareIssue(w.deps, w.deps.appJira(5_000), r);
    expect(comments(w)).toHaveLength(1);
  });

  it('checks again within five minutes when an action failed, to retry it', async () => {
    const { w, r } = await ready(T0 + 5 * HOUR);
    w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 503);
    w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 503);
    w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 503);
    const p = await prepareIssue(w.deps, w.deps.appJira(0), r);
    expect(p.ok && p.value.nextCheckAt).toBe(T0 + 5 * HOUR + 5 * MIN);
    expect(w.logs.some((l) => l.includes('SLA action failed; will retry'))).toBe(true);
  });

  it('records an action Jira refused for good, and gives it up', async () => {
    const { w, r } = await ready(T0 + 5 * HOUR);
    w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 400);
    await prepareIssue(w.deps, w.deps.appJira(5_000), r);
    expect((await listActionFailures('1')).map((f) => [f.kind, f.status])).toEqual([['comment', 400]]);
  });

  it('fires nothing when actions are suppressed', async () => {
    const { w, r } = await ready(T0 + 5 * HOUR);
    const p = await prepareIssue(w.deps, w.deps.appJira(5_000), r, true);
    expect(p.ok && p.value.labelsAdded).toEqual([]);
    expect(comments(w)).toEqual([]);
  });
});
