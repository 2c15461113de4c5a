/**
 * Adversarial review of the Jira client: one retry budget per invocation, odd Retry-After values,
 * 5xx storms, refused option reads, and the scopes every route needs against manifest.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '@forge/api';
import { parse } from 'yaml';
import { createJiraClient, type JiraClient } from '../../src/jira/client';
import { exchange, retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { FakeJira } from '../fakes/jira';
import { addIssue } from '../fakes/world';

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n) => headers[n] ?? null },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

function client(transport: (r: Route, init: RequestInitLike) => Promise<ResponseLike>, budgetMs = 10_000) {
  const sleeps: number[] = [];
  const c = createJiraClient(transport, retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 }));
  return { c, sleeps, total: () => sleeps.reduce((a, b) => a + b, 0) };
}

describe('review: one retry budget per invocation', () => {
  it('shares the budget across calls: later calls hand back instead of sleeping again', async () => {
    const { c, sleeps, total } = client(async () => reply(429, {}, { 'Retry-After': '4' }), 10_000);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await c.getStatuses());
    expect(total()).toBeLessThanOrEqual(10_000);
    expect(sleeps).toEqual([4000, 4000]);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 4000 } });
  });

  it('keeps the budget when calls run concurrently', async () => {
    const { c, total } = client(async () => reply(503, {}, { 'Retry-After': '3' }), 10_000);
    await Promise.all(Array.from({ length: 8 }, () => c.getStatuses()));
    expect(total()).toBeLessThanOrEqual(10_000);
  });

  it('gives each new client (each invocation) a fresh budget', async () => {
    let n = 0;
    const transport = async () => (n++ % 2 === 0 ? reply(429, {}, { 'Retry-After': '6' }) : reply(200, []));
    const first = client(transport, 10_000);
    expect((await first.c.getStatuses()).ok).toBe(true);
    expect((await first.c.getStatuses()).ok).toBe(false);
    const second = client(transport, 10_000);
    expect((await second.c.getStatuses()).ok).toBe(true);
  });
});

describe('review: odd Retry-After values and 5xx storms', () => {
  const p = (sleeps: number[], budgetMs = 30_000) => retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 });
  const script = (...replies: ResponseLike[]) => async () => replies.shift() ?? reply(200, {});

  it.each([
    ['an HTTP date', 'Wed, 21 Oct 2026 07:28:00 GMT'],
    ['a negative number', '-5'],
    ['garbage', 'soon'],
  ])('backs off exponentially when Retry-After is %s', async (_n, value) => {
    const sleeps: number[] = [];
    expect((await exchange(script(reply(429, {}, { 'Retry-After': value })), p(sleeps))).ok).toBe(true);
    expect(sleeps).toEqual([500]);
  });

  it('retries at once on Retry-After: 0', async () => {
    const sleeps: number[] = [];
    expect((await exchange(script(reply(429, {}, { 'Retry-After': '0' })), p(sleeps))).ok).toBe(true);
    expect(sleeps).toEqual([0]);
  });

  it('stops a 500 storm after four attempts with UNAVAILABLE and a retry hint', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const r = await exchange(async () => (calls++, reply(500, { errorMessages: ['storm'] })), p(sleeps));
    expect(calls).toBe(4);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', status: 500 } });
    expect(!r.ok && r.error.retryAfterMs).toBeGreaterThan(0);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
  });

  it('does not retry a 404 and reports it as NOT_FOUND for every read of a deleted issue', async () => {
    const jira = new FakeJira();
    const { c } = client(jira.transport());
    expect(await c.getIssueBundle('gone', ['status'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.deleteIssueProperty('gone', 'sla')).toMatchObject({ ok: true });
    expect(jira.calls).toHaveLength(2);
  });
});

describe('review: site metadata when Jira refuses the select-field option reads', () => {
  const fields = [
    { id: 'customfield_10042', name: 'Severity', custom: true, schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' } },
    { id: 'customfield_10043', name: 'Impact', custom: true, schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' } },
  ];

  it('still answers with priorities, statuses and issue types, and lists the fields without options', async () => {
    const jira = new FakeJira();
    const real = jira.transport();
    const calls: string[] = [];
    const transport = async (r: Route, init: RequestInitLike) => {
      calls.push(r.value);
      if (r.value === '/rest/api/3/field') return reply(200, fields);
      // Without Create issues in the project, Jira refuses the create-issue metadata.
      if (r.value.startsWith('/rest/api/3/issue/createmeta/')) return reply(403, { errorMessages: ['You do not have permission'] });
      return real(r, init);
    };
    const { c } = client(transport);
    const res = await c.getMetadata('10000');
    expect(res).toMatchObject({ ok: true, value: { priorities: [{ id: '2' }, { id: '3' }], selectFields: [{ id: 'customfield_10042', options: [] }, { id: 'customfield_10043', options: [] }] } });
    // One refusal of the issue-type list is enough: no per-type reads follow, and no configuration routes are tried.
    expect(calls.filter((p) => p.startsWith('/rest/api/3/issue/createmeta/'))).toHaveLength(1);
    expect(calls.filter((p) => p.startsWith('/rest/api/3/field/'))).toEqual([]);
  });

  it('still fails on a Jira outage (5xx), rather than pretending there are no options', async () => {
    const jira = new FakeJira();
    const real = jira.transport();
    const transport = async (r: Route, init: RequestInitLike) => {
      if (r.value === '/rest/api/3/field') return reply(200, fields);
      if (r.value.startsWith('/rest/api/3/issue/createmeta/')) return reply(503);
      return real(r, init);
    };
    expect(await client(transport).c.getMetadata('10000')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

describe('review: manifest scopes cover exactly the routes the client calls', () => {
  /**
   * Classic scopes per route, from the Jira Cloud REST v3 reference. Select-field options come from
   * the create-issue metadata (read:jira-work), never from the field-context option routes, which
   * need manage:jira-configuration.
   */
  const NEEDS: Array<[RegExp, string, string]> = [
    [/^GET \/rest\/api\/3\/issue\/[^/]+\?/, 'read:jira-work', 'issue read'],
    [/^GET \/rest\/api\/3\/issue\/[^/]+\/(changelog|comment)\?/, 'read:jira-work', 'changelog/comment pages'],
    [/^GET \/rest\/api\/3\/(status|priority|issuetype|field)$/, 'read:jira-work', 'site metadata'],
    [/^GET \/rest\/api\/3\/issue\/createmeta\/[^/]+\/issuetypes(\/[^/?]+)?\?/, 'read:jira-work', 'select-field options'],
    [/^POST \/rest\/api\/3\/search\/(jql|approximate-count)$/, 'read:jira-work', 'search'],
    [/^GET \/rest\/api\/3\/mypermissions\?/, 'read:jira-work', 'permission check'],
    [/^(PUT|DELETE) \/rest\/api\/3\/issue\/[^/]+\/properties\/sla$/, 'write:jira-work', 'sla property'],
    [/^POST \/rest\/api\/3\/issue\/[^/]+\/(comment|notify)$/, 'write:jira-work', 'comment/notify action'],
    [/^PUT \/rest\/api\/3\/issue\/[^/]+$/, 'write:jira-work', 'label action'],
  ];

  async function everyRoute(): Promise<string[]> {
    const jira = new FakeJira();
    jira.inlineHistories = 0;
    jira.inlineComments = 0;
    addIssue(jira, { id: '1', histories: [{ id: '1', created: '2026-03-02T09:00:00.000+0000', items: [] }], comments: [{ id: 'c', created: '2026-03-02T09:00:00.000+0000', author: { accountId: 'a', accountType: 'atlassian' } }] });
    jira.createMeta = { '10001': [{ fieldId: 'customfield_1', key: 'customfield_1', name: 'Sev', required: false, operations: ['set'], schema: { type: 'option' }, allowedValues: [] }] };
    const real = jira.transport();
    const seen: string[] = [];
    const transport = async (r: Route, init: RequestInitLike) => {
      seen.push(`${init.method} ${r.value}`);
      return real(r, init);
    };
    const c: JiraClient = client(transport).c;
    await c.getIssueBundle('1', ['status']);
    await c.getStatuses();
    await c.getMetadata('10000');
    await c.searchIssueIds('project = 10000', null);
    await c.approximateCount('project = 10000');
    await c.putIssueProperty('1', 'sla', {});
    await c.deleteIssueProperty('1', 'sla');
    await c.myPermissions({ projectId: '10000' }, ['BROWSE_PROJECTS']);
    await c.addComment('1', 'hi', true);
    await c.addLabel('1', 'x');
    await c.notify('1', 's', 't', ['assignee']);
    return seen;
  }

  it('needs no scope beyond read:jira-work and write:jira-work (plus storage:app), and uses each', async () => {
    const manifest = parse(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as { permissions: { scopes: string[] } };
    const declared = new Set(manifest.permissions.scopes);
    const used = new Set<string>(['storage:app']);
    const calls = await everyRoute();
    expect(calls).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/rest\/api\/3\/issue\/createmeta\/10000\/issuetypes\/10001\?/)]));
    for (const call of calls) {
      const rule = NEEDS.find(([re]) => re.test(call));
      expect({ call, known: rule !== undefined }).toEqual({ call, known: true });
      expect(declared.has(rule![1])).toBe(true);
      used.add(rule![1]);
    }
    expect([...declared].sort()).toEqual([...used].sort());
  });
});
