import { tabOfPath } from '../../../../static/project-settings/src/model/tabs';

describe('the tab that shows a backend path', () => {
  it('sends each issue to the tab that shows its field', () => {
    expect(tabOfPath('calendars[1].week.mon[0].end')).toBe('calendars');
    expect(tabOfPath('metrics[0].goals[2].target')).toBe('goals');
    expect(tabOfPath('metrics[0].breachActions[0].body')).toBe('warnings');
    expect(tabOfPath('metrics[0].stop')).toBe('metrics');
  });
});

describe('warning paths', () => {
  it('sends warnings and warning actions to the warnings tab, and any other path to the metrics tab', () => {
    expect(tabOfPath('metrics[2].warnings[0].percent')).toBe('warnings');
    expect(tabOfPath('metrics[2].warningActions[1]')).toBe('warnings');
    expect(tabOfPath('metrics[2].name')).toBe('metrics');
    expect(tabOfPath('name')).toBe('metrics');
  });
});
