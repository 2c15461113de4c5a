/** Goal targets as admins type them ("4h", "1d 2h", "90m", "2bd", "track") and as the UI shows them. */
import { err, ok, type Result } from '../result';
import type { PolicyError } from './compiled';
import type { GoalTarget } from './types';

const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1, min: 1 };
const DURATION_TOKEN = /(\d+)\s*(min|d|h|m)(?![a-z])/y;
/** "2bd", "2 business days", with an optional end-of-day rounding: "2bd eod", "2 business days (end of day)". */
const BUSINESS_DAYS = /^(\d+)\s*(?:bd|business\s+days?)(\s*,?\s*\(?(?:eod|end\s+of\s+day)\)?)?$/;

function badTarget(text: string): Result<GoalTarget, PolicyError[]> {
  const message = `"${text}" is not a target: use e.g. "4h", "1d 2h", "90m", "2bd" or "track"`;
  return err([{ code: 'POL_BAD_TARGET', path: 'target', message }]);
}

/** Sums "1d 2h 30m"-style tokens (a day is 24 h here; business days are the "bd" unit). */
function parseDuration(text: string): number | null {
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    while (text[pos] === ' ') pos += 1;
    if (pos >= text.length) break;
    DURATION_TOKEN.lastIndex = pos;
    const m = DURATION_TOKEN.exec(text);
    if (!m) return null;
    total += Number(m[1]) * (UNIT_MINUTES[m[2] ?? ''] ?? 0);
    pos = DURATION_TOKEN.lastIndex;
  }
  return total;
}

/**
 * Parses a target typed by an admin.
 * @example parseTarget('1d 2h') // { ok: true, value: { kind: 'minutes', minutes: 1560 } }
 * @example parseTarget('2bd')   // { ok: true, value: { kind: 'businessDays', days: 2 } }
 * @example parseTarget('2bd eod') // { ok: true, value: { kind: 'businessDays', days: 2, endOfDay: true } }
 */
export function parseTarget(input: string): Result<GoalTarget, PolicyError[]> {
  const text = input.trim().toLowerCase();
  if (text === 'track' || text === 'track only') return ok({ kind: 'trackOnly' });
  const bd = BUSINESS_DAYS.exec(text);
  if (bd) {
    const days = Number(bd[1]);
    if (days <= 0) return badTarget(input);
    return ok(bd[2] ? { kind: 'businessDays', days, endOfDay: true } : { kind: 'businessDays', days });
  }
  const minutes = text === '' ? null : parseDuration(text);
  if (minutes === null || minutes <= 0) return badTarget(input);
  return ok({ kind: 'minutes', minutes });
}

/**
 * Formats a target for people; parseTarget reads the result back.
 * @example formatTarget({ kind: 'minutes', minutes: 90 }) // "1 h 30 min"
 * @example formatTarget({ kind: 'businessDays', days: 2 }) // "2 business days"
 * @example formatTarget({ kind: 'businessDays', days: 2, endOfDay: true }) // "2 business days (end of day)"
 */
export function formatTarget(target: GoalTarget): string {
  switch (target.kind) {
    case 'trackOnly':
      return 'track only';
    case 'businessDays': {
      const days = target.days === 1 ? '1 business day' : `${target.days} business days`;
      return target.endOfDay === true ? `${days} (end of day)` : days;
    }
    case 'minutes': {
      // Rounded to whole minutes first, so 119.6 min reads "2 h", never "1 h 60 min".
      const total = Math.round(target.minutes);
      const h = Math.floor(total / 60);
      const m = total - h * 60;
      if (h === 0) return `${m} min`;
      return m === 0 ? `${h} h` : `${h} h ${m} min`;
    }
  }
}
