import { CONDITION_KINDS, conditionOfKind, kindInfo } from '../../../../static/project-settings/src/model/conditions';

describe('conditions in the editor', () => {
  it('keeps chosen statuses when a condition switches between status kinds', () => {
    expect(conditionOfKind('inStatus', { kind: 'statusEntered', statusIds: ['11'] })).toEqual({ kind: 'inStatus', statusIds: ['11'] });
  });
});

describe('condition kinds in the editor', () => {
  it('carries status categories across category kinds, and starts statuses empty from a kind without them', () => {
    expect(conditionOfKind('inStatusCategory', { kind: 'statusCategoryEntered', categories: ['done'] })).toEqual({ kind: 'inStatusCategory', categories: ['done'] });
    expect(conditionOfKind('statusLeft', { kind: 'issueCreated' })).toEqual({ kind: 'statusLeft', statusIds: [] });
    expect(conditionOfKind('statusEntered')).toEqual({ kind: 'statusEntered', statusIds: [] });
  });

  it('starts a field or label condition blank and a parameterless one bare', () => {
    expect(conditionOfKind('fieldChanged', { kind: 'statusEntered', statusIds: ['1'] })).toEqual({ kind: 'fieldChanged', fieldId: '' });
    expect(conditionOfKind('labelAdded')).toEqual({ kind: 'labelAdded' });
    expect(conditionOfKind('resolutionSet', { kind: 'inStatus', statusIds: ['1'] })).toEqual({ kind: 'resolutionSet' });
  });

  it('lists every kind once, and names an unknown kind by itself with no parameters', () => {
    expect(new Set(CONDITION_KINDS.map((k) => k.kind)).size).toBe(CONDITION_KINDS.length);
    expect(kindInfo('inStatus')).toEqual({ kind: 'inStatus', label: 'While in status', params: 'statuses' });
    expect(kindInfo('somethingNew' as never)).toEqual({ kind: 'somethingNew', label: 'somethingNew', params: 'none' });
  });
});
