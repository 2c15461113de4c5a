import { materializeHolidays, regional9to5 } from '../../../src/core/calendar';
import { compileCalendar as compileInBrowser } from '../../../src/core/calendar/browser';
import { at, compile } from './builders';

describe('materialised holidays', () => {
  const spec = { ...regional9to5('sn', 'Saxony', 'Europe/Berlin', { country: 'DE', state: 'SN', types: ['public', 'bank'] }) };

  it('gives the browser build the same results as the holiday rule data within the materialised years', () => {
    const server = compile(spec);
    const browser = compileInBrowser(materializeHolidays(spec, 2025, 2025));
    if (!browser.ok) throw new Error(JSON.stringify(browser.error));
    const from = at('2025-01-01T00:00', 'Europe/Berlin');
    for (let month = 0; month < 12; month++) {
      const a = from + month * 30 * 86_400_000;
      const b = a + 30 * 86_400_000;
      expect(browser.value.businessMillisBetween(a, b)).toBe(server.businessMillisBetween(a, b));
    }
  });

  it('keeps partial holidays partial', () => {
    const materialized = materializeHolidays(spec, 2025, 2025);
    const custom = materialized.kind === 'weekly' ? materialized.holidays?.custom ?? [] : [];
    expect(custom.find((h) => h.date === '2025-12-24')).toEqual({ name: expect.any(String), date: '2025-12-24', from: '14:00:00' });
  });
});
