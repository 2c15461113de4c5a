/**
 * Select-field options from the create-issue metadata (read:jira-work): paging, merging across the
 * project's issue types, fields that are not option fields, and refusals answered with fields
 * without options.
 */
import type { Route } from '@forge/api';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { FakeJira } from '../fakes/jira';
import { reply, scriptedClient } from './scripted';

const SELECT = 'com.atlassian.jira.plugin.system.customfieldtypes:select';
const option = (id: string, value: string) => ({ self: `https://x/rest/api/3/customFieldOption/${id}`, value, id });
const field = (fieldId: string, name: string, schema: Record<string, unknown>, allowedValues?: unknown[]) =>
  ({ fieldId, key: fieldId, name, required: false, operations: ['set'], schema, ...(allowedValues ? { allowedValues } : {}) });
const severity = (...opts: Array<[string, string]>) => field('customfield_10042', 'Severity', { type: 'option', custom: SELECT, customId: 10042 }, opts.map(([id, v]) => option(id, v)));

function setup(siteFields: unknown[] = []) {
  const jira = new FakeJira();
  const real = jira.transport();
  const transport = async (r: Route, init: RequestInitLike): Promise<ResponseLike> =>
    r.value === '/rest/api/3/field' ? { status: 200, headers: { get: () => null }, text: async () => JSON.stringify(siteFields) } : real(r, init);
  const client = createJiraClient(transport, retryPolicy(10_000, { sleep: async () => {}, random: () => 0.5 }));
  const createMetaCalls = () => jira.calls.map((c) => c.path).filter((p) => p.includes('/createmeta/'));
  return { jira, client, createMetaCalls };
}

const selectFields = async (c: ReturnType<typeof setup>['client'], project = '10000') => {
  const res = await c.getMetadata(project);
  if (!res.ok) throw new Error(res.error.message);
  return res.value.selectFields;
};

describe('select-field options from the create-issue metadata', () => {
  it('merges a field\'s options across the project\'s issue types, each option once, first seen first', async () => {
    const { jira, client } = setup();
    jira.createMeta = {
      '10001': [severity(['1', 'Severity A'], ['2', 'Severity B'])],
      '10002': [severity(['2', 'Severity B'], ['3', 'Severity C'], ['4', 'Severity D'])],
      '10003': [field('summary', 'Summary', { type: 'string', system: 'summary' })],
    };
    expect(await selectFields(client)).toEqual([
      { id: 'customfield_10042', name: 'Severity', options: [
        { id: '1', name: 'Severity A' }, { id: '2', name: 'Severity B' }, { id: '3', name: 'Severity C' }, { id: '4', name: 'Severity D' },
      ] },
    ]);
  });

  it('asks for the context project and pages both the issue types and the fields', async () => {
    const { jira, client, createMetaCalls } = setup();
    const many = Array.from({ length: 120 }, (_, i) => field(`customfield_${20000 + i}`, `Text ${i}`, { type: 'string' }));
    jira.createMeta = Object.fromEntries(Array.from({ length: 55 }, (_, i) => [String(10001 + i), i === 54 ? [...many, severity(['9', 'Late'])] : []]));
    expect(await selectFields(client, 'SUP')).toEqual([{ id: 'customfield_10042', name: 'Severity', options: [{ id: '9', name: 'Late' }] }]);
    const calls = createMetaCalls();
    expect(calls.filter((p) => p.startsWith('/rest/api/3/issue/createmeta/SUP/issuetypes?'))).toEqual([
      '/rest/api/3/issue/createmeta/SUP/issuetypes?startAt=0&maxResults=50',
      '/rest/api/3/issue/createmeta/SUP/issuetypes?startAt=50&maxResults=50',
    ]);
    expect(calls.filter((p) => p.startsWith('/rest/api/3/issue/createmeta/SUP/issuetypes/10055?'))).toHaveLength(3);
    expect(calls).toHaveLength(2 + 54 + 3);
  });

  it('ignores fields that are not option fields, and allowed values that are not options', async () => {
    const { jira, client } = setup();
    jira.createMeta = {
      '10001': [
        field('priority', 'Priority', { type: 'priority', system: 'priority' }, [{ id: '2', name: 'High' }]),
        field('customfield_1', 'Team', { type: 'string' }),
        field('customfield_2', 'Region', { type: 'option-with-child' }, [option('7', 'EU')]),
        field('customfield_3', 'Products', { type: 'array', items: 'option' }, [option('5', 'Web'), { id: '6' }]),
        field('customfield_4', 'Tags', { type: 'array', items: 'string' }),
      ],
    };
    expect(await selectFields(client)).toEqual([{ id: 'customfield_3', name: 'Products', options: [{ id: '5', name: 'Web' }] }]);
  });

  it('lists the site\'s select fields missing from the create screens without options, after the project\'s', async () => {
    const site = ['customfield_10043', 'customfield_10042'].map((id, i) => ({ id, name: i ? 'Severity (site name)' : 'Impact', custom: true, schema: { type: 'option', custom: SELECT } }));
    const { jira, client } = setup(site);
    jira.createMeta = { '10001': [severity(['1', 'Severity A'])] };
    expect(await selectFields(client)).toEqual([
      { id: 'customfield_10042', name: 'Severity (site name)', options: [{ id: '1', name: 'Severity A' }] },
      { id: 'customfield_10043', name: 'Impact', options: [] },
    ]);
  });

  it('answers a refused issue-type list (403) with the site\'s select fields and no options', async () => {
    const site = [{ id: 'customfield_10042', name: 'Severity', custom: true, schema: { type: 'option', custom: SELECT } }];
    const { jira, client, createMetaCalls } = setup(site);
    jira.createMeta = { '10001': [severity(['1', 'Severity A'])] };
    jira.failNext((c) => c.path.includes('/createmeta/'), 403);
    expect(await selectFields(client)).toEqual([{ id: 'customfield_10042', name: 'Severity', options: [] }]);
    expect(createMetaCalls()).toHaveLength(1);
  });

  it('skips one refused or vanished issue type and keeps the others\' options', async () => {
    const { jira, client } = setup();
    jira.createMeta = { '10001': [severity(['1', 'Severity A'])], '10002': [severity(['2', 'Severity B'])], '10003': [severity(['3', 'Severity C'])] };
    jira.failNext((c) => c.path.includes('/issuetypes/10001?'), 403);
    jira.failNext((c) => c.path.includes('/issuetypes/10002?'), 404);
    expect(await selectFields(client)).toEqual([{ id: 'customfield_10042', name: 'Severity', options: [{ id: '3', name: 'Severity C' }] }]);
  });

  it('fails on an outage of a per-type read, and on a page of an unknown shape', async () => {
    const { jira, client } = setup();
    jira.createMeta = { '10001': [severity(['1', 'Severity A'])] };
    for (let i = 0; i < 4; i++) jira.failNext((c) => c.path.includes('/issuetypes/10001?'), 500);
    expect(await client.getMetadata('10000')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const odd = setup();
    odd.jira.createMeta = { '10001': [{ id: 'customfield_1', name: 'No fieldId' }] };
    expect(await odd.client.getMetadata('10000')).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });
});

describe('site metadata when Jira refuses the select-field option reads', () => {
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
    const { c } = scriptedClient(transport);
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
    expect(await scriptedClient(transport).c.getMetadata('10000')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
