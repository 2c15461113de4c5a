import type { CustomerPromise } from '@contract';
import { summarise, summarisePromises } from '../../../static/issue-panel/src/summary';
import { H, M, MONDAY } from './fixtures';
import { live } from './live-fixture';

const now = MONDAY + 10 * H;

describe('the most urgent clock in a few words', () => {
  it('puts a breached running clock first, saying how long ago it breached', () => {
    const metrics = [live({ remainingMs: 10 * M }), live({ state: 'breachedRunning', dueAt: now - 2 * H })];
    expect(summarise(metrics, now)).toEqual({ text: 'Breached 2 h ago', tone: 'danger' });
    expect(summarise([live({ state: 'breachedRunning', dueAt: null })], now)).toEqual({ text: 'Breached', tone: 'danger' });
  });

  it('picks the running clock with the least time left, amber past a warning', () => {
    const metrics = [live({ remainingMs: 3 * H }), live({ remainingMs: 25 * M, tone: 'warning' }), live({ state: 'paused' })];
    expect(summarise(metrics, now)).toEqual({ text: '25 m left', tone: 'warning' });
  });

  it('says Paused, then Met or Breached for finished clocks', () => {
    expect(summarise([live({ state: 'met' }), live({ state: 'paused' })], now)).toEqual({ text: 'Paused', tone: 'paused' });
    expect(summarise([live({ state: 'met' })], now)).toEqual({ text: 'Met', tone: 'success' });
    expect(summarise([live({ state: 'breachedCompleted' })], now)).toEqual({ text: 'Breached', tone: 'danger' });
  });

  it('says nothing when no clock has a goal or every clock is yet to start', () => {
    expect(summarise([live({ goalMs: null, remainingMs: null })], now)).toBeNull();
    expect(summarise([live({ state: 'notStarted' }), live({ state: 'notApplicable' })], now)).toBeNull();
    expect(summarise([], now)).toBeNull();
  });
});

describe("a customer's promises in a few words", () => {
  const promise = (over: Partial<CustomerPromise>): CustomerPromise => ({ kind: 'respond', state: 'onTrack', dueAt: null, at: null, ...over });

  it('says Late as soon as any promise is late', () => {
    expect(summarisePromises([promise({ dueAt: now + H }), promise({ state: 'late', at: now - H })], now)).toEqual({ text: 'Late', tone: 'danger' });
  });

  it('gives the time left on the next promise due, never below zero', () => {
    expect(summarisePromises([promise({ dueAt: now + 3 * H }), promise({ kind: 'resolve', dueAt: now + 40 * M })], now)).toEqual({ text: '40 m left', tone: 'default' });
    expect(summarisePromises([promise({ dueAt: now - M })], now)).toEqual({ text: '0 m left', tone: 'default' });
  });

  it('says On hold, then Met, and nothing without promises', () => {
    expect(summarisePromises([promise({ state: 'onHold' }), promise({ state: 'met', at: now })], now)).toEqual({ text: 'On hold', tone: 'paused' });
    expect(summarisePromises([promise({ state: 'met', at: now })], now)).toEqual({ text: 'Met', tone: 'success' });
    expect(summarisePromises([], now)).toBeNull();
  });
});
