/**
 * A scripted backend for the settings page tests: each resolver key answers from a handler the
 * test can replace, and every call is recorded so tests assert on what the page sent.
 */
import './jsdomClone';
import type { DataOf, Envelope, JiraMetadata, PayloadOf, ProjectConfig, ResolverKey } from '@contract';
import type { PolicySpec } from '@core';

type Handler<K extends ResolverKey> = (payload: PayloadOf<K>) => Envelope<DataOf<K>> | Promise<Envelope<DataOf<K>>>;
export type Handlers = { [K in ResolverKey]?: Handler<K> };

export const metadata: JiraMetadata = {
  priorities: [{ id: '1', name: 'Highest' }, { id: '2', name: 'High' }, { id: '3', name: 'Medium' }],
  statuses: [
    { id: '10', name: 'Open', category: 'new' },
    { id: '11', name: 'Waiting for customer', category: 'indeterminate' },
    { id: '12', name: 'Done', category: 'done' },
  ],
  issueTypes: [{ id: '100', name: 'Incident' }, { id: '101', name: 'Question' }],
  selectFields: [{ id: 'customfield_1', name: 'Severity', options: [{ id: 's1', name: 'S1' }, { id: 's2', name: 'S2' }] }],
};

export function buildPolicy(overrides: Partial<PolicySpec> = {}): PolicySpec {
  return {
    schemaVersion: 1,
    name: 'Support',
    calendars: [{ schemaVersion: 1, kind: 'weekly', id: 'madrid', name: 'Madrid office', timeZone: 'Europe/Madrid', week: { mon: [{ start: '08:00', end: '19:00' }] } }],
    metrics: [{
      key: 'response', name: 'First response', mode: 'once',
      start: [{ kind: 'issueCreated' }], pause: [{ kind: 'inStatus', statusIds: ['11'] }], stop: [{ kind: 'commentByAgent' }],
      goals: [
        { id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 240 }, calendar: { kind: 'fixed', calendarId: 'madrid' } },
        { id: 'rest', name: 'Everything else', match: {}, target: { kind: 'businessDays', days: 2 }, calendar: { kind: 'fixed', calendarId: 'madrid' } },
      ],
    }],
    ...overrides,
  };
}

/** A preset whose levels this site does not have: every list came back empty from the backend. */
export function levelsPreset(levels = 4): PolicySpec {
  const base = buildPolicy();
  const metric = base.metrics[0];
  if (!metric) throw new Error('fixture: one metric');
  const goals = Array.from({ length: levels }, (_, i) => ({
    id: `level${i + 1}`, name: `Level ${i + 1}`, match: { priorityIds: [] as string[] },
    target: { kind: 'minutes' as const, minutes: 60 * (i + 1) }, calendar: { kind: 'fixed' as const, calendarId: 'madrid' },
  }));
  return { ...base, metrics: [{ ...metric, goals }] };
}

export function buildConfig(version = 3, policy = buildPolicy()): ProjectConfig {
  return { schemaVersion: 1, version, updatedBy: 'acc-1', updatedAt: '2026-11-20T10:00:00Z', policy };
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

export function defaultHandlers(config: ProjectConfig | null = buildConfig(), canEdit = true): Handlers {
  return {
    'settings.getConfig': () => ok({ config, canEdit, projectId: '10000', showCustomers: true }),
    'settings.metadata': () => ok(metadata),
    'settings.presets': () => ok({ presets: [{ id: 'deiser', name: 'Madrid support desk', description: 'Mon–Thu 08–19, Fri 08–15, Spanish holidays.' }] }),
    'settings.holidays': (p) => ok({
      countries: [{ id: 'ES', name: 'Spain' }, { id: 'DE', name: 'Germany' }],
      states: p.country === 'ES' ? [{ id: 'MD', name: 'Madrid' }] : [],
      holidays: p.country ? [{ date: `${p.year}-01-06`, name: 'Epiphany', type: 'public', start: '', end: '' }] : [],
    }),
    'settings.recomputeProgress': () => ok({ state: 'done', done: 5, total: 5, startedAt: null, finishedAt: null }),
  };
}

export interface FakeBackend {
  handlers: Handlers;
  calls: Array<{ key: string; payload: unknown }>;
  invoke: (key: string, payload: unknown) => Promise<unknown>;
  callsTo(key: ResolverKey): unknown[];
}

export function fakeBackend(handlers: Handlers): FakeBackend {
  const backend: FakeBackend = {
    handlers,
    calls: [],
    async invoke(key, payload) {
      backend.calls.push({ key, payload });
      const handler = backend.handlers[key as ResolverKey] as ((p: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${key}` } };
      return handler(payload);
    },
    callsTo: (key) => backend.calls.filter((c) => c.key === key).map((c) => c.payload),
  };
  return backend;
}
