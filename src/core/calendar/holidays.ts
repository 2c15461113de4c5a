import Holidays from 'date-holidays';
import type { HolidaySource, HolidayType } from './types';
import type { HolidayEntry, HolidayProvider } from './impl/provider';
import { ENGLISH_STATE_NAMES } from './regionNames';

const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

/** Instances and yearly results are cached: date-holidays evaluates its rules on every call. */
const instances = new Map<string, Holidays>();
const yearCache = new Map<string, readonly HolidayEntry[]>();
const registry = new Holidays();

function regionKey(source: HolidaySource): string {
  return [source.country, source.state ?? '', source.region ?? ''].join('/').toUpperCase();
}

function instanceFor(source: HolidaySource): Holidays {
  const key = regionKey(source);
  let hd = instances.get(key);
  if (!hd) {
    // Zone UTC makes each holiday's Date carry its wall-clock reading, independent of the host zone.
    hd = new Holidays(source.country, source.state ?? '', source.region ?? '', { timezone: 'UTC' });
    instances.set(key, hd);
  }
  return hd;
}

function asType(value: string): HolidayType {
  return (HOLIDAY_TYPES as readonly string[]).includes(value) ? (value as HolidayType) : 'observance';
}

function allEntries(source: HolidaySource, year: number): readonly HolidayEntry[] {
  const key = `${regionKey(source)}@${year}`;
  let entries = yearCache.get(key);
  if (!entries) {
    entries = instanceFor(source).getHolidays(year).map((h) => ({
      date: h.date.slice(0, 10),
      name: h.name,
      type: asType(h.type),
      startLocal: h.start.getTime(),
      endLocal: h.end.getTime(),
    }));
    yearCache.set(key, entries);
  }
  return entries;
}

function checkRegion(source: HolidaySource): string | null {
  const country = source.country.toUpperCase();
  if (!(country in (registry.getCountries() ?? {}))) return `unknown holiday country "${source.country}"`;
  if (source.state === undefined) return null;
  const states = registry.getStates(country) ?? {};
  if (!(source.state.toUpperCase() in states)) return `unknown state "${source.state}" in ${country}`;
  if (source.region === undefined) return null;
  const regions = registry.getRegions(country, source.state.toUpperCase()) ?? {};
  return source.region.toUpperCase() in regions ? null : `unknown region "${source.region}" in ${country}-${source.state}`;
}

/** Holidays from the date-holidays rule data, filtered by the source's types (public by default). */
export const DATE_HOLIDAYS: HolidayProvider = {
  checkRegion,
  holidays(source, year) {
    const types = source.types ?? ['public'];
    return allEntries(source, year).filter((h) => types.includes(h.type));
  },
};

/**
 * Countries with holiday data, by their English names (the UI is in English), sorted by name.
 * @example listHolidayCountries().find((c) => c.id === 'ES') // { id: 'ES', name: 'Spain' }
 */
export function listHolidayCountries(): { id: string; name: string }[] {
  return toRefs(registry.getCountries('en') ?? {});
}

/**
 * A country's holiday regions by their English names: the data's English name where it has one,
 * else ours (regionNames.ts), else the region's own name.
 * @example listHolidayStates('DE').find((s) => s.id === 'SN')?.name // 'Saxony'
 */
export function listHolidayStates(country: string): { id: string; name: string }[] {
  const code = country.toUpperCase();
  const states = registry.getStates(code, 'en') ?? {};
  return toRefs(Object.fromEntries(Object.entries(states).map(([id, name]) => [id, ENGLISH_STATE_NAMES[`${code}-${id}`] ?? name])));
}

/**
 * All holidays of a region in a year (every type, so admins see what the filter removes).
 * `start`/`end` are local "YYYY-MM-DD HH:mm:ss" readings in the region.
 * @example listHolidays({ country: 'DE', state: 'SN' }, 2024)[0].date // '2024-01-01'
 */
export function listHolidays(source: HolidaySource, year: number): { date: string; name: string; type: string; start: string; end: string }[] {
  if (checkRegion(source) !== null) return [];
  return allEntries(source, year).map((h) => ({
    date: h.date, name: h.name, type: h.type, start: localText(h.startLocal), end: localText(h.endLocal),
  }));
}

function localText(local: number): string {
  return new Date(local).toISOString().slice(0, 19).replace('T', ' ');
}

function toRefs(record: Record<string, string>): { id: string; name: string }[] {
  return Object.entries(record).map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
