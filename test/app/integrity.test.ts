import '../fakes/forgeKvs';

import type { SlaProperty } from '@contract';
import { handleRecompute } from '../../src/handlers/consumer';
import { saveConfig } from '../../src/store/config';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

const job = (issueId: string) => ({ body: { kind: 'issue', issueId, projectId: '10000' } });
const prop = (w: World, id: string) => w.jira.issues.get(id)!.properties.sla as SlaProperty;
const propertyWrites = (w: World) => w.jira.writes().filter((c) => c.method === 'PUT' && c.path.endsWith('/properties/sla'));

async function world(): Promise<World> {
  const w = makeWorld(T0 + 10 * MIN);
  await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
  addIssue(w.jira, { id: '1' });
  addIssue(w.jira, { id: '2' });
  return w;
}

describe('a stored sla property the app did not write', () => {
  it('is rewritten whole when a user forges a met state and junk fired ids; nothing of it survives', async () => {
    const w = await world();
    await handleRecompute(w.deps, job('1'));
    const honest = prop(w, '1');
    const junk = Array.from({ length: 500 }, (_, i) => `junk:${i}`);
    w.jira.issues.get('1')!.properties.sla = { ...honest, breached: 'false', metrics: { ...honest.metrics, resolution: { ...honest.metrics.resolution!, state: 'met' } }, fired: junk };
    await handleRecompute(w.deps, job('1'));
    expect(prop(w, '1')).toEqual(honest);
  });

  it('is rewritten when copied verbatim from another issue, signature included', async () => {
    const w = await world();
    await handleRecompute(w.deps, job('1'));
    await handleRecompute(w.deps, job('2'));
    const own = prop(w, '2');
    w.jira.issues.get('2')!.properties.sla = { ...prop(w, '1') };
    const before = propertyWrites(w).length;
    await handleRecompute(w.deps, job('2'));
    expect(propertyWrites(w).length).toBe(before + 1);
    expect(prop(w, '2')).toEqual(own);
  });

  it('is not rewritten when the app wrote it and nothing changed', async () => {
    const w = await world();
    await handleRecompute(w.deps, job('1'));
    const before = propertyWrites(w).length;
    await handleRecompute(w.deps, job('1'));
    expect(propertyWrites(w).length).toBe(before);
  });
});
