/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { JiraMetadata } from '@contract';
import { useRemote } from '../../../../static/project-settings/src/ui/useRemote';
import { fakeBackend, metadata, ok, type FakeBackend } from '../fakeBackend';

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({ invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload) }));

/** A backend answer the test releases by hand, to order answers against renders. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('loading one resolver result', () => {
  it('is loading, then ready with the data', async () => {
    mockBackend = fakeBackend({ 'settings.metadata': () => ok(metadata) });
    const { result } = renderHook(() => useRemote('settings.metadata', {}));
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: metadata }));
  });

  it('shows an error with its code, and loads again on retry', async () => {
    let fail = true;
    mockBackend = fakeBackend({ 'settings.metadata': () => (fail ? { ok: false, error: { code: 'FORBIDDEN', message: 'no' } } : ok(metadata)) });
    const { result } = renderHook(() => useRemote('settings.metadata', {}));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'error', code: 'FORBIDDEN', message: 'no' }));
    fail = false;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(mockBackend.callsTo('settings.metadata')).toHaveLength(2);
  });

  it('keeps the previous answer while a refresh loads, and ignores an answer overtaken by a newer request', async () => {
    const first = deferred<ReturnType<typeof ok<JiraMetadata>>>();
    const answers = [Promise.resolve(ok(metadata)), first.promise, Promise.resolve(ok({ ...metadata, priorities: [] }))];
    mockBackend = fakeBackend({ 'settings.metadata': () => answers.shift() ?? ok(metadata) });
    const { result, rerender } = renderHook(({ dep }) => useRemote('settings.metadata', {}, [dep]), { initialProps: { dep: 1 } });
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    rerender({ dep: 2 });
    expect(result.current.state).toEqual({ status: 'ready', data: metadata });
    rerender({ dep: 3 });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: { ...metadata, priorities: [] } }));
    await act(async () => { first.resolve(ok(metadata)); await first.promise; });
    expect(result.current.state).toEqual({ status: 'ready', data: { ...metadata, priorities: [] } });
  });
});
