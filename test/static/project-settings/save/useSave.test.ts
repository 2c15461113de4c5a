/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { FieldIssue } from '@contract';
import { useSave } from '../../../../static/project-settings/src/save/useSave';
import { buildConfig, buildPolicy, fakeBackend, ok, type FakeBackend } from '../fakeBackend';

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({ invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload) }));

const policy = buildPolicy();
const issue: FieldIssue = { path: 'name', code: 'POL_MALFORMED', message: 'name is required' };
const done = { state: 'done', done: 1, total: 1, startedAt: null, finishedAt: null } as const;

function setup(baseVersion = 3) {
  const onSaved = jest.fn();
  const onIssues = jest.fn();
  const hook = renderHook(() => useSave({ baseVersion, onSaved, onIssues }));
  return { ...hook, onSaved, onIssues };
}

describe('saving a draft', () => {
  it('sends the version it loaded and hands the saved config on, clearing earlier issues', async () => {
    const config = buildConfig(4);
    mockBackend = fakeBackend({ 'settings.save': () => ok({ config, recompute: done }) });
    const { result, onSaved, onIssues } = setup(3);
    await act(() => result.current.save(policy));
    expect(mockBackend.callsTo('settings.save')).toEqual([{ policy, expectedVersion: 3 }]);
    expect(onIssues).toHaveBeenCalledWith([], policy);
    expect(onSaved).toHaveBeenCalledWith(config);
    expect(result.current.state).toEqual({ status: 'saved', recompute: done });
  });

  it('asks to recompute resolved issues only when a date is given', async () => {
    mockBackend = fakeBackend({ 'settings.save': () => ok({ config: buildConfig(1), recompute: done }) });
    const { result } = setup(0);
    await act(() => result.current.save(policy, '2026-01-01'));
    expect(mockBackend.callsTo('settings.save')).toEqual([{ policy, expectedVersion: 0, recomputeResolvedSince: '2026-01-01' }]);
  });

  it('reports the issues of a refused save as invalid while saving', async () => {
    mockBackend = fakeBackend({ 'settings.save': () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Fix 1 problem.', details: [issue] } }) });
    const { result, onSaved, onIssues } = setup();
    await act(() => result.current.save(policy));
    expect(onIssues).toHaveBeenCalledWith([issue], policy);
    expect(onSaved).not.toHaveBeenCalled();
    expect(result.current.state).toEqual({ status: 'invalid', message: 'Fix 1 problem.', saving: true });
  });

  it('reports a newer version on the server as a conflict instead of overwriting it', async () => {
    mockBackend = fakeBackend({ 'settings.save': () => ({ ok: false, error: { code: 'VERSION_CONFLICT', message: 'Someone saved first.' } }) });
    const { result, onSaved } = setup();
    await act(() => result.current.save(policy));
    expect(result.current.state).toEqual({ status: 'conflict', message: 'Someone saved first.' });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('keeps the code of any other failure, and goes back to idle on reset', async () => {
    mockBackend = fakeBackend({ 'settings.save': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Admins only.' } }) });
    const { result } = setup();
    await act(() => result.current.save(policy));
    expect(result.current.state).toEqual({ status: 'failed', code: 'FORBIDDEN', message: 'Admins only.' });
    act(() => result.current.reset());
    expect(result.current.state).toEqual({ status: 'idle' });
  });
});

describe('checking a draft without saving it', () => {
  it('says checked when the backend finds nothing', async () => {
    mockBackend = fakeBackend({ 'settings.validate': () => ok({ issues: [] }) });
    const { result, onIssues } = setup();
    await act(() => result.current.check(policy));
    expect(onIssues).toHaveBeenCalledWith([], policy);
    expect(result.current.state).toEqual({ status: 'checked', count: 0 });
  });

  it('hands on the problems found, as invalid but not saving', async () => {
    mockBackend = fakeBackend({ 'settings.validate': () => ok({ issues: [issue] }) });
    const { result, onIssues } = setup();
    await act(() => result.current.check(policy));
    expect(onIssues).toHaveBeenCalledWith([issue], policy);
    expect(result.current.state).toEqual({ status: 'invalid', message: 'Problems found.', saving: false });
  });

  it('reports a failed check with its code and touches no issues', async () => {
    mockBackend = fakeBackend({});
    const { result, onIssues } = setup();
    await act(() => result.current.check(policy));
    expect(result.current.state).toEqual({ status: 'failed', code: 'NOT_FOUND', message: 'no fake for settings.validate' });
    expect(onIssues).not.toHaveBeenCalled();
  });
});
