import { exchange, retryPolicy, type ResponseLike } from '../../src/jira/http';
import { FakeJira } from '../fakes/jira';
import { reply, scriptedClient } from './scripted';

const res = (status: number, body = '', headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n) => headers[n] ?? null },
  text: async () => body,
});

function scripted(...replies: Array<ResponseLike | Error>) {
  const queue = [...replies];
  let calls = 0;
  const send = async () => {
    calls++;
    const next = queue.shift();
    if (!next) throw new Error('no more scripted replies');
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, calls: () => calls };
}

function policy(budgetMs = 30_000) {
  const sleeps: number[] = [];
  return { sleeps, p: retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 }) };
}

describe('a Jira exchange', () => {
  it('parses a JSON body and treats an empty body as undefined', async () => {
    const { p } = policy();
    expect(await exchange(scripted(res(200, '{"a":1}')).send, p)).toEqual({ ok: true, value: { status: 200, body: { a: 1 } } });
    expect(await exchange(scripted(res(204)).send, p)).toEqual({ ok: true, value: { status: 204, body: undefined } });
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    const { p, sleeps } = policy();
    const s = scripted(res(429, '', { 'Retry-After': '3' }), res(200, '{}'));
    expect((await exchange(s.send, p)).ok).toBe(true);
    expect(sleeps).toEqual([3000]);
  });

  it('backs off exponentially within a cap when a 5xx has no Retry-After', async () => {
    const { p, sleeps } = policy();
    const s = scripted(res(503), res(502), res(500), res(200, '{}'));
    expect((await exchange(s.send, p)).ok).toBe(true);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('gives up after the attempt limit with UNAVAILABLE and a suggested delay', async () => {
    const { p } = policy();
    const r = await exchange(scripted(res(503), res(503), res(503), res(503)).send, p);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', status: 503 } });
    expect(!r.ok && r.error.retryAfterMs).toBeGreaterThan(0);
  });

  it('hands back a wait that would outlast the budget instead of sleeping', async () => {
    const { p, sleeps } = policy(5_000);
    const s = scripted(res(429, '', { 'Retry-After': '60' }));
    expect(await exchange(s.send, p)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 60_000 } });
    expect(sleeps).toEqual([]);
    expect(s.calls()).toBe(1);
  });

  it('does not retry client errors and names them by code', async () => {
    const { p } = policy();
    const s = scripted(res(404, '{"errorMessages":["gone"]}'));
    expect(await exchange(s.send, p)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', status: 404 } });
    expect(await exchange(scripted(res(403)).send, p)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await exchange(scripted(res(400)).send, p)).toMatchObject({ ok: false, error: { code: 'REJECTED' } });
    expect(s.calls()).toBe(1);
  });

  it('retries a transport that throws, like a 503', async () => {
    const { p } = policy();
    expect((await exchange(scripted(new Error('socket hang up'), res(200, '{}')).send, p)).ok).toBe(true);
  });

  it('reports a body that is not JSON as BAD_RESPONSE', async () => {
    const { p } = policy();
    expect(await exchange(scripted(res(200, '<html>')).send, p)).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });
});

describe('one retry budget per invocation', () => {
  it('shares the budget across calls: later calls hand back instead of sleeping again', async () => {
    const { c, sleeps, total } = scriptedClient(async () => reply(429, {}, { 'Retry-After': '4' }), 10_000);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await c.getStatuses());
    expect(total()).toBeLessThanOrEqual(10_000);
    expect(sleeps).toEqual([4000, 4000]);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 4000 } });
  });

  it('keeps the budget when calls run concurrently', async () => {
    const { c, total } = scriptedClient(async () => reply(503, {}, { 'Retry-After': '3' }), 10_000);
    await Promise.all(Array.from({ length: 8 }, () => c.getStatuses()));
    expect(total()).toBeLessThanOrEqual(10_000);
  });

  it('gives each new client (each invocation) a fresh budget', async () => {
    let n = 0;
    const transport = async () => (n++ % 2 === 0 ? reply(429, {}, { 'Retry-After': '6' }) : reply(200, []));
    const first = scriptedClient(transport, 10_000);
    expect((await first.c.getStatuses()).ok).toBe(true);
    expect((await first.c.getStatuses()).ok).toBe(false);
    const second = scriptedClient(transport, 10_000);
    expect((await second.c.getStatuses()).ok).toBe(true);
  });
});

describe('odd Retry-After values and 5xx storms', () => {
  const p = (sleeps: number[], budgetMs = 30_000) => retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 });
  const script = (...replies: ResponseLike[]) => async () => replies.shift() ?? reply(200, {});

  it.each([
    ['an HTTP date', 'Wed, 21 Oct 2026 07:28:00 GMT'],
    ['a negative number', '-5'],
    ['garbage', 'soon'],
  ])('backs off exponentially when Retry-After is %s', async (_n, value) => {
    const sleeps: number[] = [];
    expect((await exchange(script(reply(429, {}, { 'Retry-After': value })), p(sleeps))).ok).toBe(true);
    expect(sleeps).toEqual([500]);
  });

  it('retries at once on Retry-After: 0', async () => {
    const sleeps: number[] = [];
    expect((await exchange(script(reply(429, {}, { 'Retry-After': '0' })), p(sleeps))).ok).toBe(true);
    expect(sleeps).toEqual([0]);
  });

  it('stops a 500 storm after four attempts with UNAVAILABLE and a retry hint', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const r = await exchange(async () => (calls++, reply(500, { errorMessages: ['storm'] })), p(sleeps));
    expect(calls).toBe(4);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', status: 500 } });
    expect(!r.ok && r.error.retryAfterMs).toBeGreaterThan(0);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
  });

  it('does not retry a 404 and reports it as NOT_FOUND for every read of a deleted issue', async () => {
    const jira = new FakeJira();
    const { c } = scriptedClient(jira.transport());
    expect(await c.getIssueBundle('gone', ['status'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.deleteIssueProperty('gone', 'sla')).toMatchObject({ ok: true });
    expect(jira.calls).toHaveLength(2);
  });
});
