/**
 * Human formatting shared by both apps: durations in business time ("2 h 10 m") and instants in a
 * named zone. Pure functions over Intl, so the bundles need no date library for display.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DurationOptions {
  /** Show seconds (for a ticking countdown). Default false: rounds down to whole minutes. */
  seconds?: boolean;
}

/**
 * Formats a duration as hours and minutes, never days: "a day" is ambiguous in business time.
 * Negative durations are formatted by magnitude; callers say "breached by" or "left".
 * @example formatDuration(7_800_000) // "2 h 10 m"
 */
export function formatDuration(ms: number, options: DurationOptions = {}): string {
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const seconds = Math.floor((abs % MINUTE) / 1000);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0 || (hours > 0 && options.seconds)) parts.push(`${minutes} m`);
  if (options.seconds && hours === 0) parts.push(`${seconds} s`);
  if (parts.length === 0) return options.seconds ? '0 s' : abs > 0 ? '< 1 m' : '0 m';
  return parts.join(' ');
}

/** The viewer's zone: the Jira profile zone when the host gives one, else the browser's. */
export function viewerTimeZone(fromContext?: string | null): string {
  if (fromContext && isValidZone(fromContext)) return fromContext;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidZone(zone: string): boolean {
  try {
    formatter('full', zone);
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a ticking panel
// formats several instants a second: one formatter per style and zone is kept.
const FORMATS = {
  full: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  soon: { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...FORMATS[style], timeZone });
    formatters.set(key, f);
  }
  return f;
}

/**
 * "Mon 24 Nov, 08:00" in the given zone (24-hour clock, English labels to match the UI text).
 * @example formatDateTime(Date.UTC(2026, 10, 23, 7), 'Europe/Madrid') // "Mon 23 Nov, 08:00"
 */
export function formatDateTime(at: number, timeZone: string): string {
  return formatter('full', timeZone).format(at);
}

/**
 * Short form for instants within the coming week ("Mon 08:00"), full form otherwise, so
 * "resumes Mon 08:00" never points at the wrong Monday.
 */
export function formatSoon(at: number, now: number, timeZone: string): string {
  if (at < now || at - now > 6 * 24 * HOUR) return formatDateTime(at, timeZone);
  return formatter('soon', timeZone).format(at);
}

/** "Europe/Madrid" -> "Madrid": the city part is what people recognise. */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** Whether two zones show the same wall clock at `at` (then naming the second zone adds nothing). */
export function sameWallClock(a: string, b: string, at: number): boolean {
  return a === b || formatDateTime(at, a) === formatDateTime(at, b);
}

/** "2026-11" as "November 2026" in the locale; the month is a calendar month, so no zone shifts it. */
export function monthLabel(month: string, locale?: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}
