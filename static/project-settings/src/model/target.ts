/**
 * Goal targets as admins type them ("4h", "1d 2h", "90m", "2bd", "track"). The one place the
 * settings page parses targets, so the core's parser can replace the local one without touching
 * any component.
 */
import type { GoalTarget } from '../../../../src/core/policy/types';

export type TargetParse = { ok: true; target: GoalTarget } | { ok: false; message: string };

const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };
const HELP = 'Use hours and minutes like "4h", "1d 2h" or "90m", business days like "2bd", or "track" for no goal.';

export function parseTargetText(text: string): TargetParse {
  const input = text.trim().toLowerCase();
  if (input === '') return { ok: false, message: `Enter a target. ${HELP}` };
  if (input === 'track') return { ok: true, target: { kind: 'trackOnly' } };
  const bd = /^(\d+)\s*bd$/.exec(input);
  if (bd) return positive(Number(bd[1]), (days) => ({ kind: 'businessDays', days }));
  const parts = input.split(/\s+/);
  let minutes = 0;
  for (const part of parts) {
    const m = /^(\d+)(d|h|m)$/.exec(part);
    if (!m || m[1] === undefined || m[2] === undefined) return { ok: false, message: `"${text.trim()}" is not a target. ${HELP}` };
    minutes += Number(m[1]) * (UNIT_MINUTES[m[2]] ?? 0);
  }
  return positive(minutes, (n) => ({ kind: 'minutes', minutes: n }));
}

function positive(n: number, build: (n: number) => GoalTarget): TargetParse {
  return n > 0 ? { ok: true, target: build(n) } : { ok: false, message: 'A target must be longer than zero.' };
}

/** The text an admin would type for a stored target (round-trips through parseTargetText). */
export function targetToText(target: GoalTarget): string {
  if (target.kind === 'trackOnly') return 'track';
  if (target.kind === 'businessDays') return `${target.days}bd`;
  const h = Math.floor(target.minutes / 60);
  const m = target.minutes % 60;
  return [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}

/** Words for a target, e.g. "4 h 30 min", "2 business days", "tracked, no goal". */
export function describeTarget(target: GoalTarget): string {
  if (target.kind === 'trackOnly') return 'tracked, no goal';
  if (target.kind === 'businessDays') return `${target.days} business day${target.days === 1 ? '' : 's'}`;
  const h = Math.floor(target.minutes / 60);
  const m = target.minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}
