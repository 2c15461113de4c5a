import { exchange, retryPolicy, type ResponseLike } from '../../src/jira/http';

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
