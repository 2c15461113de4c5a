import { calendarIdFor, selectGoal } from '../../../src/core/policy';
import { goalFields } from '../../../src/core/policy/goals';
import { goal } from '../evaluate/builders';

describe('selectGoal', () => {
  const metric = {
    goals: [
      goal({ id: 'feature', match: { issueTypeIds: ['10002'] } }),
      goal({ id: 'sevA', match: { field: { fieldId: 'customfield_1', optionIds: ['a'] }, labels: ['vip'] } }),
      goal({ id: 'emea', match: { customer: { fieldId: 'customfield_2', values: ['acme'] }, componentIds: ['7'] } }),
      goal({ id: 'none', match: { priorityIds: [] } }),
      goal({ id: 'rest', match: {} }),
    ],
  };

  it('takes the first goal whose criteria all match', () => {
    expect(selectGoal(metric, { issuetype: '10002', customfield_1: 'a', labels: 'vip' })?.id).toBe('feature');
    expect(selectGoal(metric, { customfield_1: 'a', labels: 'urgent vip' })?.id).toBe('sevA');
    expect(selectGoal(metric, { customfield_1: 'a', labels: 'urgent' })?.id).toBe('rest');
    expect(selectGoal(metric, { customfield_2: 'acme', components: '3 7' })?.id).toBe('emea');
  });

  it('treats an empty list as matching nothing, so unmatched preset names never catch issues', () => {
    expect(selectGoal({ goals: metric.goals.slice(3, 4) }, { priority: '1' })).toBeNull();
  });
});

describe('the calendar a goal counts on', () => {
  const byRegion = { kind: 'fromField', fieldId: 'customfield_9', map: { apac: 'sydney', emea: 'berlin' }, fallbackCalendarId: 'utc' } as const;

  it('takes a fixed calendar whatever the fields say', () => {
    expect(calendarIdFor({ kind: 'fixed', calendarId: 'cet' }, { customfield_9: 'apac' })).toBe('cet');
  });

  it('maps a field value to its calendar, and falls back when the field is empty or unmapped', () => {
    expect(calendarIdFor(byRegion, { customfield_9: 'apac' })).toBe('sydney');
    expect([calendarIdFor(byRegion, {}), calendarIdFor(byRegion, { customfield_9: null }), calendarIdFor(byRegion, { customfield_9: 'latam' })]).toEqual(['utc', 'utc', 'utc']);
  });
});

describe('the fields goal selection reads', () => {
  it('lists each criterion\'s field and a field-driven calendar\'s field, and nothing for a catch-all', () => {
    const metric = {
      goals: [
        goal({ match: { priorityIds: ['1'], issueTypeIds: ['2'], labels: ['vip'], componentIds: ['3'] } }),
        goal({ match: { field: { fieldId: 'customfield_1', optionIds: ['a'] }, customer: { fieldId: 'customfield_2', values: ['acme'] } } }),
        goal({ calendar: { kind: 'fromField', fieldId: 'customfield_3', map: {}, fallbackCalendarId: '24x7' } }),
      ],
    };
    expect([...goalFields(metric)].sort()).toEqual(['components', 'customfield_1', 'customfield_2', 'customfield_3', 'issuetype', 'labels', 'priority']);
    expect([...goalFields({ goals: [goal()] })]).toEqual([]);
  });
});
