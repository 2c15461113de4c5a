/** The typed response envelope and the trusted part of a resolver request. */
import { z } from 'zod';
import type { Envelope, ErrorCode, FieldIssue } from '../../contract';
import type { JiraError } from '../../jira/http';

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

export const fail = <T = never>(code: ErrorCode, message: string, details?: FieldIssue[]): Envelope<T> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
});

export function fromJira<T = never>(e: JiraError): Envelope<T> {
  if (e.code === 'NOT_FOUND') return fail('NOT_FOUND', 'The issue or project no longer exists or is not visible.');
  if (e.code === 'RATE_LIMITED') return fail('RATE_LIMITED', 'Jira is rate limiting the app; try again shortly.');
  if (e.code === 'FORBIDDEN') return fail('FORBIDDEN', 'Jira refused the request.');
  return fail('JIRA_UNAVAILABLE', `Jira could not answer (${e.code}).`);
}

/**
 * What we take from the request context. `accountId` is set by the platform and tamper-proof;
 * `extension.*` comes from the browser, so it only ever narrows what a caller may touch and every
 * use is backed by a permission check made as that user.
 */
export interface CallerContext {
  accountId: string;
  projectId: string | null;
  issueId: string | null;
}

const contextSchema = z.object({
  accountId: z.string().min(1),
  extension: z
    .object({
      project: z.object({ id: z.union([z.string(), z.number()]) }).optional(),
      issue: z.object({ id: z.union([z.string(), z.number()]) }).optional(),
    })
    .optional(),
});

export function callerOf(context: unknown): CallerContext | null {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) return null;
  const ext = parsed.data.extension;
  return {
    accountId: parsed.data.accountId,
    projectId: ext?.project ? String(ext.project.id) : null,
    issueId: ext?.issue ? String(ext.issue.id) : null,
  };
}
