import '../fakes/forgeKvs';

import type { Envelope } from '@contract';
import { handleRecompute } from '../../src/handlers/consumer';
import { claimAction } from '../../src/store/actionClaims';
import { saveConfig } from '../../src/store/config';
import { invoke } from '../fakes/resolverCalls';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { runSweep } from '../../src/app/sweep';
import type { FakeComment } from '../fakes/jira';
import { issueJob, prop, world } from '../fakes/backend';

/** The resolution metric of the test policy (4 h goal) with two warnings, each adding its own label. */
function policyWithTwoWarnings() {
  const base = testPolicy();
  const [response, resolution] = base.metrics;
  return {
    ...base,
    metrics: [response!, { ...resolution!, warnings: [{ kind: 'percent' as const, percent: 75 }, { kind: 'percent' as const, percent: 50 }], warningActions: [{ kind: 'label' as const, label: 'sla-warning' }] }],
  };
}

async function setup(now: number, policy = testPolicy()): Promise<World> {
  const w = makeWorld(now);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  await saveConfig({ projectId: '10000', policy, expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
  addIssue(w.jira, { id: '1' });
  return w;
}

const recompute = (w: World) => handleRecompute(w.deps, { body: { kind: 'issue', issueId: '1', projectId: '10000' } });
const actionCalls = (w: World) =>
  w.jira.calls.filter((c) => (c.method === 'POST' && c.path.endsWith('/comment')) || (c.method === 'PUT' && c.path === '/rest/api/3/issue/1'));
const labelsSent = (w: World) => w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1').map((c) => JSON.stringify(c.body));

describe('SLA actions', () => {
  describe('warnings passed unseen', () => {
    it('fires every warning whose instant has passed, earliest first, before the breach, exactly once', async () => {
      const w = await setup(T0, policyWithTwoWarnings());
      await recompute(w);
      w.clock.now = T0 + 5 * HOUR; // 50 %, 75 % and the breach all passed within one gap
      await recompute(w);
      await recompute(w);
      const kinds = actionCalls(w).map((c) => (c.method === 'POST' ? 'comment' : JSON.stringify(c.body)));
      const warn = JSON.stringify({ update: { labels: [{ add: 'sla-warning' }] } });
      const breach = JSON.stringify({ update: { labels: [{ add: 'sla-breached' }] } });
      expect(kinds).toEqual([warn, warn, 'comment', breach]);
    });

    it('does not send a warning after its breach action has already fired', async () => {
      const w = await setup(T0 + 5 * HOUR);
      await claimAction('1', `resolution:${T0}:breach:0`, T0 + 4 * HOUR);
      await claimAction('1', `resolution:${T0}:breach:1`, T0 + 4 * HOUR);
      await recompute(w);
      expect(labelsSent(w)).toEqual([]);
    });
  });

  describe('an action Jira refuses for good', () => {
    it('gives up after a 400, never retries it, and shows why in the panel', async () => {
      const w = await setup(T0 + 5 * HOUR);
      w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 400);
      await recompute(w);
      w.clock.now += HOUR;
      await recompute(w);
      expect(w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'))).toHaveLength(1);
      const panel = (await invoke(w, 'panel.getSla', { issueId: '1' })) as Envelope<{ actionFailures: unknown[] }>;
      expect(panel.ok && panel.data.actionFailures).toEqual([
        { actionId: `resolution:${T0}:breach:0`, kind: 'comment', status: 400, reason: expect.any(String), at: new Date(T0 + 5 * HOUR).toISOString() },
      ]);
    });

    it('still fires the other actions of the same breach', async () => {
      const w = await setup(T0 + 5 * HOUR);
      w.jira.failNext((c) => c.method === 'POST' && c.path.endsWith('/comment'), 403);
      await recompute(w);
      expect(labelsSent(w)).toContain(JSON.stringify({ update: { labels: [{ add: 'sla-breached' }] } }));
    });
  });
});


describe('exactly-once actions', () => {
  async function sweepAndConsume(w: World): Promise<void> {
    const start = w.pushed.length;
    await runSweep(w.deps);
    await Promise.all(w.pushed.slice(start).map((e) => handleRecompute(w.deps, e)));
  }

  it('posts one comment and one label when two sweeps run concurrently on the same due entry', async () => {
    const w = await world(T0);
    await handleRecompute(w.deps, issueJob('1'));
    w.clock.now = T0 + 5 * HOUR;
    await Promise.all([sweepAndConsume(w), sweepAndConsume(w)]);
    await sweepAndConsume(w);
    const comments = w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));
    const labels = w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1');
    expect(comments).toHaveLength(1);
    expect(labels.map((c) => c.body)).toEqual([{ update: { labels: [{ add: 'sla-warning' }] } }, { update: { labels: [{ add: 'sla-breached' }] } }]);
  });

  it("does not count the app's own breach comment as an agent response", async () => {
    const w = await world(T0 + 5 * HOUR);
    await handleRecompute(w.deps, issueJob('1'));
    const issue = w.jira.issues.get('1')!;
    // Our comment as Jira would store it: authored by the app, public, after the breach.
    issue.comments = [{ id: 'c-app', created: iso(T0 + 5 * HOUR), author: { accountId: 'app-user', accountType: 'app' }, jsdPublic: true }];
    const before = prop(w, '1');
    w.jira.calls.length = 0;
    await handleRecompute(w.deps, issueJob('1'));
    expect(w.jira.writes()).toEqual([]);
    expect(prop(w, '1')).toEqual(before);
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'breached', phase: 'breachedRunning' });
  });

  it('keeps the first-response clock running through app comments and stops it on an agent comment', async () => {
    const w = await world(T0 + 30 * MIN);
    const app = (id: string, at: number): FakeComment => ({ id, created: iso(at), author: { accountId: 'automation', accountType: 'app' } });
    w.jira.issues.get('1')!.comments = [app('c1', T0 + 5 * MIN), app('c2', T0 + 10 * MIN)];
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'running' });
    w.jira.issues.get('1')!.comments.push({ id: 'c3', created: iso(T0 + 20 * MIN), author: { accountId: 'agent-1', accountType: 'atlassian' } });
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'met' });
  });
});
