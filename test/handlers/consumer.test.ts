import '../fakes/forgeKvs';
/**
 * The queue consumer: jobs of unexpected shape are dropped, retry decisions become InvocationErrors,
 * and Jira failures (deleted and moved issues, rate limits, 5xx storms) lose nothing.
 */

import type { Route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { CONSUMER_JIRA_BUDGET_MS } from '../../src/app/jobs';
import { DUE_BATCH } from '../../src/app/dueBatch';
import { runSweep } from '../../src/app/sweep';
import { handleRecompute } from '../../src/handlers/consumer';
import { invocationError } from '../../src/handlers/retry';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type RequestInitLike } from '../../src/jira/http';
import { saveConfig } from '../../src/store/config';
import { getDue } from '../../src/store/dueIndex';
import { getProgress } from '../../src/store/progress';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy } from '../fakes/world';
import { configure, issueJob, prop, reply, world } from '../fakes/backend';

describe('the consumer under Jira failures', () => {
  it('drops a deleted issue from the due index and stops sweeping it', async () => {
    const w = await world(T0);
    await handleRecompute(w.deps, issueJob('1'));
    w.jira.issues.delete('1');
    w.clock.now = T0 + 2 * HOUR;
    await runSweep(w.deps);
    for (const e of w.pushed) await expect(handleRecompute(w.deps, e)).resolves.toBeUndefined();
    expect(await getDue('1')).toBeUndefined();
    w.pushed.length = 0;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
  });

  it('removes the property and due entry of an issue moved to an unconfigured project', async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')).toBeDefined();
    w.jira.issues.get('1')!.fields.project = { id: '20000', key: 'OPS' };
    await expect(handleRecompute(w.deps, issueJob('1', '10000'))).resolves.toBeUndefined();
    expect(prop(w, '1')).toBeUndefined();
    expect(await getDue('1')).toBeUndefined();
  });

  it("follows an issue moved to another configured project: that project's policy and due entry", async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    const other = testPolicy({ metrics: [testPolicy().metrics[1]!] });
    await configure('20000', other);
    await saveConfig({ projectId: '20000', policy: other, expectedVersion: 1, updatedBy: 'a', updatedAt: iso(T0) });
    w.jira.issues.get('1')!.fields.project = { id: '20000', key: 'OPS' };
    await handleRecompute(w.deps, issueJob('1', '10000'));
    expect(prop(w, '1')).toMatchObject({ policyVersion: 2 });
    expect(Object.keys(prop(w, '1')!.metrics)).toEqual(['resolution']);
    expect(await getDue('1')).toMatchObject({ projectId: '20000' });
  });

  it('hands a Retry-After beyond 900 s back as an InvocationError capped at 900 s, and the redelivery writes', async () => {
    const w = await world(T0 + 10 * MIN);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '3600' });
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect(res).toEqual(new InvocationError({ retryAfter: 900, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED }));
    expect(w.sleeps).toEqual([]);
    expect(w.jira.writes()).toEqual([]);
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'running' });
  });

  it('hands a rate-limited property write back to Forge and loses no fired action', async () => {
    const w = await world(T0 + 5 * HOUR);
    w.jira.failNext((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'), 429, { 'Retry-After': '120' });
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect((res as InvocationError).retryOptions).toMatchObject({ retryAfter: 120, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' });
    await handleRecompute(w.deps, issueJob('1'));
    const comments = w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));
    expect(comments).toHaveLength(1);
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'breached' });
  });

  it('survives a 500 storm: asks Forge to retry, sleeps within the budget, writes nothing', async () => {
    const w = await world(T0 + 10 * MIN);
    w.deps.appJira = (budgetMs) => createJiraClient(async () => reply(500, { errorMessages: ['storm'] }), retryPolicy(budgetMs, { sleep: async (ms) => void w.sleeps.push(ms), random: () => 1 }));
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect((res as InvocationError).retryOptions).toMatchObject({ retryReason: 'FUNCTION_RETRY_REQUEST' });
    expect((res as InvocationError).retryOptions.retryAfter).toBeGreaterThan(0);
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONSUMER_JIRA_BUDGET_MS);
  });

  it('keeps a whole reindex page within one invocation budget when every call needs a retry', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    for (let i = 1; i <= 20; i++) addIssue(w.jira, { id: String(i) });
    let n = 0;
    let storm = true;
    const real = w.jira.transport('app');
    const flaky = async (r: Route, init: RequestInitLike) => (storm && n++ % 2 === 0 ? reply(503, '', { 'Retry-After': '5' }) : real(r, init));
    w.deps.appJira = (budgetMs) => createJiraClient(flaky, retryPolicy(budgetMs, { sleep: async (ms) => void w.sleeps.push(ms), random: () => 0.5 }));
    const chain = { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null };
    const res = await handleRecompute(w.deps, { body: chain });
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONSUMER_JIRA_BUDGET_MS);
    // The page reads and writes in bulk (a handful of requests), so its retries fit the budget and it finishes.
    expect(res).toBeUndefined();
    storm = false;
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 20 });
    for (let i = 1; i <= 20; i++) expect(prop(w, String(i))).toBeDefined();
  });
});

describe('the queue consumer', () => {
  it.each([
    ['no body', undefined],
    ['an unknown kind', { kind: 'everything' }],
    ['an issue job without an issue id', { kind: 'issue', issueId: '' }],
    ['an empty due batch', { kind: 'due', issueIds: [] }],
    ['a due batch over the batch size', { kind: 'due', issueIds: Array.from({ length: DUE_BATCH + 1 }, (_, i) => String(i)) }],
    ['a reindex job in an unknown phase', { kind: 'reindex', projectId: '10000', version: 1, phase: 'later', resolvedSince: null, nextPageToken: null }],
  ])('drops a job with %s: logs it, asks for no redelivery and touches neither Jira nor the queue', async (_name, body) => {
    const w = await world();
    await expect(handleRecompute(w.deps, { body })).resolves.toBeUndefined();
    expect(w.logs).toEqual([expect.stringContaining('Dropping a recompute job of unexpected shape')]);
    expect(w.jira.calls).toEqual([]);
    expect(w.pushed).toEqual([]);
  });

  it('runs a due batch of the largest allowed size', async () => {
    const w = await world();
    const issueIds = Array.from({ length: DUE_BATCH }, (_, i) => String(i + 1));
    for (const id of issueIds.slice(1)) addIssue(w.jira, { id });
    await expect(handleRecompute(w.deps, { body: { kind: 'due', issueIds } })).resolves.toBeUndefined();
    expect(w.logs).toEqual([]);
    for (const id of issueIds) expect(prop(w, id)).toBeDefined();
  });

  it('maps a retry decision to the InvocationError Forge understands', () => {
    expect(invocationError({ retryAfterS: 30, reason: 'RATE_LIMITED' }).retryOptions).toEqual({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
    expect(invocationError({ retryAfterS: 5, reason: 'UNAVAILABLE' }).retryOptions).toEqual({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  });
});
