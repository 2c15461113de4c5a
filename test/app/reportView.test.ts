import type { ReportFiltersDto } from '@contract';
import { reportCsv, reportGet, reportOptions } from '../../src/app/reportView';
import { saveConfig } from '../../src/store/config';
import { addIssue, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';

const FILTERS: ReportFiltersDto = { fromMonth: '2026-03', toMonth: '2026-03', timeZone: 'UTC', metricKey: null, goalId: null, priorityId: null };
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

async function configured(): Promise<World> {
  const w = makeWorld();
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  addIssue(w.jira, { id: '1' });
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
  return w;
}

describe('the report options', () => {
  it('list the metrics and goals of the policy, the priorities of the site, and the server time', async () => {
    const w = await configured();
    const r = await reportOptions(w.deps, '10000', true);
    expect(r.ok && r.value).toMatchObject({ configured: true, canEdit: true, serverNow: T0, priorities: [{ id: '2', name: 'High' }, { id: '3', name: 'Medium' }] });
    expect(r.ok && r.value.metrics.map((m) => m.id)).toEqual(['response', 'resolution']);
    expect(r.ok && r.value.goals.map((g) => `${g.metricKey}/${g.id}`)).toEqual(['response/all', 'resolution/high', 'resolution/other']);
  });

  it('still answer, with no priorities, when Jira refuses the metadata read; and say when the project is unconfigured', async () => {
    const w = makeWorld();
    w.jira.failNext((c) => c.path.includes('/priority'), 403);
    const r = await reportOptions(w.deps, '10000', false);
    expect(r.ok && r.value).toMatchObject({ configured: false, metrics: [], goals: [], priorities: [] });
  });
});

describe('the report', () => {
  it('refuses an unknown time zone and a period that runs backwards as BAD_REQUEST', async () => {
    const w = await configured();
    expect(codeOf(await reportGet(w.deps, 'agent-1', '10000', { ...FILTERS, timeZone: 'Mars/Base' }))).toBe('BAD_REQUEST');
    expect(codeOf(await reportGet(w.deps, 'agent-1', '10000', { ...FILTERS, fromMonth: '2026-04' }))).toBe('BAD_REQUEST');
  });

  it('answers an empty report with no JQL link when nothing breached', async () => {
    const w = await configured();
    const r = await reportGet(w.deps, 'agent-1', '10000', FILTERS);
    expect(r.ok && r.value).toMatchObject({ breached: [], breachedTotal: 0, jql: null, scope: 'all' });
  });
});

describe('the report CSV', () => {
  it('is named after its kind and period', async () => {
    const w = await configured();
    const r = await reportCsv(w.deps, 'agent-1', '10000', { ...FILTERS, toMonth: '2026-05', kind: 'compliance' });
    expect(r.ok && r.value.filename).toBe('sla-compliance-2026-03-to-2026-05.csv');
  });

  it('is refused, not emptied, when the figures are withheld from the viewer', async () => {
    const w = await configured();
    const r = await reportCsv(w.deps, 'agent-1', 'SUP', { ...FILTERS, kind: 'cycles' });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  it('refuses a bad zone or period like the report', async () => {
    const w = await configured();
    expect(codeOf(await reportCsv(w.deps, 'agent-1', '10000', { ...FILTERS, timeZone: 'Nowhere', kind: 'cycles' }))).toBe('BAD_REQUEST');
    expect(codeOf(await reportCsv(w.deps, 'agent-1', '10000', { ...FILTERS, fromMonth: '2026-09', kind: 'cycles' }))).toBe('BAD_REQUEST');
  });
});
