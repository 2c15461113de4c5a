/**
 * Resolver authorisation from trusted context only: it fails closed, never caches a denial, and
 * reuses a grant for 60 s per account and scope.
 */

import type { Envelope, ResolverKey } from '@contract';
import { err, ok } from '@core';
import { buildResolver } from '../../../src/handlers/resolver';
import { issueAccess, PermissionCache, projectAccess } from '../../../src/handlers/resolver/auth';
import type { CallerContext } from '../../../src/handlers/resolver/envelope';
import type { JiraClient } from '../../../src/jira/client';
import type { JiraError, JiraResult } from '../../../src/jira/http';
import { loadConfig } from '../../../src/store/config';
import { store } from '../../fakes/forgeKvs';
import { addIssue, makeWorld, testPolicy } from '../../fakes/world';
import { invoke, PANEL, SETTINGS, validPayloads } from '../../fakes/resolverCalls';
import { code, permissionCalls, reply, scriptedPermissions, world } from '../../fakes/backend';

const VALID = validPayloads('four-tier');
const KEYS = Object.keys(VALID) as ResolverKey[];

describe('resolver authorisation fails closed', () => {
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

describe('permission checks as the caller', () => {
  type Answer = JiraResult<Record<string, boolean>>;
  const caller = (over: Partial<CallerContext> = {}): CallerContext => ({ accountId: 'u-1', isCustomer: false, projectId: '10000', issueId: '1', ...over });

  /** Deps whose permission look-ups answer from a script and are counted. */
  function scripted(...answers: Array<Answer | Error>) {
    const w = makeWorld();
    let asked = 0;
    const myPermissions = async (): Promise<Answer> => {
      const next = answers[Math.min(asked++, answers.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    };
    w.deps.userJira = () => ({ myPermissions }) as unknown as JiraClient;
    return { w, cache: new PermissionCache(() => w.clock.now), asked: () => asked };
  }
  const grants = (perms: Record<string, boolean>): Answer => ok(perms);

  it('grants editing to a project administrator and read-only access to a browser only where reading is allowed', async () => {
    const admin = scripted(grants({ ADMINISTER_PROJECTS: true, BROWSE_PROJECTS: true }));
    expect(await projectAccess(admin.w.deps, admin.cache, caller(), false)).toEqual(ok({ canEdit: true, projectId: '10000' }));
    const browser = scripted(grants({ ADMINISTER_PROJECTS: false, BROWSE_PROJECTS: true }));
    expect(await projectAccess(browser.w.deps, browser.cache, caller(), true)).toEqual(ok({ canEdit: false, projectId: '10000' }));
    expect(await projectAccess(browser.w.deps, browser.cache, caller(), false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('denies a call without a project or for another issue before asking Jira', async () => {
    const s = scripted(grants({ ADMINISTER_PROJECTS: true, BROWSE_PROJECTS: true }));
    expect(await projectAccess(s.w.deps, s.cache, caller({ projectId: null }), true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await issueAccess(s.w.deps, s.cache, caller({ issueId: null }), '1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await issueAccess(s.w.deps, s.cache, caller(), '2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.asked()).toBe(0);
  });

  it('answers JIRA_UNAVAILABLE or RATE_LIMITED when Jira cannot answer, and asks again next time', async () => {
    const down = err<JiraError>({ code: 'UNAVAILABLE', status: 503, message: 'down' });
    const limited = err<JiraError>({ code: 'RATE_LIMITED', status: 429, message: 'slow down' });
    const s = scripted(down, limited, grants({ BROWSE_PROJECTS: true }));
    expect(await issueAccess(s.w.deps, s.cache, caller(), '1')).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(await issueAccess(s.w.deps, s.cache, caller(), '1')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await issueAccess(s.w.deps, s.cache, caller(), '1')).toEqual(ok({ canEdit: false, projectId: '10000' }));
    expect(s.asked()).toBe(3);
  });

  it('denies, logs and caches nothing when the look-up throws or Jira refuses the check', async () => {
    const refused = err<JiraError>({ code: 'FORBIDDEN', status: 403, message: 'no' });
    const s = scripted(new Error('socket closed'), refused, grants({ ADMINISTER_PROJECTS: true }));
    expect(await projectAccess(s.w.deps, s.cache, caller(), true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.w.logs).toEqual([expect.stringContaining('Permission check threw; denying')]);
    expect(await projectAccess(s.w.deps, s.cache, caller(), true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await projectAccess(s.w.deps, s.cache, caller(), true)).toMatchObject({ ok: true });
  });

  it('reuses a grant for 60 s per account and scope, then asks Jira again', async () => {
    const s = scripted(grants({ ADMINISTER_PROJECTS: true }));
    await projectAccess(s.w.deps, s.cache, caller(), true);
    s.w.clock.now += 60_000;
    await projectAccess(s.w.deps, s.cache, caller(), true);
    expect(s.asked()).toBe(1);
    await projectAccess(s.w.deps, s.cache, caller({ accountId: 'u-2' }), true);
    await projectAccess(s.w.deps, s.cache, caller({ projectId: '20000' }), true);
    expect(s.asked()).toBe(3);
    s.w.clock.now += 1;
    await projectAccess(s.w.deps, s.cache, caller(), true);
    expect(s.asked()).toBe(4);
  });
});
