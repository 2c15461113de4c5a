import type { Route } from '@forge/api';
import { readProjectOptionFields } from '../../src/jira/createMeta';
import { retryPolicy, type ResponseLike } from '../../src/jira/http';
import { createRequester } from '../../src/jira/request';
import { reply } from './scripted';

const option = (id: string, value: string) => ({ id, value, self: `https://x/${id}` });
const select = (fieldId: string, ...allowedValues: unknown[]) => ({ fieldId, name: `Field ${fieldId}`, schema: { type: 'option' }, allowedValues });

/** A requester answering create-issue metadata by path; logs the paths asked. */
function site(answer: (path: string, startAt: number) => ResponseLike) {
  const paths: string[] = [];
  const transport = async (r: Route) => {
    paths.push(r.value);
    return answer(r.value.split('?')[0]!, Number(new URLSearchParams(r.value.split('?')[1]).get('startAt')));
  };
  return { req: createRequester(transport, retryPolicy(0, { sleep: async () => undefined, random: () => 0.5 })), paths };
}

const TYPES = '/rest/api/3/issue/createmeta/SUP/issuetypes';

describe('option fields of a project from the create-issue metadata', () => {
  it('merges option and multi-option fields across issue types by field id, then option id, first seen first', async () => {
    const { req } = site((path) => {
      if (path === TYPES) return reply(200, { total: 2, issueTypes: [{ id: '1' }, { id: '2' }] });
      if (path === `${TYPES}/1`) return reply(200, { total: 2, fields: [select('cf_1', option('a', 'Gold')), { fieldId: 'labels', name: 'Labels', schema: { type: 'array', items: 'string' } }] });
      return reply(200, { total: 2, fields: [select('cf_1', option('a', 'Renamed'), option('b', 'Silver')), { ...select('cf_2', option('x', 'Red'), { id: 'p', name: 'High' }), schema: { type: 'array', items: 'option' } }] });
    });
    const r = await readProjectOptionFields(req, 'SUP');
    expect(r.ok && r.value).toEqual([
      { id: 'cf_1', name: 'Field cf_1', options: [{ id: 'a', name: 'Gold' }, { id: 'b', name: 'Silver' }] },
      { id: 'cf_2', name: 'Field cf_2', options: [{ id: 'x', name: 'Red' }] },
    ]);
  });

  it('reads the other page shape (values) and, without a total, pages on while pages come back full', async () => {
    const { req, paths } = site((path, startAt) => {
      if (path === TYPES) return reply(200, { values: startAt < 50 ? Array.from({ length: 50 }, (_, i) => ({ id: `t${i}` })) : [{ id: 't50' }] });
      return reply(200, { values: path.endsWith('/t50') ? [select('cf_9', option('o', 'Only'))] : [] });
    });
    const r = await readProjectOptionFields(req, 'SUP');
    expect(r.ok && r.value.map((f) => f.id)).toEqual(['cf_9']);
    expect(paths.filter((p) => p.startsWith(`${TYPES}?`))).toEqual([`${TYPES}?startAt=0&maxResults=50`, `${TYPES}?startAt=50&maxResults=50`]);
  });

  it('stops a page chain after 20 pages when Jira keeps raising its total', async () => {
    const { req, paths } = site((path, startAt) => (path === TYPES ? reply(200, { total: startAt + 100, issueTypes: Array.from({ length: 50 }, (_, i) => ({ id: `t${startAt + i}` })) }) : reply(200, { fields: [] })));
    const r = await readProjectOptionFields(req, 'SUP');
    expect(r.ok && r.value).toEqual([]);
    expect(paths.filter((p) => p.startsWith(`${TYPES}?`))).toHaveLength(20);
  });

  it('answers no fields when the issue types are refused or gone, but fails on an outage', async () => {
    expect(await readProjectOptionFields(site(() => reply(403)).req, 'SUP')).toEqual({ ok: true, value: [] });
    expect(await readProjectOptionFields(site(() => reply(404)).req, 'SUP')).toEqual({ ok: true, value: [] });
    const down = await readProjectOptionFields(site(() => reply(500)).req, 'SUP');
    expect(!down.ok && down.error.code).toBe('UNAVAILABLE');
  });

  it('answers BAD_RESPONSE for a page with neither issueTypes nor values', async () => {
    const r = await readProjectOptionFields(site(() => reply(200, { total: 0 })).req, 'SUP');
    expect(!r.ok && r.error.code).toBe('BAD_RESPONSE');
  });
});
