import '../fakes/forgeKvs';

import type { DataOf, Envelope } from '@contract';
import { handleRecompute } from '../../src/handlers/consumer';
import { saveConfig } from '../../src/store/config';
import { addIssue, HOUR, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';
import { invoke } from '../fakes/resolverCalls';

const NOW = T0 + 10 * HOUR;
const DASHBOARD = { type: 'jira:dashboardGadget', gadget: { id: 'g1' }, dashboard: { id: 'd1' } };
const QUERY = { projectId: '10000', metricKey: 'resolution', dueWithinHours: 4, timeZone: 'UTC' };
const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);

async function gadget(w: World, accountId: string, payload: unknown = QUERY) {
  const r = (await invoke(w, 'gadget.get', payload, { accountId, extension: DASHBOARD })) as Envelope<DataOf<'gadget.get'>>;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.data;
}

const resolved = (hours: number) => ({
  fields: { resolution: { id: '10000', name: 'Done' } },
  histories: [{ id: 'h1', created: iso(T0 + hours * HOUR), items: [{ field: 'resolution', fieldId: 'resolution', from: null, to: '10000' }] }],
});

/**
 * All High priority (resolution goal 4 h), seen at T0 + 10 h: 1 and 6 open since T0 (breached now),
 * 2 created at +7 h (due in 1 h), 5 created at +9 h (due in 3 h), 3 met in 1 h, 4 breached and resolved.
 * Issues 5 and 6 are hidden from agent-1 by issue-level security.
 */
async function world(): Promise<World> {
  const w = makeWorld(NOW);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  w.jira.hideFrom('agent-1', '5', '6');
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  const issues = [
    { id: '1' }, { id: '2', created: T0 + 7 * HOUR }, { id: '3', ...resolved(1) }, { id: '4', ...resolved(5) },
    { id: '5', created: T0 + 9 * HOUR }, { id: '6' },
  ];
  for (const issue of issues) {
    addIssue(w.jira, issue);
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: issue.id, projectId: '10000' } });
  }
  w.jira.calls.length = 0;
  return w;
}

describe('dashboard gadget resolver', () => {
  it('lists the issues breached now and those due within the horizon, with this month compliance', async () => {
    const view = await gadget(await world(), 'admin-1');
    expect(view.breached.map((i) => [i.key, i.breachedAt])).toEqual([['SUP-1', T0 + 4 * HOUR], ['SUP-6', T0 + 4 * HOUR]]);
    expect(view.dueSoon.map((i) => [i.key, i.dueAt])).toEqual([['SUP-2', T0 + 11 * HOUR], ['SUP-5', T0 + 13 * HOUR]]);
    expect(view.compliance).toEqual({ month: '2026-03', met: 1, breached: 1, percentMet: 50, scope: 'all' });
    expect(view.more).toBe(false);
  });

  it('leaves out a breached cycle that has stopped, and an issue due beyond the horizon', async () => {
    const view = await gadget(await world(), 'admin-1', { ...QUERY, dueWithinHours: 2 });
    expect(view.breached.map((i) => i.key)).not.toContain('SUP-4');
    expect(view.dueSoon.map((i) => i.key)).toEqual(['SUP-2']);
  });

  it('never lists an issue the viewer cannot browse, because it searches as the viewer', async () => {
    const w = await world();
    const view = await gadget(w, 'agent-1');
    expect(view.breached.map((i) => i.key)).toEqual(['SUP-1']);
    expect(view.dueSoon.map((i) => i.key)).toEqual(['SUP-2']);
    const listings = w.jira.calls.filter((c) => c.path === '/rest/api/3/search/jql');
    expect(listings.length).toBe(3); // breached, due soon, and the ids of the viewer's issues
    expect(listings.every((c) => c.as === 'agent-1')).toBe(true);
  });

  it("counts this month's compliance only over issues the viewer can browse", async () => {
    const w = await world();
    w.jira.hideFrom('agent-1', '4');
    expect((await gadget(w, 'agent-1')).compliance).toEqual({ month: '2026-03', met: 1, breached: 0, percentMet: 100, scope: 'visible' });
    expect((await gadget(w, 'admin-1')).compliance).toMatchObject({ met: 1, breached: 1, scope: 'all' });
  });

  it.each(['gadget.get', 'gadget.options'] as const)('refuses %s to a user who cannot browse the configured project, before any search', async (key) => {
    const w = await world();
    const payload = key === 'gadget.get' ? QUERY : { projectId: '10000' };
    expect(code(await invoke(w, key, payload, { accountId: 'stranger', extension: DASHBOARD }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, key, payload, { accountId: undefined, extension: DASHBOARD }))).toBe('FORBIDDEN');
    expect(w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/search'))).toEqual([]);
  });

  it('checks the browse permission on the project the payload names, not on the page context', async () => {
    const w = await world();
    const other = { ...QUERY, projectId: '20000' };
    expect(code(await invoke(w, 'gadget.get', other, { accountId: 'agent-1', extension: { ...DASHBOARD, project: { id: '10000' } } }))).toBe('OK');
    const asked = w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions')).map((c) => c.path);
    expect(asked.some((p) => p.includes('projectId=20000'))).toBe(true);
  });

  it('refuses a project id or metric key that could change the JQL', async () => {
    const w = await world();
    for (const bad of [{ ...QUERY, projectId: '10000 OR project = 2' }, { ...QUERY, metricKey: 'x" OR slaBreached = "true' }, { ...QUERY, dueWithinHours: 0 }]) {
      expect(code(await invoke(w, 'gadget.get', bad, { accountId: 'admin-1', extension: DASHBOARD }))).toBe('BAD_REQUEST');
    }
    expect(code(await invoke(w, 'gadget.get', { ...QUERY, timeZone: 'Mars/Olympus' }, { accountId: 'admin-1', extension: DASHBOARD }))).toBe('BAD_REQUEST');
  });

  it('offers the metrics of the configured project to a viewer who can browse it', async () => {
    const r = (await invoke(await world(), 'gadget.options', { projectId: '10000' }, { accountId: 'agent-1', extension: DASHBOARD })) as Envelope<DataOf<'gadget.options'>>;
    expect(r.ok && r.data).toEqual({ configured: true, metrics: [{ id: 'response', name: 'Time to first response' }, { id: 'resolution', name: 'Time to resolution' }] });
  });
});
