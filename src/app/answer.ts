/**
 * What a use-case called from a resolver answers: a value, or a Failure with a stable error code.
 * The resolver entry point turns it into the contract's envelope.
 */
import type { ErrorCode, Failure, FieldIssue } from '../contract';
import { err, type Result } from '../core';
import type { JiraError } from '../jira/http';

export type Answer<T> = Result<T, Failure>;

export const failure = (code: ErrorCode, message: string, details?: FieldIssue[]): Failure => ({
  code,
  message,
  ...(details ? { details } : {}),
});

export const refuse = (code: ErrorCode, message: string, details?: FieldIssue[]) => err(failure(code, message, details));

/** A Jira failure as the caller should see it: never Jira's own text, which may name things they cannot see. */
export function jiraFailure(e: JiraError): Failure {
  if (e.code === 'NOT_FOUND') return failure('NOT_FOUND', 'The issue or project no longer exists or is not visible.');
  if (e.code === 'RATE_LIMITED') return failure('RATE_LIMITED', 'Jira is rate limiting the app; try again shortly.');
  if (e.code === 'FORBIDDEN') return failure('FORBIDDEN', 'Jira refused the request.');
  return failure('JIRA_UNAVAILABLE', `Jira could not answer (${e.code}).`);
}

/** The answer to a time zone the runtime does not know (reports, uptime, explain, gadget). */
export const UNKNOWN_ZONE = refuse('BAD_REQUEST', 'Unknown time zone.');
