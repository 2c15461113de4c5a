import { SLA_PROPERTY_MAX_BYTES } from '@contract';
import type { CycleSnapshot, MetricSnapshot, SlaSnapshot } from '@core';
import { buildProperty, isoSeconds, verifiedSignature, type WriteContext } from '../../src/app/property';

const cycle = (start: number, over: Partial<CycleSnapshot> = {}): CycleSnapshot => ({
  startedAt: start, stoppedAt: start + 1000, pauses: [], goalId: 'g', calendarId: 'c', goalMs: 5000, elapsedMs: 1000, remainingMs: 4000, dueAt: start + 5000, breachedAt: null, met: true, ...over,
});

function metric(key: string, over: Partial<MetricSnapshot> = {}): MetricSnapshot {
  const current = cycle(1_000_000, { stoppedAt: null, met: null });
  return { key, name: key, state: 'running', current, cycles: [current], goal: { id: 'g', name: 'High', target: '4 h' }, calendarId: 'c', pauseReason: null, warningsCrossed: [], nextCheckAt: null, ...over };
}

const snapshot = (metrics: MetricSnapshot[], evaluatedAt = 0): SlaSnapshot => ({ issueId: '1', evaluatedAt, metrics, nextCheckAt: null, problems: [] });
const KEY = { secret: 'a'.repeat(64), epoch: 1 };
const CTX: WriteContext = { issueId: '1', policyVersion: 1, seen: '2026-03-02T09:00:00Z', key: KEY };

describe('the sla property', () => {
  describe('content', () => {
    it('signs only content that changes with the SLA state, not with the evaluation time', () => {
      const a = buildProperty(snapshot([metric('resolution', { current: cycle(0, { stoppedAt: null, elapsedMs: 10 }) })], 1), CTX);
      const b = buildProperty(snapshot([metric('resolution', { current: cycle(0, { stoppedAt: null, elapsedMs: 99 }) })], 2), CTX);
      expect(a.sig).toBe(b.sig);
    });

    it('changes its signature when a metric breaches, the policy version or the seen update changes', () => {
      const running = buildProperty(snapshot([metric('resolution')]), CTX);
      expect(buildProperty(snapshot([metric('resolution', { state: 'breachedRunning' })]), CTX).sig).not.toBe(running.sig);
      expect(buildProperty(snapshot([metric('resolution')]), { ...CTX, policyVersion: 2 }).sig).not.toBe(running.sig);
      expect(buildProperty(snapshot([metric('resolution')]), { ...CTX, seen: '2026-03-02T10:00:00Z' }).sig).not.toBe(running.sig);
    });

    it('summarises breaches across metrics, custom keys included', () => {
      const p = buildProperty(snapshot([metric('response', { state: 'met' }), metric('vendorFix', { state: 'breachedCompleted' })]), CTX);
      expect(p).toMatchObject({ breached: 'true', breachedMetrics: ['vendorFix'] });
      expect(p.metrics.vendorFix).toMatchObject({ state: 'breached', breached: 'true', phase: 'breachedCompleted' });
    });

    it('takes the earliest due instant of running or paused metrics as the next due', () => {
      const paused = { kind: 'condition' as const, condition: 'inStatus', label: 'Waiting' };
      const p = buildProperty(snapshot([metric('a', { current: cycle(0, { dueAt: 9_000_000, stoppedAt: null }) }), metric('b', { state: 'paused', pauseReason: paused, current: cycle(0, { dueAt: 8_000_000, stoppedAt: null }) })]), CTX);
      expect(p.nextDue).toBe(isoSeconds(8_000_000));
      expect(p.nextDue).toBe('1970-01-01T02:13:20Z');
    });

    it('stores a clock stopped only by the calendar as running and one stopped by a pause condition as paused', () => {
      const p = buildProperty(snapshot([
        metric('night', { state: 'paused', pauseReason: { kind: 'outsideHours', resumesAt: 5 } }),
        metric('maintenance', { state: 'paused', pauseReason: { kind: 'exclusion', reason: 'upgrade', until: 5 } }),
        metric('waiting', { state: 'paused', pauseReason: { kind: 'condition', condition: 'inStatus', label: 'Waiting' } }),
      ]), CTX);
      expect([p.metrics.night!.state, p.metrics.maintenance!.state, p.metrics.waiting!.state]).toEqual(['running', 'running', 'paused']);
    });

    it('stays under the 32 KB property limit by trimming the oldest completed cycles first', () => {
      const many = Array.from({ length: 2000 }, (_, i) => cycle(i * 10_000));
      const current = cycle(99_999_999, { stoppedAt: null });
      const p = buildProperty(snapshot([metric('update', { cycles: [...many, current], current })]), CTX);
      expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(SLA_PROPERTY_MAX_BYTES);
      expect(p.metrics.update!.cycles.length).toBeGreaterThan(100);
      expect(p.metrics.update!.cycles.at(-1)!.start).toBe(isoSeconds(1999 * 10_000));
    });
  });

  describe('integrity', () => {
    const written = () => buildProperty(snapshot([metric('resolution')]), CTX);

    it('verifies a property the app wrote, for its own issue and key', () => {
      const p = written();
      expect(verifiedSignature(JSON.parse(JSON.stringify(p)), '1', KEY)).toBe(p.sig);
    });

    it('rejects a property whose content was edited, even with its signature kept', () => {
      const p = written();
      expect(verifiedSignature({ ...p, breached: 'true' }, '1', KEY)).toBeNull();
      expect(verifiedSignature({ ...p, metrics: { resolution: { ...p.metrics.resolution!, state: 'met' } } }, '1', KEY)).toBeNull();
      expect(verifiedSignature({ ...p, junk: ['x'] }, '1', KEY)).toBeNull();
    });

    it('rejects a property copied from another issue or signed with another key', () => {
      const p = written();
      expect(verifiedSignature(p, '2', KEY)).toBeNull();
      expect(verifiedSignature(p, '1', { secret: 'b'.repeat(64), epoch: 1 })).toBeNull();
    });

    it('rejects a missing or foreign stored value', () => {
      for (const raw of [undefined, null, 'sla', [], {}, { sig: 7 }, { sig: 'short' }]) expect(verifiedSignature(raw, '1', KEY)).toBeNull();
    });
  });
});
