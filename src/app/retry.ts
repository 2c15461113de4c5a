/**
 * Jira throttling and outages are retried later by the platform, never by sleeping past the
 * function's budget. This is the decision; the entry points turn it into Forge's InvocationError.
 */
import type { JiraError } from '../jira/http';

const MAX_RETRY_AFTER_S = 900;

export interface Retry {
  /** Whole seconds, 1..900 (Forge's bounds for a handed-back event). */
  retryAfterS: number;
  reason: 'RATE_LIMITED' | 'UNAVAILABLE';
}

export function retryFor(error: JiraError): Retry | undefined {
  if (error.code !== 'RATE_LIMITED' && error.code !== 'UNAVAILABLE') return undefined;
  const retryAfterS = Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000)));
  return { retryAfterS, reason: error.code };
}
