/**
 * Which zone the preview shows a calendar's times in, and how it names it. A weekly or 24x7
 * calendar has its own zone ("Madrid, Madrid office"). A follow-the-sun (union) or intersection
 * calendar has none of its own: its times are shown in the viewer's zone, named as such, with the
 * member calendars' zones listed, rather than in UTC, which none of them uses.
 */
import type { CalendarSpec } from '@core/browser';
import { zoneCity } from '../../../shared/format';

export interface ShownZone {
  zone: string;
  /** The place with the calendar's name, for a sentence that has not named the calendar yet. */
  label: string;
  /** Only where the times are read ("Madrid time", "your time, Berlin"). */
  short: string;
}

function memberZones(spec: CalendarSpec): string[] {
  return 'members' in spec ? spec.members.flatMap(memberZones) : [spec.timeZone ?? 'UTC'];
}

/** @example shownZone([followTheSun], 'fts', null, 'Europe/Berlin').label // "your time, Berlin; Follow the sun: London + New York" */
export function shownZone(calendars: readonly CalendarSpec[], calendarId: string | null, ownZone: string | null, viewerZone: string): ShownZone {
  const spec = calendars.find((c) => c.id === calendarId) ?? null;
  if (spec && 'members' in spec) {
    const cities = [...new Set(memberZones(spec).map(zoneCity))];
    const yours = `your time, ${zoneCity(viewerZone)}`;
    return { zone: viewerZone, label: `${yours}; ${spec.name}: ${cities.join(' + ')}`, short: yours };
  }
  const zone = ownZone ?? (spec && 'timeZone' in spec ? spec.timeZone : undefined) ?? 'UTC';
  return { zone, label: spec ? `${zoneCity(zone)}, ${spec.name}` : zoneCity(zone), short: `${zoneCity(zone)} time` };
}
