/**
 * Jira Cloud's rate limiting as the emulator models it for the app's own REST calls: per-endpoint
 * request and points counters, and the three limiters (hourly points quota, per-second burst per
 * endpoint and method, per-issue writes) with their 429 reasons and headers. The limiters' time is
 * pinned so fixed windows cannot roll over mid-test.
 */
import api, { route } from '@forge/api';
import type { Emulator } from '../../emulator/app';
import { handleControl } from '../../emulator/server/control';
import { call, createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

const HOUR_ALIGNED = 1_800_000_000_000 - (1_800_000_000_000 % 3_600_000);

function pinned(at = HOUR_ALIGNED): Emulator {
  const emu = testEmulator();
  emu.limits.now = () => at;
  return emu;
}

const putProperty = (issueId: string, n: number) =>
  api.asApp().requestJira(route`/rest/api/3/issue/${issueId}/properties/sla`, { method: 'PUT', body: JSON.stringify({ n }) });

describe('Jira request and points counters', () => {
  it('counts the app\'s calls per route template and method: 1 point per call plus 1 per object a read returns', async () => {
    const emu = pinned();
    const a = createIssue(emu);
    createIssue(emu);
    await api.asApp().requestJira(route`/rest/api/3/issue/${a.id}`);
    await api.asApp().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify({ jql: 'project = SUP', maxResults: 50 }) });
    await putProperty(a.id, 1);
    const e = emu.limits.jira.state.endpoints;
    expect(e['GET /rest/api/3/issue/{idOrKey}']).toEqual({ requests: 1, points: 2, refused: 0 });
    expect(e['POST /rest/api/3/search/jql']).toEqual({ requests: 1, points: 3, refused: 0 });
    expect(e['PUT /rest/api/3/issue/{idOrKey}/properties/{key}']).toEqual({ requests: 1, points: 1, refused: 0 });
  });

  it('does not meter people\'s calls (host page, curl, control API)', () => {
    const emu = pinned();
    const a = createIssue(emu);
    call(emu, 'GET', `/rest/api/3/issue/${a.id}`);
    expect(emu.limits.jira.state.endpoints['GET /rest/api/3/issue/{idOrKey}']).toBeUndefined();
  });

  it('reads and resets the counters through the control API', async () => {
    const emu = pinned();
    await api.asApp().requestJira(route`/rest/api/3/priority`);
    const read = await handleControl(emu, 'GET', '/control/counters', {}, async () => undefined);
    expect((read.body as { jira: { endpoints: Record<string, unknown> } }).jira.endpoints['GET /rest/api/3/priority']).toMatchObject({ requests: 1 });
    const reset = await handleControl(emu, 'POST', '/control/counters/reset', {}, async () => undefined);
    expect((reset.body as { jira: { endpoints: Record<string, unknown> } }).jira.endpoints).toEqual({});
  });
});

describe('Jira limiters', () => {
  it('are off by default, at the documented values', () => {
    const emu = testEmulator();
    expect(emu.limits.config().jira).toEqual({
      quota: { enabled: false, pointsPerHour: 65_000 }, burst: { enabled: false, perSecond: 100 },
      perIssueWrite: { enabled: false, perTwoSeconds: 20, perThirtySeconds: 100 },
    });
  });

  it('refuses a burst on one endpoint and method with jira-burst-based and its headers, while other endpoints answer', async () => {
    const emu = pinned(HOUR_ALIGNED + 250);
    await handleControl(emu, 'POST', '/control/limits', { jira: { burst: { enabled: true, perSecond: 2 } } }, async () => undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.asApp().requestJira(route`/rest/api/3/priority`)).status);
    const refused = await api.asApp().requestJira(route`/rest/api/3/priority`);
    const other = await api.asApp().requestJira(route`/rest/api/3/status`);
    expect(statuses).toEqual([200, 200, 429]);
    expect(other.status).toBe(200);
    expect({
      reason: refused.headers.get('ratelimit-reason'), retryAfter: refused.headers.get('retry-after'), limit: refused.headers.get('x-ratelimit-limit'),
      remaining: refused.headers.get('x-ratelimit-remaining'), reset: refused.headers.get('x-ratelimit-reset'),
    }).toEqual({ reason: 'jira-burst-based', retryAfter: '1', limit: '2', remaining: '0', reset: new Date(HOUR_ALIGNED + 1000).toISOString() });
    expect(emu.limits.jira.state.endpoints['GET /rest/api/3/priority']).toEqual({ requests: 4, points: expect.any(Number), refused: 2 });
  });

  it('refuses writes to one issue beyond the per-issue limit with jira-per-issue-on-write, by id or key alike', async () => {
    const emu = pinned();
    emu.limits.config().jira.perIssueWrite = { enabled: true, perTwoSeconds: 2, perThirtySeconds: 100 };
    const a = createIssue(emu);
    const b = createIssue(emu);
    const first = [(await putProperty(a.id, 1)).status, (await putProperty(a.key, 2)).status];
    const refused = await putProperty(a.id, 3);
    const otherIssue = await putProperty(b.id, 1);
    const readSameIssue = await api.asApp().requestJira(route`/rest/api/3/issue/${a.id}`);
    expect([...first, refused.status, otherIssue.status, readSameIssue.status]).toEqual([201, 200, 429, 201, 200]);
    expect([refused.headers.get('ratelimit-reason'), refused.headers.get('retry-after')]).toEqual(['jira-per-issue-on-write', '2']);
  });

  it('applies the 30-second per-issue window too', async () => {
    const emu = pinned();
    emu.limits.config().jira.perIssueWrite = { enabled: true, perTwoSeconds: 20, perThirtySeconds: 3 };
    const a = createIssue(emu);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await putProperty(a.id, i)).status);
    expect(statuses).toEqual([201, 200, 200, 429]);
  });

  it('refuses with jira-quota-tenant-based once the hour\'s points are spent, shows the quota headers, and answers again the next hour', async () => {
    let now = HOUR_ALIGNED + 60_000;
    const emu = testEmulator();
    emu.limits.now = () => now;
    await handleControl(emu, 'POST', '/control/limits', { jira: { quota: { enabled: true, pointsPerHour: 5 } } }, async () => undefined);
    createIssue(emu);
    createIssue(emu);
    const search = () => api.asApp().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify({ jql: 'project = SUP' }) });
    const first = await search();
    expect([first.status, first.headers.get('beta-ratelimit-policy'), first.headers.get('beta-ratelimit')])
      .toEqual([200, '"jira-quota-tenant-based";q=5;w=3600', '"jira-quota-tenant-based";r=2;t=3540']);
    expect((await search()).status).toBe(200);
    const refused = await search();
    expect([refused.status, refused.headers.get('ratelimit-reason'), refused.headers.get('retry-after')]).toEqual([429, 'jira-quota-tenant-based', '3540']);
    now = HOUR_ALIGNED + 3_600_000;
    expect((await search()).status).toBe(200);
  });

  it('switches every limiter on at the documented values with the "documented" preset, and off again', async () => {
    const emu = testEmulator();
    const on = await handleControl(emu, 'POST', '/control/limits', { preset: 'documented' }, async () => undefined);
    expect(on.body).toMatchObject({ jira: { quota: { enabled: true, pointsPerHour: 65_000 }, burst: { enabled: true }, perIssueWrite: { enabled: true } }, storage: { enabled: true }, queue: { rateEnabled: true } });
    const off = await handleControl(emu, 'POST', '/control/limits', { preset: 'off' }, async () => undefined);
    expect(off.body).toMatchObject({ jira: { quota: { enabled: false } }, storage: { enabled: false }, queue: { rateEnabled: false } });
  });

  it('ignores ill-typed and unknown configuration keys', async () => {
    const emu = testEmulator();
    await handleControl(emu, 'POST', '/control/limits', { jira: { burst: { perSecond: 'many', enabled: 1 }, __proto__: { polluted: true } }, bogus: true }, async () => undefined);
    expect(emu.limits.config().jira.burst).toEqual({ enabled: false, perSecond: 100 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
