/** Which issue fields a policy reads: the shell fetches exactly these besides its own base fields. */
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
