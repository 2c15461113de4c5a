import { listHolidayCountries, listHolidayStates } from '../../../src/core/calendar';
import { ENGLISH_STATE_NAMES } from '../../../src/core/calendar/regionNames';

describe('holiday region names', () => {
  it('names countries in English, not in their own languages', () => {
    const name = (id: string) => listHolidayCountries().find((c) => c.id === id)?.name;
    expect([name('DE'), name('JP'), name('ES')]).toEqual(['Germany', 'Japan', 'Spain']);
  });

  it('names a state in English where the holiday data has only its own name', () => {
    const name = (country: string, id: string) => listHolidayStates(country).find((s) => s.id === id)?.name;
    expect([name('DE', 'SN'), name('DE', 'BY'), name('BE', 'BRU')]).toEqual(['Saxony', 'Bavaria', 'Brussels']);
  });

  it('uses the English name the holiday data itself carries', () => {
    expect(listHolidayStates('CH').find((s) => s.id === 'ZH')?.name).toBe('Canton of Zürich');
  });

  it('lists only regions the holiday data knows, so no English name goes stale unseen', () => {
    const unknown = Object.keys(ENGLISH_STATE_NAMES).filter((key) => {
      const [country = '', state = ''] = key.split('-');
      return !listHolidayStates(country).some((s) => s.id === state);
    });
    expect(unknown).toEqual([]);
  });
});
