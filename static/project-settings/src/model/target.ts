/**
 * Goal targets as a number and a unit (minutes, hours, business days) or "track only". A free-text
 * box invited "1d", which the engine reads as 24 business hours (three working days on an 8-hour
 * calendar); with explicit units an admin who means one business day picks exactly that.
 * The limits are the core's (a target of at most 10 years, or 3660 business days); values far past
 * what an SLA usually promises are allowed but must be confirmed (see isUnusualTarget).
 */
import { formatTarget, err, ok, type Result, type GoalTarget } from '@core/browser';

export type TargetUnit = 'minutes' | 'hours' | 'businessDays' | 'businessDaysEndOfDay' | 'trackOnly';

export const UNIT_LABEL: Record<TargetUnit, string> = {
  minutes: 'minutes', hours: 'hours', businessDays: 'business days', businessDaysEndOfDay: 'business days, due at the day\'s close', trackOnly: 'track only (no goal)',
};

/** The core's limits (src/core/policy/rules.ts), so a value accepted here is accepted on save. */
export const MAX_MINUTES = 10 * 366 * 24 * 60;
export const MAX_BUSINESS_DAYS = 3660;
const MAX: Record<Exclude<TargetUnit, 'trackOnly'>, number> = { minutes: MAX_MINUTES, hours: MAX_MINUTES / 60, businessDays: MAX_BUSINESS_DAYS, businessDaysEndOfDay: MAX_BUSINESS_DAYS };

/** Past these, a target is confirmed before it can be saved: 30 days around the clock, or 60 business days. */
const UNUSUAL_MINUTES = 30 * 24 * 60;
const UNUSUAL_BUSINESS_DAYS = 60;

export interface TargetParts { amount: string; unit: TargetUnit }

/** Whole hours show as hours, anything else as minutes. */
export function targetToParts(target: GoalTarget): TargetParts {
  if (target.kind === 'trackOnly') return { amount: '', unit: 'trackOnly' };
  if (target.kind === 'businessDays') return { amount: String(target.days), unit: target.endOfDay === true ? 'businessDaysEndOfDay' : 'businessDays' };
  return target.minutes % 60 === 0 ? { amount: String(target.minutes / 60), unit: 'hours' } : { amount: String(target.minutes), unit: 'minutes' };
}

/**
 * Reads an amount typed with a unit.
 * @example partsToTarget({ amount: '2', unit: 'hours' }) // { ok: true, value: { kind: 'minutes', minutes: 120 } }
 */
export function partsToTarget({ amount, unit }: TargetParts): Result<GoalTarget, string> {
  if (unit === 'trackOnly') return ok({ kind: 'trackOnly' });
  const words = UNIT_LABEL[unit];
  const text = amount.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) return err(`Enter a whole number of ${words}, 1 or more.`);
  const n = Number(text);
  if (n > MAX[unit]) return err(`At most ${MAX[unit].toLocaleString('en-GB')} ${words} (10 years).`);
  if (unit === 'businessDays') return ok({ kind: 'businessDays', days: n });
  if (unit === 'businessDaysEndOfDay') return ok({ kind: 'businessDays', days: n, endOfDay: true });
  return ok({ kind: 'minutes', minutes: unit === 'hours' ? n * 60 : n });
}

/** True for a target long enough to be a typing mistake (an extra zero, hours meant as minutes). */
export function isUnusualTarget(target: GoalTarget): boolean {
  if (target.kind === 'minutes') return target.minutes > UNUSUAL_MINUTES;
  if (target.kind === 'businessDays') return target.days > UNUSUAL_BUSINESS_DAYS;
  return false;
}

/** Words for a target, e.g. "4 h 30 min", "2 business days"; long minute targets also in days. */
export function describeTarget(target: GoalTarget): string {
  const words = formatTarget(target);
  if (target.kind !== 'minutes' || target.minutes < 24 * 60) return words;
  const days = target.minutes / (24 * 60);
  return `${words} of business time (${Number.isInteger(days) ? days : days.toFixed(1)} × 24 h)`;
}
