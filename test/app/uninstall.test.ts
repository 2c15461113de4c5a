import '../fakes/forgeKvs';

import { ok } from '@core';
import type { JiraClient } from '../../src/jira/client';
import { removeSiteProperties, UNINSTALL_BUDGET_MS } from '../../src/app/uninstall';
import { store } from '../fakes/forgeKvs';
import { addIssue, makeWorld, type World } from '../fakes/world';

function siteWithProperties(): World {
  const w = makeWorld();
  addIssue(w.jira, { id: '1', properties: { sla: { breached: 'yes' }, other: 1 } });
  addIssue(w.jira, { id: '2', projectId: '20000', properties: { sla: { breached: 'no' } } });
  return w;
}

/** A Jira whose bulk delete task never finishes, counting its polls. */
function neverFinishing(polls: { n: number }): JiraClient {
  const stub: Pick<JiraClient, 'deletePropertyEverywhere' | 'getTask'> = {
    deletePropertyEverywhere: async () => ok('t9'),
    getTask: async () => (polls.n++, ok({ state: 'pending', failedIssueIds: [] })),
  };
  return stub as JiraClient;
}

describe('removing the sla properties at uninstall', () => {
  it('submits one bulk delete of the sla property with no filter, so Jira deletes it from every issue the app can edit', async () => {
    const w = siteWithProperties();
    const outcome = await removeSiteProperties(w.deps);
    expect(outcome).toEqual({ state: 'complete', taskId: '1', failedIssues: 0 });
    const deletes = w.jira.calls.filter((c) => c.method === 'DELETE');
    expect(deletes).toEqual([expect.objectContaining({ path: '/rest/api/3/issue/properties/sla', body: {}, as: 'app' })]);
    expect(w.jira.issues.get('1')!.properties).toEqual({ other: 1 });
    expect(w.jira.issues.get('2')!.properties.sla).toBeUndefined();
  });

  it('writes nothing to app storage', async () => {
    const w = siteWithProperties();
    await removeSiteProperties(w.deps);
    expect(store.plainKeys()).toEqual([]);
  });

  it('answers a Jira refusal as a refused outcome with the client\'s error code, without throwing', async () => {
    const w = siteWithProperties();
    w.jira.failNext((c) => c.method === 'DELETE', 403);
    const outcome = await removeSiteProperties(w.deps);
    expect(outcome.state === 'refused' && outcome.code).toBeTruthy();
    expect(w.jira.issues.get('1')!.properties.sla).toBeDefined();
  });

  it('stops waiting for a task still running when its time is up, and reports it pending', async () => {
    const w = makeWorld();
    const polls = { n: 0 };
    const deps = { ...w.deps, appJira: () => neverFinishing(polls), sleep: async (ms: number) => void (w.clock.now += ms) };
    const start = w.clock.now;
    expect(await removeSiteProperties(deps)).toEqual({ state: 'pending', taskId: 't9' });
    expect(polls.n).toBeGreaterThan(1);
    expect(w.clock.now - start).toBeLessThanOrEqual(UNINSTALL_BUDGET_MS);
  });
});
