/** The typed response envelope and the trusted part of a resolver request. */
import { z } from 'zod';
import { failure, type Answer } from '../../app/answer';
import type { Envelope, ErrorCode, Failure } from '../../contract';

/** A use-case's answer as the envelope the UIs receive. */
export const toEnvelope = <T>(answer: Answer<T>): Envelope<T> => (answer.ok ? { ok: true, data: answer.value } : { ok: false, error: answer.error });

export const failed = (error: Failure): Envelope<never> => ({ ok: false, error });

export const fail = (code: ErrorCode, message: string): Envelope<never> => failed(failure(code, message));

/**
 * What we take from the request context. `accountId` is set by the platform and tamper-proof;
 * `extension.*` comes from the browser, so it only ever narrows what a caller may touch and every
 * use is backed by a permission check made as that user.
 */
export interface CallerContext {
  accountId: string;
  /**
   * True unless Forge reports a licensed user (`accountType`, tamper-proof). Customers, anonymous
   * and unlicensed callers, and a context without the field, get the customer view: fail closed.
   */
  isCustomer: boolean;
  projectId: string | null;
  issueId: string | null;
}

const contextSchema = z.object({
  accountId: z.string().min(1),
  accountType: z.string().optional(),
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
    isCustomer: parsed.data.accountType !== 'licensed',
    projectId: ext?.project ? String(ext.project.id) : null,
    issueId: ext?.issue ? String(ext.issue.id) : null,
  };
}
