import type { Route } from '@forge/api';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { createRequester } from '../../src/jira/request';
import { searchIssueStates } from '../../src/jira/searchStates';
import { reply } from './scripted';

function scripted(answer: ResponseLike) {
  const bodies: unknown[] = [];
  const transport = async (_r: Route, init: RequestInitLike) => {
    bodies.push(JSON.parse(String(init.body)));
    return answer;
  };
  return { req: createRequester(transport, retryPolicy(0, { sleep: async () => undefined, random: () => 0.5 })), bodies };
}

describe('a page of issue states', () => {
  it('asks only for the updated field and the sla property, with the page token when resuming', async () => {
    const { req, bodies } = scripted(reply(200, { issues: [] }));
    await searchIssueStates(req, 'project = 1', null, 50);
    await searchIssueStates(req, 'project = 1', 'tok', 50);
    expect(bodies).toEqual([
      { jql: 'project = 1', maxResults: 50, fields: ['updated'], properties: ['sla'] },
      { jql: 'project = 1', maxResults: 50, fields: ['updated'], properties: ['sla'], nextPageToken: 'tok' },
    ]);
  });

  it('gives each issue its updated instant and sla property, null and undefined when absent', async () => {
    const { req } = scripted(reply(200, { issues: [
      { id: '1', fields: { updated: '2026-03-02T10:00:00.000+0000' }, properties: { sla: { v: 1 } } },
      { id: '2', fields: {} },
      { id: '3' },
    ], nextPageToken: 'n' }));
    const r = await searchIssueStates(req, 'x', null, 50);
    expect(r.ok && r.value).toEqual({ issues: [
      { id: '1', updated: '2026-03-02T10:00:00.000+0000', sla: { v: 1 } },
      { id: '2', updated: null, sla: undefined },
      { id: '3', updated: null, sla: undefined },
    ], nextPageToken: 'n' });
  });

  it('ends without a page token, and fails with BAD_RESPONSE on an issue without an id', async () => {
    const end = await searchIssueStates(scripted(reply(200, { issues: [] })).req, 'x', null, 50);
    expect(end.ok && end.value.nextPageToken).toBeNull();
    const bad = await searchIssueStates(scripted(reply(200, { issues: [{ key: 'SUP-1' }] })).req, 'x', null, 50);
    expect(!bad.ok && bad.error.code).toBe('BAD_RESPONSE');
  });
});
