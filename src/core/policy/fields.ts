/** Which issue fields a policy reads: the shell fetches exactly these besides its own base fields. */
import { goalFields } from './goals';
import type { PolicySpec } from './types';

/**
 * Every field id a policy refers to (goal matches, calendar-by-field, fieldChanged conditions),
 * sorted, without the ids in `known` (fields the caller reads anyway).
 */
export function policyFieldIds(policy: PolicySpec, known: readonly string[] = []): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'fieldId' && typeof x === 'string') found.add(x);
        else walk(x);
      }
    }
  };
  walk(policy.metrics);
  return [...found].filter((f) => !known.includes(f)).sort();
}

/**
 * Whether an issue's labels can change this policy's evaluation (a label goal match, a labelAdded
 * condition, or a condition on the labels field). The app's own label actions then have to be
 * learned by the shell, which does not receive the events of its own writes.
 */
export function policyReadsLabels(policy: PolicySpec): boolean {
  let found = policy.metrics.some((m) => goalFields(m).has('labels')) || policyFieldIds(policy).includes('labels');
  const walk = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    if ((v as { kind?: unknown }).kind === 'labelAdded') found = true;
    else Object.values(v).forEach(walk);
  };
  walk(policy.metrics);
  return found;
}
