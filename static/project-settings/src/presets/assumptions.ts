/**
 * What a preset assumes about the team that applies it, said out loud before it is used: each
 * calendar's time zone and the public holidays it closes on (or that it closes on none).
 */
import type { CalendarSpec, HolidaySource, PolicySpec } from '@core/browser';
import { countryName } from '../../../shared/regions';

export interface Assumption { key: string; text: string }

/** "Germany (Saxony)"; `regions` names region codes when the backend listed them. */
export function sourceName(s: HolidaySource, regions: Record<string, string> = {}): string {
  const country = countryName(s.country);
  if (!s.state) return country;
  return `${country} (${regions[`${s.country}-${s.state}`] ?? s.state})`;
}

function calendarAssumptions(cal: CalendarSpec, regions: Record<string, string>): Assumption[] {
  const name = `"${cal.name}"`;
  if (cal.kind !== 'weekly' && cal.kind !== 'always') return cal.members.flatMap((m) => calendarAssumptions(m, regions));
  if (cal.kind === 'always') return [{ key: `${cal.id}:zone`, text: `Calendar ${name} is open around the clock; business days are counted in ${cal.timeZone ?? 'UTC'}.` }];
  const sources = cal.holidays?.sources ?? [];
  const holidays = sources.length > 0
    ? `closes on the public holidays of ${sources.map((s) => sourceName(s, regions)).join(' and ')}.`
    : 'closes on no public holidays.';
  return [
    { key: `${cal.id}:zone`, text: `Calendar ${name} keeps its hours in the ${cal.timeZone} time zone.` },
    { key: `${cal.id}:holidays`, text: `Calendar ${name} ${holidays}` },
  ];
}

export function presetAssumptions(policy: PolicySpec, regions: Record<string, string> = {}): Assumption[] {
  return policy.calendars.flatMap((c) => calendarAssumptions(c, regions));
}

/** Countries whose region names the page should look up (one holiday list call each). */
export function countriesWithRegions(policy: PolicySpec): string[] {
  const out = new Set<string>();
  const visit = (c: CalendarSpec): void => {
    if (c.kind === 'weekly') for (const s of c.holidays?.sources ?? []) if (s.state) out.add(s.country);
    if (c.kind === 'union' || c.kind === 'intersection') c.members.forEach(visit);
  };
  policy.calendars.forEach(visit);
  return [...out];
}
