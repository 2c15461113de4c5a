jest.mock('@forge/kvs', () => jest.requireActual<typeof import('../fakes/kvs')>('../fakes/kvs').fakeKvsModule);

import type { Envelope } from '@contract';
import { handleRecompute } from '../../src/handlers/consumer';
import { claimAction } from '../../src/store/actionClaims';
import { saveConfig } from '../../src/store/config';
import { invoke } from '../fakes/resolverCalls';
import { addIssue, HOUR, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';

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

