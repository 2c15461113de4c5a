import '../fakes/forgeKvs';

import { handleRecompute } from '../../src/handlers/consumer';
import { removeProjectData } from '../../src/app/removeData';
import { startReindex } from '../../src/app/reindex';
import { runSweep } from '../../src/app/sweep';
import { loadConfig, saveConfig } from '../../src/store/config';
import { getDue } from '../../src/store/dueIndex';
import { getMirror } from '../../src/store/historyMirror';
import { getProgress } from '../../src/store/progress';
import { store } from '../fakes/forgeKvs';
import { addIssue, HOUR, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

async function consumeAll(w: World): Promise<void> {
  for (let i = 0; i < w.pushed.length; i++) await handleRecompute(w.deps, w.pushed[i]!);
  w.pushed.length = 0;
}

/** Project 10000 with three recomputed issues, one of them breached (claims fired); an issue of another project keeps its property. */
async function configured(): Promise<World> {
  const w = makeWorld(T0 + MIN);
  for (const id of ['1', '2', '3']) addIssue(w.jira, { id });
  addIssue(w.jira, { id: '9', projectId: '20000', properties: { sla: { foreign: true } } });
  const saved = await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
  if (!saved.ok) throw new Error('save refused');
  await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
  await consumeAll(w);
  w.clock.now = T0 + 5 * HOUR;
  await runSweep(w.deps);
  await consumeAll(w);
  return w;
}

describe('removing a project\'s SLA data', () => {
  it('deletes the project\'s sla properties in bulk, then its mirror records, due entries, claims, progress and configuration', async () => {
    const w = await configured();
    const claims = () => store.plainKeys().filter((k) => k.startsWith('fired:'));
    expect(claims().length).toBeGreaterThan(0);
    expect(w.jira.issues.get('1')!.properties.sla).toBeDefined();
    const res = await removeProjectData(w.deps, '10000');
    expect(res).toEqual({ ok: true, value: { done: true, propertiesRemoved: 3, issuesCleared: 3 } });
    for (const id of ['1', '2', '3']) {
      expect(w.jira.issues.get(id)!.properties.sla).toBeUndefined();
      expect(await getMirror(id)).toBeUndefined();
      expect(await getDue(id)).toBeUndefined();
    }
    expect(claims()).toEqual([]);
    expect(await loadConfig('10000')).toBeNull();
    expect((await getProgress('10000')).state).toBe('idle');
    expect(w.jira.issues.get('9')!.properties.sla).toEqual({ foreign: true });
    expect(w.jira.calls.some((c) => c.method === 'DELETE' && c.path.endsWith('/issue/properties/sla'))).toBe(true);
  });

  it('answers a Jira refusal as a failure with a stable code, keeping the configuration removed so a repeat can finish', async () => {
    const w = await configured();
    w.jira.failNext((c) => c.method === 'DELETE', 400);
    const res = await removeProjectData(w.deps, '10000');
    expect(res.ok ? 'OK' : res.error.code).toBe('JIRA_UNAVAILABLE');
    expect(await loadConfig('10000')).toBeNull();
    expect(await removeProjectData(w.deps, '10000')).toMatchObject({ ok: true, value: { done: true } });
    expect(w.jira.issues.get('1')!.properties.sla).toBeUndefined();
  });
});
