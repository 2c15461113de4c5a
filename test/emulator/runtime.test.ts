/**
 * The Forge runtime wiring, exercised through the REAL @forge/api, @forge/kvs and @forge/events
 * packages: what a handler does with them must land in the emulator.
 */
import api, { route } from '@forge/api';
import { kvs, WhereConditions } from '@forge/kvs';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { USERS } from '../../emulator/jira/catalog';
import { call, createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

describe('the Forge runtime', () => {
  it('stores, reads, queries and deletes KVS keys through the real @forge/kvs client', async () => {
    testEmulator();
    await kvs.set('cfg:1', { a: 1 });
    await kvs.set('cfg:2', { a: 2 });
    await kvs.set('other', 3);
    expect(await kvs.get('cfg:1')).toEqual({ a: 1 });
    const page = await kvs.query().where('key', WhereConditions.beginsWith('cfg:')).getMany();
    expect(page.results.map((r) => r.key)).toEqual(['cfg:1', 'cfg:2']);
    await kvs.delete('cfg:1');
    expect(await kvs.get('cfg:1')).toBeUndefined();
  });

  it('refuses a second create with FAIL_IF_EXISTS', async () => {
    testEmulator();
    await kvs.set('lock', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('lock', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toThrow();
  });

  it('queries custom entities by a partitioned range index declared in the manifest', async () => {
    testEmulator();
    const e = kvs.entity<{ issueId: string; state: string; dueAt: number }>('due-entry');
    await e.set('a', { issueId: '1', state: 'running', dueAt: 100 });
    await e.set('b', { issueId: '2', state: 'running', dueAt: 300 });
    await e.set('c', { issueId: '3', state: 'met', dueAt: 50 });
    const due = await e.query().index('by-due', { partition: ['running'] }).where(WhereConditions.lessThan(200)).getMany();
    expect(due.results.map((r) => r.key)).toEqual(['a']);
  });

  it('routes asApp requestJira to the emulated Jira and marks the write as the app\'s own', async () => {
    const seen: unknown[] = [];
    const emu = testEmulator({ onEvent: (ev) => { seen.push(ev); } });
    const issue = createIssue(emu);
    await emu.drain();
    seen.length = 0;
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${issue.id}`, { method: 'PUT', body: JSON.stringify({ fields: { priority: { name: 'High' } } }) });
    expect(res.status).toBe(204);
    await emu.drain();
    expect(emu.site.issue(issue.id)?.fields.priority).toBe('2');
    expect(seen).toEqual([]);
  });

  it('runs resolvers as the selected user so asUser() calls carry that user\'s permissions', async () => {
    const emu = testEmulator({
      resolver: async () => {
        const res = await api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER_PROJECTS&projectKey=SUP`);
        return ((await res.json()) as { permissions: { ADMINISTER_PROJECTS: { havePermission: boolean } } }).permissions.ADMINISTER_PROJECTS.havePermission;
      },
    });
    const asAdmin = await emu.runtime?.invokeResolver({ moduleKey: 'panel', accountId: USERS.admin, functionKey: 'x', payload: {}, extension: {} });
    const asAgent = await emu.runtime?.invokeResolver({ moduleKey: 'panel', accountId: USERS.agentAna, functionKey: 'x', payload: {}, extension: {} });
    expect([asAdmin, asAgent]).toEqual([true, false]);
  });

  it('delivers product events to the trigger and queue pushes to the consumer', async () => {
    const consumed: unknown[] = [];
    const emu = testEmulator({
      onEvent: async (ev) => { await new Queue({ key: 'recompute-queue' }).push([{ body: { issueId: (ev as { issue: { id: string } }).issue.id } }]); },
      consume: (ev) => { consumed.push((ev as { body: unknown }).body); },
    });
    const issue = createIssue(emu);
    expect(await emu.drain()).toBe(true);
    expect(consumed).toEqual([{ issueId: issue.id }]);
  });

  it('retries a consumer that returns an InvocationError, with a retryContext', async () => {
    const attempts: unknown[] = [];
    const emu = testEmulator({
      onEvent: async () => { await new Queue({ key: 'recompute-queue' }).push([{ body: { n: 1 } }]); },
      consume: (ev) => {
        attempts.push((ev as { retryContext?: unknown }).retryContext ?? null);
        return attempts.length === 1 ? new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { again: true } }) : undefined;
      },
    });
    createIssue(emu);
    await emu.drain();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toMatchObject({ retryCount: 1, retryData: { again: true } });
  });

  it('delivers every event twice when duplicate delivery is injected', async () => {
    let count = 0;
    const emu = testEmulator({ onEvent: () => { count++; } });
    emu.faults.duplicateEvents = true;
    createIssue(emu);
    await emu.drain();
    expect(count).toBe(2);
  });

  it('answers 429 with Retry-After to the app while the fault is armed', async () => {
    const emu = testEmulator();
    emu.faults.jira429 = { remaining: 1, retryAfterSeconds: 7 };
    const first = await api.asApp().requestJira(route`/rest/api/3/priority`);
    const second = await api.asApp().requestJira(route`/rest/api/3/priority`);
    expect([first.status, first.headers.get('retry-after'), second.status]).toEqual([429, '7', 200]);
  });

  it('runs the fiveMinute sweep once when the clock is advanced past its slot', async () => {
    let sweeps = 0;
    const emu = testEmulator({ sweep: () => { sweeps++; } });
    await emu.advance(4 * 60_000);
    expect(sweeps).toBe(0);
    await emu.advance(2 * 60_000);
    expect(sweeps).toBe(1);
  });

  it('lets handlers read the emulator clock through Date.now()', async () => {
    const emu = testEmulator();
    const before = Date.now();
    await emu.advance(3_600_000);
    expect(Date.now() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(call(emu, 'GET', '/rest/api/3/serverInfo').status).toBe(200);
  });
});
