import type { PolicySpec } from '@core/browser';
import { countriesWithRegions, presetAssumptions, sourceName } from '../../../../static/project-settings/src/presets/assumptions';
import { buildPolicy } from '../fakeBackend';

describe('what a preset assumes', () => {
  it('states each calendar zone and its public holidays, countries in English', () => {
    const base = buildPolicy();
    const madrid = base.calendars[0];
    if (madrid?.kind !== 'weekly') throw new Error('fixture');
    const policy = { ...base, calendars: [{ ...madrid, holidays: { sources: [{ country: 'DE', state: 'SN' }] } }, { ...madrid, id: 'b', name: 'Plain', holidays: undefined }] };
    expect(presetAssumptions(policy, { 'DE-SN': 'Saxony' }).map((a) => a.text)).toEqual([
      'Calendar "Madrid office" keeps its hours in the Europe/Madrid time zone.',
      'Calendar "Madrid office" closes on the public holidays of Germany (Saxony).',
      'Calendar "Plain" keeps its hours in the Europe/Madrid time zone.',
      'Calendar "Plain" closes on no public holidays.',
    ]);
  });
});

describe('calendars inside a preset', () => {
  const weekly = (id: string, sources: { country: string; state?: string }[]) =>
    ({ schemaVersion: 1, kind: 'weekly', id, name: id, timeZone: 'Europe/Berlin', week: {}, holidays: { sources } }) as const;
  const withCalendars = (calendars: PolicySpec['calendars']): PolicySpec => ({ ...buildPolicy(), calendars });

  it('names a region by its code when the backend did not list its name', () => {
    expect(sourceName({ country: 'DE', state: 'SN' })).toBe('Germany (SN)');
    expect(sourceName({ country: 'ES' }, { 'ES-MD': 'Madrid' })).toBe('Spain');
  });

  it('says an always-open calendar counts business days in its zone, UTC when it names none', () => {
    const always = withCalendars([{ schemaVersion: 1, kind: 'always', id: 'x', name: 'Round' }]);
    expect(presetAssumptions(always).map((a) => [a.key, a.text])).toEqual([
      ['x:zone', 'Calendar "Round" is open around the clock; business days are counted in UTC.'],
    ]);
  });

  it('states the assumptions of each member of a follow-the-sun calendar, joining several holiday sources', () => {
    const sun = withCalendars([{ schemaVersion: 1, kind: 'union', id: 'sun', name: 'Sun', members: [weekly('a', [{ country: 'DE' }, { country: 'FR' }])] }]);
    expect(presetAssumptions(sun).map((a) => a.text)).toEqual([
      'Calendar "a" keeps its hours in the Europe/Berlin time zone.',
      'Calendar "a" closes on the public holidays of Germany and France.',
    ]);
  });

  it('lists each country with a regional holiday source once, looking inside composite calendars', () => {
    const cals = withCalendars([
      weekly('a', [{ country: 'DE', state: 'SN' }, { country: 'FR' }]),
      { schemaVersion: 1, kind: 'intersection', id: 'i', name: 'I', members: [weekly('b', [{ country: 'DE', state: 'BY' }, { country: 'ES', state: 'MD' }])] },
    ]);
    expect(countriesWithRegions(cals)).toEqual(['DE', 'ES']);
    expect(countriesWithRegions(withCalendars([]))).toEqual([]);
  });
});
