/**
 * The calendar engine for the Custom UIs: no holiday rule data is bundled, so specs must carry
 * their holidays as custom dates (see materializeHolidays on the server).
 */
import { compileWith } from './impl/compile';
import { NO_HOLIDAY_DATA } from './impl/provider';
import type { Result } from '../result';
import type { BusinessCalendar, CalendarError } from './types';

/** @example compileCalendar(materializedSpec) // { ok: true, value: BusinessCalendar } */
export function compileCalendar(spec: unknown): Result<BusinessCalendar, CalendarError[]> {
  return compileWith(spec, NO_HOLIDAY_DATA);
}

export * from './types';
export { SEARCH_HORIZON_YEARS } from './impl/timeline';
