import '../jsdomClone';
import type { CalendarSpec, PolicySpec } from '@core/browser';
import { validateDraft } from '../../../../static/project-settings/src/model/validateDraft';
import { buildPolicy } from '../fakeBackend';

const madrid = buildPolicy().calendars[0] as CalendarSpec & { kind: 'weekly' };
const withSources = { ...madrid, holidays: { sources: [{ country: 'ZZ', state: 'NOPE' }], custom: [] } };
const codes = (policy: PolicySpec) => validateDraft(policy).map((i) => [i.path, i.code]);

describe('checking the draft in the browser', () => {
  it('accepts a valid draft with no issues', () => {
    expect(validateDraft(buildPolicy())).toEqual([]);
  });

  it('leaves public holiday sources to the server, even ones it could not resolve', () => {
    expect(validateDraft(buildPolicy({ calendars: [withSources] }))).toEqual([]);
  });

  it('sets sources aside inside composite calendars too', () => {
    const sun: CalendarSpec = { schemaVersion: 1, kind: 'union', id: 'sun', name: 'Sun', members: [withSources] };
    expect(validateDraft(buildPolicy({ calendars: [madrid, sun] }))).toEqual([]);
  });

  it('still reports other problems of a calendar with sources at the path of the draft', () => {
    const broken = { ...withSources, week: { mon: [{ start: '09:00', end: '25:00' }] } };
    expect(codes(buildPolicy({ calendars: [broken] }))).toContainEqual([expect.stringMatching(/^\$?\.?calendars\[0\]\.week\.mon\[0\]/), 'CAL_BAD_TIME']);
  });

  it('words its messages for people, never as a JSON path', () => {
    const issues = validateDraft(buildPolicy({ calendars: [{ ...madrid, name: '' }] }));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).not.toMatch(/calendars\[\d+\]/);
  });
});
