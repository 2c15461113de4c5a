import type { SlaProperty } from '@contract';
import { recomputeMany } from '../../src/app/bulkRecompute';
import { readFields } from '../../src/app/history';
import { fromBundle } from '../../src/app/mirrorData';
import { getDue } from '../../src/store/dueIndex';
import { getMirror, getMirrors, putMirror, putMirrors, type MirrorRecord } from '../../src/store/historyMirror';
import { world } from '../fakes/backend';
import { addIssue, testPolicy, type World } from '../fakes/world';

/** The mirror record of a fake Jira issue, covering what the test policy reads (or `covers`). */
function recordOf(w: World, id: string, covers = readFields(testPolicy()), projectId = '10000'): MirrorRecord {
  const i = w.jira.issues.get(id)!;
  const data = fromBundle({ id: i.id, key: i.key, fields: i.fields, histories: i.histories as never, comments: i.comments as never, slaProperty: undefined }, covers);
  return { issueId: id, projectId, issueNum: Number(id), rev: `r${id}`, data, sla: { hash: null, fired: [] } };
}

const calls = (w: World, path: string) => w.jira.calls.filter((c) => c.path.startsWith(path));
const MULTI = '/rest/api/3/issue/properties/multi';

/** Issues 1 to 3 in configured project 10000, mirrored; nothing written yet. */
async function mirrored(): Promise<{ w: World; records: MirrorRecord[] }> {
  const w = await world();
  addIssue(w.jira, { id: '2' });
  addIssue(w.jira, { id: '3' });
  const records = ['1', '2', '3'].map((id) => recordOf(w, id));
  await putMirrors(records);
  w.jira.calls.length = 0;
  return { w, records };
}

describe('recomputing many issues from the mirror', () => {
  it('writes every changed property in one bulk write, checks its task, and remembers what it wrote', async () => {
    const { w, records } = await mirrored();
    const out = await recomputeMany(w.deps, w.deps.appJira(5_000), records);
    expect(out).toEqual({ evaluated: 3, written: 3, fallback: [] });
    expect(calls(w, MULTI)).toHaveLength(1);
    expect(calls(w, '/rest/api/3/task/')).toHaveLength(1);
    expect((w.jira.issues.get('2')!.properties.sla as SlaProperty).metrics).toHaveProperty('resolution');
    expect((await getMirror('2'))?.sla.hash).not.toBeNull();
    expect(await getDue('3')).toBeDefined();
  });

  it('writes nothing the second time, when no property would change', async () => {
    const { w, records } = await mirrored();
    await recomputeMany(w.deps, w.deps.appJira(5_000), records);
    w.jira.calls.length = 0;
    const again = await recomputeMany(w.deps, w.deps.appJira(5_000), [...(await getMirrors(['1', '2', '3'])).values()]);
    expect(again).toEqual({ evaluated: 3, written: 0, fallback: [] });
    expect(w.jira.calls).toEqual([]);
  });

  it('sends to the Jira fallback an issue whose mirror lacks a field the policy reads, or whose project has no configuration', async () => {
    const { w } = await mirrored();
    addIssue(w.jira, { id: '4', projectId: '20000' });
    const narrow = recordOf(w, '1', ['status']);
    const out = await recomputeMany(w.deps, w.deps.appJira(5_000), [narrow, recordOf(w, '2'), recordOf(w, '4', undefined, '20000')]);
    expect(out).toEqual({ evaluated: 1, written: 1, fallback: ['1', '4'] });
  });

  it('sends an issue Jira did not update (deleted meanwhile) to the fallback and saves no state for it', async () => {
    const { w, records } = await mirrored();
    w.jira.issues.delete('3');
    const out = await recomputeMany(w.deps, w.deps.appJira(5_000), records);
    expect(out).toMatchObject({ written: 2, fallback: ['3'] });
    expect((await getMirror('3'))?.sla.hash).toBeNull();
  });

  it('queues its own recompute for an issue whose record an event changed while the batch ran, and keeps the event\'s record', async () => {
    const { w, records } = await mirrored();
    await putMirror({ ...records[1]!, rev: 'event' });
    await recomputeMany(w.deps, w.deps.appJira(5_000), records);
    expect((await getMirror('2'))?.rev).toBe('event');
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'issue', issueId: '2', projectId: '10000' }]);
  });

  it('stops at a rate limit on the bulk write and reports it, writing no state', async () => {
    const { w, records } = await mirrored();
    w.jira.failNext((c) => c.path === MULTI, 429, { 'Retry-After': '120' });
    const out = await recomputeMany(w.deps, w.deps.appJira(5_000), records);
    expect(out.error?.code).toBe('RATE_LIMITED');
    expect(out).toMatchObject({ evaluated: 3, written: 0, fallback: [] });
    expect((await getMirror('1'))?.sla.hash).toBeNull();
  });
});
