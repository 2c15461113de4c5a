/**
 * Building the `sla` issue property (its shape is in src/contract/property.ts) from a snapshot, and
 * checking a stored one. The content is the core's clock-invariant stored state; the app adds what it
 * was written under (policy version, integrity epoch, the issue's `updated` it had read) and signs it
 * all with an HMAC keyed by the app's secret. A property edited or written by anyone else fails the
 * signature and is rewritten; nothing in a stored property is ever reused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SLA_PROPERTY_MAX_BYTES, type MetricProperty, type SlaProperty } from '../contract';
import { isoSeconds, storedState, type PolicySpec, type SlaSnapshot } from '../core';
import type { IntegrityKey } from '../store/integrity';

export { isoSeconds };

type Unsigned = Omit<SlaProperty, 'sig'>;

/** What the property is written under, besides the snapshot. */
export interface WriteContext {
  issueId: string;
  policyVersion: number;
  /** The issue's `updated` as read, ISO (null when Jira did not send it). */
  seen: string | null;
  key: IntegrityKey;
}

/** Canonical JSON (sorted keys) so equal content always signs equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Bound to the issue id, so a property copied from another issue does not verify either. */
export function signatureOf(issueId: string, content: unknown, key: IntegrityKey): string {
  return createHmac('sha256', key.secret).update(`${issueId}\n${canonical(content)}`).digest('hex').slice(0, 32);
}

const sizeOf = (p: unknown) => Buffer.byteLength(JSON.stringify(p), 'utf8');

/** Drops oldest completed cycles (from the metric with the most) worth about `bytes`; false when none is left. */
function dropOldestCycles(metrics: Record<string, MetricProperty>, bytes: number): boolean {
  let freed = 0;
  while (freed < bytes) {
    const longest = Object.values(metrics).sort((a, b) => b.cycles.length - a.cycles.length)[0];
    const dropped = longest?.cycles.shift();
    if (!dropped) return freed > 0;
    freed += sizeOf(dropped) + 1;
  }
  return true;
}

const NAME_MAX = 64;
/** Names are for people and JQL; a very long one is shortened only when the property would not fit otherwise. */
const clip = (name: string): string => (name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name);

/** The signature is 32 hex chars plus its key: room reserved for it while trimming. */
const SIG_BYTES = 48;

/** Trims, in order: the oldest completed cycles, then over-long names. */
function fit(base: Unsigned, maxBytes: number): void {
  const over = () => sizeOf(base) + SIG_BYTES - maxBytes;
  for (let o = over(); o > 0 && dropOldestCycles(base.metrics, o); o = over()) {
    // each pass frees at least the measured overflow
  }
  if (over() > 0) for (const m of Object.values(base.metrics)) Object.assign(m, { name: clip(m.name), goal: m.goal === null ? null : clip(m.goal) });
}

/** The smallest the property of this policy can be trimmed to: every metric breached, no cycles. */
export function minimalPropertyBytes(policy: PolicySpec): number {
  const at = '2026-01-01T00:00:00Z';
  const longest = (names: string[]) => names.map(clip).reduce((a, n) => (Buffer.byteLength(n) > Buffer.byteLength(a) ? n : a), '');
  const metrics = Object.fromEntries(
    policy.metrics.map((m) => {
      const goal = longest(m.goals.map((g) => g.name));
      return [m.key, { name: clip(m.name), state: 'notApplicable', phase: 'breachedCompleted', due: at, breached: 'false', goal, startedAt: at, breachedAt: at, cycles: [] }];
    }),
  );
  const rest = { nextDue: at, breached: 'false', breachedMetrics: policy.metrics.map((m) => m.key), checkAt: at, seen: at, gen: 2 ** 31 };
  return sizeOf({ v: 2, policyVersion: 2 ** 31, metrics, ...rest }) + SIG_BYTES;
}

export function buildProperty(snapshot: SlaSnapshot, ctx: WriteContext, maxBytes = SLA_PROPERTY_MAX_BYTES): SlaProperty {
  const state = storedState(snapshot);
  const base: Unsigned = { v: 2, policyVersion: ctx.policyVersion, ...state, seen: ctx.seen, gen: ctx.key.epoch };
  fit(base, maxBytes);
  return { ...base, sig: signatureOf(ctx.issueId, base, ctx.key) };
}

/**
 * What the app keeps of the property Jira holds (in the history mirror too): its signature when it
 * verifies, else null (rewrite regardless). `fired` stays empty: nothing of a stored property is
 * reused; what fired is decided by the action claims alone.
 */
export interface StoredRef {
  hash: string | null;
  fired: string[];
}

export const readStored = (raw: unknown, issueId: string, key: IntegrityKey): StoredRef => ({ hash: verifiedSignature(raw, issueId, key), fired: [] });

/** The reference to a property the app has just written. */
export const writtenRef = (p: SlaProperty): StoredRef => ({ hash: p.sig, fired: [] });

/**
 * The stored property's signature when it verifies, else null (absent, foreign, edited, copied from
 * another issue, or signed under another key). Anyone who can edit the issue can write the property:
 * only a verified signature says the app wrote exactly this.
 */
export function verifiedSignature(raw: unknown, issueId: string, key: IntegrityKey): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { sig, ...rest } = raw as Record<string, unknown>;
  if (typeof sig !== 'string') return null;
  const expected = signatureOf(issueId, rest, key);
  return sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected)) ? sig : null;
}
