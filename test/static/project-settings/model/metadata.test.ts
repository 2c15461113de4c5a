import { EMPTY_METADATA, nameOf } from '../../../../static/project-settings/src/model/metadata';

describe('Jira names for stored ids', () => {
  it('names an id from the list it belongs to', () => {
    expect(nameOf([{ id: '1', name: 'Highest' }, { id: '2', name: 'High' }], '2')).toBe('High');
  });

  it('marks an id Jira no longer has, never showing the id itself', () => {
    expect(nameOf([{ id: '1', name: 'Highest' }], '99')).toBe('a value deleted in Jira');
    expect(nameOf(EMPTY_METADATA.priorities, '1')).toBe('a value deleted in Jira');
  });
});
