import type { Route } from '@forge/api';
import { retryPolicy, type ResponseLike } from '../../src/jira/http';
import { readIssueBundle } from '../../src/jira/issueReads';
import { createRequester } from '../../src/jira/request';
import { reply } from './scripted';

const history = (id: string, at: string) => ({ id, created: `2026-03-02T${at}:00.000+0000`, items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] });
const comment = (id: string, at: string) => ({ id, created: `2026-03-02T${at}:00.000+0000`, author: { accountId: 'a', accountType: 'atlassian' } });

/** A requester answering by path (query cut off); logs every full path asked. */
function site(answer: (path: string, query: URLSearchParams) => ResponseLike) {
  const paths: string[] = [];
  const transport = async (r: Route) => {
    paths.push(r.value);
    const [path, q] = r.value.split('?');
    return answer(path!, new URLSearchParams(q));
  };
  return { req: createRequester(transport, retryPolicy(0, { sleep: async () => undefined, random: () => 0.5 })), paths };
}

const issue = (changelog: unknown, comments: unknown, properties?: unknown) => ({ id: '7', key: 'SUP-7', fields: { status: { id: '3' }, comment: comments }, changelog, ...(properties ? { properties } : {}) });

describe('reading one issue', () => {
  it('costs one request when Jira inlined every history and comment, and asks for the fields, changelog and sla property at once', async () => {
    const { req, paths } = site(() => reply(200, issue({ total: 1, histories: [history('11', '10:00')] }, { total: 1, comments: [comment('c1', '10:05')] }, { sla: { v: 1 } })));
    const r = await readIssueBundle(req, '7', ['status', 'priority']);
    expect(paths).toEqual(['/rest/api/3/issue/7?fields=status%2Cpriority%2Ccomment&expand=changelog&properties=sla']);
    expect(r.ok && r.value).toMatchObject({ id: '7', key: 'SUP-7', slaProperty: { v: 1 }, histories: [{ id: '11' }], comments: [{ id: 'c1' }] });
  });

  it('leaves the sla property undefined when the issue has none', async () => {
    const { req } = site(() => reply(200, issue({ histories: [] }, { comments: [] })));
    const r = await readIssueBundle(req, '7', []);
    expect(r.ok && r.value.slaProperty).toBeUndefined();
  });

  it('pages through the changelog when Jira inlined fewer histories than its total, until isLast', async () => {
    const { req, paths } = site((path, q) => {
      if (path === '/rest/api/3/issue/7') return reply(200, issue({ total: 3, histories: [history('11', '10:00')] }, { comments: [] }));
      return Number(q.get('startAt')) === 0 ? reply(200, { total: 3, values: [history('12', '11:00'), history('11', '10:00')] }) : reply(200, { total: 3, isLast: true, values: [history('13', '12:00')] });
    });
    const r = await readIssueBundle(req, '7', []);
    expect(r.ok && r.value.histories.map((h) => h.id)).toEqual(['11', '12', '13']);
    expect(paths.filter((p) => p.includes('/changelog?'))).toEqual(['/rest/api/3/issue/7/changelog?startAt=0&maxResults=100', '/rest/api/3/issue/7/changelog?startAt=100&maxResults=100']);
  });

  it('pages through the comments, oldest first, when the comment field was cut short or missing', async () => {
    const { req, paths } = site((path) => {
      if (path === '/rest/api/3/issue/7') return reply(200, issue({ histories: [] }, undefined));
      return reply(200, { total: 2, comments: [comment('c2', '11:00'), comment('c1', '10:00')] });
    });
    const r = await readIssueBundle(req, '7', []);
    expect(r.ok && r.value.comments.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(paths[1]).toBe('/rest/api/3/issue/7/comment?startAt=0&maxResults=100&orderBy=created&expand=properties');
  });

  it('orders histories by time, breaks same-instant ties by numeric id, and keeps a history seen twice once', async () => {
    const same = '10:00';
    const { req } = site(() => reply(200, issue({ histories: [history('100', same), history('99', same), history('5', '11:00'), history('99', same)] }, { comments: [] })));
    const r = await readIssueBundle(req, '7', []);
    expect(r.ok && r.value.histories.map((h) => h.id)).toEqual(['99', '100', '5']);
  });

  it('answers the error of the first failing request, and stops paging an empty page', async () => {
    const gone = await readIssueBundle(site(() => reply(404)).req, '7', []);
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const { req, paths } = site((path) => (path === '/rest/api/3/issue/7' ? reply(200, issue({ total: 5, histories: [] }, { comments: [] })) : reply(200, { total: 5, values: [] })));
    expect((await readIssueBundle(req, '7', [])).ok).toBe(true);
    expect(paths).toHaveLength(2);
  });
});
