import { moveItem, removeAt, replaceAt, uniqueId, toggleValue } from '../../../../static/project-settings/src/model/edit';

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

describe('immutable list edits', () => {
  it('replaces and removes by position, leaving the original list as it was', () => {
    const list = ['a', 'b', 'c'] as const;
    expect(replaceAt(list, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
    expect(removeAt(list, 5)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('returns a copy for a move from outside the list', () => {
    const list = ['a', 'b'];
    const moved = moveItem(list, 5, -1);
    expect(moved).toEqual(['a', 'b']);
    expect(moved).not.toBe(list);
  });

  it('slugs a name with no letters or digits as "item", trimming stray dashes', () => {
    expect(uniqueId('  ¡¿  ', [])).toBe('item');
    expect(uniqueId('--Late shift!--', [])).toBe('late-shift');
  });

  it('adds a value once, at the end, when it is switched on again', () => {
    expect(toggleValue(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggleValue([], 'a', false)).toEqual([]);
  });
});
