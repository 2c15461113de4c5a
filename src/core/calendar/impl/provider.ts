import type { HolidaySource, HolidayType } from '../types';

/** One holiday occurrence; `startLocal`/`endLocal` are wall-clock milliseconds (see time/zone). */
export interface HolidayEntry {
  date: string;
  name: string;
  type: HolidayType;
  startLocal: number;
  endLocal: number;
}

/**
 * Where holiday sources come from. Injected so the browser build can compile calendars without
 * bundling the holiday rule data (it receives materialised custom holidays instead).
 */
export interface HolidayProvider {
  /** Null when the region is known; otherwise a human reason. */
  checkRegion(source: HolidaySource): string | null;
  holidays(source: HolidaySource, year: number): readonly HolidayEntry[];
}

/** The browser's provider: no rule data, so any holiday source is reported as unavailable. */
export const NO_HOLIDAY_DATA: HolidayProvider = {
  checkRegion: () => 'holiday sources are not available here; materialise them into custom holidays first',
  holidays: () => [],
};
