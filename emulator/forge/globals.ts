/**
 * The high-fidelity Forge seam: defines `__forge_runtime__` and `__forge_fetch__` so the REAL
 * @forge/api, @forge/kvs and @forge/events run unchanged and reach the emulator in-process.
 * The invoking user lives in an AsyncLocalStorage scope, so concurrent invocations each act as
 * their own user with `asUser()`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { JiraRequest, JiraResponse } from '../jira/api';
import type { KvsReply } from './kvs';

export interface InvocationScope { accountId: string | null; moduleKey: string; invocationId: string }
export const scope = new AsyncLocalStorage<InvocationScope>();

export interface FetchTarget { type?: string; provider?: string; remote?: string; accountId?: string }

export interface ForgeBackends {
  appAccountId: string;
  jira(req: JiraRequest): Promise<JiraResponse>;
  kvs(path: string, body: unknown): KvsReply;
  stargate(path: string, body: unknown): KvsReply;
}

const APP_ID = '5e1f0000-0000-4000-8000-00000000c10c';

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined || body === '' ? null : JSON.stringify(body);
  // Response refuses a body on 204/205/304.
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

function parseBody(init: RequestInit | undefined): unknown {
  const b = init?.body;
  if (typeof b !== 'string' || b === '') return undefined;
  try { return JSON.parse(b) as unknown; } catch { return b; }
}

async function jiraFetch(b: ForgeBackends, target: FetchTarget, path: string, init: RequestInit | undefined): Promise<Response> {
  const current = scope.getStore();
  const asUser = target.provider === 'user';
  const accountId = asUser ? target.accountId ?? current?.accountId ?? null : b.appAccountId;
  if (!accountId) return reply(401, { message: 'asUser() has no user in this invocation' }, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' });
  const url = new URL(path, 'http://jira.invalid');
  const res = await b.jira({
    method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body: parseBody(init),
    actor: { accountId, self: true },
  });
  return reply(res.status, res.body, res.headers);
}

export function installForgeGlobals(b: ForgeBackends): void {
  const g = globalThis as Record<string, unknown>;
  g.__forge_runtime__ = {
    appContext: {
      appId: APP_ID, environmentId: 'emulator-env', environmentType: 'DEVELOPMENT', appVersion: '1.0.0',
      installationId: 'emulator-installation', get moduleKey() { return scope.getStore()?.moduleKey ?? 'emulator'; },
      get invocationId() { return scope.getStore()?.invocationId ?? 'none'; },
    },
    contextAri: 'ari:cloud:jira::site/emulator',
    proxy: { token: 'emulator', url: 'http://emulator.invalid' },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics: { counter: () => ({ incr() {} }), timing: () => ({ measure: () => ({ stop() {} }) }) },
    tracing: { traceId: 'emulator', spanId: 'emulator' },
  };
  g.__forge_fetch__ = async (target: FetchTarget, path: string, init?: RequestInit): Promise<Response> => {
    if (target.type === 'kvs') { const r = b.kvs(path, parseBody(init)); return reply(r.status, r.body); }
    if (target.remote === 'stargate') { const r = b.stargate(path, parseBody(init)); return reply(r.status, r.body); }
    if (target.remote === 'jira') return jiraFetch(b, target, path, init);
    return reply(404, { message: `not emulated: ${target.type}/${target.remote} ${path}` });
  };
}

export function uninstallForgeGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.__forge_runtime__;
  delete g.__forge_fetch__;
}
