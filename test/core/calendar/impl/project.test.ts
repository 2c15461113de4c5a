import { exclusionSegments, projectorFor, referenceZone } from '../../../../src/core/calendar/impl/project';
import { NO_HOLIDAY_DATA } from '../../../../src/core/calendar/impl/provider';
import type { AlwaysOpenCalendarSpec, CalendarSpec } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const always = (over: Partial<AlwaysOpenCalendarSpec> = {}): AlwaysOpenCalendarSpec => ({ schemaVersion: 1, kind: 'always', id: 'a', name: 'A', ...over });
const exclusion = { start: '2025-03-01T10:00Z', end: '2025-03-01T12:00Z', reason: 'upgrade' };

describe('projecting a calendar onto a UTC year', () => {
  it('opens an always-open calendar for the whole year, minus its exclusions', () => {
    expect(projectorFor(always({ exclusions: [exclusion] }), NO_HOLIDAY_DATA)(2025)).toEqual([
      [utc('2025-01-01T00:00'), utc('2025-03-01T10:00')], [utc('2025-03-01T12:00'), utc('2026-01-01T00:00')],
    ]);
  });

  it('leaves every exclusion out when asked to, also inside composite members', () => {
    const member = always({ exclusions: [exclusion] });
    const union: CalendarSpec = { schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [member] };
    expect(projectorFor(union, NO_HOLIDAY_DATA, false)(2025)).toEqual([[utc('2025-01-01T00:00'), utc('2026-01-01T00:00')]]);
    expect(projectorFor(union, NO_HOLIDAY_DATA)(2025)).toHaveLength(2);
  });

  it('intersects the members of an intersection, and an intersection with an always-open member changes nothing', () => {
    const weekly = weeklySpec({ timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '17:00' }] } });
    const alone = projectorFor(weekly, NO_HOLIDAY_DATA)(2025);
    const both: CalendarSpec = { schemaVersion: 1, kind: 'intersection', id: 'i', name: 'I', members: [always(), weekly] };
    expect(projectorFor(both, NO_HOLIDAY_DATA)(2025)).toEqual(alone);
    expect(alone[0]).toEqual([utc('2025-01-06T09:00'), utc('2025-01-06T17:00')]);
  });

  it('projects each year once', () => {
    const project = projectorFor(always(), NO_HOLIDAY_DATA);
    expect(project(2025)).toBe(project(2025));
  });
});

describe('exclusion windows and the reference zone', () => {
  it('reads exclusion windows as sorted, merged UTC segments', () => {
    const late = { ...exclusion, start: '2025-03-01T11:00Z', end: '2025-03-01T13:00Z' };
    expect(exclusionSegments(always({ exclusions: [late, exclusion] }))).toEqual([[utc('2025-03-01T10:00'), utc('2025-03-01T13:00')]]);
  });

  it('counts business days in the first member\'s zone, UTC when there is none', () => {
    const union: CalendarSpec = { schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [weeklySpec({ timeZone: 'Asia/Tokyo' }), weeklySpec({ id: 'b' })] };
    expect(referenceZone(union)).toBe('Asia/Tokyo');
    expect([referenceZone(always()), referenceZone(always({ timeZone: 'Europe/Paris' }))]).toEqual(['UTC', 'Europe/Paris']);
    expect(referenceZone({ schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [] })).toBe('UTC');
  });
});
