import { compileCalendar as compileInBrowser } from '../../../src/core/calendar/browser';
import { weeklySpec } from './builders';

describe('compiling a calendar in the browser', () => {
  it('refuses holiday sources in the browser build, which carries no holiday rule data', () => {
    const result = compileInBrowser(weeklySpec({ holidays: { sources: [{ country: 'DE' }] } }));
    expect(result.ok ? [] : result.error.map((e) => e.code)).toEqual(['CAL_UNKNOWN_HOLIDAY_REGION']);
  });
});
