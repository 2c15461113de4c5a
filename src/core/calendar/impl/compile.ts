import type { BusinessCalendar, CalendarError, CalendarSpec, Result } from '../types';
import { CompiledCalendar } from './calendar';
import type { HolidayProvider } from './provider';
import { validateSpec } from './validate';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Validates once, then builds an immutable calendar over a private copy of the spec. */
export function compileWith(spec: unknown, provider: HolidayProvider): Result<BusinessCalendar, CalendarError> {
  const errors = validateSpec(spec, provider);
  if (errors.length > 0) return { ok: false, errors };
  const copy = deepFreeze(structuredClone(spec) as CalendarSpec);
  return { ok: true, value: new CompiledCalendar(copy, provider) };
}
