/**
 * One Jira REST exchange with bounded retries. Jira answers 429 (three independent rate limits) and
 * occasional 5xx; both are retried, honouring Retry-After when present, else exponential backoff with
 * full jitter. A wait that would outlast the invocation's budget is not slept: the error comes back
 * with `retryAfterMs` so event handlers can hand the retry to Forge instead of timing out.
 */
import type { Route } from '@forge/api';
import { err, ok, type Result } from '../core';

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface RequestInitLike {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: string;
  headers?: Record<string, string>;
}

/** What `api.asApp().requestJira` looks like; tests and the emulator provide their own. */
export type JiraTransport = (route: Route, init: RequestInitLike) => Promise<ResponseLike>;

export type JiraErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'REJECTED' | 'BAD_RESPONSE';

export interface JiraError {
  code: JiraErrorCode;
  status: number;
  message: string;
  /** Set on RATE_LIMITED/UNAVAILABLE: how long the caller should wait before trying again. */
  retryAfterMs?: number;
}

/** A Jira call's answer: the one Result of the code base, failing with a JiraError. */
export type JiraResult<T> = Result<T, JiraError>;

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Milliseconds this invocation may still spend waiting; waits beyond it are handed back. */
  budgetMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function retryPolicy(budgetMs: number, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000, budgetMs, sleep: realSleep, random: Math.random, ...overrides };
}

export interface JiraReply {
  status: number;
  /** Parsed JSON body, or undefined for an empty body (204). */
  body: unknown;
}

const isRetryable = (status: number) => status === 429 || status >= 500;

/** Retry-After is seconds (or an HTTP date, which Jira does not send; treated as absent). */
function retryAfterMs(res: ResponseLike): number | null {
  const raw = res.headers.get('Retry-After');
  if (raw === null) return null;
  const secs = Number(raw);
  return Number.isFinite(secs) && secs >= 0 ? secs * 1000 : null;
}

function backoffMs(attempt: number, p: RetryPolicy): number {
  const ceiling = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
  return Math.max(1, Math.round(ceiling * p.random()));
}

async function parse(res: ResponseLike): Promise<JiraResult<JiraReply>> {
  const text = await res.text();
  if (text.trim() === '') return ok({ status: res.status, body: undefined });
  try {
    return ok({ status: res.status, body: JSON.parse(text) as unknown });
  } catch {
    return err({ code: 'BAD_RESPONSE', status: res.status, message: 'Jira returned a body that is not JSON.' });
  }
}

function failure(status: number, message: string, retryAfter?: number): JiraError {
  if (status === 404) return { code: 'NOT_FOUND', status, message };
  if (status === 401 || status === 403) return { code: 'FORBIDDEN', status, message };
  if (status === 429) return { code: 'RATE_LIMITED', status, message, retryAfterMs: retryAfter };
  if (status >= 500) return { code: 'UNAVAILABLE', status, message, retryAfterMs: retryAfter };
  return { code: 'REJECTED', status, message };
}

async function errorText(res: ResponseLike): Promise<string> {
  const text = await res.text().catch(() => '');
  return `Jira answered ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
}

/** A transport that throws (network, proxy) is treated like a 503 without Retry-After. */
function networkFailure(e: unknown): ResponseLike {
  const message = e instanceof Error ? e.message : String(e);
  return { status: 503, headers: { get: () => null }, text: async () => `network failure: ${message}` };
}

/** Sends once, retrying 429/5xx within the policy; never throws for HTTP outcomes. */
export async function exchange(send: () => Promise<ResponseLike>, p: RetryPolicy): Promise<JiraResult<JiraReply>> {
  let spent = 0;
  for (let attempt = 0; ; attempt++) {
    const res = await send().catch(networkFailure);
    if (res.status < 400) return parse(res);
    if (!isRetryable(res.status)) return err(failure(res.status, await errorText(res)));
    const wait = retryAfterMs(res) ?? backoffMs(attempt, p);
    const lastTry = attempt + 1 >= p.maxAttempts;
    if (lastTry || spent + wait > p.budgetMs) {
      return err(failure(res.status, await errorText(res), wait));
    }
    spent += wait;
    await p.sleep(wait);
  }
}
