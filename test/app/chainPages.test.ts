import type { ProjectConfig } from '@contract';
import { backfillJql, CHAIN_PAGE, inScope, jiraPage, mirrorPage, type Page } from '../../src/app/chainPages';
import type { MirrorData } from '../../src/app/mirrorData';
import { putMirrors, type MirrorRecord } from '../../src/store/historyMirror';
import { addIssue, iso, makeWorld, T0, testPolicy } from '../fakes/world';

const DAY = 86_400_000;
const data = (over: Partial<MirrorData> = {}): MirrorData => ({ v: 1, key: 'SUP-1', covers: ['status', 'resolution'], fields: { resolution: null, created: iso(T0) }, histories: [], comments: [], ...over });
/** Resolved at `at` by a change of the resolution field. */
const resolved = (at: number) => data({ fields: { resolution: { id: '1' }, created: iso(T0) }, histories: [['h1', at, [['resolution', null, '1', null, 'Done']]]] });
const rec = (n: number, d: MirrorData = data()): MirrorRecord => ({ issueId: String(n), projectId: '10000', issueNum: n, rev: 'r', data: d, sla: { hash: null, fired: [] } });
const config: ProjectConfig = { schemaVersion: 1, policy: testPolicy(), version: 1, updatedBy: 'admin-1', updatedAt: iso(T0) };
const pageOf = (r: Page | { error: unknown }): Page => {
  if ('error' in r) throw new Error('expected a page');
  return r;
};

describe('the scope of a project recompute', () => {
  it('always includes unresolved issues', () => {
    expect(inScope(data(), null)).toBe(true);
  });

  it('includes a resolved issue only when resolved on or after the chosen date, by its last resolution change', () => {
    expect(inScope(resolved(Date.parse('2026-03-01')), '2026-03-01')).toBe(true);
    expect(inScope(resolved(Date.parse('2026-02-28')), '2026-03-01')).toBe(false);
    expect(inScope(resolved(Date.parse('2026-03-05')), null)).toBe(false);
  });

  it('takes the creation time as the resolution time of an issue resolved without a recorded change', () => {
    const noChange = data({ fields: { resolution: { id: '1' }, created: '2026-03-02T00:00:00Z' } });
    expect(inScope(noChange, '2026-03-02')).toBe(true);
    expect(inScope(noChange, '2026-03-03')).toBe(false);
  });
});

describe('the backfill search', () => {
  it('asks for open issues, or issues resolved since the date, after the last issue id, in id order', () => {
    expect(backfillJql('10000', 'open', null, 0)).toBe('project = 10000 AND resolution is EMPTY AND id > 0 ORDER BY id ASC');
    expect(backfillJql('10000', 'resolved', '2026-01-01', 42)).toBe('project = 10000 AND resolution is not EMPTY AND resolved >= "2026-01-01" AND id > 42 ORDER BY id ASC');
  });
});

describe('a page from the mirror', () => {
  it('keeps the in-scope records, resumes after the last issue id read (in scope or not) and ends on a short page', async () => {
    makeWorld();
    await putMirrors([rec(3), rec(5, resolved(T0 - 30 * DAY)), rec(9)]);
    const page = await mirrorPage('10000', null, 3);
    expect(page.records.map((r) => r.issueNum)).toEqual([9]);
    expect(page).toMatchObject({ last: 9, end: true, fresh: false, fallback: [] });
    expect(await mirrorPage('10000', null, 9)).toMatchObject({ records: [], last: 9, end: true });
  });

  it(`does not end on a full page of ${CHAIN_PAGE}`, async () => {
    makeWorld();
    await putMirrors(Array.from({ length: CHAIN_PAGE + 1 }, (_, i) => rec(i + 1)));
    expect(await mirrorPage('10000', null, 0)).toMatchObject({ last: CHAIN_PAGE, end: false });
  });
});

describe('a page from Jira', () => {
  const comment = (id: string) => ({ id, created: iso(T0 + 60_000), author: { accountId: 'agent-1', accountType: 'atlassian' } });

  it('builds fresh records for issues whose comments came whole, and sends the rest to the Jira fallback', async () => {
    const w = makeWorld();
    w.jira.inlineComments = 1;
    addIssue(w.jira, { id: '11', comments: [comment('c1')] });
    addIssue(w.jira, { id: '12', comments: [comment('c2'), comment('c3')] });
    const page = pageOf(await jiraPage(w.deps.appJira(5_000), '10000', config, backfillJql('10000', 'open', null, 10), 10));
    expect(page.records.map((r) => [r.issueId, r.issueNum, r.data.comments.length])).toEqual([['11', 11, 1]]);
    expect(page).toMatchObject({ fallback: ['12'], last: 12, end: true, fresh: true });
  });

  it('answers the Jira error of the search instead of a page', async () => {
    const w = makeWorld();
    w.jira.failNext((c) => c.path === '/rest/api/3/search/jql', 503);
    const r = await jiraPage(w.deps.appJira(0), '10000', config, backfillJql('10000', 'open', null, 0), 0);
    expect('error' in r && r.error.code).toBe('UNAVAILABLE');
  });

  it('skips the changelog read when the search finds nothing, and keeps the resume point', async () => {
    const w = makeWorld();
    const page = pageOf(await jiraPage(w.deps.appJira(5_000), '10000', config, backfillJql('10000', 'open', null, 7), 7));
    expect(page).toMatchObject({ records: [], last: 7, end: true });
    expect(w.jira.calls.map((c) => c.path)).toEqual(['/rest/api/3/search/jql']);
  });
});
