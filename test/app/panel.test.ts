import { evaluateForPanel, panelSla } from '../../src/app/panel';
import { recordActionFailures } from '../../src/store/actionFailures';
import { CONFIG_ENTITY, saveConfig } from '../../src/store/config';
import { store } from '../fakes/forgeKvs';
import { codeOf, iso, MIN, T0, testPolicy, worldWithIssue } from '../fakes/world';

const withIssue = worldWithIssue;

describe('the issue evaluated for the panel', () => {
  it('is evaluated now, under the policy of the project the issue is in', async () => {
    const w = await withIssue();
    const r = await evaluateForPanel(w.deps, '1', '10000');
    expect(r.ok && [r.value.projectId, r.value.now, r.value.snapshot?.evaluatedAt, r.value.spec?.name]).toEqual(['10000', T0 + 30 * MIN, T0 + 30 * MIN, 'Test policy']);
  });

  it('has no policy and no snapshot in an unconfigured project', async () => {
    const w = await withIssue(false);
    const r = await evaluateForPanel(w.deps, '1', null);
    expect(r.ok && [r.value.projectId, r.value.spec, r.value.snapshot]).toEqual(['10000', null, null]);
  });

  it('answers NOT_CONFIGURED when the stored configuration cannot be read, rather than calling the project unconfigured', async () => {
    const w = await withIssue(false);
    store.table(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 1, config: { broken: true } });
    expect(codeOf(await evaluateForPanel(w.deps, '1', '10000'))).toBe('NOT_CONFIGURED');
  });

  it('answers NOT_CONFIGURED when the saved policy no longer validates', async () => {
    const w = await withIssue(false);
    const broken = testPolicy();
    broken.metrics[0]!.goals[0]!.target = { kind: 'minutes', minutes: -5 };
    await saveConfig({ projectId: '10000', policy: broken, expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    expect(codeOf(await evaluateForPanel(w.deps, '1', '10000'))).toBe('NOT_CONFIGURED');
  });

  it('answers NOT_FOUND for an issue Jira no longer has, without Jira\'s own text', async () => {
    const w = await withIssue();
    const r = await evaluateForPanel(w.deps, '2', '10000');
    expect(!r.ok && r.error).toEqual({ code: 'NOT_FOUND', message: 'The issue or project no longer exists or is not visible.' });
  });
});

describe("the agent panel's data", () => {
  it('carries the snapshot, the calendars, the warnings of each metric and the recorded action failures', async () => {
    const w = await withIssue();
    await recordActionFailures('1', [{ actionId: 'resolution:0:breach:0', kind: 'comment', status: 400, reason: 'too long', at: iso(T0) }]);
    const r = await panelSla(w.deps, '1', '10000');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ view: 'agent', configured: true, projectId: '10000', serverNow: T0 + 30 * MIN });
    expect(r.value.snapshot?.metrics.map((m) => m.key)).toEqual(['response', 'resolution']);
    expect(r.value.calendars.map((c) => c.id)).toEqual(['always']);
    expect(r.value.warnings).toEqual({ response: [], resolution: [{ kind: 'percent', percent: 50 }] });
    expect(r.value.actionFailures.map((f) => f.actionId)).toEqual(['resolution:0:breach:0']);
  });

  it('is empty and unconfigured in a project without a policy', async () => {
    const w = await withIssue(false);
    const r = await panelSla(w.deps, '1', null);
    expect(r.ok && r.value).toEqual({ view: 'agent', configured: false, projectId: '10000', snapshot: null, calendars: [], warnings: {}, serverNow: T0 + 30 * MIN, actionFailures: [] });
  });
});
