/**
 * Local dates and wall times as plain numbers: a local date is days since 1970-01-01, a wall
 * time is milliseconds since local midnight. Parsing returns null on malformed input.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "HH:mm" or "HH:mm:ss" to milliseconds since midnight; "24:00" is allowed as end of day. */
export function parseWallTime(text: string): number | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '0')];
  if (hours === 24 && minutes === 0 && seconds === 0) return MS_PER_DAY;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND;
}

/** Days since the epoch for a valid calendar date, else null. */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** "YYYY-MM-DD" to days since the epoch, else null. */
export function parseLocalDate(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatLocalDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday index of a day number, Monday = 0 ... Sunday = 6. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

// Year starts are looked up in a table: Date objects are too slow for the hot paths.
const TABLE_FIRST_YEAR = 1800;
const TABLE_LAST_YEAR = 2400;
const YEAR_STARTS = Float64Array.from({ length: TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 2 }, (_, i) => Date.UTC(TABLE_FIRST_YEAR + i, 0, 1));
const MEAN_YEAR_MS = 31_556_952_000;

/** UTC start of a calendar year, in epoch milliseconds. */
export function yearStart(year: number): number {
  const i = year - TABLE_FIRST_YEAR;
  return i >= 0 && i < YEAR_STARTS.length ? (YEAR_STARTS[i] as number) : Date.UTC(year, 0, 1);
}

/** The UTC calendar year of an instant. */
export function yearOf(instant: number): number {
  let year = Math.floor(instant / MEAN_YEAR_MS) + 1970;
  if (year <= TABLE_FIRST_YEAR || year >= TABLE_LAST_YEAR) return new Date(instant).getUTCFullYear();
  while (instant < (YEAR_STARTS[year - TABLE_FIRST_YEAR] as number)) year--;
  while (instant >= (YEAR_STARTS[year + 1 - TABLE_FIRST_YEAR] as number)) year++;
  return year;
}
