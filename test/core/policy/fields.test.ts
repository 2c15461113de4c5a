import { policyFieldIds, policyReadsLabels } from '../../../src/core/policy';
import { goal, metric, policySpec } from '../evaluate/builders';

describe('the fields a policy reads', () => {
  const spec = policySpec([
    metric({
      stop: [{ kind: 'fieldChanged', fieldId: 'customfield_20', toValue: 'x' }],
      goals: [
        goal({ match: { field: { fieldId: 'customfield_10', optionIds: ['a'] } }, calendar: { kind: 'fromField', fieldId: 'priority', map: {}, fallbackCalendarId: '24x7' } }),
        goal({ id: 'rest' }),
      ],
    }),
  ]);

  it('lists every field id named anywhere in the metrics, sorted and without repeats', () => {
    expect(policyFieldIds(spec)).toEqual(['customfield_10', 'customfield_20', 'priority']);
  });

  it('leaves out the fields the caller reads anyway', () => {
    expect(policyFieldIds(spec, ['priority', 'status'])).toEqual(['customfield_10', 'customfield_20']);
  });

  it('finds no field in a policy that matches on built-in criteria only', () => {
    expect(policyFieldIds(policySpec([metric()]))).toEqual([]);
  });
});

describe('whether a policy reads labels', () => {
  it('is false for a policy without label goals, label conditions or conditions on the labels field', () => {
    expect(policyReadsLabels(policySpec([metric()]))).toBe(false);
  });

  it('is true for a goal matching on labels', () => {
    expect(policyReadsLabels(policySpec([metric({ goals: [goal({ match: { labels: ['vip'] } })] })]))).toBe(true);
  });

  it('is true for a labelAdded condition, with or without a label', () => {
    expect(policyReadsLabels(policySpec([metric({ stop: [{ kind: 'labelAdded' }] })]))).toBe(true);
    expect(policyReadsLabels(policySpec([metric({ start: [{ kind: 'labelAdded', label: 'go' }] })]))).toBe(true);
  });

  it('is true for a change condition on the labels field', () => {
    expect(policyReadsLabels(policySpec([metric({ stop: [{ kind: 'fieldChanged', fieldId: 'labels' }] })]))).toBe(true);
  });
});
