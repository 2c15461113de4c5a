import { compileWith } from './impl/compile';
import { validateSpec } from './impl/validate';
import { DATE_HOLIDAYS } from './holidays';
import type { Result } from '../result';
import type { BusinessCalendar, CalendarError } from './types';

/**
 * Validates a calendar spec (JSON) and compiles it into an immutable BusinessCalendar.
 * @example compileCalendar(calendarPreset('saxony-9-17')) // { ok: true, value }
 */
export function compileCalendar(spec: unknown): Result<BusinessCalendar, CalendarError[]> {
  return compileWith(spec, DATE_HOLIDAYS);
}

/** Every rule violation of a spec, each with a stable code and JSON path. @example validateCalendarSpec({}) // [{ code: 'CAL_SCHEMA_VERSION', … }, …] */
export function validateCalendarSpec(spec: unknown): CalendarError[] {
  return validateSpec(spec, DATE_HOLIDAYS);
}

export * from './types';
export { SEARCH_HORIZON_YEARS } from './impl/timeline';
export { listHolidayCountries, listHolidayStates, listHolidays } from './holidays';
export { CALENDAR_PRESETS, calendarPreset, regional9to5 } from './presets';
export { materializeHolidays } from './materialize';
