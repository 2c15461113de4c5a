import { parseHolidayDate } from '../../../../static/project-settings/src/calendars/CustomHolidays';

describe('company holiday dates', () => {
  it('reads one-off and yearly dates and rejects anything else', () => {
    expect(parseHolidayDate('2026-12-24')).toEqual({ date: '2026-12-24' });
    expect(parseHolidayDate('12-24')).toEqual({ month: 12, day: 24 });
    expect(parseHolidayDate('24/12')).toBeNull();
    expect(parseHolidayDate('2026-13-01')).toBeNull();
  });
});
