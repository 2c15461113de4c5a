/** Text forms of instants and durations for reports and CSV: unambiguous and sortable. */
import { DateTime } from 'luxon';
import type { Instant } from '../time';

/**
 * ISO 8601 with the zone's offset, to the second: "2026-03-02T10:00:00+01:00". Empty for null.
 * @example formatInstant(Date.parse('2026-03-02T09:00:00Z'), 'Europe/Paris') // "2026-03-02T10:00:00+01:00"
 */
export function formatInstant(at: Instant | null, timeZone: string): string {
  if (at === null) return '';
  return DateTime.fromMillis(at, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * Hours, minutes and seconds; hours are not wrapped into days, since business days differ by calendar.
 * Sub-second remainders are truncated (the CSV also carries exact milliseconds).
 * @example formatDuration(93_784_000) // "26:03:04"
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
