/**
 * What the Forge runtime hands a function for each kind of queued work, and how it reads the
 * answer: the wire shapes of product-event triggers, async-event consumers and scheduled triggers,
 * retryContext on redeliveries, and InvocationError retry requests.
 */
import type { Outcome, WorkItem } from './pump';

export const INSTALL_CONTEXT = 'ari:cloud:jira::site/emulator';

export interface PushEvent { body?: unknown; delayInSeconds?: number; concurrency?: { key?: unknown; limit?: unknown } }

/** InvocationError instances serialise to {_retry: true, retryOptions}; that is the wire contract. */
export function retryRequest(result: unknown): Outcome | null {
  const r = result as { _retry?: unknown; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } | null;
  if (!r || typeof r !== 'object' || r._retry !== true) return null;
  const o = r.retryOptions ?? {};
  return { kind: 'retry', afterMs: Math.min(900, o.retryAfter ?? 1) * 1000, reason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST', data: o.retryData };
}

function retryContext(item: WorkItem): Record<string, unknown> {
  const r = item.lastRetry;
  return r ? { retryContext: { retryCount: item.attempt - 1, retryReason: r.reason, retryData: r.data } } : {};
}

/** A push's `concurrency` option; a missing or bad limit means one at a time. */
export function concurrencyOf(ev: PushEvent): WorkItem['concurrency'] {
  const c = ev.concurrency;
  if (!c || typeof c.key !== 'string') return undefined;
  return { key: c.key, limit: typeof c.limit === 'number' && c.limit >= 1 ? Math.floor(c.limit) : 1 };
}

/** The (event, context) arguments a queued item's function is called with. */
export function invocationArgs(item: WorkItem): [Record<string, unknown>, Record<string, unknown>] {
  const d = item.data;
  if (item.kind === 'trigger') {
    return [{ ...(d.payload as Record<string, unknown>), ...retryContext(item) }, { installContext: INSTALL_CONTEXT, principal: { accountId: d.actorId ?? undefined } }];
  }
  if (item.kind === 'consumer') {
    return [{ queueName: d.queueName, jobId: d.jobId, eventId: d.eventId, body: d.body, ...retryContext(item) }, { installContext: INSTALL_CONTEXT }];
  }
  return [{ context: { cloudId: 'emulator', moduleKey: d.moduleKey }, contextToken: 'emulator' }, { installContext: INSTALL_CONTEXT }];
}
