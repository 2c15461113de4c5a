/**
 * Golden scenario files: history + policy (inline or a preset bound to the test site) + now, and the
 * expected snapshot rendered for review (instants as ISO-8601, durations as "1h 30m").
 */
import { z } from 'zod';
import { instantiatePreset, validatePolicy, type CompiledPolicy, type GoalChangeMode, type IssueHistory, type SlaSnapshot } from '@core';
import { SITE } from '../core/policy/metadata';
import { CATEGORIES } from '../core/evaluate/builders';

const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO-8601 instant');

export const scenarioSchema = z.object({
  description: z.string(),
  policy: z.union([
    z.object({ preset: z.string(), onGoalChange: z.enum(['keepElapsed', 'restart', 'keepOriginal']).optional() }),
    z.object({ spec: z.unknown() }),
  ]),
  history: z.object({
    created: iso,
    initial: z.record(z.string(), z.string().nullable()),
    changes: z.array(z.object({ id: z.string(), at: iso, field: z.string(), from: z.string().nullable(), to: z.string().nullable() })).default([]),
    comments: z.array(z.object({ id: z.string(), at: iso, author: z.enum(['agent', 'customer', 'app']), public: z.boolean() })).default([]),
    statusCategories: z.record(z.string(), z.enum(['new', 'indeterminate', 'done'])).optional(),
  }),
  now: iso,
  expected: z.unknown().optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export function toHistory(s: Scenario): IssueHistory {
  const h = s.history;
  return {
    issueId: 'GOLD-1',
    createdAt: Date.parse(h.created),
    initial: h.initial,
    changes: h.changes.map((c) => ({ ...c, at: Date.parse(c.at) })),
    comments: h.comments.map((c) => ({ ...c, at: Date.parse(c.at) })),
    statusCategories: h.statusCategories ?? { ...CATEGORIES },
  };
}

export function toPolicy(s: Scenario): CompiledPolicy {
  let spec: unknown;
  if ('preset' in s.policy) {
    const mode: GoalChangeMode | undefined = s.policy.onGoalChange;
    const { policy } = instantiatePreset(s.policy.preset, SITE);
    spec = mode ? { ...policy, metrics: policy.metrics.map((m) => ({ ...m, onGoalChange: mode })) } : policy;
  } else spec = s.policy.spec;
  const r = validatePolicy(spec);
  if (!r.ok) throw new Error(`scenario policy invalid: ${JSON.stringify(r.error)}`);
  return r.value;
}

const INSTANT_KEYS = new Set(['evaluatedAt', 'nextCheckAt', 'startedAt', 'stoppedAt', 'from', 'to', 'dueAt', 'breachedAt', 'at', 'resumesAt', 'until']);

function duration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length === 0 ? '0' : sign + parts.join(' ');
}

/** A reviewable rendering of a snapshot: the same shape, with readable instants and durations. */
export function render(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => render(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, k)]));
  }
  if (typeof value === 'number' && INSTANT_KEYS.has(key)) return new Date(value).toISOString();
  if (typeof value === 'number' && key.endsWith('Ms')) return duration(value);
  return value;
}

export function renderSnapshot(snapshot: SlaSnapshot): unknown {
  return render(snapshot);
}
