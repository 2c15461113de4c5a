import { describeCondition, isStateCondition } from '../../../src/core/policy';
import { conditionKey } from '../../../src/core/policy/conditions';
import type { Condition } from '../../../src/core/policy/types';

describe('conditions as states or moments', () => {
  it('reads statuses, categories, resolution set or cleared and assignee set as states', () => {
    const states: Condition[] = [
      { kind: 'inStatus', statusIds: ['3'] }, { kind: 'statusEntered', statusIds: ['3'] },
      { kind: 'inStatusCategory', categories: ['done'] }, { kind: 'statusCategoryEntered', categories: ['done'] },
      { kind: 'resolutionSet' }, { kind: 'resolutionCleared' }, { kind: 'assigneeSet' },
    ];
    expect(states.filter((c) => !isStateCondition(c))).toEqual([]);
  });

  it('reads creation, comments, leaving a status and field changes as moments only', () => {
    const moments: Condition[] = [
      { kind: 'issueCreated' }, { kind: 'statusLeft', statusIds: ['3'] }, { kind: 'assigneeChanged' },
      { kind: 'commentByAgent' }, { kind: 'commentByCustomer' }, { kind: 'fieldChanged', fieldId: 'x' },
      { kind: 'labelAdded' }, { kind: 'priorityChanged' },
    ];
    expect(moments.filter(isStateCondition)).toEqual([]);
  });
});

describe('conditions in short words', () => {
  it('names statuses and categories by id, in the order given', () => {
    expect(describeCondition({ kind: 'inStatus', statusIds: ['10005', '3'] })).toBe('in status 10005, 3');
    expect(describeCondition({ kind: 'statusCategoryEntered', categories: ['indeterminate'] })).toBe('entered category indeterminate');
  });

  it('mentions the target value or label only when one is set', () => {
    expect(describeCondition({ kind: 'fieldChanged', fieldId: 'customfield_1' })).toBe('customfield_1 changed');
    expect(describeCondition({ kind: 'fieldChanged', fieldId: 'customfield_1', toValue: 'x' })).toBe('customfield_1 changed to x');
    expect(describeCondition({ kind: 'labelAdded' })).toBe('label added');
    expect(describeCondition({ kind: 'labelAdded', label: 'vip' })).toBe('label vip added');
  });

  it('says a public comment by an agent, not just a comment', () => {
    expect(describeCondition({ kind: 'commentByAgent' })).toBe('public comment by an agent');
  });
});

describe('comparing conditions', () => {
  it('treats conditions equal regardless of key order and id order', () => {
    const a = conditionKey({ kind: 'inStatus', statusIds: ['3', '1'] });
    const b = conditionKey({ statusIds: ['1', '3'], kind: 'inStatus' } as Condition);
    expect(a).toBe(b);
  });

  it('tells apart conditions of another kind or with other ids or values', () => {
    const key = conditionKey({ kind: 'inStatus', statusIds: ['3'] });
    expect(conditionKey({ kind: 'statusEntered', statusIds: ['3'] })).not.toBe(key);
    expect(conditionKey({ kind: 'inStatus', statusIds: ['3', '4'] })).not.toBe(key);
    expect(conditionKey({ kind: 'fieldChanged', fieldId: 'a', toValue: 'x' })).not.toBe(conditionKey({ kind: 'fieldChanged', fieldId: 'a' }));
  });
});
