/**
 * Adversarial review of the Forge backend against its standards: resolver authorisation from trusted
 * context only (fail closed), bad input with stable codes, nothing lost under 404/429/5xx, exactly-once
 * actions, configuration saves racing a recompute chain, and the 32 KB property limit.
 */
jest.mock('@forge/kvs', () => jest.requireActual<typeof import('../fakes/kvs')>('../fakes/kvs').fakeKvsModule);

import type { Route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { kvs } from '@forge/kvs';
import { SLA_PROPERTY_MAX_BYTES, type Envelope, type ResolverKey, type SlaProperty } from '@contract';
import type { PolicySpec } from '@core';
import { CONSUMER_JIRA_BUDGET_MS } from '../../src/app/jobs';
import { handleRecompute } from '../../src/handlers/consumer';
import { startReindex } from '../../src/app/reindex';
import { buildResolver } from '../../src/handlers/resolver';
import { runSweep } from '../../src/app/sweep';
import { createJiraClient, type JiraClient } from '../../src/jira/client';
import { retryPolicy, type RequestInitLike, type ResponseLike } from '../../src/jira/http';
import { CONFIG_ENTITY, loadConfig, saveConfig } from '../../src/store/config';
import { getDue, upsertDue } from '../../src/store/dueIndex';
import { getProgress } from '../../src/store/progress';
import type { FakeComment } from '../fakes/jira';
import { store } from '../fakes/kvs';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { invoke, PANEL, SETTINGS, validPayloads } from '../fakes/resolverCalls';

const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);
const issueJob = (issueId: string, projectId = '10000') => ({ body: { kind: 'issue', issueId, projectId } });
const prop = (w: World, id: string) => w.jira.issues.get(id)!.properties.sla as SlaProperty | undefined;
const permissionCalls = (w: World) => w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions'));
const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n) => headers[n] ?? null },
  text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
});


async function configure(projectId = '10000', policy: PolicySpec = testPolicy()) {
  await saveConfig({ projectId, policy, expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
}

async function world(now = T0 + 10 * MIN): Promise<World> {
  const w = makeWorld(now);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  addIssue(w.jira, { id: '1' });
  await configure();
  return w;
}

/** Permission checks answered by a scripted transport instead of the fake Jira. */
function scriptedPermissions(w: World, answer: (path: string) => ResponseLike | Promise<ResponseLike>) {
  const sleepless = retryPolicy(5_000, { sleep: async () => undefined, random: () => 0.5 });
  w.deps.userJira = () => createJiraClient(async (r: Route) => answer(r.value), sleepless);
}

const VALID = validPayloads('four-tier');
const KEYS = Object.keys(VALID) as ResolverKey[];

describe('review: resolver authorisation fails closed', () => {
  it.each(KEYS)('refuses %s without an accountId, before touching Jira or storage', async (key) => {
    const w = await world();
    const reads = store.reads;
    expect(code(await invoke(w, key, VALID[key], { accountId: undefined }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, key, VALID[key], { accountId: '' }))).toBe('FORBIDDEN');
    expect(w.jira.calls).toEqual([]);
    expect(store.reads).toBe(reads);
  });

  it('refuses a payload issueId that differs from the panel issue, even one the caller can browse', async () => {
    const w = await world();
    addIssue(w.jira, { id: '2' });
    expect(code(await invoke(w, 'panel.getSla', { issueId: '2' }, { accountId: 'admin-1' }))).toBe('FORBIDDEN');
    const noIssue = { type: 'jira:projectSettingsPage', project: { id: '10000' } };
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'admin-1', extension: noIssue }))).toBe('FORBIDDEN');
    expect(w.jira.calls).toEqual([]);
  });

  it('checks project permissions for the context project, not a project the caller administers elsewhere', async () => {
    const w = await world();
    scriptedPermissions(w, (path) => {
      const q = new URL(path, 'https://x').searchParams;
      const admin = q.get('projectId') === '10000';
      return reply(200, { permissions: { ADMINISTER_PROJECTS: { havePermission: admin }, BROWSE_PROJECTS: { havePermission: true } } });
    });
    const other = { type: 'jira:projectSettingsPage', project: { id: '20000' } };
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 0 }, { extension: other }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'settings.recomputeProgress', {}, { extension: other }))).toBe('FORBIDDEN');
    expect(await loadConfig('20000')).toBeNull();
    expect(code(await invoke(w, 'settings.getConfig', {}, { extension: other }))).toBe('OK');
    expect(await invoke(w, 'settings.getConfig', {}, { extension: other })).toMatchObject({ data: { canEdit: false, projectId: '20000' } });
  });

  it('refuses a settings call whose context names no project', async () => {
    const w = await world();
    expect(code(await invoke(w, 'settings.getConfig', {}, { extension: { type: 'jira:projectSettingsPage' } }))).toBe('FORBIDDEN');
  });

  it.each([
    ['a string', 'nope'],
    ['an array', [{ issueId: '1' }]],
    ['a number issueId', { issueId: 1 }],
    ['an over-long issueId', { issueId: '1'.repeat(65) }],
    ['an empty issueId', { issueId: '' }],
  ])('answers BAD_REQUEST to a panel payload that is %s', async (_name, payload) => {
    const w = await world();
    expect(code(await invoke(w, 'panel.getSla', payload, { accountId: 'agent-1' }))).toBe('BAD_REQUEST');
  });

  it('answers BAD_REQUEST to oversized and malformed settings payloads and saves nothing', async () => {
    const w = await world();
    const padded = { policy: testPolicy(), expectedVersion: 1, junk: 'x'.repeat(300 * 1024) };
    expect(code(await invoke(w, 'settings.save', padded))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 1.5 }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.save', { expectedVersion: 1 }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 1, recomputeResolvedSince: '2026-01-01" OR project != 1' }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.preview', { policy: testPolicy(), fields: { priority: 'x'.repeat(257) } }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.holidays', { year: 99999 }))).toBe('BAD_REQUEST');
    expect((await loadConfig('10000'))?.version).toBe(1);
  });

  it('answers BAD_REQUEST, not INTERNAL, to a pathologically nested payload', async () => {
    const w = await world();
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(code(await invoke(w, 'settings.validate', { policy: { metrics: deep } }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.preview', { policy: testPolicy(), fields: {}, extra: deep }))).toBe('BAD_REQUEST');
    for (const depth of [2_000, 8_000, 20_000]) {
      let nested: unknown = {};
      for (let i = 0; i < depth; i++) nested = { kind: 'issueCreated', x: nested };
      const policy = { ...testPolicy(), metrics: [{ ...testPolicy().metrics[0]!, start: [nested] }] };
      for (const key of ['settings.validate', 'settings.save', 'settings.preview'] as const) {
        const res = await invoke(w, key, { policy, expectedVersion: 1, fields: {} });
        expect({ depth, key, code: code(res) }).not.toMatchObject({ code: 'INTERNAL' });
      }
    }
  });

  it('denies when the permission check throws', async () => {
    const w = await world();
    w.deps.userJira = () => ({ myPermissions: async () => Promise.reject(new Error('boom')) }) as unknown as JiraClient;
    for (const key of KEYS) {
      const res = await invoke(w, key, VALID[key], { accountId: 'admin-1' });
      expect({ key, code: code(res) }).toEqual({ key, code: 'FORBIDDEN' });
    }
  });

  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', '<html>'],
    ['null', null],
    ['an empty object', {}],
    ['an array', []],
    ['permissions as null', { permissions: null }],
    ['bare booleans', { permissions: { ADMINISTER_PROJECTS: true, BROWSE_PROJECTS: true } }],
    ['string flags', { permissions: { ADMINISTER_PROJECTS: { havePermission: 'true' }, BROWSE_PROJECTS: { havePermission: 'true' } } }],
  ])('denies when the permission check returns %s, and does not cache the denial', async (_name, body) => {
    const w = await world();
    let odd = true;
    scriptedPermissions(w, () =>
      odd ? reply(200, body) : reply(200, { permissions: { ADMINISTER_PROJECTS: { havePermission: true }, BROWSE_PROJECTS: { havePermission: true } } }),
    );
    const handler = buildResolver(w.deps);
    const call = async (key: ResolverKey) =>
      (await handler({ call: { functionKey: key, payload: VALID[key] as never }, context: { extension: key.startsWith('panel.') ? PANEL : SETTINGS, accountType: 'licensed' } }, { principal: { accountId: 'admin-1' } })) as Envelope<never>;
    expect(code(await call('settings.save'))).toBe('FORBIDDEN');
    expect(code(await call('panel.getSla'))).toBe('FORBIDDEN');
    expect(code(await call('settings.getConfig'))).toBe('FORBIDDEN');
    odd = false;
    expect(code(await call('settings.getConfig'))).toBe('OK');
  });

  it('denies when the answer lists only other permissions', async () => {
    const w = await world();
    scriptedPermissions(w, () => reply(200, { permissions: { ADMINISTER: { havePermission: true } } }));
    expect(code(await invoke(w, 'settings.save', VALID['settings.save']))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'panel.getSla', VALID['panel.getSla']))).toBe('FORBIDDEN');
  });

  it('does not let a cached grant for one account serve another account', async () => {
    const w = await world();
    const handler = buildResolver(w.deps);
    const as = async (accountId: string) =>
      (await handler({ call: { functionKey: 'settings.recomputeProgress', payload: {} }, context: { extension: SETTINGS, accountType: 'licensed' } }, { principal: { accountId } })) as Envelope<never>;
    expect(code(await as('admin-1'))).toBe('OK');
    expect(code(await as('agent-1'))).toBe('FORBIDDEN');
    expect(permissionCalls(w)).toHaveLength(2);
  });
});

describe('review: bad input gets a stable code and loses nothing', () => {
  const badZone = (): PolicySpec => ({ ...testPolicy(), calendars: [{ schemaVersion: 1, id: 'always', name: 'Mars', kind: 'always', timeZone: 'Mars/Olympus_Mons' }] });

  it('refuses a policy with an unknown time zone with VALIDATION_FAILED', async () => {
    const w = await world();
    for (const key of ['settings.save', 'settings.preview'] as const) {
      const payload = key === 'settings.save' ? { policy: badZone(), expectedVersion: 1 } : { policy: badZone(), fields: {} };
      const res = await invoke(w, key, payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(!res.ok && res.error.details?.length).toBeGreaterThan(0);
    }
    expect(await invoke(w, 'settings.validate', { policy: badZone() })).toMatchObject({ ok: true, data: { issues: [expect.anything()] } });
    expect((await loadConfig('10000'))?.version).toBe(1);
  });

  it('keeps SLA data when the stored policy has an unknown time zone, and the panel says NOT_CONFIGURED', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    w.jira.grant('agent-1', 'BROWSE_PROJECTS');
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 3, config: { schemaVersion: 1, version: 3, updatedBy: 'a', updatedAt: iso(T0), policy: badZone() } });
    addIssue(w.jira, { id: '1', properties: { sla: { hash: 'old', fired: [] } } });
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    expect(prop(w, '1')).toEqual({ hash: 'old', fired: [] });
    expect(w.jira.writes()).toEqual([]);
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toBe('NOT_CONFIGURED');
  });

  it('tells the panel NOT_CONFIGURED, not "no policy", when the stored record cannot be read', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    w.jira.grant('agent-1', 'BROWSE_PROJECTS');
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 2, config: 'garbage' });
    addIssue(w.jira, { id: '1', properties: { sla: { hash: 'old', fired: [] } } });
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    expect(prop(w, '1')).toEqual({ hash: 'old', fired: [] });
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toBe('NOT_CONFIGURED');
  });

  it('answers JIRA_UNAVAILABLE to a 500 storm and RATE_LIMITED to a long 429, within the resolver budget', async () => {
    const w = await world();
    const storm = (c: { path: string }) => c.path.startsWith('/rest/api/3/issue/') || c.path === '/rest/api/3/priority';
    for (let i = 0; i < 8; i++) w.jira.failNext(storm, 500);
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toBe('JIRA_UNAVAILABLE');
    expect(code(await invoke(w, 'settings.metadata', {}))).toBe('JIRA_UNAVAILABLE');
    w.jira.failNext(storm, 429, { 'Retry-After': '60' });
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toBe('RATE_LIMITED');
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * 8_000);
  });

  it('answers NOT_FOUND on the panel for an issue deleted after the permission check', async () => {
    const w = await world();
    const handler = buildResolver(w.deps);
    const call = () => handler({ call: { functionKey: 'panel.getSla', payload: { issueId: '1' } }, context: { extension: PANEL, accountType: 'licensed' } }, { principal: { accountId: 'agent-1' } });
    expect(code((await call()) as Envelope<never>)).toBe('OK');
    w.jira.issues.delete('1');
    expect(code((await call()) as Envelope<never>)).toBe('NOT_FOUND');
  });
});

describe('review: the consumer under Jira failures', () => {
  it('drops a deleted issue from the due index and stops sweeping it', async () => {
    const w = await world(T0);
    await handleRecompute(w.deps, issueJob('1'));
    w.jira.issues.delete('1');
    w.clock.now = T0 + 2 * HOUR;
    await runSweep(w.deps);
    for (const e of w.pushed) await expect(handleRecompute(w.deps, e)).resolves.toBeUndefined();
    expect(await getDue('1')).toBeUndefined();
    w.pushed.length = 0;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
  });

  it('removes the property and due entry of an issue moved to an unconfigured project', async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')).toBeDefined();
    w.jira.issues.get('1')!.fields.project = { id: '20000', key: 'OPS' };
    await expect(handleRecompute(w.deps, issueJob('1', '10000'))).resolves.toBeUndefined();
    expect(prop(w, '1')).toBeUndefined();
    expect(await getDue('1')).toBeUndefined();
  });

  it("follows an issue moved to another configured project: that project's policy and due entry", async () => {
    const w = await world(T0 + 10 * MIN);
    await handleRecompute(w.deps, issueJob('1'));
    const other = testPolicy({ metrics: [testPolicy().metrics[1]!] });
    await configure('20000', other);
    await saveConfig({ projectId: '20000', policy: other, expectedVersion: 1, updatedBy: 'a', updatedAt: iso(T0) });
    w.jira.issues.get('1')!.fields.project = { id: '20000', key: 'OPS' };
    await handleRecompute(w.deps, issueJob('1', '10000'));
    expect(prop(w, '1')).toMatchObject({ policyVersion: 2 });
    expect(Object.keys(prop(w, '1')!.metrics)).toEqual(['resolution']);
    expect(await getDue('1')).toMatchObject({ projectId: '20000' });
  });

  it('hands a Retry-After beyond 900 s back as an InvocationError capped at 900 s, and the redelivery writes', async () => {
    const w = await world(T0 + 10 * MIN);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '3600' });
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect(res).toEqual(new InvocationError({ retryAfter: 900, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED }));
    expect(w.sleeps).toEqual([]);
    expect(w.jira.writes()).toEqual([]);
    await expect(handleRecompute(w.deps, issueJob('1'))).resolves.toBeUndefined();
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'running' });
  });

  it('hands a rate-limited property write back to Forge and loses no fired action', async () => {
    const w = await world(T0 + 5 * HOUR);
    w.jira.failNext((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'), 429, { 'Retry-After': '120' });
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect((res as InvocationError).retryOptions).toMatchObject({ retryAfter: 120, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' });
    await handleRecompute(w.deps, issueJob('1'));
    const comments = w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));
    expect(comments).toHaveLength(1);
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'breached' });
  });

  it('survives a 500 storm: asks Forge to retry, sleeps within the budget, writes nothing', async () => {
    const w = await world(T0 + 10 * MIN);
    w.deps.appJira = (budgetMs) => createJiraClient(async () => reply(500, { errorMessages: ['storm'] }), retryPolicy(budgetMs, { sleep: async (ms) => void w.sleeps.push(ms), random: () => 1 }));
    const res = await handleRecompute(w.deps, issueJob('1'));
    expect((res as InvocationError).retryOptions).toMatchObject({ retryReason: 'FUNCTION_RETRY_REQUEST' });
    expect((res as InvocationError).retryOptions.retryAfter).toBeGreaterThan(0);
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONSUMER_JIRA_BUDGET_MS);
  });

  it('keeps a whole reindex page within one invocation budget when every call needs a retry', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    for (let i = 1; i <= 20; i++) addIssue(w.jira, { id: String(i) });
    let n = 0;
    let storm = true;
    const real = w.jira.transport('app');
    const flaky = async (r: Route, init: RequestInitLike) => (storm && n++ % 2 === 0 ? reply(503, '', { 'Retry-After': '5' }) : real(r, init));
    w.deps.appJira = (budgetMs) => createJiraClient(flaky, retryPolicy(budgetMs, { sleep: async (ms) => void w.sleeps.push(ms), random: () => 0.5 }));
    const chain = { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null };
    const res = await handleRecompute(w.deps, { body: chain });
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONSUMER_JIRA_BUDGET_MS);
    // The page reads and writes in bulk (a handful of requests), so its retries fit the budget and it finishes.
    expect(res).toBeUndefined();
    storm = false;
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 20 });
    for (let i = 1; i <= 20; i++) expect(prop(w, String(i))).toBeDefined();
  });
});

describe('review: exactly-once actions', () => {
  async function sweepAndConsume(w: World): Promise<void> {
    const start = w.pushed.length;
    await runSweep(w.deps);
    await Promise.all(w.pushed.slice(start).map((e) => handleRecompute(w.deps, e)));
  }

  it('posts one comment and one label when two sweeps run concurrently on the same due entry', async () => {
    const w = await world(T0);
    await handleRecompute(w.deps, issueJob('1'));
    w.clock.now = T0 + 5 * HOUR;
    await Promise.all([sweepAndConsume(w), sweepAndConsume(w)]);
    await sweepAndConsume(w);
    const comments = w.jira.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comment'));
    const labels = w.jira.calls.filter((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/1');
    expect(comments).toHaveLength(1);
    expect(labels.map((c) => c.body)).toEqual([{ update: { labels: [{ add: 'sla-warning' }] } }, { update: { labels: [{ add: 'sla-breached' }] } }]);
  });

  it("does not count the app's own breach comment as an agent response", async () => {
    const w = await world(T0 + 5 * HOUR);
    await handleRecompute(w.deps, issueJob('1'));
    const issue = w.jira.issues.get('1')!;
    // Our comment as Jira would store it: authored by the app, public, after the breach.
    issue.comments = [{ id: 'c-app', created: iso(T0 + 5 * HOUR), author: { accountId: 'app-user', accountType: 'app' }, jsdPublic: true }];
    const before = prop(w, '1');
    w.jira.calls.length = 0;
    await handleRecompute(w.deps, issueJob('1'));
    expect(w.jira.writes()).toEqual([]);
    expect(prop(w, '1')).toEqual(before);
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'breached', phase: 'breachedRunning' });
  });

  it('keeps the first-response clock running through app comments and stops it on an agent comment', async () => {
    const w = await world(T0 + 30 * MIN);
    const app = (id: string, at: number): FakeComment => ({ id, created: iso(at), author: { accountId: 'automation', accountType: 'app' } });
    w.jira.issues.get('1')!.comments = [app('c1', T0 + 5 * MIN), app('c2', T0 + 10 * MIN)];
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'running' });
    w.jira.issues.get('1')!.comments.push({ id: 'c3', created: iso(T0 + 20 * MIN), author: { accountId: 'agent-1', accountType: 'atlassian' } });
    await handleRecompute(w.deps, issueJob('1'));
    expect(prop(w, '1')?.metrics.response).toMatchObject({ state: 'met' });
  });
});

describe('review: failures around a save', () => {
  it('does not leave progress "running" forever when the recompute chain cannot be queued', async () => {
    const w = await world();
    w.deps.queue.push = async () => {
      throw new Error('queue refused');
    };
    const saved = await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 1 });
    expect(saved).toMatchObject({ ok: true, data: { config: { version: 2 }, recompute: { state: 'failed' } } });
    expect(await invoke(w, 'settings.recomputeProgress', {})).toMatchObject({ ok: true, data: { state: 'failed' } });
  });
});

describe('review: nothing is lost when Forge gives up redelivering', () => {
  it('leaves a due entry so the sweep retries an issue whose recompute was handed back', async () => {
    const w = await world(T0 + 10 * MIN);
    for (let i = 0; i < 5; i++) w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    // The first delivery and Forge's four redeliveries all meet the rate limit.
    for (let i = 0; i < 5; i++) expect(await handleRecompute(w.deps, issueJob('1'))).toBeInstanceOf(Object);
    expect(prop(w, '1')).toBeUndefined();
    w.clock.now += 25 * MIN;
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'due', issueIds: ['1'] }]);
    await handleRecompute(w.deps, w.pushed[0]!);
    expect(prop(w, '1')?.metrics.resolution).toMatchObject({ state: 'running' });
  });

  it('does not let every sweep re-queue an overdue issue while Jira rate-limits it', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    await runSweep(w.deps);
    expect(await handleRecompute(w.deps, w.pushed[0]!)).toBeInstanceOf(Object);
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
  });

  it('does not postpone an earlier due entry when handing a recompute back', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0 + 11 * MIN);
    w.jira.failNext((c) => c.method === 'GET', 429, { 'Retry-After': '600' });
    await handleRecompute(w.deps, issueJob('1'));
    expect(await getDue('1')).toMatchObject({ nextCheckAt: (T0 + 11 * MIN) / 1000 });
  });
});

describe('review: the sweep with a broken stored policy', () => {
  it('does not re-queue every five minutes an issue whose read Jira keeps refusing (400)', async () => {
    const w = await world(T0 + 10 * MIN);
    await upsertDue('1', '10000', T0);
    for (let i = 0; i < 3; i++) w.jira.failNext((c) => c.method === 'GET', 400);
    await runSweep(w.deps);
    for (const e of w.pushed) await expect(handleRecompute(w.deps, e)).resolves.toBeUndefined();
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
    expect(await getDue('1')).toBeDefined();
  });

  it('keeps a future check when only the property write is refused', async () => {
    const w = await world(T0 + 10 * MIN);
    w.jira.failNext((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'), 400);
    await handleRecompute(w.deps, issueJob('1'));
    expect((await getDue('1'))?.nextCheckAt).toBe((T0 + HOUR) / 1000);
  });

  it('does not re-queue the same issue every five minutes while the policy cannot be used', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 2, config: 'garbage' });
    addIssue(w.jira, { id: '1' });
    await upsertDue('1', '10000', T0);
    await runSweep(w.deps);
    for (const e of w.pushed) await handleRecompute(w.deps, e);
    w.pushed.length = 0;
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    expect(w.pushed).toEqual([]);
    // It is checked again later (an admin may fix the configuration), not forgotten.
    expect(await getDue('1')).toBeDefined();
  });
});

describe('review: a recompute chain outlasting Forge redeliveries', () => {
  const chain = { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null };

  it('hands a rate-limited page back to Forge while redeliveries remain', async () => {
    const w = await world();
    w.jira.failNext((c) => c.path.startsWith('/rest/api/3/search/jql'), 429, { 'Retry-After': '300' });
    const res = await handleRecompute(w.deps, { body: chain, retryContext: { retryCount: 1 } });
    expect((res as InvocationError).retryOptions).toMatchObject({ retryAfter: 300 });
    expect(w.pushed).toEqual([]);
  });

  it('queues a fresh copy of the page on the last redelivery, so the chain does not die', async () => {
    const w = await world();
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    w.pushed.length = 0;
    w.jira.failNext((c) => c.path.startsWith('/rest/api/3/search/jql'), 429, { 'Retry-After': '300' });
    const res = await handleRecompute(w.deps, { body: chain, retryContext: { retryCount: 4 } });
    expect(res).toBeUndefined();
    expect(w.pushed).toEqual([{ body: chain, delayInSeconds: 300, concurrency: { key: 'reindex-10000', limit: 1 } }]);
    await handleRecompute(w.deps, w.pushed[0]!);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 1 });
  });
});

describe('review: the sla property is user-editable data', () => {
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

describe('review: a configuration saved while a recompute chain is in flight', () => {
  it('leaves the newer chain its own progress and lets only the newer chain finish', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    await configure();
    for (let i = 1; i <= 10; i++) addIssue(w.jira, { id: String(i) });
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    const oldPage = w.pushed.shift()!;
    // The admin saves again while the old chain's page is between its search and its progress update.
    const real = w.jira.transport('app');
    let saved = false;
    w.deps.appJira = (budgetMs) =>
      createJiraClient(async (r, init) => {
        const res = await real(r, init);
        if (!saved && r.value.startsWith('/rest/api/3/search/jql')) {
          saved = true;
          await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 1, updatedBy: 'admin-2', updatedAt: iso(T0) });
          await startReindex(w.deps, createJiraClient(real, retryPolicy(10_000)), '10000', 2, null);
        }
        return res;
      }, retryPolicy(budgetMs));
    await handleRecompute(w.deps, oldPage);
    expect(await getProgress('10000')).toMatchObject({ state: 'running', done: 0, total: 10 });
    expect(w.pushed.map((e) => e.body)).toEqual([expect.objectContaining({ kind: 'reindex', version: 2 })]);
    for (let i = 0; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
    expect(await getProgress('10000')).toMatchObject({ state: 'done', done: 10, total: 10 });
  });
});

describe('review: the sla property stays under 32 KB', () => {
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

describe('review: the sla property stays under 32 KB whatever the policy', () => {
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

describe('review: the sweep', () => {
  it('never hands out entries that are not due yet, however many there are', async () => {
    const w = await world(T0);
    for (let i = 0; i < 120; i++) await upsertDue(`f${i}`, '10000', T0 + (i + 1) * MIN);
    await upsertDue('due', '10000', T0 - 1000);
    const reads = store.reads;
    await runSweep(w.deps);
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'due', issueIds: ['due'] }]);
    // One read of the due index, one of the parked project recompute chains.
    expect(store.reads - reads).toBe(2);
  });
});
