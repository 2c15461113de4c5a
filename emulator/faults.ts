/**
 * Fault injection switches. Jira faults apply to the app's own Jira calls (requestJira from
 * handlers and resolvers), never to the host page or the control API, so a demo stays usable while
 * the app is being stressed. Storage, queue-push and invocation faults apply to the app's Forge
 * calls. Each counted fault fires on the next `remaining` matching calls, then disarms itself.
 */
import type { JiraResponse } from './jira/api';

export interface Counted { remaining: number }
export type StorageFaultStatus = 429 | 500;
export type InvocationKind = 'trigger' | 'consumer' | 'scheduled';

export interface Faults {
  /** The next `remaining` app calls to Jira answer 429 with Retry-After. */
  jira429: { remaining: number; retryAfterSeconds: number };
  /** The next `remaining` app calls to Jira answer 500 (with Retry-After when it is above 0). */
  jira500: { remaining: number; retryAfterSeconds: number };
  /** The next `remaining` app writes to Jira are applied, and still answer 500. */
  jiraAppliedThenError: Counted;
  /** The next `remaining` storage (KVS, entity) calls fail with `status` and change nothing. */
  storage: Counted & { status: StorageFaultStatus };
  /** The next `remaining` storage writes are applied, and still answer 500. */
  storageAppliedThenError: Counted;
  /** The next `remaining` queue pushes fail with `status` and queue nothing. */
  queuePush: Counted & { status: StorageFaultStatus };
  /** The next `remaining` queue pushes queue their events, and still answer 500. */
  queuePushAppliedThenError: Counted;
  /** The next invocations of each kind are dropped: never run, never retried. */
  lostInvocations: Record<InvocationKind, number>;
  /** Added to every app call to Jira. */
  latencyMs: number;
  /** Every product event and queue message is delivered twice. */
  duplicateEvents: boolean;
  /** Pending deliveries run newest first. */
  reorderEvents: boolean;
}

export function noFaults(): Faults {
  return {
    jira429: { remaining: 0, retryAfterSeconds: 1 }, jira500: { remaining: 0, retryAfterSeconds: 0 }, jiraAppliedThenError: { remaining: 0 },
    storage: { remaining: 0, status: 500 }, storageAppliedThenError: { remaining: 0 }, queuePush: { remaining: 0, status: 500 },
    queuePushAppliedThenError: { remaining: 0 }, lostInvocations: { trigger: 0, consumer: 0, scheduled: 0 },
    latencyMs: 0, duplicateEvents: false, reorderEvents: false,
  };
}

/** Disarms every fault, in place (the runtime holds the same object). */
export function clearFaults(f: Faults): Faults {
  return Object.assign(f, noFaults());
}

/** Consumes one shot of a counted fault; true when it fired. */
export function fire(c: Counted): boolean {
  if (c.remaining <= 0) return false;
  c.remaining--;
  return true;
}

/** Consumes one lost invocation of this kind; true when the invocation must be dropped. */
export function loseInvocation(f: Faults, kind: InvocationKind): boolean {
  if (f.lostInvocations[kind] <= 0) return false;
  f.lostInvocations[kind]--;
  return true;
}

/** Consumes one injected failure, if any is armed. */
export function takeJiraFault(f: Faults): JiraResponse | null {
  if (fire(f.jira429)) {
    return {
      status: 429,
      headers: { 'Retry-After': String(f.jira429.retryAfterSeconds), 'RateLimit-Reason': 'jira-burst-based' },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
    };
  }
  if (fire(f.jira500)) {
    const headers = f.jira500.retryAfterSeconds > 0 ? { 'Retry-After': String(f.jira500.retryAfterSeconds) } : undefined;
    return { status: 500, ...(headers ? { headers } : {}), body: { errorMessages: ['Internal server error (injected by the emulator).'], errors: {} } };
  }
  return null;
}

/** The error a storage call answers under an injected fault, in the KVS wire shape. */
export function storageFaultBody(status: StorageFaultStatus): { code: string; message: string } {
  return status === 429
    ? { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded (injected by the emulator).' }
    : { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error (injected by the emulator).' };
}

type Patch = Record<string, unknown>;
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : d);
const obj = (v: unknown): Patch | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Patch) : null);
const count = (p: Patch) => num(p.count ?? p.remaining, 0);
const status = (v: unknown): StorageFaultStatus => (v === 429 ? 429 : 500);

function updateJira(f: Faults, p: Patch): void {
  const j429 = obj(p.jira429);
  if (j429) f.jira429 = { remaining: count(j429), retryAfterSeconds: num(j429.retryAfterSeconds, 1) };
  const j500 = obj(p.jira500);
  if (j500) f.jira500 = { remaining: count(j500), retryAfterSeconds: num(j500.retryAfterSeconds, 0) };
  const applied = obj(p.jiraAppliedThenError);
  if (applied) f.jiraAppliedThenError = { remaining: count(applied) };
}

function updateForge(f: Faults, p: Patch): void {
  const storage = obj(p.storage);
  if (storage) f.storage = { remaining: count(storage), status: status(storage.status) };
  const sApplied = obj(p.storageAppliedThenError);
  if (sApplied) f.storageAppliedThenError = { remaining: count(sApplied) };
  const push = obj(p.queuePush);
  if (push) f.queuePush = { remaining: count(push), status: status(push.status) };
  const pApplied = obj(p.queuePushAppliedThenError);
  if (pApplied) f.queuePushAppliedThenError = { remaining: count(pApplied) };
  const lost = obj(p.lostInvocations);
  if (lost) for (const k of ['trigger', 'consumer', 'scheduled'] as const) f.lostInvocations[k] = num(lost[k], f.lostInvocations[k]);
}

/** Merges a partial update from the control API, ignoring unknown or ill-typed keys. */
export function updateFaults(f: Faults, patch: unknown): Faults {
  const p = obj(patch) ?? {};
  updateJira(f, p);
  updateForge(f, p);
  if (p.latencyMs !== undefined) f.latencyMs = num(p.latencyMs, 0);
  if (typeof p.duplicateEvents === 'boolean') f.duplicateEvents = p.duplicateEvents;
  if (typeof p.reorderEvents === 'boolean') f.reorderEvents = p.reorderEvents;
  return f;
}
