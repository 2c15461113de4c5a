import { runDueBatch } from '../../src/app/dueBatch';
import { readFields } from '../../src/app/history';
import { fromBundle } from '../../src/app/mirrorData';
import { putMirror } from '../../src/store/historyMirror';
import { world } from '../fakes/backend';
import { addIssue, testPolicy, type World } from '../fakes/world';

async function mirror(w: World, id: string, covers = readFields(testPolicy())) {
  const i = w.jira.issues.get(id)!;
  const data = fromBundle({ id: i.id, key: i.key, fields: i.fields, histories: [], comments: [], slaProperty: undefined }, covers);
  await putMirror({ issueId: id, projectId: '10000', issueNum: Number(id), rev: 'r', data, sla: { hash: null, fired: [] } });
}

describe('a batch of due issues', () => {
  it('recomputes mirrored issues in bulk and leaves to Jira those without a record or with too narrow a record', async () => {
    const w = await world();
    addIssue(w.jira, { id: '2' });
    addIssue(w.jira, { id: '3' });
    await mirror(w, '1');
    await mirror(w, '3', ['status']);
    const r = await runDueBatch(w.deps, w.deps.appJira(5_000), ['1', '2', '3']);
    expect(r).toEqual({ viaJira: ['2', '3'], error: undefined });
    expect(w.jira.issues.get('1')!.properties).toHaveProperty('sla');
    expect(w.jira.issues.get('2')!.properties).not.toHaveProperty('sla');
  });

  it('passes on the Jira error that stopped the bulk write', async () => {
    const w = await world();
    await mirror(w, '1');
    w.jira.failNext((c) => c.path === '/rest/api/3/issue/properties/multi', 429, { 'Retry-After': '600' });
    const r = await runDueBatch(w.deps, w.deps.appJira(5_000), ['1']);
    expect(r.error?.code).toBe('RATE_LIMITED');
  });
});
