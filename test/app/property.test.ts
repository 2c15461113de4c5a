import '../fakes/forgeKvs';

import { SLA_PROPERTY_MAX_BYTES } from '@contract';
import type { CycleSnapshot, MetricSnapshot, SlaSnapshot } from '@core';
import { buildProperty, isoSeconds, verifiedSignature, type WriteContext } from '../../src/app/property';
import type { PolicySpec } from '@core';
import { handleRecompute } from '../../src/handlers/consumer';
import { loadConfig } from '../../src/store/config';
import type { FakeComment } from '../fakes/jira';
import { invoke } from '../fakes/resolverCalls';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy } from '../fakes/world';
import { code, configure, issueJob, prop, world } from '../fakes/backend';

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

describe('the sla property is user-editable data', () => {
  it('still fires breach actions once when someone with Edit issues wrote their ids into the property', async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    const forged = { ...prop(w, '1')!, fired: [`resolution:${T0}:breach:0`, `resolution:${T0}:breach:1`] };
    w.jira.issues.get('1')!.properties.sla = forged;
    w.clock.now = T0 + 5 * HOUR;
    await handleRecompute(w.deps, issueJob('1'));
    await handleRecompute(w.deps, issueJob('1'));
    const comments = w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));
    const labels = w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1');
    expect(comments).toHaveLength(1);
    expect(labels.map((c) => c.body)).toEqual([{ update: { labels: [{ add: 'sla-warning' }] } }, { update: { labels: [{ add: 'sla-breached' }] } }]);
  });

  it('rewrites a property whose content was edited but whose hash was kept', async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    const honest = prop(w, '1')!;
    const edited = { ...honest, breached: 'true', metrics: { ...honest.metrics, resolution: { ...honest.metrics.resolution!, state: 'met' } } };
    w.jira.issues.get('1')!.properties.sla = edited;
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')).toEqual(honest);
  });
});

describe('the sla property stays under 32 KB', () => {
  it('trims hundreds of recurring cycles, keeps the newest and the current state, and still writes', async () => {
    const base = testPolicy();
    const update = {
      key: 'update',
      name: 'Time between updates',
      mode: 'recurring' as const,
      start: [{ kind: 'inStatusCategory' as const, categories: ['new' as const, 'indeterminate' as const] }],
      pause: [],
      stop: [{ kind: 'commentByAgent' as const }, { kind: 'resolutionSet' as const }],
      goals: [{ id: 'all', name: 'All', match: {}, target: { kind: 'minutes' as const, minutes: 60 }, calendar: { kind: 'fixed' as const, calendarId: 'always' } }],
      breachActions: [{ kind: 'label' as const, label: 'sla-update-breached' }],
    };
    const count = 600;
    const w = makeWorld(T0 + (count + 1) * 30 * MIN);
    await configure('10000', { ...base, metrics: [...base.metrics, update] });
    const comments: FakeComment[] = Array.from({ length: count }, (_, i) => ({
      id: String(10_000 + i),
      created: iso(T0 + (i + 1) * 30 * MIN),
      author: { accountId: i % 2 ? 'agent-1' : 'agent-2', accountType: 'atlassian' },
    }));
    addIssue(w.jira, { id: '1', comments });
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    expect(w.logs).toEqual([]);
    const p = prop(w, '1')!;
    expect(p).toBeDefined();
    expect(Buffer.byteLength(JSON.stringify(p), 'utf8')).toBeLessThanOrEqual(SLA_PROPERTY_MAX_BYTES);
    const cycles = p.metrics.update!.cycles;
    expect(cycles.length).toBeGreaterThan(10);
    expect(cycles.length).toBeLessThan(count);
    expect(cycles[cycles.length - 1]!.stop).toBe(iso(T0 + count * 30 * MIN).replace('.000+0000', 'Z'));
    expect(p.metrics.update).toMatchObject({ state: 'running' });
    // Recomputing the same history is a no-op: trimming is deterministic.
    w.jira.calls.length = 0;
    await handleRecompute(w.deps, issueJob('1'));
    expect(w.jira.writes()).toEqual([]);
  });
});

describe('the sla property stays under 32 KB whatever the policy', () => {
  const wide = (count: number, nameLength: number): PolicySpec => {
    const template = testPolicy().metrics[1]!;
    const metrics = Array.from({ length: count }, (_, i) => ({
      ...template,
      key: `m${i}`,
      name: `Metric ${i} `.padEnd(nameLength, 'n'),
      goals: template.goals.map((g) => ({ ...g, name: `${g.name} `.padEnd(nameLength, 'g') })),
    }));
    return testPolicy({ metrics });
  };

  it('writes the property for many metrics with long names, under the limit', async () => {
    const w = makeWorld(T0 + 5 * HOUR);
    await configure('10000', wide(40, 600));
    addIssue(w.jira, { id: '1' });
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    const p = prop(w, '1');
    expect(p).toBeDefined();
    expect(Buffer.byteLength(JSON.stringify(p), 'utf8')).toBeLessThanOrEqual(SLA_PROPERTY_MAX_BYTES);
    expect(p!.metrics.m39).toMatchObject({ state: 'breached', breached: 'true' });
  });

  it('refuses to save a policy whose property could not fit in 32 KB', async () => {
    const w = await world();
    const res = await invoke(w, 'settings.save', { policy: wide(200, 10), expectedVersion: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'metrics', code: 'POL_PROPERTY_TOO_LARGE' }] } });
    expect((await loadConfig('10000'))?.version).toBe(1);
    expect(code(await invoke(w, 'settings.save', { policy: wide(40, 600), expectedVersion: 1 }))).toBe('OK');
  });
});
