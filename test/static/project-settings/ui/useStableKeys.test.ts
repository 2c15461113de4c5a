/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import { useStableKeys } from '../../../../static/project-settings/src/ui/useStableKeys';

describe('stable keys for a list edited by position', () => {
  it('keeps the keys of the rows after a removed one', () => {
    const { result, rerender } = renderHook(({ n }) => useStableKeys(n), { initialProps: { n: 3 } });
    expect([0, 1, 2].map(result.current.at)).toEqual([0, 1, 2]);
    result.current.removed(0);
    rerender({ n: 2 });
    expect([0, 1].map(result.current.at)).toEqual([1, 2]);
  });

  it('gives added rows fresh keys, never reusing a removed one', () => {
    const { result, rerender } = renderHook(({ n }) => useStableKeys(n), { initialProps: { n: 2 } });
    result.current.removed(1);
    rerender({ n: 1 });
    rerender({ n: 3 });
    expect([0, 1, 2].map(result.current.at)).toEqual([0, 2, 3]);
  });

  it('drops extra keys when the list shrinks without a removal, and answers a distinct negative key past the end', () => {
    const { result, rerender } = renderHook(({ n }) => useStableKeys(n), { initialProps: { n: 3 } });
    rerender({ n: 1 });
    expect(result.current.at(0)).toBe(0);
    expect([result.current.at(1), result.current.at(2)]).toEqual([-2, -3]);
  });
});
