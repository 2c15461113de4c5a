/**
 * Building the `sla` issue property (its shape is in src/contract/property.ts) from a snapshot. It
 * holds only values that change when the SLA state changes (never "remaining minutes", which would
 * change on every recompute), so a hash of it tells whether a write is needed.
 */
import { createHash } from 'node:crypto';
import { SLA_PROPERTY_MAX_BYTES, type JqlState, type MetricProperty, type SlaProperty } from '../contract';
import type { CycleSnapshot, MetricSnapshot, MetricState, PolicySpec, SlaSnapshot } from '../core';

const JQL_STATE: Record<MetricState, JqlState> = {
  notStarted: 'notStarted',
  running: 'running',
  paused: 'paused',
  met: 'met',
  breachedRunning: 'breached',
  breachedCompleted: 'breached',
  notApplicable: 'notApplicable',
};

/** ISO-8601 without milliseconds: the form Jira's `date` index documents. */
export const isoSeconds = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function metricProperty(m: MetricSnapshot): MetricProperty {
  const cur = m.current;
  const completed = m.cycles.filter((c: CycleSnapshot) => c !== cur && c.stoppedAt !== null);
  return {
    name: m.name,
    state: JQL_STATE[m.state],
    phase: m.state,
    due: isoSeconds(cur?.dueAt),
    breached: m.state === 'breachedRunning' || m.state === 'breachedCompleted' ? 'true' : 'false',
    goal: m.goal?.name ?? null,
    startedAt: isoSeconds(cur?.startedAt),
    breachedAt: isoSeconds(cur?.breachedAt),
    cycles: completed.map((c) => ({ start: isoSeconds(c.startedAt) ?? '', stop: isoSeconds(c.stoppedAt), met: c.met })),
  };
}

function nextDue(snapshot: SlaSnapshot): string | null {
  const dues = snapshot.metrics
    .filter((m) => m.state === 'running' || m.state === 'paused')
    .map((m) => m.current?.dueAt)
    .filter((d): d is number => typeof d === 'number');
  return dues.length ? isoSeconds(Math.min(...dues)) : null;
}

/** Canonical JSON (sorted keys) so equal content always hashes equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashOf(property: Omit<SlaProperty, 'hash'>): string {
  return createHash('sha256').update(canonical(property)).digest('hex').slice(0, 32);
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

/** Trims, in order: the oldest completed cycles, over-long names, then the oldest-sorting fired ids. */
function fit(base: Omit<SlaProperty, 'hash'>, maxBytes: number): void {
  // The hash is 32 hex chars plus its key: reserve room for it while trimming.
  const over = () => sizeOf(base) + 48 - maxBytes;
  for (let o = over(); o > 0 && dropOldestCycles(base.metrics, o); o = over()) {
    // each pass frees at least the measured overflow
  }
  if (over() > 0) for (const m of Object.values(base.metrics)) Object.assign(m, { name: clip(m.name), goal: m.goal === null ? null : clip(m.goal) });
  while (over() > 0 && base.fired.length > 0) base.fired.shift();
}

/** The smallest the property of this policy can be trimmed to: every metric breached, no cycles, nothing fired. */
export function minimalPropertyBytes(policy: PolicySpec): number {
  const at = '2026-01-01T00:00:00Z';
  const longest = (names: string[]) => names.map(clip).reduce((a, n) => (Buffer.byteLength(n) > Buffer.byteLength(a) ? n : a), '');
  const metrics = Object.fromEntries(
    policy.metrics.map((m) => {
      const goal = longest(m.goals.map((g) => g.name));
      return [m.key, { name: clip(m.name), state: 'notApplicable', phase: 'breachedCompleted', due: at, breached: 'false', goal, startedAt: at, breachedAt: at, cycles: [] }];
    }),
  );
  return sizeOf({ v: 1, policyVersion: 2 ** 31, metrics, nextDue: at, breached: 'false', breachedMetrics: policy.metrics.map((m) => m.key), fired: [] }) + 48;
}

export function buildProperty(snapshot: SlaSnapshot, policyVersion: number, fired: string[], maxBytes = SLA_PROPERTY_MAX_BYTES): SlaProperty {
  const metrics = Object.fromEntries(snapshot.metrics.map((m) => [m.key, metricProperty(m)]));
  const breachedMetrics = Object.entries(metrics).filter(([, m]) => m.breached === 'true').map(([k]) => k);
  const base = {
    v: 1 as const,
    policyVersion,
    metrics,
    nextDue: nextDue(snapshot),
    breached: breachedMetrics.length ? ('true' as const) : ('false' as const),
    breachedMetrics,
    fired: [...new Set(fired)].sort(),
  };
  fit(base, maxBytes);
  return { ...base, hash: hashOf(base) };
}

/**
 * The stored property's hash and fired list, tolerating absent or foreign values. Anyone who can edit
 * the issue can write the property, so the hash counts only if it still matches the content: an
 * edited property is rewritten on the next recompute.
 */
export function readStored(raw: unknown): { hash: string | null; fired: string[] } {
  if (!raw || typeof raw !== 'object') return { hash: null, fired: [] };
  const { hash, ...rest } = raw as Record<string, unknown>;
  const fired = Array.isArray(rest.fired) ? rest.fired.filter((f): f is string => typeof f === 'string') : [];
  const intact = typeof hash === 'string' && hash === hashOf(rest as Omit<SlaProperty, 'hash'>);
  return { hash: intact ? hash : null, fired };
}
