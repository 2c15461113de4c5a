import '../fakes/forgeKvs';

import { handleRecompute } from '../../src/handlers/consumer';
import { EVERY_RESOLVED_SINCE, reindexJql, startReindex } from '../../src/app/reindex';
import { RESOLVED_ALL } from '@contract';
import { saveConfig } from '../../src/store/config';
import { getProgress } from '../../src/store/progress';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import type { InvocationError } from '@forge/events';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy } from '../../src/jira/http';
import { configure, world } from '../fakes/backend';

async function drain(w: World, from = 0): Promise<void> {
  for (let i = from; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
}

describe('project recompute after a configuration change', () => {
  it('recomputes every unresolved issue page by page and reports progress', async () => {
    const w = makeWorld(T0 + 5 * HOUR);
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    for (let i = 1; i <= 120; i++) addIssue(w.jira, { id: String(i) });
    addIssue(w.jira, { id: '999', fields: { resolution: { id: '1' } } });
    const started = await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    expect(started).toMatchObject({ state: 'running', total: 120, done: 0 });
    await drain(w);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 120, total: 120 });
    expect(w.jira.issues.get('120')!.properties.sla).toBeDefined();
    expect(w.jira.issues.get('999')!.properties.sla).toBeUndefined();
    // Breaches found by a bulk recompute are recorded, not announced.
    expect(w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'))).toEqual([]);
  });

  it('stops a chain that a newer save has superseded', async () => {
    const w = makeWorld(T0);
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    addIssue(w.jira, { id: '1' });
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 1, updatedBy: 'a', updatedAt: iso(T0) });
    await drain(w);
    expect(w.jira.issues.get('1')!.properties.sla).toBeUndefined();
  });

  it('includes issues resolved since a date when asked', () => {
    expect(reindexJql('10000', 'resolved', '2026-01-01')).toBe('project = 10000 AND resolution is not EMPTY AND resolved >= "2026-01-01" ORDER BY id ASC');
  });

  it('includes every resolved issue when asked for all of them', () => {
    expect(reindexJql('10000', 'resolved', EVERY_RESOLVED_SINCE)).toBe('project = 10000 AND resolution is not EMPTY AND resolved >= "1970-01-01" ORDER BY id ASC');
  });

  it('rewrites resolved issues only when asked, each keeping its stored value until its own rewrite', async () => {
    const w = makeWorld(T0 + 5 * HOUR);
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    addIssue(w.jira, { id: '1' });
    addIssue(w.jira, { id: '999', fields: { resolution: { id: '1' } }, properties: { sla: { old: true } } });
    const started = await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, RESOLVED_ALL);
    expect(started.total).toBe(2);
    expect(w.jira.issues.get('999')!.properties.sla).toEqual({ old: true });
    await drain(w);
    expect(w.jira.issues.get('999')!.properties.sla).not.toEqual({ old: true });
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 2, total: 2 });
  });
});

describe('a recompute chain outlasting Forge redeliveries', () => {
  const chain = { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null };

  it('hands a rate-limited page back to Forge while redeliveries remain', async () => {
    const w = await world();
    w.jira.failNext((c) => c.path.startsWith('/rest/api/3/search/jql'), 429, { 'Retry-After': '300' });
    const res = await handleRecompute(w.deps, { body: chain, retryContext: { retryCount: 1 } });
    expect((res as InvocationError).retryOptions).toMatchObject({ retryAfter: 300 });
    expect(w.pushed).toEqual([]);
  });

  it('queues a fresh copy of the page on the last redelivery, so the chain does not die', async () => {
    const w = await world();
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    w.pushed.length = 0;
    w.jira.failNext((c) => c.path.startsWith('/rest/api/3/search/jql'), 429, { 'Retry-After': '300' });
    const res = await handleRecompute(w.deps, { body: chain, retryContext: { retryCount: 4 } });
    expect(res).toBeUndefined();
    expect(w.pushed).toEqual([{ body: chain, delayInSeconds: 300, concurrency: { key: 'reindex-10000', limit: 1 } }]);
    await handleRecompute(w.deps, w.pushed[0]!);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 1 });
  });
});

describe('a configuration saved while a recompute chain is in flight', () => {
  it('leaves the newer chain its own progress and lets only the newer chain finish', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    for (let i = 1; i <= 10; i++) addIssue(w.jira, { id: String(i) });
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    const oldPage = w.pushed.shift()!;
    // The admin saves again while the old chain's page is between its search and its progress update.
    const real = w.jira.transport('app');
    let saved = false;
    w.deps.appJira = (budgetMs) =>
      createJiraClient(async (r, init) => {
        const res = await real(r, init);
        if (!saved && r.value.startsWith('/rest/api/3/search/jql')) {
          saved = true;
          await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 1, updatedBy: 'admin-2', updatedAt: iso(T0) });
          await startReindex(w.deps, createJiraClient(real, retryPolicy(10_000)), '10000', 2, null);
        }
        return res;
      }, retryPolicy(budgetMs));
    await handleRecompute(w.deps, oldPage);
    expect(await getProgress('10000')).toMatchObject({ state: 'running', done: 0, total: 10 });
    expect(w.pushed.map((e) => e.body)).toEqual([expect.objectContaining({ kind: 'reindex', version: 2 })]);
    for (let i = 0; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 10, total: 10 });
  });
});
