import { IANAZone } from 'luxon';

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

/** Offset of `zone` from UTC at `instant`, in milliseconds. */
export function offsetAt(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MS_PER_MINUTE;
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
