/** Jira throttling and outages become a Forge-managed retry instead of a sleep past the budget. */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { JiraError } from '../jira/http';

const MAX_RETRY_AFTER_S = 900;

export function retryFor(error: JiraError): InvocationError | undefined {
  if (error.code !== 'RATE_LIMITED' && error.code !== 'UNAVAILABLE') return undefined;
  const retryAfter = Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000)));
  const retryReason = error.code === 'RATE_LIMITED' ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST;
  return new InvocationError({ retryAfter, retryReason });
}

