import { listHolidayCountries, listHolidayStates, listHolidays } from '../../../src/core/calendar';

describe('holiday data for the UI', () => {
  it('lists countries and their states', () => {
    expect(listHolidayCountries().some((c) => c.id === 'ES')).toBe(true);
    expect(listHolidayStates('de').some((s) => s.id === 'SN')).toBe(true);
  });

  it('lists a region’s holidays with types and local start and end', () => {
    const eve = listHolidays({ country: 'DE', state: 'SN' }, 2025).find((h) => h.date === '2025-12-24');
    expect(eve).toEqual({ date: '2025-12-24', name: expect.any(String), type: 'bank', start: '2025-12-24 14:00:00', end: '2025-12-25 00:00:00' });
    expect(listHolidays({ country: 'XX' }, 2025)).toEqual([]);
  });
});
