import { IANAZone } from 'luxon';
import { yearOf, yearStart } from './local';

/**
 * Zones and the DST policy. A "local" millisecond count is the wall-clock reading of a zone
 * written as if it were UTC (so calendar arithmetic on it never sees DST); converting it back to
 * an instant is where the policy applies.
 */

const MS_PER_MINUTE = 60_000;
const NEAR_TRANSITION_MS = 36 * 3_600_000;
const zoneCache = new Map<string, IANAZone | null>();

/** The one funnel from a zone name to a zone; null when the name is not a known IANA zone. */
export function zoneOf(name: string): IANAZone | null {
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  const zone = name.length > 0 && IANAZone.isValidZone(name) ? IANAZone.create(name) : null;
  zoneCache.set(name, zone);
  return zone;
}

export function isKnownZone(name: string): boolean {
  return zoneOf(name) !== null;
}

/** Offset changes of one zone in one UTC year: `offsets[i]` holds from `times[i]` on. */
interface OffsetTable {
  readonly times: number[];
  readonly offsets: number[];
}

const SAMPLE_MS = 4 * 86_400_000;
const tables = new Map<string, OffsetTable>();

function rawOffset(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MS_PER_MINUTE;
}

/** The first instant in (lo, hi] whose offset differs from the offset at lo. */
function findTransition(zone: IANAZone, lo: number, hi: number): number {
  const before = rawOffset(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (rawOffset(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Asking the platform for an offset is slow, so each zone-year is sampled every 4 days once and every
 * change is bisected to the millisecond. Assumes no zone changes offset and back within 4 days
 * (true of the time zone database since 1970: suspended DST periods last weeks).
 */
function tableFor(zone: IANAZone, year: number): OffsetTable {
  const key = `${zone.name}@${year}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const start = yearStart(year);
  const end = yearStart(year + 1);
  const table: OffsetTable = { times: [start], offsets: [rawOffset(zone, start)] };
  for (let lo = start; lo < end; lo += SAMPLE_MS) {
    const hi = Math.min(lo + SAMPLE_MS, end);
    const offset = rawOffset(zone, hi);
    if (offset === table.offsets[table.offsets.length - 1]) continue;
    const at = findTransition(zone, lo, hi);
    if (at < end) {
      table.times.push(at);
      table.offsets.push(rawOffset(zone, at));
    }
  }
  tables.set(key, table);
  return table;
}

/** Offset of `zone` from UTC at `instant`, in milliseconds. */
export function offsetAt(zone: IANAZone, instant: number): number {
  const table = tableFor(zone, yearOf(instant));
  let i = table.times.length - 1;
  while (i > 0 && (table.times[i] as number) > instant) i--;
  return table.offsets[i] as number;
}

/** The wall-clock reading of `instant` in `zone`, as local milliseconds. */
export function toLocal(zone: IANAZone, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/**
 * The instant a wall-clock reading denotes. DST policy (the same as Temporal's "compatible"):
 * a reading inside a spring-forward gap moves forward by the gap's length (02:30 -> 03:30);
 * an ambiguous reading in a fall-back overlap takes the earlier instant.
 */
export function fromLocal(zone: IANAZone, local: number): number {
  const before = offsetAt(zone, local - NEAR_TRANSITION_MS);
  const after = offsetAt(zone, local + NEAR_TRANSITION_MS);
  const early = local - before;
  const late = local - after;
  const earlyValid = toLocal(zone, early) === local;
  const lateValid = toLocal(zone, late) === local;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In a gap: reading the wall clock with the offset in force before the jump moves it forward.
  const guess = local - offsetAt(zone, local - before);
  return toLocal(zone, guess) === local ? guess : early;
}
