import { lookOf } from '../../../static/issue-panel/src/look';

describe('the look of a clock', () => {
  it('keeps label, icon and bar in one colour: blue running, amber past a warning, red at breach', () => {
    expect(lookOf({ state: 'running', tone: 'default' })).toEqual({ lozenge: 'inprogress', bar: 'default', icon: 'clock', muted: false });
    expect(lookOf({ state: 'running', tone: 'warning' })).toEqual({ lozenge: 'moved', bar: 'warning', icon: 'clock', muted: false });
    expect(lookOf({ state: 'breachedRunning', tone: 'danger' })).toMatchObject({ lozenge: 'removed', bar: 'danger', icon: 'alert' });
    expect(lookOf({ state: 'paused', tone: 'warning' })).toEqual({ lozenge: 'default', bar: 'paused', icon: 'pause', muted: true });
  });

  it('draws a met clock green with a check, and a finished breach red with an alert', () => {
    expect(lookOf({ state: 'met', tone: 'success' })).toEqual({ lozenge: 'success', bar: 'success', icon: 'check', muted: false });
    expect(lookOf({ state: 'breachedCompleted', tone: 'default' })).toEqual({ lozenge: 'removed', bar: 'danger', icon: 'alert', muted: false });
  });

  it('turns a running clock red with the clock icon once its tone is danger', () => {
    expect(lookOf({ state: 'running', tone: 'danger' })).toEqual({ lozenge: 'removed', bar: 'danger', icon: 'clock', muted: false });
  });

  it('draws a clock that has not started or has no goal plain, without an icon', () => {
    for (const state of ['notStarted', 'notApplicable'] as const) {
      expect(lookOf({ state, tone: 'default' })).toEqual({ lozenge: 'default', bar: 'default', icon: null, muted: false });
    }
  });
});
