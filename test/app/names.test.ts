import { nameSnapshot, NAMES_TTL_MS, siteNames } from '../../src/app/names';
import { NO_NAMES, type SiteNames } from '@contract';
import { evaluate, validatePolicy, type PolicySpec } from '@core';
import type { JiraClient } from '../../src/jira/client';
import { store } from '../fakes/forgeKvs';

const names: SiteNames = { statuses: { '10003': 'Waiting for customer', '10004': 'Pending' }, fields: { customfield_10042: 'Severity' } };

describe('site names cache', () => {
  const jira = (fail = false) => {
    const getStatuses = jest.fn(async () => (fail
      ? { ok: false as const, error: { code: 'UNAVAILABLE' as const, status: 503, message: 'down' } }
      : { ok: true as const, value: [{ id: '10003', name: 'Waiting for customer', category: 'indeterminate' as const }] }));
    return { getStatuses } as unknown as Pick<JiraClient, 'getStatuses'> & { getStatuses: jest.Mock };
  };
  beforeEach(() => store.reset());

  it('reads the statuses from Jira once per quarter of an hour, not per panel render', async () => {
    const j = jira();
    expect((await siteNames(j, 0)).statuses).toEqual({ '10003': 'Waiting for customer' });
    await siteNames(j, NAMES_TTL_MS - 1);
    expect(j.getStatuses).toHaveBeenCalledTimes(1);
    await siteNames(j, NAMES_TTL_MS);
    expect(j.getStatuses).toHaveBeenCalledTimes(2);
  });

  it('keeps the last names when Jira cannot be read, and answers without names before any read succeeded', async () => {
    expect(await siteNames(jira(true), 0)).toEqual(NO_NAMES);
    await siteNames(jira(), 0);
    expect((await siteNames(jira(true), NAMES_TTL_MS * 2)).statuses).toEqual({ '10003': 'Waiting for customer' });
  });
});

describe('pause reasons in the panel snapshot', () => {
  const policy: PolicySpec = {
    schemaVersion: 1, name: 'p',
    calendars: [{ schemaVersion: 1, kind: 'always', id: 'always', name: '24x7' }],
    metrics: [{
      key: 'response', name: 'Response', mode: 'once', start: [{ kind: 'issueCreated' }], pause: [{ kind: 'inStatus', statusIds: ['10003'] }],
      stop: [{ kind: 'commentByAgent' }],
      goals: [{ id: 'g', name: 'All', match: {}, target: { kind: 'minutes', minutes: 60 }, calendar: { kind: 'fixed', calendarId: 'always' } }],
    }],
  };

  it('says "Waiting for customer" where the engine said "in status 10003", in the reason and in the cycle', () => {
    const compiled = validatePolicy(policy);
    if (!compiled.ok) throw new Error('fixture policy is valid');
    const history = {
      issueId: '1', createdAt: 0, initial: { status: '1' }, comments: [], statusCategories: { '1': 'new' as const, '10003': 'indeterminate' as const },
      changes: [{ id: '1#0', at: 60_000, field: 'status', from: '1', to: '10003' }],
    };
    const snapshot = nameSnapshot(evaluate(history, compiled.value, 120_000), policy, names);
    const metric = snapshot.metrics[0];
    expect(metric?.pauseReason).toMatchObject({ kind: 'condition', label: 'Waiting for customer' });
    expect(metric?.current?.pauses[0]?.condition).toBe('Waiting for customer');
    expect(JSON.stringify(snapshot)).not.toMatch(/in status 10003/);
  });
});
