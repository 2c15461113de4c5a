import { SLA_PROPERTY_MAX_BYTES } from '@contract';
import type { CycleSnapshot, MetricSnapshot, SlaSnapshot } from '@core';
import { buildProperty, isoSeconds, readStored } from '../../src/app/property';

const cycle = (start: number, over: Partial<CycleSnapshot> = {}): CycleSnapshot => ({
  startedAt: start, stoppedAt: start + 1000, pauses: [], goalId: 'g', calendarId: 'c', goalMs: 5000, elapsedMs: 1000, remainingMs: 4000, dueAt: start + 5000, breachedAt: null, met: true, ...over,
});

function metric(key: string, over: Partial<MetricSnapshot> = {}): MetricSnapshot {
  const current = cycle(1_000_000, { stoppedAt: null, met: null });
  return { key, name: key, state: 'running', current, cycles: [current], goal: { id: 'g', name: 'High', target: '4 h' }, calendarId: 'c', pauseReason: null, warningsCrossed: [], nextCheckAt: null, ...over };
}

const snapshot = (metrics: MetricSnapshot[], evaluatedAt = 0): SlaSnapshot => ({ issueId: '1', evaluatedAt, metrics, nextCheckAt: null, problems: [] });

describe('the sla property', () => {
  it('hashes only content that changes with the SLA state, not with the evaluation time', () => {
    const a = buildProperty(snapshot([metric('resolution', { current: cycle(0, { stoppedAt: null, elapsedMs: 10 }) })], 1), 1, []);
    const b = buildProperty(snapshot([metric('resolution', { current: cycle(0, { stoppedAt: null, elapsedMs: 99 }) })], 2), 1, []);
    expect(a.hash).toBe(b.hash);
  });

  it('changes its hash when a metric breaches or an action is recorded', () => {
    const running = buildProperty(snapshot([metric('resolution')]), 1, []);
    expect(buildProperty(snapshot([metric('resolution', { state: 'breachedRunning' })]), 1, []).hash).not.toBe(running.hash);
    expect(buildProperty(snapshot([metric('resolution')]), 1, ['resolution:0:breach:0']).hash).not.toBe(running.hash);
  });

  it('summarises breaches across metrics, custom keys included', () => {
    const p = buildProperty(snapshot([metric('response', { state: 'met' }), metric('vendorFix', { state: 'breachedCompleted' })]), 1, []);
    expect(p).toMatchObject({ breached: 'true', breachedMetrics: ['vendorFix'] });
    expect(p.metrics.vendorFix).toMatchObject({ state: 'breached', breached: 'true', phase: 'breachedCompleted' });
  });

  it('takes the earliest due instant of running or paused metrics as the next due', () => {
    const p = buildProperty(snapshot([metric('a', { current: cycle(0, { dueAt: 9_000_000, stoppedAt: null }) }), metric('b', { state: 'paused', current: cycle(0, { dueAt: 8_000_000, stoppedAt: null }) })]), 1, []);
    expect(p.nextDue).toBe(isoSeconds(8_000_000));
    expect(p.nextDue).toBe('1970-01-01T02:13:20Z');
  });

  it('stays under the 32 KB property limit by trimming the oldest completed cycles first', () => {
    const many = Array.from({ length: 2000 }, (_, i) => cycle(i * 10_000));
    const current = cycle(99_999_999, { stoppedAt: null });
    const p = buildProperty(snapshot([metric('update', { cycles: [...many, current], current })]), 1, ['update:99999999:breach:0']);
    expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(SLA_PROPERTY_MAX_BYTES);
    expect(p.metrics.update!.cycles.length).toBeGreaterThan(100);
    expect(p.metrics.update!.cycles.at(-1)!.start).toBe(isoSeconds(1999 * 10_000));
    expect(p.fired).toEqual(['update:99999999:breach:0']);
  });

  it('reads a missing or foreign stored property as empty', () => {
    expect(readStored(undefined)).toEqual({ hash: null, fired: [] });
    expect(readStored({ fired: ['a', 3], hash: 7 })).toEqual({ hash: null, fired: ['a'] });
  });
});
