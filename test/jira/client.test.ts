import { createJiraClient } from '../../src/jira/client';
import { retryPolicy } from '../../src/jira/http';
import { FakeJira } from '../fakes/jira';
import { addIssue, iso, T0 } from '../fakes/world';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '@forge/api';
import { parse } from 'yaml';
import type { JiraClient } from '../../src/jira/client';
import type { RequestInitLike } from '../../src/jira/http';
import { scriptedClient } from './scripted';

function setup() {
  const jira = new FakeJira();
  const client = createJiraClient(jira.transport(), retryPolicy(10_000, { sleep: async () => {}, random: () => 0.5 }));
  return { jira, client };
}

const histories = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(100 + i), created: iso(T0 + i * 1000), items: [{ field: 'priority', fieldId: 'priority', from: String(i), to: String(i + 1) }] }));
const comments = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, created: iso(T0 + i * 1000), author: { accountId: 'a', accountType: 'atlassian' } }));

describe('the Jira client', () => {
  it('reads fields, changelog, comments and the sla property in one request when they fit', async () => {
    const { jira, client } = setup();
    addIssue(jira, { id: '1', histories: histories(3), comments: comments(2), properties: { sla: { hash: 'h' } } });
    const res = await client.getIssueBundle('1', ['status']);
    expect(jira.calls).toHaveLength(1);
    expect(res).toMatchObject({ ok: true, value: { slaProperty: { hash: 'h' } } });
    expect(res.ok && res.value.histories.map((h) => h.id)).toEqual(['100', '101', '102']);
  });

  it('pages the changelog and comments, oldest first, when the issue read inlined only part', async () => {
    const { jira, client } = setup();
    jira.inlineHistories = 2;
    jira.inlineComments = 1;
    addIssue(jira, { id: '1', histories: histories(250), comments: comments(120) });
    const res = await client.getIssueBundle('1', ['status']);
    expect(res.ok && res.value.histories).toHaveLength(250);
    expect(res.ok && res.value.histories[0]!.id).toBe('100');
    expect(res.ok && res.value.comments).toHaveLength(120);
    expect(jira.calls.map((c) => c.path.split('?')[0])).toEqual([
      '/rest/api/3/issue/1',
      '/rest/api/3/issue/1/changelog',
      '/rest/api/3/issue/1/changelog',
      '/rest/api/3/issue/1/changelog',
      '/rest/api/3/issue/1/comment',
      '/rest/api/3/issue/1/comment',
    ]);
  });

  it('reports a deleted issue as NOT_FOUND', async () => {
    const { client } = setup();
    expect(await client.getIssueBundle('404', [])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('follows nextPageToken through search results', async () => {
    const { jira, client } = setup();
    for (let i = 1; i <= 3; i++) addIssue(jira, { id: String(i) });
    const first = await client.searchIssueIds('project = 10000 AND resolution is EMPTY', null, 2);
    expect(first).toEqual({ ok: true, value: { ids: ['1', '2'], nextPageToken: '2' } });
    const second = await client.searchIssueIds('project = 10000 AND resolution is EMPTY', '2', 2);
    expect(second).toEqual({ ok: true, value: { ids: ['3'], nextPageToken: null } });
    expect(jira.calls[1]!.body).toMatchObject({ nextPageToken: '2', fields: ['id'] });
  });

  it('refuses a property over 32 KB with REJECTED, as Jira does', async () => {
    const { jira, client } = setup();
    addIssue(jira, { id: '1' });
    expect(await client.putIssueProperty('1', 'sla', { blob: 'x'.repeat(33 * 1024) })).toMatchObject({ ok: false, error: { code: 'REJECTED', status: 400 } });
  });

  it('treats deleting an absent property as done', async () => {
    const { jira, client } = setup();
    addIssue(jira, { id: '1' });
    expect(await client.deleteIssueProperty('1', 'sla')).toEqual({ ok: true, value: undefined });
  });

  it('reads permissions by key, false when Jira omits one', async () => {
    const { jira, client } = setup();
    jira.grant('app', 'BROWSE_PROJECTS');
    expect(await client.myPermissions({ projectId: '10000' }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'])).toEqual({
      ok: true,
      value: { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false },
    });
  });

  it('sends comments as Atlassian Document Format, internal ones with the JSM property', async () => {
    const { jira, client } = setup();
    addIssue(jira, { id: '1' });
    await client.addComment('1', 'Breached.', true);
    expect(jira.calls[0]!.body).toEqual({
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Breached.' }] }] },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
  });
});

describe('manifest scopes cover exactly the routes the client calls', () => {
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
    const c: JiraClient = scriptedClient(transport).c;
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
