import '../fakes/forgeKvs';

import { buildProperty } from '../../src/app/property';
import { AUDIT_EVERY_MS, MAX_PAGES, REREAD_BATCH, runReconcile } from '../../src/app/reconcile';
import type { JiraClient } from '../../src/jira/client';
import type { IssueState } from '../../src/jira/searchStates';
import { saveConfig } from '../../src/store/config';
import { integrityKey } from '../../src/store/integrity';
import { setProgress } from '../../src/store/progress';
import { loadReconcileState } from '../../src/store/reconcileState';
import { HOUR, iso, makeWorld, T0, testPolicy, type World } from '../fakes/world';

const UPDATED = '2026-03-02T09:00:00.000+0000';

/** A Jira whose search answers `pages` pages of `issues(page)` and records every JQL it was asked. */
function scriptedSearch(w: World, issues: (page: number) => IssueState[], pages: number): string[] {
  const asked: string[] = [];
  const real = w.deps.appJira;
  w.deps.appJira = (budget) => ({
    ...real(budget),
    async searchIssueStates(jql: string, token: string | null) {
      asked.push(jql);
      const page = token === null ? 0 : Number(token);
      return { ok: true as const, value: { issues: issues(page), nextPageToken: page + 1 < pages ? String(page + 1) : null } };
    },
  }) as JiraClient;
  return asked;
}

async function world(): Promise<World> {
  const w = makeWorld(T0 + 2 * HOUR);
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  return w;
}

async function trusted(id: string): Promise<IssueState> {
  const sla = buildProperty({ issueId: id, evaluatedAt: 0, metrics: [], nextCheckAt: null, problems: [] }, { issueId: id, policyVersion: 1, seen: '2026-03-02T09:00:00Z', key: await integrityKey() });
  return { id, updated: UPDATED, sla };
}

describe('the reconciliation pass', () => {
  it('queues only the issues whose stored state it cannot trust', async () => {
    const w = await world();
    const ok = await trusted('1');
    scriptedSearch(w, () => [ok, { id: '2', updated: UPDATED, sla: undefined }, { ...ok, id: '3' }], 1);
    const report = await runReconcile(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([
      { kind: 'reread', issueIds: ['2', '3'], projectId: '10000' },
      { kind: 'reread', issueIds: ['2', '3'], projectId: '10000' },
    ]);
    expect(report.queued).toEqual({ missing: 2, integrity: 2 });
  });

  it(`queues a page's untrusted issues in batches of ${REREAD_BATCH}, so a busy day cannot spend Forge's events a minute`, async () => {
    const w = await world();
    scriptedSearch(w, () => Array.from({ length: 60 }, (_, i) => ({ id: String(100 + i), updated: UPDATED, sla: undefined })), 1);
    await runReconcile(w.deps);
    const batches = w.pushed.map((e) => e.body as { kind: string; issueIds: string[] });
    expect(batches.map((b) => [b.kind, b.issueIds.length])).toEqual([['reread', 25], ['reread', 25], ['reread', 10], ['reread', 25], ['reread', 25], ['reread', 10]]);
    expect(batches.slice(0, 3).flatMap((b) => b.issueIds)).toEqual(Array.from({ length: 60 }, (_, i) => String(100 + i)));
  });

  it(`reads at most ${MAX_PAGES} pages per run and resumes the round from the saved page token`, async () => {
    const w = await world();
    const asked = scriptedSearch(w, () => [], 30);
    await runReconcile(w.deps);
    expect(asked).toHaveLength(MAX_PAGES);
    expect((await loadReconcileState()).tasks[0]).toMatchObject({ projectId: '10000', kind: 'delta', nextPageToken: String(MAX_PAGES) });
    await runReconcile(w.deps);
    expect(asked).toHaveLength(MAX_PAGES * 2);
    expect((await loadReconcileState()).tasks.map((t) => t.kind)).toEqual(['audit']);
  });

  it('runs the integrity walk once a day, and the search for candidates every run', async () => {
    const w = await world();
    const asked = scriptedSearch(w, () => [], 1);
    await runReconcile(w.deps);
    w.clock.now += HOUR;
    await runReconcile(w.deps);
    w.clock.now += AUDIT_EVERY_MS;
    await runReconcile(w.deps);
    expect(asked.map((q) => (q.includes('is not EMPTY) ORDER') ? 'audit' : 'delta'))).toEqual(['delta', 'audit', 'delta', 'delta', 'audit']);
  });

  it('leaves a project alone while its own recompute chain is running', async () => {
    const w = await world();
    await setProgress('10000', { state: 'running', done: 0, total: 5, startedAt: iso(T0), finishedAt: null });
    const asked = scriptedSearch(w, () => [], 1);
    await runReconcile(w.deps);
    expect(asked.every((q) => q.includes('is not EMPTY) ORDER'))).toBe(true);
  });

  it('keeps the round for the next run when Jira refuses a search', async () => {
    const w = await world();
    const real = w.deps.appJira;
    w.deps.appJira = (b) => ({ ...real(b), searchIssueStates: async () => ({ ok: false as const, error: { code: 'RATE_LIMITED' as const, status: 429, message: 'slow down' } }) }) as JiraClient;
    const report = await runReconcile(w.deps);
    expect(report).toMatchObject({ pages: 0, unfinished: 2 });
    expect((await loadReconcileState()).tasks).toHaveLength(2);
  });
});
