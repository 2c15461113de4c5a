import { route, type Route } from '@forge/api';
import { z } from 'zod';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { andThen, createRequester } from '../../src/jira/request';
import { reply } from './scripted';

/** A transport answering from a script, recording what was sent; sleeps are recorded, not slept. */
function scripted(answers: ResponseLike[], budgetMs = 10_000) {
  const sent: Array<{ path: string; init: RequestInitLike }> = [];
  const sleeps: number[] = [];
  const transport = async (r: Route, init: RequestInitLike) => {
    sent.push({ path: r.value, init });
    return answers.shift() ?? reply(200, {});
  };
  const req = createRequester(transport, retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 }));
  return { req, sent, sleeps };
}

const issue = z.object({ id: z.string() });

describe('typed Jira requests', () => {
  it('parses the body against the schema of the slice used, sending JSON headers', async () => {
    const { req, sent } = scripted([reply(200, { id: '10001', extra: true })]);
    expect(await req.json(issue, route`/rest/api/3/issue/${'10001'}`)).toEqual({ ok: true, value: { id: '10001' } });
    expect(sent[0]?.init).toEqual({ method: 'GET', headers: { Accept: 'application/json', 'Content-Type': 'application/json' } });
  });

  it('answers BAD_RESPONSE, naming the route, when the body does not fit', async () => {
    const { req } = scripted([reply(200, { id: 7 })]);
    const res = await req.json(issue, route`/rest/api/3/issue/${'10001'}`);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE', status: 200 } });
    expect(!res.ok && res.error.message).toContain('/rest/api/3/issue/10001');
  });

  it('sends a write and answers its status, or the failure', async () => {
    const { req } = scripted([reply(204), reply(404, { errorMessages: ['gone'] })]);
    expect(await req.send(route`/rest/api/3/issue/${'1'}/properties/sla`, { method: 'PUT', body: '{}' })).toEqual({ ok: true, value: 204 });
    expect(await req.send(route`/rest/api/3/issue/${'2'}/properties/sla`, { method: 'PUT', body: '{}' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shares one retry budget between the exchanges of an invocation', async () => {
    const throttled = () => reply(429, {}, { 'Retry-After': '3' });
    const { req, sleeps } = scripted([throttled(), reply(200, { id: 'a' }), throttled(), throttled()], 5_000);
    expect((await req.json(issue, route`/rest/api/3/issue/${'a'}`)).ok).toBe(true);
    // 3 s of the 5 s budget are gone: the second call cannot wait another 3 s and hands back.
    expect(await req.json(issue, route`/rest/api/3/issue/${'b'}`)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(sleeps).toEqual([3000]);
  });

  it('chains a result, stopping at the first failure', () => {
    expect(andThen({ ok: true, value: 2 }, (n) => n * 10)).toEqual({ ok: true, value: 20 });
    const failed = { ok: false as const, error: { code: 'FORBIDDEN' as const, status: 403, message: 'no' } };
    expect(andThen(failed, () => 1)).toBe(failed);
  });
});
