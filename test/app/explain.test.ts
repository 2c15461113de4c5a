import { explainGet, explainIssue } from '../../src/app/explain';
import { codeOf, MIN, T0, worldWithIssue } from '../fakes/world';

const withIssue = worldWithIssue;

describe('explaining an issue', () => {
  it('names the goals of every metric by id and the statuses by id, and files the CSV under the issue key', async () => {
    const w = await withIssue();
    const r = await explainGet(w.deps, { issueId: '1' }, '10000');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.goalNames).toEqual({ response: { all: 'All' }, resolution: { high: 'High', other: 'Other' } });
    expect(r.value.statusNames).toEqual({ 1: 'Open', 3: 'In Progress', 5: 'Done' });
    expect(r.value.evaluatedAt).toBe(T0 + 30 * MIN);
    expect(r.value.csv.filename).toBe('sla-explain-SUP-1.csv');
    expect(r.value.cycles.length).toBeGreaterThan(0);
  });

  it('still explains, with no status names, when Jira refuses the status list', async () => {
    const w = await withIssue();
    // A first explanation fills the status-category cache, so the refusal below hits only the names read.
    expect((await explainIssue(w.deps, '1', '10000', 'UTC')).ok).toBe(true);
    w.jira.failNext((c) => c.path === '/rest/api/3/status', 403);
    const r = await explainIssue(w.deps, '1', '10000', 'UTC');
    expect(r.ok && r.statusNames).toEqual({});
  });

  it('refuses an unknown time zone before reading Jira', async () => {
    const w = await withIssue();
    w.jira.calls.length = 0;
    expect(codeOf(await explainGet(w.deps, { issueId: '1', timeZone: 'Moon/Base' }, '10000'))).toBe('BAD_REQUEST');
    expect(w.jira.calls).toEqual([]);
  });

  it('answers NOT_CONFIGURED in a project without a valid policy, and a Jira failure code for a deleted issue', async () => {
    const w = await withIssue(false);
    expect(codeOf(await explainGet(w.deps, { issueId: '1' }, '10000'))).toBe('NOT_CONFIGURED');
    expect(codeOf(await explainGet(w.deps, { issueId: '9' }, '10000'))).toBe('NOT_FOUND');
  });
});
