import { moveItem, uniqueId, toggleValue } from '../../../../static/project-settings/src/model/edit';

describe('list editing helpers', () => {
  it('moves an item up or down and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('derives readable ids that never collide', () => {
    expect(uniqueId('Madrid Office', [])).toBe('madrid-office');
    expect(uniqueId('Madrid Office', ['madrid-office', 'madrid-office-2'])).toBe('madrid-office-3');
  });

  it('toggles values in an any-of list', () => {
    expect(toggleValue(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
