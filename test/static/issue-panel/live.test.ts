import { liveMetric } from '../../../static/issue-panel/src/live';
import { cycle, H, M, metric, MONDAY, officeCalendar } from './fixtures';

const evaluatedAt = MONDAY + 10 * H; // Monday 10:00, one hour used of a four-hour goal

describe('liveMetric', () => {
  it('advances a running clock by the business time since the snapshot', () => {
    const live = liveMetric(metric(), evaluatedAt, MONDAY + 11 * H + 30 * M, officeCalendar());
    expect(live.elapsedMs).toBe(2 * H + 30 * M);
    expect(live.remainingMs).toBe(H + 30 * M);
    expect(live.ticking).toBe(true);
    expect(live.frozen).toBeNull();
  });

  it('freezes outside business hours and says when the clock resumes', () => {
    const evening = MONDAY + 20 * H;
    const live = liveMetric(metric(), evaluatedAt, evening, officeCalendar());
    expect(live.elapsedMs).toBe(8 * H); // 1 h before + 10:00–17:00
    expect(live.ticking).toBe(false);
    expect(live.frozen).toEqual({ kind: 'outsideHours', resumesAt: MONDAY + 24 * H + 9 * H });
  });

  it('turns a running clock into a breach the moment the goal is used up, before the server recomputes', () => {
    const live = liveMetric(metric(), evaluatedAt, MONDAY + 15 * H, officeCalendar());
    expect(live.state).toBe('breachedRunning');
    expect(live.breachedByMs).toBe(2 * H);
    expect(live.tone).toBe('danger');
  });

  it('does not advance a clock paused by a condition and names the condition', () => {
    const paused = metric({ state: 'paused', pauseReason: { kind: 'condition', condition: 'inStatus', label: 'waiting for customer' } });
    const live = liveMetric(paused, evaluatedAt, MONDAY + 15 * H, officeCalendar());
    expect(live.elapsedMs).toBe(H);
    expect(live.frozen).toEqual({ kind: 'condition', label: 'waiting for customer' });
    expect(live.ticking).toBe(false);
  });

  it('reports an exclusion window instead of plain closed hours', () => {
    const cal = officeCalendar({ start: '2026-11-23T10:00:00Z', end: '2026-11-23T12:00:00Z', reason: 'maintenance' });
    const live = liveMetric(metric(), evaluatedAt, MONDAY + 11 * H, cal);
    expect(live.frozen).toEqual({ kind: 'exclusion', reason: 'maintenance', until: MONDAY + 12 * H });
  });

  it('colours the bar as a warning once a percent threshold is crossed', () => {
    const warnings = [{ kind: 'percent' as const, percent: 75 }];
    expect(liveMetric(metric(), evaluatedAt, MONDAY + 11 * H, officeCalendar(), warnings).tone).toBe('default');
    expect(liveMetric(metric(), evaluatedAt, MONDAY + 12 * H, officeCalendar(), warnings).tone).toBe('warning');
  });

  it('colours the bar as a warning within a before-breach threshold', () => {
    const warnings = [{ kind: 'beforeBreach' as const, minutes: 30 }];
    expect(liveMetric(metric(), evaluatedAt, MONDAY + 12 * H + 29 * M, officeCalendar(), warnings).tone).toBe('default');
    expect(liveMetric(metric(), evaluatedAt, MONDAY + 12 * H + 30 * M, officeCalendar(), warnings).tone).toBe('warning');
  });

  it('keeps the final numbers of a met clock and shows success', () => {
    const met = metric({ state: 'met', current: cycle({ stoppedAt: MONDAY + 10 * H, met: true }) });
    const live = liveMetric(met, evaluatedAt, MONDAY + 40 * H, officeCalendar());
    expect(live.elapsedMs).toBe(H);
    expect(live.tone).toBe('success');
    expect(live.ticking).toBe(false);
  });

  it('shows the server snapshot unchanged when no calendar could be compiled', () => {
    const live = liveMetric(metric(), evaluatedAt, MONDAY + 12 * H, null);
    expect(live.elapsedMs).toBe(H);
    expect(live.ticking).toBe(false);
  });

  it('never moves backwards when the corrected clock is behind the snapshot', () => {
    expect(liveMetric(metric(), evaluatedAt, evaluatedAt - 5 * M, officeCalendar()).elapsedMs).toBe(H);
  });

  it('has no progress for a track-only metric', () => {
    const tracked = metric({ current: cycle({ goalMs: null, remainingMs: null, dueAt: null }) });
    const live = liveMetric(tracked, evaluatedAt, MONDAY + 12 * H, officeCalendar());
    expect(live.progress).toBeNull();
    expect(live.remainingMs).toBeNull();
    expect(live.elapsedMs).toBe(3 * H);
  });
});

describe('liveMetric with a snapshot taken after hours', () => {
  const outside = metric({ state: 'paused', pauseReason: { kind: 'outsideHours', resumesAt: MONDAY + 24 * H + 9 * H } });
  const eveningSnapshot = MONDAY + 20 * H;

  it('resumes counting on its own when the calendar opens, without waiting for a refresh', () => {
    const live = liveMetric(outside, eveningSnapshot, MONDAY + 24 * H + 9 * H + 30 * M, officeCalendar());
    expect(live.state).toBe('running');
    expect(live.ticking).toBe(true);
    expect(live.elapsedMs).toBe(H + 30 * M);
  });

  it('stays paused while the calendar is still closed', () => {
    const live = liveMetric(outside, eveningSnapshot, MONDAY + 24 * H + 8 * H, officeCalendar());
    expect(live.state).toBe('paused');
    expect(live.frozen).toEqual({ kind: 'outsideHours', resumesAt: MONDAY + 24 * H + 9 * H });
  });

  it('keeps a breached clock paused by a condition still, and says both', () => {
    const breachedWaiting = metric({
      state: 'breachedRunning', current: cycle({ elapsedMs: 5 * H, breachedAt: MONDAY + 13 * H }),
      pauseReason: { kind: 'condition', condition: 'inStatus', label: 'waiting for customer' },
    });
    const live = liveMetric(breachedWaiting, evaluatedAt, MONDAY + 16 * H, officeCalendar());
    expect(live.elapsedMs).toBe(5 * H);
    expect(live.breachedByMs).toBe(H);
    expect(live.frozen).toEqual({ kind: 'condition', label: 'waiting for customer' });
  });
});
