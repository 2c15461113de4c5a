import { validateCalendarSpec, type CalendarErrorCode } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';

const codes = (spec: unknown): CalendarErrorCode[] => validateCalendarSpec(spec).map((e) => e.code);
const member = (id: string) => weeklySpec({ id });

describe('calendar spec validation', () => {
  it('accepts a well-formed weekly spec', () => {
    expect(validateCalendarSpec(weeklySpec())).toEqual([]);
  });

  it('rejects a wrong schema version with CAL_SCHEMA_VERSION', () => {
    expect(codes({ ...weeklySpec(), schemaVersion: 2 })).toEqual(['CAL_SCHEMA_VERSION']);
  });

  it('rejects non-objects, unknown kinds and missing names with CAL_MALFORMED', () => {
    expect(codes(null)).toEqual(['CAL_MALFORMED']);
    expect(codes({ ...weeklySpec(), kind: 'monthly' })).toEqual(['CAL_MALFORMED']);
    expect(codes({ ...weeklySpec(), name: '' })).toEqual(['CAL_MALFORMED']);
    expect(codes(weeklySpec({ week: { funday: [] } as never }))).toContain('CAL_MALFORMED');
  });

  it('rejects an unknown time zone with CAL_UNKNOWN_ZONE', () => {
    expect(codes(weeklySpec({ timeZone: 'Europe/Atlantis' }))).toEqual(['CAL_UNKNOWN_ZONE']);
    expect(codes({ schemaVersion: 1, kind: 'always', id: 'a', name: 'A', timeZone: 'Nowhere' })).toEqual(['CAL_UNKNOWN_ZONE']);
  });

  it('rejects a calendar with no opening hours on any day with CAL_NEVER_OPEN', () => {
    expect(codes(weeklySpec({ week: {} }))).toEqual(['CAL_NEVER_OPEN']);
    expect(codes(weeklySpec({ week: {}, overrides: [{ date: '2025-06-01', hours: [{ start: '10:00', end: '10:01' }] }] }))).toEqual([]);
  });

  it('rejects a composite without members with CAL_EMPTY_COMPOSITE', () => {
    expect(codes({ schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [] })).toEqual(['CAL_EMPTY_COMPOSITE']);
  });

  it('rejects composite members sharing an id with CAL_DUPLICATE_ID', () => {
    const errors = validateCalendarSpec({ schemaVersion: 1, kind: 'intersection', id: 'i', name: 'I', members: [member('a'), member('a')] });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['CAL_DUPLICATE_ID', 'members[1].id']]);
  });

  it('reports member errors under the member’s path', () => {
    const errors = validateCalendarSpec({ schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [member('a'), weeklySpec({ id: 'b', timeZone: 'Bad/Zone' })] });
    expect(errors.map((e) => e.path)).toEqual(['members[1].timeZone']);
  });

  it('reports every problem in document order, each with its code, path and message', () => {
    const spec = {
      schemaVersion: 2, id: '', name: 'N', kind: 'weekly', timeZone: 'Nowhere',
      exclusions: [{ start: '2025-01-01T12:00Z', end: '2025-01-01T10:00Z' }],
      week: { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }], funday: [] },
      overrides: [{ date: '2025-02-30', hours: [] }],
      holidays: { sources: [{ country: 'XX' }], custom: 'x' },
    };
    expect(validateCalendarSpec(spec)).toEqual([
      { code: 'CAL_SCHEMA_VERSION', path: 'schemaVersion', message: 'schemaVersion must be 1' },
      { code: 'CAL_MALFORMED', path: 'id', message: '"id" must be a non-empty string' },
      { code: 'CAL_BAD_EXCLUSION', path: 'exclusions[0]', message: 'end must be after start' },
      { code: 'CAL_UNKNOWN_ZONE', path: 'timeZone', message: '"Nowhere" is not an IANA time zone' },
      { code: 'CAL_MALFORMED', path: 'week.funday', message: '"funday" is not a weekday (mon…sun)' },
      { code: 'CAL_OVERLAPPING_INTERVALS', path: 'week.mon[1]', message: 'interval overlaps week.mon[0]' },
      { code: 'CAL_BAD_DATE', path: 'overrides[0].date', message: '"2025-02-30" is not a date (YYYY-MM-DD)' },
      expect.objectContaining({ code: 'CAL_UNKNOWN_HOLIDAY_REGION', path: 'holidays.sources[0]' }),
      { code: 'CAL_MALFORMED', path: 'holidays.custom', message: 'must be a list' },
    ]);
  });

  it('reports a non-object calendar once, and a composite member at its own path', () => {
    expect(validateCalendarSpec([])).toEqual([{ code: 'CAL_MALFORMED', path: '', message: 'a calendar must be an object' }]);
    const union = { schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [member('a'), 'x', { ...member('a'), week: {} }] };
    expect(validateCalendarSpec(union)).toEqual([
      { code: 'CAL_MALFORMED', path: 'members[1]', message: 'a calendar must be an object' },
      { code: 'CAL_NEVER_OPEN', path: 'members[2].week', message: 'the calendar has no opening hours on any day' },
      { code: 'CAL_DUPLICATE_ID', path: 'members[2].id', message: 'member id "a" is used twice' },
    ]);
  });
});
