/** Scripted Jira replies and a client whose retry sleeps are recorded instead of slept. */
import type { Route } from '@forge/api';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';

export const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n) => headers[n] ?? null },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

export function scriptedClient(transport: (r: Route, init: RequestInitLike) => Promise<ResponseLike>, budgetMs = 10_000) {
  const sleeps: number[] = [];
  const c = createJiraClient(transport, retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 1 }));
  return { c, sleeps, total: () => sleeps.reduce((a, b) => a + b, 0) };
}
