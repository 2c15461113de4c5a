/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { LocalProblemsContext, type LocalProblems } from '../../../../static/project-settings/src/model/localProblems';
import { useProblemRegistry } from '../../../../static/project-settings/src/ui/useProblemRegistry';

describe('counting the fields with a local problem', () => {
  it('counts each field once, however often it reports', () => {
    const { result } = renderHook(() => useProblemRegistry());
    act(() => { result.current.registry.set('a', true); result.current.registry.set('a', true); result.current.registry.set('b', true); });
    expect(result.current.count).toBe(2);
    act(() => { result.current.registry.set('a', false); result.current.registry.set('c', false); });
    expect(result.current.count).toBe(1);
  });

  it('also reports every change to the registry above it, so the page counts what its tabs count', () => {
    const set = jest.fn<void, [string, boolean]>();
    const parent: LocalProblems = { set };
    const wrapper = ({ children }: { children: ReactNode }) => <LocalProblemsContext.Provider value={parent}>{children}</LocalProblemsContext.Provider>;
    const { result } = renderHook(() => useProblemRegistry(), { wrapper });
    act(() => { result.current.registry.set('a', true); result.current.registry.set('a', false); });
    expect(set.mock.calls).toEqual([['a', true], ['a', false]]);
    expect(result.current.count).toBe(0);
  });
});
