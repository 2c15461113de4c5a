/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { LocalProblemsContext, useLocalProblem, type LocalProblems } from '../../../../static/project-settings/src/model/localProblems';

function withRegistry() {
  const set = jest.fn<void, [string, boolean]>();
  const registry: LocalProblems = { set };
  const wrapper = ({ children }: { children: ReactNode }) => <LocalProblemsContext.Provider value={registry}>{children}</LocalProblemsContext.Provider>;
  return { set, wrapper };
}

describe('a field reporting a local problem', () => {
  it('reports its problem under one id, and again when it clears', () => {
    const { set, wrapper } = withRegistry();
    const { rerender } = renderHook(({ bad }) => useLocalProblem(bad), { wrapper, initialProps: { bad: true } });
    rerender({ bad: false });
    const ids = new Set(set.mock.calls.map(([id]) => id));
    expect(ids.size).toBe(1);
    expect(set.mock.calls.map(([, on]) => on)).toEqual([true, false, false]);
  });

  it('withdraws its problem when the field goes away', () => {
    const { set, wrapper } = withRegistry();
    const { unmount } = renderHook(() => useLocalProblem(true), { wrapper });
    unmount();
    expect(set.mock.calls.at(-1)?.[1]).toBe(false);
  });

  it('gives two fields different ids', () => {
    const { set, wrapper } = withRegistry();
    renderHook(() => { useLocalProblem(true); useLocalProblem(true); }, { wrapper });
    expect(new Set(set.mock.calls.map(([id]) => id)).size).toBe(2);
  });
});
