import * as fs from 'fs';
import * as path from 'path';
import {
  CALENDAR_PRESETS, calendarPreset, listHolidayCountries, listHolidayStates, listHolidays,
  materializeHolidays, regional9to5, validateCalendarSpec,
} from '../../../src/core/calendar';
import { compileCalendar as compileInBrowser } from '../../../src/core/calendar/browser';
import { at, compile } from './builders';
import { businessMinutesBetween } from './verbs';

describe('calendar presets', () => {
  it('offers every preset the seed policies need, each valid', () => {
    expect(CALENDAR_PRESETS.map((p) => p.id)).toEqual([
      'madrid-deiser', 'saxony-9-17', 'cet-9-17', 'cet-extended-7-19', 'london-8-22', '24x7', 'follow-the-sun-24x5',
    ]);
    for (const preset of CALENDAR_PRESETS) expect(validateCalendarSpec(preset)).toEqual([]);
  });

  it('hands out copies, so editing one does not change the preset', () => {
    const copy = calendarPreset('cet-9-17');
    if (copy?.kind !== 'weekly') throw new Error('expected a weekly preset');
    copy.week.mon = [];
    expect(calendarPreset('cet-9-17')).not.toEqual(copy);
    expect(calendarPreset('no-such-preset')).toBeNull();
  });

  it('closes London on England’s bank holidays, such as the Summer bank holiday, and keeps its long weekday hours', () => {
    const london = compile(calendarPreset('london-8-22'));
    const day = (d: string) => [at(`${d}T00:00`, 'Europe/London'), at(`${d}T00:00`, 'Europe/London') + 86_400_000] as const;
    expect(businessMinutesBetween(london, ...day('2025-08-25'))).toBe(0);
    expect(businessMinutesBetween(london, ...day('2025-08-26'))).toBe(14 * 60);
  });

  it('builds a 9-to-5 calendar for any region', () => {
    const ny = compile(regional9to5('ny', 'New York', 'America/New_York', { country: 'US', state: 'NY' }));
    expect(businessMinutesBetween(ny, at('2025-07-03T00:00', 'America/New_York'), at('2025-07-05T00:00', 'America/New_York'))).toBe(8 * 60);
  });
});

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

describe('the browser entry point', () => {
  it('never imports date-holidays, directly or through its imports', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      expect(source).not.toMatch(/from 'date-holidays'|require\('date-holidays'\)/);
      for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
        const base = path.resolve(path.dirname(file), spec as string);
        visit(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    };
    visit(path.resolve(__dirname, '../../../src/core/calendar/browser.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});
