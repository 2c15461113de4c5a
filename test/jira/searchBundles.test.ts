import type { Route } from '@forge/api';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';

const reply = (status: number, body: unknown): ResponseLike => ({ status, headers: { get: () => null }, text: async () => JSON.stringify(body) });

const history = (id: string, at: string) => ({ id, created: at, items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] });
const comments = (n: number, total: number) => ({ startAt: 0, maxResults: n, total, comments: Array.from({ length: n }, (_, k) => ({ id: `c${k}`, created: '2026-03-02T10:00:00.000+0000', author: { accountId: 'a', accountType: 'atlassian' } })) });
const issue = (id: string, log: { histories: unknown[]; total: number }, comment: unknown) => ({
  id, key: `SUP-${id}`, fields: { created: '2026-03-02T09:00:00.000+0000', comment }, changelog: { startAt: 0, maxResults: log.histories.length, ...log },
});

/** One search page: issue 1 inlined whole, 2 with its changelog cut short, 3 with its comments cut short. */
function site() {
  const calls: string[] = [];
  const transport = async (route: Route, init: RequestInitLike): Promise<ResponseLike> => {
    const path = route.value;
    calls.push(`${init.method} ${path.split('?')[0]}`);
    if (path === '/rest/api/3/search/jql') {
      return reply(200, { issues: [
        issue('1', { histories: [history('11', '2026-03-02T09:30:00.000+0000')], total: 1 }, comments(1, 1)),
        issue('2', { histories: [history('21', '2026-03-02T09:30:00.000+0000')], total: 3 }, comments(1, 1)),
        issue('3', { histories: [], total: 0 }, comments(1, 2)),
      ] });
    }
    if (path === '/rest/api/3/changelog/bulkfetch') {
      const logs = [history('23', '2026-03-02T11:00:00.000+0000'), history('21', '2026-03-02T09:30:00.000+0000'), history('22', '2026-03-02T10:00:00.000+0000')];
      return reply(200, { issueChangeLogs: [{ issueId: '2', changeHistories: logs }] });
    }
    if (path.startsWith('/rest/api/3/issue/3?')) return reply(200, issue('3', { histories: [], total: 0 }, comments(1, 2)));
    if (path.startsWith('/rest/api/3/issue/3/comment')) return reply(200, comments(2, 2));
    return reply(404, { errorMessages: [`unexpected ${path}`] });
  };
  return { calls, client: createJiraClient(transport, retryPolicy(5_000, { sleep: async () => undefined })) };
}

describe('reading a page of whole issue stories', () => {
  it('completes cut-short changelogs with one bulk changelog read and reads alone only the issue whose comments were cut short', async () => {
    const { calls, client } = site();
    const page = await client.searchIssueBundles('project = SUP', ['status'], null, 100);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.bundles.map((b) => [b.key, b.histories.map((h) => h.id), b.comments.length])).toEqual([
      ['SUP-1', ['11'], 1],
      ['SUP-2', ['21', '22', '23'], 1],
      ['SUP-3', [], 2],
    ]);
    expect(calls).toEqual([
      'POST /rest/api/3/search/jql', 'POST /rest/api/3/changelog/bulkfetch', 'GET /rest/api/3/issue/3', 'GET /rest/api/3/issue/3/comment',
    ]);
  });
});
