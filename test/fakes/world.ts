/**
 * Test world: a fake Jira, the emulator's KVS store, a recording queue and a settable clock, wired into
 * the same Deps the production handlers receive (with the real pure engine).
 */
import type { PushEvent } from '@forge/events';
import type { PolicySpec } from '@core';
import type { Deps, RecomputeJob } from '../../src/app/deps';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy } from '../../src/jira/http';
import { FakeJira, type FakeIssue } from './jira';
import { store } from './forgeKvs';
import { saveConfig } from '../../src/store/config';

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export interface World {
  jira: FakeJira;
  deps: Deps;
  pushed: Array<PushEvent<RecomputeJob>>;
  logs: string[];
  clock: { now: number };
  sleeps: number[];
}

export function makeWorld(now = T0): World {
  store.reset();
  const jira = new FakeJira();
  const pushed: Array<PushEvent<RecomputeJob>> = [];
  const logs: string[] = [];
  const sleeps: number[] = [];
  const clock = { now };
  const policy = (budgetMs: number) => retryPolicy(budgetMs, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
  const deps: Deps = {
    appJira: (budgetMs) => createJiraClient(jira.transport('app'), policy(budgetMs)),
    userJira: (accountId) => createJiraClient(jira.transport(accountId), policy(5_000)),
    queue: { push: async (events) => void pushed.push(...events) },
    now: () => clock.now,
    log: { warn: (m, d) => void logs.push(`warn: ${m} ${JSON.stringify(d ?? {})}`), error: (m, d) => void logs.push(`error: ${m} ${JSON.stringify(d ?? {})}`) },
  };
  return { jira, deps, pushed, logs, clock, sleeps };
}

export function testPolicy(overrides: Partial<PolicySpec> = {}): PolicySpec {
  return {
    schemaVersion: 1,
    name: 'Test policy',
    calendars: [{ schemaVersion: 1, id: 'always', name: 'Around the clock', kind: 'always', timeZone: 'UTC' }],
    metrics: [
      {
        key: 'response',
        name: 'Time to first response',
        mode: 'once',
        start: [{ kind: 'issueCreated' }],
        pause: [],
        stop: [{ kind: 'commentByAgent' }, { kind: 'resolutionSet' }],
        goals: [{ id: 'all', name: 'All', match: {}, target: { kind: 'minutes', minutes: 60 }, calendar: { kind: 'fixed', calendarId: 'always' } }],
      },
      {
        key: 'resolution',
        name: 'Time to resolution',
        mode: 'once',
        start: [{ kind: 'issueCreated' }],
        pause: [{ kind: 'inStatus', statusIds: ['4'] }],
        stop: [{ kind: 'resolutionSet' }],
        goals: [
          { id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 240 }, calendar: { kind: 'fixed', calendarId: 'always' } },
          { id: 'other', name: 'Other', match: {}, target: { kind: 'minutes', minutes: 480 }, calendar: { kind: 'fixed', calendarId: 'always' } },
        ],
        warnings: [{ kind: 'percent', percent: 50 }],
        warningActions: [{ kind: 'label', label: 'sla-warning' }],
        breachActions: [
          { kind: 'comment', body: 'The resolution SLA is breached.' },
          { kind: 'label', label: 'sla-breached' },
        ],
      },
    ],
    ...overrides,
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

export function addIssue(jira: FakeJira, over: Partial<FakeIssue> & { id: string; projectId?: string; created?: number; priority?: string } ): FakeIssue {
  const created = over.created ?? T0;
  const issue: FakeIssue = {
    id: over.id,
    key: `SUP-${over.id}`,
    fields: {
      project: { id: over.projectId ?? '10000', key: 'SUP' },
      created: iso(created),
      updated: iso(created),
      status: { id: '1', name: 'Open', statusCategory: { key: 'new' } },
      priority: { id: over.priority ?? '2', name: 'High' },
      issuetype: { id: '10001', name: 'Bug' },
      resolution: null,
      assignee: null,
      reporter: { accountId: 'customer-1', accountType: 'customer' },
      labels: [],
      components: [],
      ...over.fields,
    },
    histories: over.histories ?? [],
    comments: over.comments ?? [],
    properties: over.properties ?? {},
  };
  jira.issues.set(issue.id, issue);
  return issue;
}

export { iso };

/** A result's error code, or 'OK'. */
export const codeOf = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : r.error!.code);

/** A world holding issue 1 of project 10000, which is configured with the test policy unless told otherwise. */
export async function worldWithIssue(configured = true): Promise<World> {
  const w = makeWorld(T0 + 30 * MIN);
  addIssue(w.jira, { id: '1' });
  if (configured) await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
  return w;
}
