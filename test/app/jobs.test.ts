import type { RecomputeJob } from '../../src/app/deps';
import { runJob } from '../../src/app/jobs';
import { STUCK_RECHECK_MS } from '../../src/app/recompute';
import { getDue, upsertDue } from '../../src/store/dueIndex';
import { world } from '../fakes/backend';
import { addIssue, type World } from '../fakes/world';

const S = 1_000;
const issue1: RecomputeJob = { kind: 'issue', issueId: '1', projectId: '10000' };
const reindex: RecomputeJob = { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null };

/** Jira answers the next issue read (or search) with a 429 asking for more time than the invocation has. */
const rateLimit = (w: World, path: RegExp) => w.jira.failNext((c) => path.test(c.path), 429, { 'Retry-After': '120' });
const ISSUE_READ = /^\/rest\/api\/3\/issue\/1(\?|$)/;

describe('an issue job Jira rate-limits', () => {
  it('is handed back with the Retry-After, and a due entry lets the sweep take over after twice that', async () => {
    const w = await world();
    rateLimit(w, ISSUE_READ);
    expect(await runJob(w.deps, issue1, 0)).toEqual({ retryAfterS: 120, reason: 'RATE_LIMITED' });
    expect((await getDue('1'))?.nextCheckAt).toBe(Math.ceil((w.clock.now + 240 * S) / S));
  });

  it('keeps a due entry that comes sooner than that', async () => {
    const w = await world();
    await upsertDue('1', '10000', w.clock.now + 60 * S);
    rateLimit(w, ISSUE_READ);
    await runJob(w.deps, issue1, 0);
    expect((await getDue('1'))?.nextCheckAt).toBe(Math.ceil((w.clock.now + 60 * S) / S));
  });

  it('moves an overdue entry to the retry time, so sweeps do not pile onto a rate-limited Jira', async () => {
    const w = await world();
    await upsertDue('1', '10000', w.clock.now - 60 * S);
    rateLimit(w, ISSUE_READ);
    await runJob(w.deps, issue1, 0);
    expect((await getDue('1'))?.nextCheckAt).toBe(Math.ceil((w.clock.now + 240 * S) / S));
  });
});

describe('an issue job Jira refuses for good', () => {
  it('is not handed back: it is logged, and an overdue entry is rechecked an hour later', async () => {
    const w = await world();
    await upsertDue('1', '10000', w.clock.now - 60 * S);
    w.jira.failNext((c) => ISSUE_READ.test(c.path), 400);
    expect(await runJob(w.deps, issue1, 0)).toBeUndefined();
    expect(w.logs.some((l) => l.startsWith('error: Recompute failed'))).toBe(true);
    expect((await getDue('1'))?.nextCheckAt).toBe(Math.ceil((w.clock.now + STUCK_RECHECK_MS) / S));
  });
});

describe('a project recompute page Jira rate-limits before it got anywhere', () => {
  it('is handed back to the platform on its first redeliveries', async () => {
    const w = await world();
    rateLimit(w, /search\/jql/);
    expect(await runJob(w.deps, reindex, 2)).toEqual({ retryAfterS: 120, reason: 'RATE_LIMITED' });
    expect(w.pushed).toEqual([]);
  });

  it('continues from the third redelivery on as a fresh event delayed by the Retry-After, so the chain cannot die', async () => {
    const w = await world();
    rateLimit(w, /search\/jql/);
    expect(await runJob(w.deps, reindex, 3)).toBeUndefined();
    expect(w.pushed).toEqual([{ body: reindex, delayInSeconds: 120, concurrency: { key: 'reindex-10000', limit: 1 } }]);
  });
});

describe('a reconciliation batch', () => {
  const reread = (ids: string[]): RecomputeJob => ({ kind: 'reread', issueIds: ids, projectId: '10000' });
  const reads = (w: World, id: string) => w.jira.calls.filter((c) => c.method === 'GET' && new RegExp(`^/rest/api/3/issue/${id}(\\?|$)`).test(c.path)).length;

  it('reads every issue of the batch from Jira and writes its property', async () => {
    const w = await world();
    addIssue(w.jira, { id: '2' });
    expect(await runJob(w.deps, reread(['1', '2']), 0)).toBeUndefined();
    expect([reads(w, '1'), reads(w, '2')]).toEqual([1, 1]);
    expect([w.jira.issues.get('1')!.properties.sla, w.jira.issues.get('2')!.properties.sla].every((p) => p !== undefined)).toBe(true);
  });

  it('hands back only the issues it did not reach when Jira rate-limits it midway, delayed by the Retry-After', async () => {
    const w = await world();
    addIssue(w.jira, { id: '2' });
    addIssue(w.jira, { id: '3' });
    w.jira.failNext((c) => /^\/rest\/api\/3\/issue\/2(\?|$)/.test(c.path), 429, { 'Retry-After': '120' });
    expect(await runJob(w.deps, reread(['1', '2', '3']), 0)).toBeUndefined();
    expect(w.pushed).toEqual([{ body: reread(['2', '3']), delayInSeconds: 120 }]);
    expect([reads(w, '1'), reads(w, '3')]).toEqual([1, 0]);
  });

  it('is handed back whole when Jira rate-limits its first issue', async () => {
    const w = await world();
    rateLimit(w, ISSUE_READ);
    expect(await runJob(w.deps, reread(['1', '2']), 0)).toEqual({ retryAfterS: 120, reason: 'RATE_LIMITED' });
    expect(w.pushed).toEqual([]);
  });
});
