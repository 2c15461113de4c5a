/**
 * Forge async events and product-event delivery as the emulator models them: push limits, the
 * per-installation event rate, redelivery counts and back-off, concurrent delivery with per-key
 * concurrency, and a queue that is plain JSON.
 */
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { MAX_REQUESTED_RETRIES } from '../../emulator/forge/runtime';
import { platformBackoffMs, RETENTION_MS } from '../../emulator/forge/pump';
import { createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

const queue = () => new Queue({ key: 'recompute-queue' });
const events = (n: number, extra: Record<string, unknown> = {}) => Array.from({ length: n }, (_, i) => ({ body: { n: i }, ...extra }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorName = (p: Promise<unknown>) => p.then(() => 'OK', (e: Error) => e.constructor.name);

describe('queue push limits', () => {
  it('refuses more than 50 events in one push, in the client and in the emulated platform alike', async () => {
    const emu = testEmulator();
    expect(await errorName(queue().push(events(51)))).toBe('TooManyEventsError');
    expect(emu.runtime?.stargate('/webhook/queue/publish', { queueName: 'recompute-queue', payload: events(51) }).status).toBe(400);
    expect(await errorName(queue().push(events(50)))).toBe('OK');
  });

  it('refuses pushes beyond 500 events a minute per installation with RateLimitError, when the rate limit is on', async () => {
    const emu = testEmulator();
    const runtime = emu.runtime!;
    runtime.queue.now = () => 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    runtime.queue.config.rateEnabled = true;
    for (let i = 0; i < 10; i++) expect(await errorName(queue().push(events(50)))).toBe('OK');
    expect(await errorName(queue().push(events(1)))).toBe('RateLimitError');
    expect(runtime.queue.state).toMatchObject({ pushes: 11, events: 500, refused: 1 });
    await emu.drain();
  });
});

describe('redelivery', () => {
  it('honours at most 4 requested retries of a consumer, then drops the event and counts the job failed', async () => {
    let calls = 0;
    const emu = testEmulator({ consume: () => { calls++; return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }); } });
    const { jobId } = await queue().push([{ body: { n: 1 } }]);
    await emu.drain();
    expect([calls, MAX_REQUESTED_RETRIES]).toEqual([5, 4]);
    expect(await queue().getJob(jobId).getStats()).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('honours at most 4 requested retries of a product trigger', async () => {
    let calls = 0;
    const emu = testEmulator({ onEvent: () => { calls++; return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }); } });
    createIssue(emu);
    await emu.drain();
    expect(calls).toBe(5);
  });

  it('redelivers a consumer that threw, with a platform reason, until it succeeds', async () => {
    const seen: unknown[] = [];
    const emu = testEmulator({ consume: (ev) => { seen.push((ev as { retryContext?: unknown }).retryContext ?? null); if (seen.length < 3) throw new Error('boom'); } });
    const { jobId } = await queue().push([{ body: { n: 1 } }]);
    await emu.drain();
    expect(seen).toEqual([null, expect.objectContaining({ retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' }), expect.objectContaining({ retryCount: 2 })]);
    expect(await queue().getJob(jobId).getStats()).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('backs off exponentially from 10 s to at most 15 minutes, within a 24 h retention window', () => {
    expect([1, 2, 3, 7, 8, 20].map(platformBackoffMs)).toEqual([10_000, 20_000, 40_000, 640_000, 900_000, 900_000]);
    expect(RETENTION_MS).toBe(86_400_000);
  });

  it('drops a consumer that keeps throwing once the retention window is used up', async () => {
    let calls = 0;
    const emu = testEmulator({ consume: () => { calls++; throw new Error('always'); } });
    await queue().push([{ body: { n: 1 } }]);
    expect(await emu.drain(60_000)).toBe(true);
    expect(calls).toBeGreaterThan(90);
    expect(emu.runtime?.pump.deadLetters.at(-1)).toMatch(/retention window over/);
  }, 70_000);

  it('does not retry a product trigger that threw', async () => {
    let calls = 0;
    const emu = testEmulator({ onEvent: () => { calls++; throw new Error('boom'); } });
    createIssue(emu);
    await emu.drain();
    expect(calls).toBe(1);
    expect(emu.runtime?.pump.deadLetters).toEqual([expect.stringMatching(/not retried/)]);
  });
});

describe('concurrent delivery', () => {
  it('runs consumers concurrently, so one waiting function does not hold up the others', async () => {
    const finished: number[] = [];
    let maxActive = 0;
    const emu = testEmulator({
      consume: async (ev) => {
        maxActive = Math.max(maxActive, emu.runtime!.pump.active());
        const n = (ev as { body: { n: number } }).body.n;
        if (n === 0) await sleep(300); // a Retry-After sleep inside one invocation
        finished.push(n);
      },
    });
    await queue().push(events(4));
    await emu.drain();
    expect(finished.at(-1)).toBe(0);
    expect(maxActive).toBeGreaterThan(1);
  });

  it('runs events sharing a concurrency key one at a time, in push order, while other keys run alongside', async () => {
    const log: string[] = [];
    let keyedActive = 0;
    let keyedMax = 0;
    const emu = testEmulator({
      consume: async (ev) => {
        const { n, key } = (ev as { body: { n: number; key: string } }).body;
        if (key === 'issue-1') keyedMax = Math.max(keyedMax, ++keyedActive);
        await sleep(20);
        if (key === 'issue-1') keyedActive--;
        log.push(`${key}:${n}`);
      },
    });
    const keyed = [0, 1, 2].map((n) => ({ body: { n, key: 'issue-1' }, concurrency: { key: 'issue-1', limit: 1 } }));
    await queue().push([...keyed, { body: { n: 9, key: 'free' } }]);
    await emu.drain();
    expect(keyedMax).toBe(1);
    expect(log.filter((l) => l.startsWith('issue-1'))).toEqual(['issue-1:0', 'issue-1:1', 'issue-1:2']);
    expect(log.indexOf('free:9')).toBeLessThan(log.indexOf('issue-1:2'));
  });
});

describe('queue state', () => {
  it('is plain JSON: a snapshot restored into a fresh emulator delivers the pending events', async () => {
    const first = testEmulator();
    await queue().push([{ body: { n: 1 }, delayInSeconds: 900 }]);
    const saved = JSON.parse(JSON.stringify(first.runtime!.snapshot())) as ReturnType<NonNullable<typeof first.runtime>['snapshot']>;
    first.runtime!.pump.clear();
    teardown();
    const consumed: unknown[] = [];
    const second = testEmulator({ consume: (ev) => { consumed.push((ev as { body: unknown }).body); } });
    second.runtime!.restore(saved);
    await second.drain();
    expect(consumed).toEqual([{ n: 1 }]);
  });
});
