/**
 * Goal targets as admins type them ("4h", "1d 2h", "90m", "2bd", "track"), read by the core's own
 * parser so the page accepts exactly what the backend accepts. Imported from the core's target
 * module directly: it is pure and small, while the policy barrel would pull in calendar compilation.
 */
import { err, ok, type Result } from '../../../../src/core/result';
import { formatTarget, parseTarget } from '../../../../src/core/policy/target';
import type { GoalTarget } from '../../../../src/core/policy/types';

/** The target, or a message for the admin saying which forms are accepted. */
export function parseTargetText(text: string): Result<GoalTarget, string> {
  const parsed = parseTarget(text);
  if (parsed.ok) return ok(parsed.value);
  return err(parsed.error[0]?.message ?? 'Not a target: use e.g. "4h", "1d 2h", "90m", "2bd" or "track".');
}

/** The compact text an admin would type for a stored target (round-trips through parseTargetText). */
export function targetToText(target: GoalTarget): string {
  if (target.kind === 'trackOnly') return 'track';
  if (target.kind === 'businessDays') return `${target.days}bd`;
  const h = Math.floor(target.minutes / 60);
  const m = target.minutes % 60;
  return [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}

/** Words for a target, e.g. "4 h 30 min", "2 business days". */
export function describeTarget(target: GoalTarget): string {
  return formatTarget(target);
}
