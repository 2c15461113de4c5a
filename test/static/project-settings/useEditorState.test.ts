/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { FieldIssue } from '@contract';
import type { PolicySpec } from '@core/browser';
import { mergeIssues, useEditorState } from '../../../static/project-settings/src/useEditorState';
import type { AppliedPreset } from '../../../static/project-settings/src/presets/PresetList';
import { buildConfig, buildPolicy, fakeBackend, ok, type FakeBackend } from './fakeBackend';

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({ invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload) }));

const saved = buildPolicy();
const renamed = (name: string): PolicySpec => ({ ...saved, name });
const preset: AppliedPreset = { preset: { id: 'p', name: 'Preset', description: '' }, policy: renamed('From preset'), unmatched: [] };

function editor(config = buildConfig(3, saved)) {
  return renderHook(() => useEditorState({ config, initialDraft: config.policy }));
}

describe('one list of validation issues', () => {
  const a: FieldIssue = { path: 'name', code: 'X', message: 'browser words' };

  it('shows an issue both sides report once, in the browser words, and keeps the rest of each side', () => {
    const server = [{ ...a, message: 'server words' }, { path: 'name', code: 'Y', message: 'other code' }];
    expect(mergeIssues([a], server).map((i) => i.message)).toEqual(['browser words', 'other code']);
    expect(mergeIssues([], server)).toEqual(server);
  });
});

describe('the state of the settings editor', () => {
  beforeEach(() => { mockBackend = fakeBackend({}); });

  it('is clean on the saved policy and dirty once edited, clean again when discarded', () => {
    const { result } = editor();
    expect(result.current.dirty).toBe(false);
    act(() => result.current.edit(renamed('Edited')));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.discard());
    expect(result.current.draft).toEqual(saved);
    expect(result.current.dirty).toBe(false);
  });

  it('counts a project that was never saved as dirty', () => {
    const { result } = renderHook(() => useEditorState({ config: null, initialDraft: saved }));
    expect(result.current.dirty).toBe(true);
  });

  it('indexes the browser validator issues of the draft as it is edited', () => {
    const { result } = editor();
    expect(result.current.index.all).toEqual([]);
    act(() => result.current.edit({ ...saved, metrics: [] }));
    expect(result.current.index.all.length).toBeGreaterThan(0);
  });

  it('applies a preset on the calendars tab, starts the tabs afresh, and undoes back to the previous draft', () => {
    const { result } = editor();
    act(() => result.current.edit(renamed('Mine')));
    act(() => result.current.setTab('goals'));
    const epoch = result.current.epoch;
    act(() => result.current.applyPreset(preset));
    expect(result.current.draft.name).toBe('From preset');
    expect(result.current.tab).toBe('calendars');
    expect(result.current.epoch).toBe(epoch + 1);
    act(() => result.current.undoPreset?.());
    expect(result.current.draft.name).toBe('Mine');
    expect(result.current.applied).toBeNull();
    expect(result.current.undoPreset).toBeUndefined();
  });

  it('opens the tab of an issue when asked to show it', () => {
    const { result } = editor();
    act(() => result.current.showIssue('metrics[0].goals[1].target'));
    expect(result.current.tab).toBe('goals');
  });

  it('takes the saved config as its new base, and keeps server issues until their value is edited', async () => {
    const next = buildConfig(4, renamed('Saved'));
    mockBackend = fakeBackend({
      'settings.validate': () => ok({ issues: [{ path: 'policy.name', code: 'SRV', message: 'server only' }] }),
      'settings.save': () => ok({ config: next, recompute: { state: 'done', done: 0, total: 0, startedAt: null, finishedAt: null } }),
    });
    const { result } = editor();
    await act(() => result.current.saving.check(result.current.draft));
    expect(result.current.index.at('name').map((i) => i.code)).toEqual(['SRV']);
    act(() => result.current.edit(renamed('Saved')));
    expect(result.current.index.at('name')).toEqual([]);
    await act(() => result.current.saving.save(result.current.draft));
    expect(mockBackend.callsTo('settings.save')).toEqual([{ policy: renamed('Saved'), expectedVersion: 3 }]);
    expect(result.current.base).toEqual(next);
    expect(result.current.dirty).toBe(false);
  });
});
