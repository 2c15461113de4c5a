import { compileCalendar } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';

describe('compiling a calendar', () => {
  it('returns every error at once from compileCalendar instead of throwing', () => {
    const result = compileCalendar({ ...weeklySpec({ timeZone: 'Bad/Zone' }), schemaVersion: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.code).sort()).toEqual(['CAL_SCHEMA_VERSION', 'CAL_UNKNOWN_ZONE']);
  });

  it('keeps compiled calendars immutable and independent of the submitted object', () => {
    const spec = weeklySpec();
    const result = compileCalendar(spec);
    if (!result.ok) throw new Error('expected a calendar');
    spec.week.mon = [];
    expect(result.value.spec).not.toBe(spec);
    expect(Object.isFrozen(result.value.spec)).toBe(true);
    expect(result.value.isOpen(Date.UTC(2025, 0, 6, 10))).toBe(true);
  });

  it('shares one compiled calendar between equal specs, so projections are reused', () => {
    const first = compileCalendar(weeklySpec({ id: 'shared' }));
    const second = compileCalendar(JSON.parse(JSON.stringify(weeklySpec({ id: 'shared' }))));
    expect(first.ok && second.ok && first.value === second.value).toBe(true);
    const other = compileCalendar(weeklySpec({ id: 'other' }));
    expect(first.ok && other.ok && first.value === other.value).toBe(false);
  });
});
