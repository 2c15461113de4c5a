import { err, ok, type Result } from '../../result';
import { deepFreeze } from '../../json';
import type { BusinessCalendar, CalendarError, CalendarSpec } from '../types';
import { CompiledCalendar } from './calendar';
import type { HolidayProvider } from './provider';
import { validateSpec } from './validate';

/**
 * Compiled calendars are immutable, so equal specs can share one, together with its per-year
 * projections; a warm backend then pays for projecting a year once, not once per invocation.
 */
const MAX_SHARED = 64;
const shared = new Map<string, { provider: HolidayProvider; calendar: BusinessCalendar }>();

function keyOf(spec: unknown): string | null {
  try {
    return JSON.stringify(spec);
  } catch {
    return null;
  }
}

/** Validates once, then builds an immutable calendar over a private copy of the spec. */
export function compileWith(spec: unknown, provider: HolidayProvider): Result<BusinessCalendar, CalendarError[]> {
  const key = keyOf(spec);
  const hit = key === null ? undefined : shared.get(key);
  if (hit && hit.provider === provider) return ok(hit.calendar);
  const errors = validateSpec(spec, provider);
  if (errors.length > 0) return err(errors);
  const calendar = new CompiledCalendar(deepFreeze(structuredClone(spec) as CalendarSpec), provider);
  if (key !== null) {
    if (shared.size >= MAX_SHARED) shared.delete(shared.keys().next().value as string);
    shared.set(key, { provider, calendar });
  }
  return ok(calendar);
}
