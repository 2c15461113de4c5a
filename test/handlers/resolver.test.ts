import '../fakes/forgeKvs';

import type { Envelope, ResolverKey } from '@contract';
import { buildResolver } from '../../src/handlers/resolver';
import { loadConfig, saveConfig } from '../../src/store/config';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { invoke, SETTINGS, validPayloads } from '../fakes/resolverCalls';



async function world(): Promise<World> {
  const w = makeWorld(T0 + 10 * MIN);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  addIssue(w.jira, { id: '1' });
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  return w;
}

const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);

const VALID = validPayloads('no-such-preset');

describe('resolver authorisation', () => {
  const adminOnly = (Object.keys(VALID) as ResolverKey[]).filter((k) => k.startsWith('settings.') && k !== 'settings.getConfig');

  it.each(adminOnly)('refuses %s to a user who cannot administer the project', async (key) => {
    const w = await world();
    expect(code(await invoke(w, key, VALID[key], { accountId: 'agent-1' }))).toBe('FORBIDDEN');
  });

  it.each(adminOnly)('serves %s to a project administrator', async (key) => {
    const w = await world();
    const expected = key === 'settings.applyPreset' ? 'NOT_FOUND' : 'OK';
    expect(code(await invoke(w, key, VALID[key]))).toBe(expected);
  });

  it('gives settings.getConfig read-only to a browse-only user and refuses strangers', async () => {
    const w = await world();
    const agent = await invoke(w, 'settings.getConfig', {}, { accountId: 'agent-1' });
    expect(agent).toMatchObject({ ok: true, data: { canEdit: false, projectId: '10000', config: { version: 1 } } });
    expect(code(await invoke(w, 'settings.getConfig', {}, { accountId: 'stranger' }))).toBe('FORBIDDEN');
  });

  it('refuses panel.getSla to a user who cannot browse the issue', async () => {
    const w = await world();
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'stranger' }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toBe('OK');
  });

  it('refuses panel.getSla for an issue other than the one the panel shows', async () => {
    const w = await world();
    addIssue(w.jira, { id: '2' });
    expect(code(await invoke(w, 'panel.getSla', { issueId: '2' }, { accountId: 'agent-1' }))).toBe('FORBIDDEN');
  });

  it('refuses every call without a signed-in account', async () => {
    const w = await world();
    expect(code(await invoke(w, 'settings.getConfig', {}, { accountId: undefined }))).toBe('FORBIDDEN');
  });

  it('fails closed when Jira cannot confirm the permission: nothing is saved', async () => {
    const w = await world();
    for (let i = 0; i < 4; i++) w.jira.failNext((c) => c.path.startsWith('/rest/api/3/mypermissions'), 500);
    expect(code(await invoke(w, 'settings.save', VALID['settings.save']))).toBe('JIRA_UNAVAILABLE');
    expect((await loadConfig('10000'))?.version).toBe(1);
  });

  it('asks Jira for a permission once per minute per account and project', async () => {
    const w = await world();
    const handler = buildResolver(w.deps);
    const call = () => handler({ call: { functionKey: 'settings.recomputeProgress', payload: {} }, context: { extension: SETTINGS, accountType: 'licensed' } }, { principal: { accountId: 'admin-1' } });
    await call();
    await call();
    const checks = () => w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions')).length;
    expect(checks()).toBe(1);
    w.clock.now += 2 * MIN;
    await call();
    expect(checks()).toBe(2);
  });
});

describe('resolver behaviour', () => {
  it('returns a fresh snapshot and the calendars for the panel', async () => {
    const w = await world();
    const res = await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' });
    expect(res).toMatchObject({ ok: true, data: { configured: true, projectId: '10000', serverNow: T0 + 10 * MIN, calendars: [{ id: 'always' }] } });
    expect(res.ok && (res.data as { snapshot: { metrics: unknown[] } }).snapshot.metrics).toHaveLength(2);
  });

  it('rejects a save against a stale version with VERSION_CONFLICT and keeps the stored policy', async () => {
    const w = await world();
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy({ name: 'Mine' }), expectedVersion: 1 }))).toBe('OK');
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy({ name: 'Theirs' }), expectedVersion: 1 }))).toBe('VERSION_CONFLICT');
    const current = await invoke(w, 'settings.getConfig', {});
    expect(current).toMatchObject({ ok: true, data: { config: { version: 2, policy: { name: 'Mine' } } } });
  });

  it('explains an invalid policy with field paths and saves nothing', async () => {
    const w = await world();
    const res = await invoke(w, 'settings.save', { policy: { ...testPolicy(), metrics: [] }, expectedVersion: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!res.ok && res.error.details?.length).toBeGreaterThan(0);
    expect(await invoke(w, 'settings.getConfig', {})).toMatchObject({ data: { config: { version: 1 } } });
  });

  it('refuses to remove a project\'s SLA data without the typed confirmation, and keeps its configuration', async () => {
    const w = await world();
    expect(code(await invoke(w, 'settings.removeData', {}))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.removeData', { confirm: 'yes' }))).toBe('BAD_REQUEST');
    expect(await loadConfig('10000')).not.toBeNull();
  });

  it('rejects oversized and malformed payloads with BAD_REQUEST', async () => {
    const w = await world();
    const huge = { ...testPolicy(), name: 'x'.repeat(210 * 1024) };
    expect(code(await invoke(w, 'settings.validate', { policy: huge }))).toBe('BAD_REQUEST');
    expect(code(await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: -1 }))).toBe('BAD_REQUEST');
  });

  it('queues a project recompute after a save and reports its progress', async () => {
    const w = await world();
    const res = await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 1 });
    expect(res).toMatchObject({ ok: true, data: { recompute: { state: 'running', total: 1, done: 0 } } });
    expect(w.pushed.map((e) => e.body)).toEqual([expect.objectContaining({ kind: 'reindex', projectId: '10000', version: 2 })]);
  });

  it('reads the context project\'s select options from the create-issue metadata and binds the Severity presets to them', async () => {
    const w = await world();
    const severity = { fieldId: 'customfield_10042', key: 'customfield_10042', name: 'Severity', required: false, operations: ['set'], schema: { type: 'option' } };
    const opts = ['A', 'B', 'C', 'D'].map((x, i) => ({ id: String(10100 + i), value: `Severity ${x}` }));
    w.jira.createMeta = { '10001': [{ ...severity, allowedValues: opts.slice(0, 2) }], '10002': [{ ...severity, allowedValues: opts.slice(2) }] };
    const meta = await invoke(w, 'settings.metadata', {});
    expect(meta).toMatchObject({ ok: true, data: { selectFields: [{ id: 'customfield_10042', options: opts.map((o) => ({ id: o.id, name: o.value })) }] } });
    const preset = await invoke(w, 'settings.applyPreset', { presetId: 'idalko-standard' });
    expect(JSON.stringify(preset)).toContain('"optionIds":["10100","10101"]');
    const createMeta = w.jira.calls.filter((c) => c.path.includes('/createmeta/'));
    expect(createMeta.length).toBeGreaterThan(0);
    for (const c of createMeta) expect(c).toMatchObject({ as: 'app', path: expect.stringMatching(/^\/rest\/api\/3\/issue\/createmeta\/10000\/issuetypes/) });
  });

  it('previews due instants for a priority', async () => {
    const w = await world();
    const res = await invoke(w, 'settings.preview', { policy: testPolicy(), fields: { priority: '2' } });
    const metrics = res.ok ? (res.data as { metrics: Array<{ key: string; dueAt: number }> }).metrics : [];
    expect(metrics.find((m) => m.key === 'resolution')?.dueAt).toBe(T0 + 10 * MIN + 4 * 60 * MIN);
  });
});

describe('resolver dispatch', () => {
  const foreign = ['constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'toString', 'isPrototypeOf', '__defineGetter__', 'panel.nothing'];

  it.each(foreign)('answers NOT_FOUND to the function key %s, which is not the table\'s own', async (key) => {
    const w = await world();
    const handler = buildResolver(w.deps);
    const res = await handler({ call: { functionKey: key, payload: {} }, context: { extension: SETTINGS, accountType: 'licensed' } }, { principal: { accountId: 'admin-1' }, installContext: 'ari:secret-site' });
    expect(code(res as Envelope<never>)).toBe('NOT_FOUND');
    expect(JSON.stringify(res)).not.toContain('ari:secret-site');
  });
});

describe('resolver authorisation when Jira cannot answer the permission check', () => {
  const isPermissionCheck = (c: { path: string }) => c.path.startsWith('/rest/api/3/mypermissions');

  it.each([
    ['a 500', 500, {}, 'JIRA_UNAVAILABLE'],
    ['a 503', 503, {}, 'JIRA_UNAVAILABLE'],
    ['a long 429', 429, { 'Retry-After': '3600' }, 'RATE_LIMITED'],
  ] as const)('answers %s (status %d, headers %j) during the permission check with %s: the caller may retry, it is not refused', async (_name, status, headers, expected) => {
    for (const key of ['settings.getConfig', 'settings.save', 'panel.getSla'] as const) {
      const w = await world();
      for (let i = 0; i < 8; i++) w.jira.failNext(isPermissionCheck, status, headers);
      expect({ key, code: code(await invoke(w, key, VALID[key])) }).toEqual({ key, code: expected });
    }
  });

  it('still answers FORBIDDEN when Jira refuses the permission check itself (400)', async () => {
    const w = await world();
    w.jira.failNext(isPermissionCheck, 400);
    expect(code(await invoke(w, 'settings.getConfig', {}))).toBe('FORBIDDEN');
  });
});
