/** A retry decision of the app as the answer Forge understands: redeliver the event later. */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { Retry } from '../app/retry';

export function invocationError(retry: Retry): InvocationError {
  const retryReason = retry.reason === 'RATE_LIMITED' ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST;
  return new InvocationError({ retryAfter: retry.retryAfterS, retryReason });
}
