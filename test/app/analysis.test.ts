import '../fakes/forgeKvs';

import type { Envelope, WhatIfResult } from '@contract';
import { WHATIF_MAX_DAYS } from '../../src/app/whatIf';
import { readFields } from '../../src/app/history';
import { fromBundle } from '../../src/app/mirrorData';
import { setMirrorMeta } from '../../src/store/chainState';
import { saveConfig } from '../../src/store/config';
import { putMirrors } from '../../src/store/historyMirror';
import { invoke } from '../fakes/resolverCalls';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

/** Two resolved issues: one answered after 45 minutes, one after 10; the saved response goal is 60 minutes. */
async function world(saved = true): Promise<World> {
  const w = makeWorld(T0 + 2 * 24 * 60 * MIN);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  const resolved = { resolution: { id: '1', name: 'Done' }, status: { id: '5', name: 'Done', statusCategory: { key: 'done' } } };
  const agent = { accountId: 'agent-1', accountType: 'atlassian' };
  for (const [id, answeredAfter] of [['1', 45], ['2', 10]] as const) {
    addIssue(w.jira, {
      id, fields: resolved,
      comments: [{ id: `c${id}`, created: iso(T0 + answeredAfter * MIN), author: agent }],
      histories: [{ id: `h${id}`, created: iso(T0 + 120 * MIN), items: [{ field: 'resolution', fieldId: 'resolution', from: null, to: '1' }, { field: 'status', fieldId: 'status', from: '1', to: '5' }] }],
    });
  }
  if (saved) await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  return w;
}

function proposedWithResponseGoal(minutes: number) {
  const policy = testPolicy({ name: 'Faster response' });
  const goal = policy.metrics[0]?.goals[0];
  if (goal) goal.target = { kind: 'minutes', minutes };
  return policy;
}

const data = (r: Envelope<unknown>) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as WhatIfResult;
};

describe('settings what-if', () => {
  it('replays resolved issues under the saved and the proposed policy and lists the outcome that changes', async () => {
    const w = await world();
    const result = data(await invoke(w, 'settings.whatIf', { policy: proposedWithResponseGoal(30), days: 30 }));
    expect(result.issues).toBe(2);
    expect(result.currentPolicyName).toBe('Test policy');
    expect(result.report.changed.map((c) => [c.issueKey, c.metricKey, c.current.outcome, c.proposed.outcome])).toEqual([['SUP-1', 'response', 'met', 'breached']]);
    const [changed] = result.report.changed;
    expect(changed?.proposed.dueAt).toBe(T0 + 30 * MIN);
    expect(changed?.current.dueAt).toBe(T0 + 60 * MIN);
    expect(result.report.totals.metToBreached).toBe(1);
  });

  it(`caps the number of days at ${WHATIF_MAX_DAYS} so one resolver call stays within Forge's time limit`, async () => {
    const w = await world();
    expect(data(await invoke(w, 'settings.whatIf', { policy: testPolicy(), days: 400 })).days).toBe(WHATIF_MAX_DAYS);
  });

  it('answers NOT_CONFIGURED while the project has no saved policy to compare with', async () => {
    const w = await world(false);
    const r = await invoke(w, 'settings.whatIf', { policy: testPolicy(), days: 30 });
    expect(!r.ok && r.error.code).toBe('NOT_CONFIGURED');
  });

  it('refuses an invalid proposed policy with the validation codes save uses', async () => {
    const w = await world();
    const r = await invoke(w, 'settings.whatIf', { policy: proposedWithResponseGoal(-1), days: 30 });
    expect(!r.ok && [r.error.code, r.error.details?.[0]?.code]).toEqual(['VALIDATION_FAILED', 'POL_BAD_TARGET']);
  });
});

describe('settings what-if from the history mirror', () => {
  it('reads the period from the mirror, without searching Jira, when the mirror holds it with every field needed', async () => {
    const w = await world();
    const covers = readFields(testPolicy());
    const records = [...w.jira.issues.values()].map((i) => ({
      issueId: i.id, projectId: '10000', issueNum: Number(i.id), rev: 'r1', sla: { hash: null, fired: [] },
      data: fromBundle({ id: i.id, key: i.key, fields: i.fields, histories: i.histories as never, comments: i.comments as never, slaProperty: undefined }, covers),
    }));
    await putMirrors(records);
    await setMirrorMeta('10000', { covers, resolvedSince: '2000-01-01' });
    w.jira.issues.clear();
    const result = data(await invoke(w, 'settings.whatIf', { policy: proposedWithResponseGoal(30), days: 30 }));
    expect([result.source, result.issues, result.report.totals.metToBreached]).toEqual(['mirror', 2, 1]);
    expect(w.jira.calls.filter((c) => c.path.includes('/search'))).toEqual([]);
  });

  it('reads Jira when the mirror does not reach back far enough', async () => {
    const w = await world();
    await setMirrorMeta('10000', { covers: readFields(testPolicy()), resolvedSince: null });
    expect(data(await invoke(w, 'settings.whatIf', { policy: testPolicy(), days: 30 })).source).toBe('jira');
  });
});

describe('settings coverage', () => {
  it('reports the worst wait of each goal and no uncovered hours on a 24x7 policy', async () => {
    const w = await world();
    const r = await invoke(w, 'settings.coverage', { policy: testPolicy() });
    if (!r.ok) throw new Error(r.error.message);
    const d = r.data as { goals: Array<{ goalId: string; target: string; worst: { wallMs: number } | null }>; uncovered: { minutesPerWeek: number } };
    expect(d.goals.map((g) => [g.goalId, g.target, g.worst?.wallMs])).toEqual([['all', '1 h', 60 * MIN], ['high', '4 h', 240 * MIN], ['other', '8 h', 480 * MIN]]);
    expect(d.uncovered.minutesPerWeek).toBe(0);
  });
});
