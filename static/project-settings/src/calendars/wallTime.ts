/**
 * Instants shown and picked as wall-clock date-times ("2026-03-01T22:00", the value of a
 * datetime-local input) in a calendar's zone, with the core's zone arithmetic (DST gaps move forward).
 */
import { fromLocal, toLocal, zoneOf } from '@core/browser';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01T21:00:00Z" in Europe/Madrid -> "2026-03-01T22:00"; '' when there is no valid instant. */
export function wallTimeOf(iso: string, zone: string): string {
  const at = Date.parse(iso);
  const z = zoneOf(zone);
  if (!iso || !Number.isFinite(at) || !z) return '';
  const d = new Date(toLocal(z, at));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-03-01T22:00" in Europe/Madrid -> "2026-03-01T21:00:00Z"; '' for an empty or partial value. */
export function instantOf(wall: string, zone: string): string {
  const m = WALL.exec(wall);
  const z = zoneOf(zone);
  if (!m || !z) return '';
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(fromLocal(z, local)).toISOString().replace('.000Z', 'Z');
}
