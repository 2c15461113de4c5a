import '../../fakes/forgeKvs';
/** Bad input and unusable stored state get a stable error code, and no SLA data is lost. */

import { kvs } from '@forge/kvs';
import type { Envelope } from '@contract';
import type { PolicySpec } from '@core';
import { handleRecompute } from '../../../src/handlers/consumer';
import { buildResolver } from '../../../src/handlers/resolver';
import { CONFIG_ENTITY, loadConfig } from '../../../src/store/config';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy } from '../../fakes/world';
import { invoke, PANEL } from '../../fakes/resolverCalls';
import { code, issueJob, prop, world } from '../../fakes/backend';

describe('bad input gets a stable code and loses nothing', () => {
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
