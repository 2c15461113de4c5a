import '../fakes/forgeKvs';

import type { PolicySpec } from '@core';
import { handleRecompute } from '../../src/handlers/consumer';
import { startReindex } from '../../src/app/reindex';
import { runSweep } from '../../src/app/sweep';
import { saveConfig } from '../../src/store/config';
import { getDue } from '../../src/store/dueIndex';
import { getMirror } from '../../src/store/historyMirror';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

/** The test policy plus a metric started by the label the resolution breach adds. */
function labelPolicy(): PolicySpec {
  const base = testPolicy();
  const resolution = base.metrics[1]!;
  const followUp = { ...resolution, key: 'followup', name: 'Follow-up after breach', start: [{ kind: 'labelAdded' as const, label: 'sla-breached' }], pause: [], warnings: [], warningActions: [], breachActions: [] };
  return { ...base, metrics: [...base.metrics, followUp] };
}

async function consumeAll(w: World): Promise<void> {
  for (let i = 0; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
  w.pushed.length = 0;
}

async function configuredWithMirror(): Promise<World> {
  const w = makeWorld(T0 + MIN);
  addIssue(w.jira, { id: '1' });
  const saved = await saveConfig({ projectId: '10000', policy: labelPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
  if (!saved.ok) throw new Error('save refused');
  await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
  await consumeAll(w);
  return w;
}

const followUp = (w: World) => (w.jira.issues.get('1')!.properties.sla as { metrics: Record<string, { state: string }> }).metrics.followup?.state;

describe('the history mirror and the app\'s own label actions', () => {
  it('learns a label its breach action added, and the next sweep evaluates with it, as a fresh Jira read would', async () => {
    const w = await configuredWithMirror();
    expect(followUp(w)).toBe('notStarted');
    w.clock.now = T0 + 4 * HOUR + MIN; // the resolution goal (240 min, high priority) is breached
    await runSweep(w.deps);
    await consumeAll(w);
    expect(w.jira.issues.get('1')!.fields.labels).toContain('sla-breached');
    const rec = await getMirror('1');
    expect(rec?.data.fields.labels).toEqual(w.jira.issues.get('1')!.fields.labels);
    expect(rec?.data.histories.at(-1)?.[2]).toEqual([['labels', null, null, null, 'sla-warning sla-breached']]);
    // The breach's own evaluation could not see the label: the issue is due again at once.
    expect((await getDue('1'))!.nextCheckAt * 1000).toBeLessThanOrEqual(w.clock.now);
    w.clock.now += 5 * MIN;
    await runSweep(w.deps);
    await consumeAll(w);
    expect(followUp(w)).toBe('running');
  });

  it('keeps an issue\'s due entry at its next state change when the policy does not count labels', async () => {
    const w = makeWorld(T0 + MIN);
    addIssue(w.jira, { id: '1' });
    const saved = await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
    if (!saved.ok) throw new Error('save refused');
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    await consumeAll(w);
    w.clock.now = T0 + 4 * HOUR + MIN;
    await runSweep(w.deps);
    await consumeAll(w);
    expect((await getMirror('1'))?.data.fields.labels).toContain('sla-breached');
    expect((await getDue('1'))?.nextCheckAt ?? Infinity).toBeGreaterThan(w.clock.now / 1000);
  });
});
