/**
 * The two peer libraries, configured with the bench calendar. Both keep their hours and holidays
 * in the global locale, and both work on whole minutes, so the workload uses whole minutes.
 * Instants are created in UTC mode so neither reads the host zone.
 */
import moment from 'moment';
import 'moment-business-time';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import businessTime from 'dayjs-business-time';

declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: 'minutes'): Moment;
    workingDiff(other: Moment, unit: 'minutes'): number;
  }
}

export interface Peer {
  name: string;
  /** Instant after `minutes` business minutes from `start`. */
  add(start: number, minutes: number): number;
  /** Business minutes from a to b (a <= b). */
  between(a: number, b: number): number;
}

export interface BenchHours {
  /** Weekday index 0 = Sunday … 6 = Saturday -> [open, close] "HH:mm:ss", or null when closed. */
  days: ([string, string] | null)[];
  holidays: string[];
}

export function momentPeer(hours: BenchHours): Peer {
  const workinghours = Object.fromEntries(hours.days.map((d, i) => [i, d]));
  moment.updateLocale('en', { workinghours, holidays: hours.holidays } as moment.LocaleSpecification);
  return {
    name: 'moment-business-time',
    add: (start, minutes) => moment.utc(start).addWorkingTime(minutes, 'minutes').valueOf(),
    between: (a, b) => moment.utc(b).workingDiff(moment.utc(a), 'minutes'),
  };
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export function dayjsPeer(hours: BenchHours): Peer {
  dayjs.extend(utc);
  dayjs.extend(businessTime);
  const map = Object.fromEntries(hours.days.map((d, i) => [DAY_NAMES[i], d ? [{ start: d[0], end: d[1] }] : null]));
  dayjs.setBusinessTime(map as unknown as dayjs.BusinessHoursMap);
  dayjs.setHolidays(hours.holidays);
  return {
    name: 'dayjs-business-time',
    add: (start, minutes) => dayjs.utc(start).addBusinessMinutes(minutes).valueOf(),
    between: (a, b) => dayjs.utc(a).businessMinutesDiff(dayjs.utc(b)),
  };
}
