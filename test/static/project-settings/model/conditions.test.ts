import { conditionOfKind } from '../../../../static/project-settings/src/model/conditions';

describe('conditions in the editor', () => {
  it('keeps chosen statuses when a condition switches between status kinds', () => {
    expect(conditionOfKind('inStatus', { kind: 'statusEntered', statusIds: ['11'] })).toEqual({ kind: 'inStatus', statusIds: ['11'] });
  });
});
