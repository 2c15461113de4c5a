import type { PolicySpec } from '@core';
import { loadIssue, projectOf, readFields, seenOf, toHistory } from '../../src/app/history';
import type { IssueBundle } from '../../src/jira/issueReads';
import { BASE_FIELDS } from '../../src/jira/mapHistory';
import { saveConfig } from '../../src/store/config';
import { getStatusCategories, setStatusCategories } from '../../src/store/statusCategories';
import { addIssue, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';

const bundle = (fields: Record<string, unknown>, histories: IssueBundle['histories'] = []): IssueBundle => ({ id: '1', key: 'SUP-1', fields, histories, comments: [], slaProperty: undefined });

/** The test policy, its first goal limited to a Tier option field. */
function tiered(): PolicySpec {
  const policy = testPolicy();
  policy.metrics[0]!.goals[0]!.match = { field: { fieldId: 'customfield_10050', optionIds: ['1'] } };
  return policy;
}

const configure = (projectId: string, policy: PolicySpec) => saveConfig({ projectId, policy, expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
const issueReads = (w: World) => w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/issue/1?'));

describe('the fields an issue read fetches', () => {
  it('are the base fields and updated, plus every custom field the policy refers to', () => {
    expect(readFields(null)).toEqual([...BASE_FIELDS, 'updated']);
    expect(readFields(tiered())).toEqual([...BASE_FIELDS, 'updated', 'customfield_10050']);
  });
});

describe('facts read off an issue', () => {
  it('take the project id from the project field, or none', () => {
    expect(projectOf(bundle({ project: { id: '10000', key: 'SUP' } }))).toBe('10000');
    expect(projectOf(bundle({ project: null }))).toBeNull();
    expect(projectOf(bundle({}))).toBeNull();
  });

  it('take the updated instant in whole seconds, or none when Jira sent none', () => {
    expect(seenOf(bundle({ updated: '2026-03-02T10:00:00.750+0100' }))).toBe('2026-03-02T09:00:00Z');
    expect(seenOf(bundle({}))).toBeNull();
  });
});

describe('loading an issue for its policy', () => {
  it("reads once when the issue is still in the hinted project, with that project's fields", async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', fields: { customfield_10050: { id: '1' } } });
    await configure('10000', tiered());
    const r = await loadIssue(w.deps.appJira(5_000), '1', '10000');
    expect(r.ok && [r.value.projectId, r.value.config?.version, 'customfield_10050' in r.value.bundle.fields]).toEqual(['10000', 1, true]);
    expect(issueReads(w)).toHaveLength(1);
  });

  it("reads again with the new project's fields when the issue moved to a project whose policy needs more", async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', projectId: '20000', fields: { customfield_10050: { id: '1' } } });
    await configure('10000', testPolicy());
    await configure('20000', tiered());
    const r = await loadIssue(w.deps.appJira(5_000), '1', '10000');
    expect(r.ok && [r.value.projectId, 'customfield_10050' in r.value.bundle.fields]).toEqual(['20000', true]);
    expect(issueReads(w)).toHaveLength(2);
  });

  it('does not read again when the new project is unconfigured', async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', projectId: '20000' });
    await configure('10000', testPolicy());
    const r = await loadIssue(w.deps.appJira(5_000), '1', '10000');
    expect(r.ok && [r.value.projectId, r.value.config]).toEqual(['20000', null]);
    expect(issueReads(w)).toHaveLength(1);
  });

  it('answers the Jira error of a deleted issue', async () => {
    const w = makeWorld();
    const r = await loadIssue(w.deps.appJira(5_000), '1', '10000');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

describe('the status categories behind a history', () => {
  const moved = bundle({ created: iso(T0), status: { id: '3' } }, [{ id: 'h1', created: iso(T0 + 60_000), items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] }]);
  const statusReads = (w: World) => w.jira.calls.filter((c) => c.path === '/rest/api/3/status');

  it('are fetched and cached when the history names a status the cache does not know', async () => {
    const w = makeWorld();
    expect((await toHistory(w.deps.appJira(5_000), moved, testPolicy(), T0)).ok).toBe(true);
    expect(statusReads(w)).toHaveLength(1);
    expect(await getStatusCategories()).toEqual({ fetchedAt: T0, categories: { 1: 'new', 3: 'indeterminate', 5: 'done' } });
  });

  it('are not fetched again within ten minutes of the last fetch, even for an unknown status', async () => {
    const w = makeWorld();
    await setStatusCategories({ fetchedAt: T0, categories: {} });
    await toHistory(w.deps.appJira(5_000), moved, testPolicy(), T0 + 10 * 60_000);
    expect(statusReads(w)).toHaveLength(0);
    await toHistory(w.deps.appJira(5_000), moved, testPolicy(), T0 + 10 * 60_000 + 1);
    expect(statusReads(w)).toHaveLength(1);
  });

  it('are not fetched when the cache knows every status, however old it is', async () => {
    const w = makeWorld();
    await setStatusCategories({ fetchedAt: 0, categories: { 1: 'new', 3: 'indeterminate' } });
    await toHistory(w.deps.appJira(5_000), moved, testPolicy(), T0);
    expect(statusReads(w)).toHaveLength(0);
  });
});
