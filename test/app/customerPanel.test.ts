import '../fakes/forgeKvs';

import type { Envelope } from '@contract';
import { promiseKind, toPromise } from '../../src/app/customerPanel';
import { recordActionFailures } from '../../src/store/actionFailures';
import { saveConfig } from '../../src/store/config';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';
import { invoke } from '../fakes/resolverCalls';
import { metric as metricOf } from '../static/issue-panel/fixtures';

const policy = testPolicy({
  calendars: [{ schemaVersion: 1, id: 'cal-madrid', name: 'Madrid office hours', kind: 'always', timeZone: 'UTC' }],
});
for (const m of policy.metrics) {
  m.name = `Internal ${m.key} metric`;
  m.goals = m.goals.map((g) => ({ ...g, id: `goal-${g.id}`, name: `Gold tier ${g.name}`, calendar: { kind: 'fixed', calendarId: 'cal-madrid' } }));
}

async function world(): Promise<World> {
  const w = makeWorld(T0 + 10 * MIN);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  w.jira.grant('carla', 'BROWSE_PROJECTS');
  addIssue(w.jira, { id: '1' });
  await saveConfig({ projectId: '10000', policy, expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  await recordActionFailures('1', [{ actionId: 'resolution:1:breach:0', kind: 'comment', status: 400, reason: 'comment too long', at: iso(T0) }]);
  return w;
}

const asCustomer = (w: World, accountType: string | undefined = 'customer') => invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'carla', accountType });
const data = <T>(r: Envelope<T>) => (r.ok ? r.data : null);
const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);

/** Every name and id an agent may see and a customer may not. */
const INTERNAL = ['Internal response metric', 'Internal resolution metric', 'Gold tier', 'goal-', 'Madrid office hours', 'cal-madrid', 'comment too long', 'response', 'resolution', 'calendars', 'warnings', 'snapshot'];

describe('the panel for a customer', () => {
  it('gives a customer the promise only: no goal, calendar, metric or status name, no action failure', async () => {
    const w = await world();
    const res = await asCustomer(w);
    expect(data(res)).toEqual({
      view: 'customer', serverNow: T0 + 10 * MIN,
      promises: [
        { kind: 'respond', state: 'onTrack', dueAt: T0 + 60 * MIN, at: null },
        { kind: 'resolve', state: 'onTrack', dueAt: T0 + 240 * MIN, at: null },
      ],
    });
    const json = JSON.stringify(res);
    for (const name of INTERNAL) expect({ name, leaked: json.includes(name) }).toEqual({ name, leaked: false });
  });

  it('gives a licensed user the full agent panel, names and action failures included', async () => {
    const w = await world();
    const json = JSON.stringify(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1', accountType: 'licensed' }));
    expect(json).toContain('"view":"agent"');
    expect(json).toContain('Gold tier');
    expect(json).toContain('comment too long');
  });

  it.each([['anonymous'], ['unlicensed'], [undefined]])('gives the customer view to a caller whose account type is %s (fails closed)', async (accountType) => {
    const w = await world();
    expect(data(await asCustomer(w, accountType))).toMatchObject({ view: 'customer' });
  });

  it('refuses a customer who cannot browse the issue', async () => {
    const w = await world();
    const res = await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'dan', accountType: 'customer' });
    expect(code(res)).toBe('FORBIDDEN');
  });
});

describe('the switch "Show customers their SLA"', () => {
  it('is on by default and, once an admin turns it off, answers customers NOT_SHOWN while agents still see the panel', async () => {
    const w = await world();
    expect(data(await invoke(w, 'settings.getConfig', {}))).toMatchObject({ showCustomers: true });
    expect(code(await invoke(w, 'settings.setCustomerView', { show: false }))).toBe('OK');
    expect(data(await invoke(w, 'settings.getConfig', {}))).toMatchObject({ showCustomers: false });
    expect(code(await asCustomer(w))).toBe('NOT_SHOWN');
    expect(data(await invoke(w, 'panel.getSla', { issueId: '1' }, { accountId: 'agent-1' }))).toMatchObject({ view: 'agent', configured: true });
  });

  it('cannot be turned by an agent or a customer', async () => {
    const w = await world();
    expect(code(await invoke(w, 'settings.setCustomerView', { show: false }, { accountId: 'agent-1' }))).toBe('FORBIDDEN');
    expect(code(await invoke(w, 'settings.setCustomerView', { show: false }, { accountId: 'carla', accountType: 'customer' }))).toBe('FORBIDDEN');
    expect(data(await invoke(w, 'settings.getConfig', {}))).toMatchObject({ showCustomers: true });
  });
});

describe('promises from metrics', () => {
  it('calls a metric that stops on an agent reply a response, a recurring one an update, anything else a resolution', () => {
    const [response, resolution] = policy.metrics;
    expect(promiseKind(response)).toBe('respond');
    expect(promiseKind(response && { ...response, mode: 'recurring' })).toBe('update');
    expect(promiseKind(resolution)).toBe('resolve');
  });

  it('promises nothing for a clock without a goal, and gives no due time while on hold', () => {
    const noGoal = metricOf({ state: 'running' });
    const held = metricOf({ state: 'paused' });
    expect(toPromise({ ...noGoal, current: noGoal.current && { ...noGoal.current, goalMs: null } }, undefined)).toBeNull();
    expect(toPromise(held, undefined)).toMatchObject({ state: 'onHold', dueAt: null, at: null });
  });

  it('says when a promise was met and when a late one fell due', () => {
    const met = metricOf({ state: 'met' });
    const late = metricOf({ state: 'breachedRunning' });
    expect(toPromise(met, undefined)).toMatchObject({ state: 'met', dueAt: null, at: met.current?.stoppedAt ?? null });
    expect(toPromise(late, undefined)).toMatchObject({ state: 'late', dueAt: late.current?.dueAt ?? null, at: late.current?.breachedAt ?? null });
  });
});

describe('what else a customer may call', () => {
  it.each([['explain.get'], ['settings.getConfig'], ['report.options']] as const)('refuses %s to a customer even when Jira lets them browse the project', async (key) => {
    const w = await world();
    w.jira.grant('carla', 'BROWSE_PROJECTS', 'ADMINISTER_PROJECTS');
    const payload = key === 'explain.get' ? { issueId: '1', timeZone: 'UTC' } : {};
    const extension = key === 'explain.get' ? undefined : { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'SUP' } };
    expect(code(await invoke(w, key, payload, { accountId: 'carla', accountType: 'customer', ...(extension ? { extension } : {}) }))).toBe('FORBIDDEN');
  });
});
