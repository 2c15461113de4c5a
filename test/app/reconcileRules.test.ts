import { buildProperty } from '../../src/app/property';
import { auditJql, CHECK_GRACE_MS, deltaJql, staleness, type Expectation } from '../../src/app/reconcileRules';
import type { SlaSnapshot } from '@core';

const KEY = { secret: 'c'.repeat(64), epoch: 3 };
const NOW = Date.parse('2026-03-02T12:00:00Z');
const UPDATED = '2026-03-02T09:00:00.000+0000';
const snapshot = (nextCheckAt: number | null): SlaSnapshot => ({ issueId: '7', evaluatedAt: 0, metrics: [], nextCheckAt, problems: [] });
const written = (over: { nextCheckAt?: number | null; policyVersion?: number; seen?: string | null } = {}) =>
  buildProperty(snapshot(over.nextCheckAt ?? null), { issueId: '7', policyVersion: over.policyVersion ?? 5, seen: over.seen === undefined ? '2026-03-02T09:00:00Z' : over.seen, key: KEY });
const E: Expectation = { policyVersion: 5, key: KEY, now: NOW, versionMatters: true };

describe('reconciliation rules', () => {
  describe('judging one search result', () => {
    it('trusts a property the app wrote under this policy, with its check ahead and the last update seen', () => {
      expect(staleness({ id: '7', updated: UPDATED, sla: written({ nextCheckAt: NOW + 60_000 }) }, E)).toBeNull();
    });

    it('flags a missing property', () => {
      expect(staleness({ id: '7', updated: UPDATED, sla: undefined }, E)).toBe('missing');
    });

    it('flags a property edited by hand, copied from another issue, or signed under another key epoch', () => {
      const p = written();
      expect(staleness({ id: '7', updated: UPDATED, sla: { ...p, breached: 'true' } }, E)).toBe('integrity');
      expect(staleness({ id: '8', updated: UPDATED, sla: p }, E)).toBe('integrity');
      expect(staleness({ id: '7', updated: UPDATED, sla: p }, { ...E, key: { ...KEY, epoch: 4 } })).toBe('integrity');
    });

    it('flags another policy version, except in the integrity walk', () => {
      const old = written({ policyVersion: 4 });
      expect(staleness({ id: '7', updated: UPDATED, sla: old }, E)).toBe('policyVersion');
      expect(staleness({ id: '7', updated: UPDATED, sla: old }, { ...E, versionMatters: false })).toBeNull();
    });

    it('flags a scheduled check that passed more than the grace period ago, and only then', () => {
      expect(staleness({ id: '7', updated: UPDATED, sla: written({ nextCheckAt: NOW - CHECK_GRACE_MS - 1000 }) }, E)).toBe('overdueCheck');
      expect(staleness({ id: '7', updated: UPDATED, sla: written({ nextCheckAt: NOW - CHECK_GRACE_MS + 1000 }) }, E)).toBeNull();
    });

    it('flags a property older than the issue\'s last update', () => {
      expect(staleness({ id: '7', updated: '2026-03-02T10:30:00.000+0000', sla: written() }, E)).toBe('lostUpdate');
    });
  });

  describe('the searches', () => {
    it('asks Jira for the candidates of one project through indexed fields only', () => {
      const jql = deltaJql('10000', 5, 3, NOW - 70 * 60_000, NOW);
      expect(jql).toBe(
        'project = 10000 AND ((resolution is EMPTY AND (slaPolicyVersion is EMPTY OR slaPolicyVersion != 5)) OR slaGen != 3 OR slaCheckAt < "-15m" OR updated >= "-70m") ORDER BY key ASC',
      );
    });

    it('walks every issue whose property shows any indexed value, with or without a policy version', () => {
      const jql = auditJql('10000');
      expect(jql.startsWith('project = 10000 AND (slaResponseState is not EMPTY OR ')).toBe(true);
      expect(jql.endsWith(' OR slaPolicyVersion is not EMPTY OR slaGen is not EMPTY) ORDER BY key ASC')).toBe(true);
      for (const alias of ['slaBreached', 'slaNextDue', 'slaBreachedMetrics', 'slaResolutionState']) expect(jql).toContain(`${alias} is not EMPTY`);
    });
  });
});
