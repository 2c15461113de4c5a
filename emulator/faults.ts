/**
 * Fault injection switches. Jira faults apply to the app's own Jira calls (requestJira from
 * handlers and resolvers), never to the host page or the control API, so a demo stays usable while
 * the app is being stressed.
 */
import type { JiraResponse } from './jira/api';

export interface Faults {
  /** The next `remaining` app calls to Jira answer 429 with Retry-After. */
  jira429: { remaining: number; retryAfterSeconds: number };
  /** The next `remaining` app calls to Jira answer 500. */
  jira500: { remaining: number };
  /** Added to every app call to Jira. */
  latencyMs: number;
  /** Every product event and queue message is delivered twice. */
  duplicateEvents: boolean;
  /** Pending deliveries run newest first. */
  reorderEvents: boolean;
}

export function noFaults(): Faults {
  return { jira429: { remaining: 0, retryAfterSeconds: 1 }, jira500: { remaining: 0 }, latencyMs: 0, duplicateEvents: false, reorderEvents: false };
}

/** Consumes one injected failure, if any is armed. */
export function takeJiraFault(f: Faults): JiraResponse | null {
  if (f.jira429.remaining > 0) {
    f.jira429.remaining--;
    return {
      status: 429,
      headers: { 'Retry-After': String(f.jira429.retryAfterSeconds), 'RateLimit-Reason': 'jira-burst-based' },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
    };
  }
  if (f.jira500.remaining > 0) {
    f.jira500.remaining--;
    return { status: 500, body: { errorMessages: ['Internal server error (injected by the emulator).'], errors: {} } };
  }
  return null;
}

/** Merges a partial update from the control API, ignoring unknown or ill-typed keys. */
export function updateFaults(f: Faults, patch: unknown): Faults {
  const p = (patch ?? {}) as Record<string, unknown>;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);
  const j429 = obj(p.jira429);
  if (j429) f.jira429 = { remaining: num(j429.count ?? j429.remaining, 0), retryAfterSeconds: num(j429.retryAfterSeconds, 1) };
  const j500 = obj(p.jira500);
  if (j500) f.jira500 = { remaining: num(j500.count ?? j500.remaining, 0) };
  if (p.latencyMs !== undefined) f.latencyMs = num(p.latencyMs, 0);
  if (typeof p.duplicateEvents === 'boolean') f.duplicateEvents = p.duplicateEvents;
  if (typeof p.reorderEvents === 'boolean') f.reorderEvents = p.reorderEvents;
  return f;
}
