/**
 * Faults switchable from the control API, beyond the Jira 429/500 ones: storage faults, queue-push
 * faults, applied-then-error faults (the write lands, the caller sees an error), and lost
 * invocations. Each counted fault fires on the next matching calls, then disarms itself.
 */
import api, { route } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs, type ForgeKvsAPIError } from '@forge/kvs';
import type { Emulator } from '../../emulator/app';
import { handleControl } from '../../emulator/server/control';
import { createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

const control = (emu: Emulator, method: string, body: Record<string, unknown> = {}) => handleControl(emu, method, '/control/faults', body, async () => undefined);
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: ForgeKvsAPIError) => e.code ?? e.constructor.name);
const errorName = (p: Promise<unknown>) => p.then(() => 'OK', (e: Error) => e.constructor.name);

describe('storage faults', () => {
  it('fails the next storage calls with 500 and applies nothing, then recovers', async () => {
    const emu = testEmulator();
    await control(emu, 'POST', { storage: { count: 1 } });
    expect(await codeOf(kvs.set('a', 1))).toBe('INTERNAL_SERVER_ERROR');
    expect(await kvs.get('a')).toBeUndefined();
    expect(await codeOf(kvs.set('a', 2))).toBe('OK');
  });

  it('can answer RATE_LIMIT_EXCEEDED instead', async () => {
    const emu = testEmulator();
    await control(emu, 'POST', { storage: { count: 1, status: 429 } });
    expect(await codeOf(kvs.get('a'))).toBe('RATE_LIMIT_EXCEEDED');
  });

  it('applies a write and still answers 500 when applied-then-error is armed', async () => {
    const emu = testEmulator();
    await control(emu, 'POST', { storageAppliedThenError: { count: 1 } });
    expect(await codeOf(kvs.set('cfg', { v: 2 }))).toBe('INTERNAL_SERVER_ERROR');
    expect(await kvs.get('cfg')).toEqual({ v: 2 });
    expect(emu.limits.storage.totals().faults).toBe(1);
  });
});

describe('Jira faults', () => {
  it('applies an app write to Jira and still answers 500 when applied-then-error is armed; reads are untouched', async () => {
    const emu = testEmulator();
    const issue = createIssue(emu);
    await control(emu, 'POST', { jiraAppliedThenError: { count: 1 } });
    const read = await api.asApp().requestJira(route`/rest/api/3/issue/${issue.id}`);
    const write = await api.asApp().requestJira(route`/rest/api/3/issue/${issue.id}/properties/sla`, { method: 'PUT', body: JSON.stringify({ v: 1 }) });
    expect([read.status, write.status]).toEqual([200, 500]);
    expect(emu.site.issue(issue.id)?.properties.sla).toEqual({ v: 1 });
  });

  it('sends Retry-After with an injected 500 when asked to', async () => {
    const emu = testEmulator();
    await control(emu, 'POST', { jira500: { count: 1, retryAfterSeconds: 30 } });
    const res = await api.asApp().requestJira(route`/rest/api/3/priority`);
    expect([res.status, res.headers.get('retry-after')]).toEqual([500, '30']);
  });
});

describe('queue push faults', () => {
  it('fails a push and queues nothing', async () => {
    let consumed = 0;
    const emu = testEmulator({ consume: () => { consumed++; } });
    await control(emu, 'POST', { queuePush: { count: 1 } });
    expect(await errorName(new Queue({ key: 'recompute-queue' }).push([{ body: { n: 1 } }]))).toBe('InternalServerError');
    await emu.drain();
    expect(consumed).toBe(0);
  });

  it('queues the events and still fails the push when applied-then-error is armed', async () => {
    let consumed = 0;
    const emu = testEmulator({ consume: () => { consumed++; } });
    await control(emu, 'POST', { queuePushAppliedThenError: { count: 1 } });
    expect(await errorName(new Queue({ key: 'recompute-queue' }).push([{ body: { n: 1 } }]))).toBe('InternalServerError');
    await emu.drain();
    expect(consumed).toBe(1);
  });
});

describe('lost invocations', () => {
  it('drops the next trigger and consumer invocations without running or retrying them', async () => {
    let triggers = 0;
    let consumed = 0;
    const emu = testEmulator({ onEvent: () => { triggers++; }, consume: () => { consumed++; } });
    await control(emu, 'POST', { lostInvocations: { trigger: 1, consumer: 1 } });
    createIssue(emu);
    await new Queue({ key: 'recompute-queue' }).push([{ body: { n: 1 } }, { body: { n: 2 } }]);
    await emu.drain();
    createIssue(emu);
    await emu.drain();
    expect([triggers, consumed, emu.runtime?.counters.lostInvocations]).toEqual([1, 1, 2]);
  });
});

describe('the faults control API', () => {
  it('disarms every fault with DELETE', async () => {
    const emu = testEmulator();
    await control(emu, 'POST', { storage: { count: 3 }, queuePush: { count: 2, status: 429 }, lostInvocations: { consumer: 4 }, jira500: { count: 1 } });
    const cleared = await control(emu, 'DELETE');
    expect(cleared.body).toMatchObject({ storage: { remaining: 0 }, queuePush: { remaining: 0 }, lostInvocations: { trigger: 0, consumer: 0, scheduled: 0 }, jira500: { remaining: 0 } });
  });
});
