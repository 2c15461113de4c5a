import { GADGET_LIST_MAX, GADGET_MAX_PAGES, gadgetJql, gadgetOptions, gadgetView, isBreachedNow, isDueSoon } from '../../src/app/gadget';
import { saveConfig } from '../../src/store/config';
import { addIssue, HOUR, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';

const NOW = T0 + 10 * HOUR;
const QUERY = { projectId: '10000', metricKey: 'resolution', dueWithinHours: 4, timeZone: 'UTC' };

describe('a metric breached now', () => {
  it('is breached with its clock still running or paused after the breach', () => {
    expect(isBreachedNow({ breached: 'true', phase: 'breachedRunning' })).toBe(true);
    expect(isBreachedNow({ breached: 'true', phase: 'paused' })).toBe(true);
  });

  it('is not a breached cycle that has stopped, nor a metric not breached, nor a breach flag of another type', () => {
    expect(isBreachedNow({ breached: 'true', phase: 'stopped' })).toBe(false);
    expect(isBreachedNow({ breached: 'false', phase: 'paused' })).toBe(false);
    expect(isBreachedNow({ breached: true, phase: 'breachedRunning' })).toBe(false);
  });
});

describe('a metric due soon', () => {
  const due = (at: number) => ({ state: 'running', breached: 'false', due: new Date(at).toISOString() });

  it('runs and falls due within the horizon, both ends included', () => {
    expect(isDueSoon(due(NOW), NOW, HOUR)).toBe(true);
    expect(isDueSoon(due(NOW + HOUR), NOW, HOUR)).toBe(true);
    expect(isDueSoon(due(NOW + HOUR + 1_000), NOW, HOUR)).toBe(false);
    expect(isDueSoon(due(NOW - 1_000), NOW, HOUR)).toBe(false);
  });

  it('is never a paused or breached metric, nor one without a readable due instant', () => {
    expect(isDueSoon({ ...due(NOW + 1), state: 'paused' }, NOW, HOUR)).toBe(false);
    expect(isDueSoon({ ...due(NOW + 1), breached: 'true' }, NOW, HOUR)).toBe(false);
    expect(isDueSoon({ state: 'running', breached: 'false', due: 'soon' }, NOW, HOUR)).toBe(false);
    expect(isDueSoon({ state: 'running', breached: 'false' }, NOW, HOUR)).toBe(false);
  });
});

describe('the gadget searches', () => {
  it('narrow by the aliases: breached metrics of open issues, newest first; next due within the horizon, soonest first', () => {
    expect(gadgetJql(QUERY)).toEqual({
      breached: 'project = 10000 AND slaBreachedMetrics = "resolution" AND statusCategory != Done ORDER BY updated DESC',
      dueSoon: 'project = 10000 AND slaNextDue >= now() AND slaNextDue <= 4h ORDER BY slaNextDue ASC',
    });
  });
});

describe('the gadget options', () => {
  it('list the metrics of a configured project, and none otherwise', async () => {
    makeWorld();
    expect(await gadgetOptions('10000')).toEqual({ ok: true, value: { configured: false, metrics: [] } });
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
    expect(await gadgetOptions('10000')).toEqual({ ok: true, value: { configured: true, metrics: [{ id: 'response', name: 'Time to first response' }, { id: 'resolution', name: 'Time to resolution' }] } });
  });
});

describe('the gadget view', () => {
  /** `n` issues whose stored property says `resolution` is breached; with `stopped`, each breached cycle has stopped. */
  function breachedWorld(n: number, stopped = false): World {
    const w = makeWorld(NOW);
    w.jira.grant('agent-1', 'BROWSE_PROJECTS');
    for (let i = 1; i <= n; i++) {
      const phase = stopped ? 'stopped' : 'breachedRunning';
      addIssue(w.jira, { id: String(i), properties: { sla: { breachedMetrics: ['resolution'], metrics: { resolution: { breached: 'true', phase, state: 'running', breachedAt: iso(T0) } } } } });
    }
    return w;
  }

  it('refuses an unknown time zone before searching', async () => {
    const w = makeWorld(NOW);
    const r = await gadgetView(w.deps, 'agent-1', { ...QUERY, timeZone: 'Atlantis/Central' });
    expect(!r.ok && r.error.code).toBe('BAD_REQUEST');
    expect(w.jira.calls).toEqual([]);
  });

  it(`lists at most ${GADGET_LIST_MAX} issues and says there are more`, async () => {
    const w = breachedWorld(GADGET_LIST_MAX + 5);
    const r = await gadgetView(w.deps, 'agent-1', QUERY);
    expect(r.ok && [r.value.breached.length, r.value.more, r.value.breached[0]?.breachedAt]).toEqual([GADGET_LIST_MAX, true, T0]);
  });

  it(`reads at most ${GADGET_MAX_PAGES} search pages a list, even when the property drops every match`, async () => {
    const w = breachedWorld(GADGET_MAX_PAGES * 100 + 10, true);
    const r = await gadgetView(w.deps, 'agent-1', QUERY);
    const breachedSearches = w.jira.calls.filter((c) => c.path === '/rest/api/3/search/jql' && String((c.body as { jql: string }).jql).includes('slaBreachedMetrics'));
    expect(breachedSearches).toHaveLength(GADGET_MAX_PAGES);
    expect(r.ok && [r.value.breached.length, r.value.more]).toEqual([0, true]);
  });

  it('answers a Jira refusal of a search as a failure, not as an empty list', async () => {
    const w = breachedWorld(1);
    w.jira.failNext((c) => c.path === '/rest/api/3/search/jql', 403);
    const r = await gadgetView(w.deps, 'agent-1', QUERY);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
