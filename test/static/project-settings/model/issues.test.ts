import { indexIssues } from '../../../../static/project-settings/src/model/issues';

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
