import '../fakes/forgeKvs';

import type { DataOf, Envelope, ResolverKey } from '@contract';
import { parseCsv } from '@core';
import { handleRecompute } from '../../src/handlers/consumer';
import { saveConfig } from '../../src/store/config';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { invoke, PANEL, REPORT_FILTERS, validPayloads } from '../fakes/resolverCalls';

const VALID = validPayloads('no-such-preset');
const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);
/** invoke() typed by key. */
const call = async <K extends ResolverKey>(w: World, key: K, payload: unknown, opts: Parameters<typeof invoke>[3] = {}) =>
  (await invoke(w, key, payload, opts)) as Envelope<DataOf<K>>;
const data = <T>(r: Envelope<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
};

/** Issue 1 resolved after 5 h (High goal 4 h: breached), issue 2 resolved after 1 h (met); both answered by then. */
async function world(): Promise<World> {
  const w = makeWorld(T0 + 10 * HOUR);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  for (const [id, hours] of [['1', 5], ['2', 1]] as const) {
    addIssue(w.jira, {
      id,
      fields: { resolution: { id: '10000', name: 'Done' } },
      histories: [{ id: `${id}00`, created: iso(T0 + hours * HOUR), items: [{ field: 'resolution', fieldId: 'resolution', from: null, to: '10000' }] }],
    });
    await handleRecompute(w.deps, { body: { kind: 'issue', issueId: id, projectId: '10000' } });
  }
  return w;
}

const readers: ResolverKey[] = ['report.options', 'report.get', 'report.csv', 'uptime.get', 'uptime.statementCsv'];
const editors: ResolverKey[] = ['uptime.saveOutage', 'uptime.saveRules', 'uptime.saveSource', 'uptime.sourceFields'];

describe('report, explain and uptime resolvers', () => {
  it.each(readers)('serve %s to a user who can browse the project and refuse strangers', async (key) => {
    const w = await world();
    expect(code(await invoke(w, key, VALID[key], { accountId: 'agent-1' }))).toBe('OK');
    expect(code(await invoke(w, key, VALID[key], { accountId: 'stranger' }))).toBe('FORBIDDEN');
  });

  it.each(editors)('refuse %s to a user who can only browse, and serve it to a project administrator', async (key) => {
    const w = await world();
    expect(code(await invoke(w, key, VALID[key], { accountId: 'agent-1' }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, key, VALID[key]))).toBe('OK');
  });

  it('refuses uptime.deleteOutage to a browse-only user before looking the outage up', async () => {
    const w = await world();
    expect(code(await invoke(w, 'uptime.deleteOutage', VALID['uptime.deleteOutage'], { accountId: 'agent-1' }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'uptime.deleteOutage', VALID['uptime.deleteOutage']))).toBe('NOT_FOUND');
  });

  it('serves explain.get only for the issue the panel shows, to someone who can browse it', async () => {
    const w = await world();
    expect(code(await invoke(w, 'explain.get', { issueId: '1' }, { accountId: 'stranger' }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'explain.get', { issueId: '2' }, { accountId: 'agent-1' }))).toBe('FORBIDDEN');
    const explained = data(await call(w, 'explain.get', { issueId: '1' }, { accountId: 'agent-1', extension: PANEL }));
    const resolution = explained.cycles.find((c) => c.metricKey === 'resolution');
    expect(resolution).toMatchObject({ elapsedMs: 5 * HOUR, met: false, parts: [{ kind: 'counted', from: T0, to: T0 + 5 * HOUR }] });
    expect(parseCsv(explained.csv.csv)[0]).toEqual(['Metric', 'Cycle', 'From', 'To', 'Duration', 'Duration ms', 'Counted', 'Reason']);
  });

  it('names the goals of each metric in explain.get, so the panel never shows a goal id', async () => {
    const w = await world();
    const explained = data(await call(w, 'explain.get', { issueId: '1' }, { accountId: 'agent-1', extension: PANEL }));
    const resolution = explained.cycles.find((c) => c.metricKey === 'resolution');
    expect(resolution?.goalId).toBe('high');
    expect(explained.goalNames.resolution?.high).toEqual(expect.any(String));
    expect(explained.goalNames.resolution?.high).not.toBe('');
  });

  it('reports the recomputed cycles with the breached one listed and linked by JQL', async () => {
    const w = await world();
    const report = data(await call(w, 'report.get', { ...REPORT_FILTERS, metricKey: 'resolution' }, { accountId: 'agent-1' }));
    expect(report.rows).toEqual([{ metricKey: 'resolution', goalId: 'high', month: '2026-03', met: 1, breached: 1, percentMet: 50, medianToMeetMs: HOUR, p90ToMeetMs: HOUR }]);
    expect(report.breached.map((b) => [b.issueKey, b.breachedAt])).toEqual([['SUP-1', T0 + 4 * HOUR]]);
    expect(report.jql).toBe('issuekey in (SUP-1) ORDER BY updated DESC');
  });

  it('exports the cycles as CSV with one row per cycle', async () => {
    const w = await world();
    const file = data(await call(w, 'report.csv', { ...REPORT_FILTERS, timeZone: 'UTC', kind: 'cycles' }, { accountId: 'agent-1' }));
    const rows = parseCsv(file.csv);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[9]]).sort()).toEqual([
      ['SUP-1', 'Time to first response', 'breached'], ['SUP-1', 'Time to resolution', 'breached'],
      // A goal used up exactly at the stop counts as breached (the breach instant is not after the stop).
      ['SUP-2', 'Time to first response', 'breached'], ['SUP-2', 'Time to resolution', 'met'],
    ]);
    expect(file.filename).toBe('sla-cycles-2026-01-to-2026-03.csv');
  });

  it('refuses an unknown time zone and a backwards period as bad requests', async () => {
    const w = await world();
    expect(code(await invoke(w, 'report.get', { ...REPORT_FILTERS, timeZone: 'Mars/Base' }, { accountId: 'agent-1' }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'report.get', { ...REPORT_FILTERS, fromMonth: '2026-04' }, { accountId: 'agent-1' }))).toBe('BAD_REQUEST');
  });

  it('records an outage, raises the credit, and refuses a stale revision or an invalid outage', async () => {
    const w = await world();
    const saved = data(await call(w, 'uptime.saveOutage', VALID['uptime.saveOutage']));
    expect(saved.rev).toBe(1);
    expect(code(await invoke(w, 'uptime.saveOutage', VALID['uptime.saveOutage']))).toBe('VERSION_CONFLICT');
    const bad = await invoke(w, 'uptime.saveOutage', { expectedRev: 1, outage: { service: 'API', start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ code: 'OUT_END_NOT_AFTER_START', path: 'end' }] } });
    const march = data(await call(w, 'uptime.get', VALID['uptime.get'], { accountId: 'agent-1' }));
    expect(march.statements).toMatchObject([{ service: 'API', customer: null, downtimeMs: HOUR, creditDays: 7, uptimePercent: 99.866 }]);
    expect(march.canEdit).toBe(false);
    const csv = data(await call(w, 'uptime.statementCsv', VALID['uptime.statementCsv'], { accountId: 'agent-1' }));
    expect(parseCsv(csv.csv)).toContainEqual(['Credit days', '7']);
    expect(data(await call(w, 'uptime.deleteOutage', { expectedRev: 1, id: saved.outage.id })).rev).toBe(2);
  });

  it('validates edited credit rules with stable codes', async () => {
    const w = await world();
    const res = await invoke(w, 'uptime.saveRules', { expectedRev: 0, rules: { targetPercent: 99.9, thresholds: [{ below: 101, creditDays: 7 }] } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ code: 'CRD_BAD_THRESHOLD' }] } });
  });

  it("answers a report from app storage, asking Jira only for the caller permission, the project's issue count as caller and app, and which listed keys the caller can open", async () => {
    const w = await world();
    w.jira.calls.length = 0;
    w.clock.now += 2 * MIN; // past the permission cache
    await invoke(w, 'report.get', REPORT_FILTERS, { accountId: 'agent-1' });
    const count = '/rest/api/3/search/approximate-count';
    expect(w.jira.calls.map((c) => [c.path.split('?')[0], c.as])).toEqual([
      ['/rest/api/3/mypermissions', 'agent-1'], [count, 'agent-1'], [count, 'app'], ['/rest/api/3/search/jql', 'agent-1'],
    ]);
  });

  it('counts in its figures, its list, its JQL link and its CSV only the issues the viewer can open', async () => {
    const w = await world();
    w.jira.hideFrom('agent-1', '1');
    const filters = { ...REPORT_FILTERS, metricKey: 'resolution' };
    const hidden = data(await call(w, 'report.get', filters, { accountId: 'agent-1' }));
    expect([hidden.scope, hidden.breached, hidden.jql, hidden.breachedTotal]).toEqual(['visible', [], null, 0]);
    expect(hidden.rows[0]).toMatchObject({ met: 1, breached: 0 });
    const csv = data(await call(w, 'report.csv', { ...filters, kind: 'cycles' }, { accountId: 'agent-1' })).csv;
    expect(csv).toContain('SUP-2');
    expect(csv).not.toContain('SUP-1');
    const admin = data(await call(w, 'report.get', filters, { accountId: 'admin-1' }));
    expect([admin.scope, admin.breached.map((b) => b.issueKey)]).toEqual(['all', ['SUP-1']]);
    expect(admin.rows[0]).toMatchObject({ met: 1, breached: 1 });
  });
});
