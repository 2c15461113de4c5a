import { indexIssues, normalizePath } from '../../../../static/project-settings/src/model/issues';

describe('validation issues from the backend', () => {
  const index = indexIssues([
    { path: 'metrics[0].goals[2].target', code: 'POL_BAD_TARGET', message: 'bad' },
    { path: '$.calendars[1].week.mon[0].end', code: 'CAL_BAD_TIME', message: 'bad time' },
  ]);

  it('finds issues at a path and beneath a prefix, but not under a sibling with a longer index', () => {
    expect(index.at('metrics[0].goals[2].target')).toHaveLength(1);
    expect(index.under('metrics[0]')).toHaveLength(1);
    expect(index.under('metrics[0].goals[2')).toHaveLength(0);
    expect(index.under('calendars[1]')).toHaveLength(1);
    expect(index.under('calendars[10]')).toHaveLength(0);
  });
});

describe('backend paths rooted at the submitted policy', () => {
  it('drops a leading "$." or "policy." so both sides name the same field', () => {
    expect(normalizePath('$.calendars[0].name')).toBe('calendars[0].name');
    expect(normalizePath('$calendars[0]')).toBe('calendars[0]');
    expect(normalizePath('policy.metrics[1].key')).toBe('metrics[1].key');
    expect(normalizePath('name')).toBe('name');
  });

  it('lists every issue with its path normalised, and all of them under the empty prefix', () => {
    const index = indexIssues([{ path: 'policy.name', code: 'X', message: 'm' }]);
    expect(index.all).toEqual([{ path: 'name', code: 'X', message: 'm' }]);
    expect(index.under('')).toHaveLength(1);
    expect(index.under('nam')).toHaveLength(0);
  });
});
