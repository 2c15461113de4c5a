import type { Route } from '@forge/api';
import { bulkChangelogs, deletePropertyBulk, getTask, searchIssues, setPropertiesMulti, PROPERTY_BULK_MAX_ISSUES } from '../../src/jira/bulk';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { createRequester } from '../../src/jira/request';
import { reply } from './scripted';

interface Sent { method: string; path: string; body: Record<string, unknown> | undefined }

/** A requester over scripted replies (taken in order), recording what was sent. */
function scripted(...replies: ResponseLike[]) {
  const sent: Sent[] = [];
  const transport = async (r: Route, init: RequestInitLike): Promise<ResponseLike> => {
    sent.push({ method: init.method ?? 'GET', path: r.value, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    return replies.shift() ?? reply(500);
  };
  return { req: createRequester(transport, retryPolicy(0, { sleep: async () => undefined, random: () => 0.5 })), sent };
}

const history = (id: string) => ({ id, created: '2026-03-02T10:00:00.000+0000', items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] });

describe('searching issues in bulk', () => {
  it('asks for at most 100 issues a page, the properties only when asked, and the page token when resuming', async () => {
    const { req, sent } = scripted(reply(200, { issues: [{ id: '1', key: 'SUP-1' }], nextPageToken: 'n2' }), reply(200, { issues: [] }));
    const first = await searchIssues(req, 'project = 1', ['status'], null, 500);
    expect(first.ok && first.value).toEqual({ issues: [{ id: '1', key: 'SUP-1', fields: {} }], nextPageToken: 'n2' });
    expect(sent[0]!.body).toEqual({ jql: 'project = 1', fields: ['status'], maxResults: 100 });
    const next = await searchIssues(req, 'project = 1', ['status'], 'n2', 20, ['sla']);
    expect(next.ok && next.value.nextPageToken).toBeNull();
    expect(sent[1]!.body).toEqual({ jql: 'project = 1', fields: ['status'], properties: ['sla'], maxResults: 20, nextPageToken: 'n2' });
  });

  it('answers BAD_RESPONSE when the page does not have the expected shape', async () => {
    const { req } = scripted(reply(200, { issues: [{ key: 'SUP-1' }] }));
    const r = await searchIssues(req, 'x', [], null, 10);
    expect(!r.ok && r.error.code).toBe('BAD_RESPONSE');
  });
});

describe('bulk changelogs', () => {
  it('follows page tokens and files each history under its issue, every asked issue present even without history', async () => {
    const { req, sent } = scripted(
      reply(200, { issueChangeLogs: [{ issueId: '1', changeHistories: [history('11')] }], nextPageToken: 't' }),
      reply(200, { issueChangeLogs: [{ issueId: '1', changeHistories: [history('12')] }, { issueId: '9', changeHistories: [history('91')] }] }),
    );
    const r = await bulkChangelogs(req, ['1', '2'], ['status']);
    expect(r.ok && [...r.value.entries()].map(([id, h]) => [id, h.map((x) => x.id)])).toEqual([['1', ['11', '12']], ['2', []]]);
    expect(sent.map((s) => s.body?.nextPageToken)).toEqual([undefined, 't']);
    expect(sent[0]!.body).toMatchObject({ issueIdsOrKeys: ['1', '2'], fieldIds: ['status'] });
  });

  it('drops a field filter of more than 10 fields rather than sending one Jira refuses', async () => {
    const { req, sent } = scripted(reply(200, { issueChangeLogs: [] }));
    await bulkChangelogs(req, ['1'], Array.from({ length: 11 }, (_, i) => `f${i}`));
    expect(sent[0]!.body).not.toHaveProperty('fieldIds');
  });

  it('stops at the first failed page with its error', async () => {
    const { req } = scripted(reply(200, { issueChangeLogs: [], nextPageToken: 't' }), reply(404));
    const r = await bulkChangelogs(req, ['1'], []);
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

describe('bulk property writes and deletes', () => {
  it('sends per-issue values with numeric issue ids and answers the task id in either of its two shapes', async () => {
    const { req, sent } = scripted(reply(303, { taskId: 't1' }), reply(303, { id: 't2' }));
    const a = await setPropertiesMulti(req, 'sla', [{ issueId: '10', value: { v: 1 } }]);
    expect(a.ok && a.value).toBe('t1');
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/issue/properties/multi', body: { issues: [{ issueID: 10, properties: { sla: { v: 1 } } }] } });
    const d = await deletePropertyBulk(req, 'sla', ['10', '11']);
    expect(d.ok && d.value).toBe('t2');
    expect(sent[1]).toMatchObject({ method: 'DELETE', path: '/rest/api/3/issue/properties/sla', body: { entityIds: [10, 11] } });
  });

  it(`throws on more than ${PROPERTY_BULK_MAX_ISSUES} issues: a caller bug, never a request`, async () => {
    const { req, sent } = scripted();
    const many = Array.from({ length: PROPERTY_BULK_MAX_ISSUES + 1 }, (_, i) => String(i));
    await expect(setPropertiesMulti(req, 'sla', many.map((issueId) => ({ issueId, value: 1 })))).rejects.toThrow(/at most 100/);
    await expect(deletePropertyBulk(req, 'sla', many)).rejects.toThrow(/at most 100/);
    expect(sent).toEqual([]);
  });
});

describe('the state of a bulk task', () => {
  const task = async (body: unknown, ids = ['1', '2']) => {
    const r = await getTask(scripted(reply(200, body)).req, 't', ids);
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('is pending while enqueued or running', async () => {
    expect(await task({ id: 't', status: 'ENQUEUED' })).toEqual({ state: 'pending', failedIssueIds: [] });
    expect(await task({ id: 't', status: 'RUNNING' })).toEqual({ state: 'pending', failedIssueIds: [] });
  });

  it('is complete with the failed issues listed as an array or as an object keyed by issue id', async () => {
    expect(await task({ id: 't', status: 'COMPLETE' })).toEqual({ state: 'complete', failedIssueIds: [] });
    expect(await task({ id: 't', status: 'COMPLETE', result: { failedIssues: [2] } })).toEqual({ state: 'complete', failedIssueIds: ['2'] });
    expect(await task({ id: 't', status: 'COMPLETE', result: { failedIssues: { 1: 'no edit' } } })).toEqual({ state: 'complete', failedIssueIds: ['1'] });
    expect(await task({ id: 't', status: 'COMPLETE', result: {} })).toEqual({ state: 'complete', failedIssueIds: [] });
  });

  it('fails every issue when a complete result cannot be read, or the task ended any other way', async () => {
    expect(await task({ id: 't', status: 'COMPLETE', result: 'garbled' })).toEqual({ state: 'complete', failedIssueIds: ['1', '2'] });
    expect(await task({ id: 't', status: 'CANCELLED' })).toEqual({ state: 'failed', failedIssueIds: ['1', '2'] });
    expect(await task({ id: 't', status: 'DEAD' })).toEqual({ state: 'failed', failedIssueIds: ['1', '2'] });
  });
});
