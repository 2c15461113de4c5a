/** Public API of SLA policies: validation, presets, targets and goal selection. */
import { compileCalendar } from '../calendar';
import type { Result } from '../result';
import type { CompiledPolicy, PolicyError } from './compiled';
import type { PolicySpec, SiteMetadata } from './types';
import { makePolicyValidator } from './validate';
import { POLICY_PRESETS, type PolicyPreset } from './presets/catalog';

const validate = makePolicyValidator(compileCalendar);

/**
 * Validates a policy document and compiles its calendars once.
 * @example const r = validatePolicy(json); if (!r.ok) showErrors(r.error) // each {code, path, message}
 */
export function validatePolicy(spec: unknown): Result<CompiledPolicy, PolicyError[]> {
  return validate(spec);
}

/** The preset with this id, or null. @example findPreset('deiser')?.name */
export function findPreset(presetId: string): PolicyPreset | null {
  return POLICY_PRESETS.find((p) => p.id === presetId) ?? null;
}

/**
 * A preset bound to this site's priorities, statuses and fields (matched by name, case-insensitive);
 * names that matched nothing are listed in `unmatched`. An unknown id is a caller bug (check with
 * findPreset first) and throws.
 * @example instantiatePreset('communardo', meta).unmatched // ['priority "Level 4"']
 */
export function instantiatePreset(presetId: string, meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] } {
  const preset = findPreset(presetId);
  if (!preset) throw new RangeError(`Unknown policy preset "${presetId}"`);
  return preset.build(meta);
}

export { POLICY_PRESETS, type PolicyPreset };
export { makePolicyValidator, type CalendarCompiler } from './validate';
export { formatPath } from '../json/parse';
export { parseTarget, formatTarget } from './target';
export { selectGoal, goalMatches, calendarIdFor, type FieldValues } from './goals';
export { policyFieldIds, policyReadsLabels } from './fields';
export { isStateCondition, describeCondition } from './conditions';
export type { CompiledPolicy, PolicyError } from './compiled';
export * from './types';
