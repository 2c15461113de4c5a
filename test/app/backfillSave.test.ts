import '../fakes/forgeKvs';

import { handleRecompute } from '../../src/handlers/consumer';
import { issueJob } from '../../src/app/deps';
import { startReindex } from '../../src/app/reindex';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type JiraTransport } from '../../src/jira/http';
import { saveConfig } from '../../src/store/config';
import { saveBackfilled } from '../../src/app/backfillSave';
import { getMirror, putMirror, putMirrorsIfUnchanged } from '../../src/store/historyMirror';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from '../fakes/world';

/** Runs `during` once, right after the page's changelog bulkfetch answered: between the page's Jira read and its storage write. */
function interleave(w: World, during: () => Promise<void>): void {
  const inner = w.jira.transport('app');
  let done = false;
  const transport: JiraTransport = async (route, init) => {
    const res = await inner(route, init);
    if (!done && route.value.includes('changelog/bulkfetch')) {
      done = true;
      await during();
    }
    return res;
  };
  w.deps.appJira = (budgetMs) => createJiraClient(transport, retryPolicy(budgetMs, { sleep: async () => undefined }));
}

describe('saving a backfill page', () => {
  it('keeps the record an event updated between the page\'s Jira read and its write, and queues that issue\'s own recompute', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    const issue = addIssue(w.jira, { id: '1' });
    const saved = await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'admin', updatedAt: iso(T0) });
    if (!saved.ok) throw new Error('save refused');
    interleave(w, async () => {
      // An agent comments after the page read the issue; the event's job runs before the page saves.
      issue.comments.push({ id: '900', created: iso(T0 + 5 * MIN), author: { accountId: 'agent-1', accountType: 'atlassian' } });
      issue.fields.updated = iso(T0 + 5 * MIN);
      await handleRecompute(w.deps, { body: issueJob('1', '10000').body });
    });
    await startReindex(w.deps, w.deps.appJira(10_000), '10000', 1, null);
    w.pushed.length = 0;
    await handleRecompute(w.deps, { body: { kind: 'reindex', projectId: '10000', version: 1, phase: 'open', resolvedSince: null, nextPageToken: null, source: 'jira' } });
    expect((await getMirror('1'))?.data.comments.map((c) => c[0])).toEqual(['900']);
    expect(w.pushed.map((e) => e.body)).toContainEqual(expect.objectContaining({ kind: 'issue', issueId: '1' }));
  });

  it('keeps a record an event applied after the page\'s read, though the record\'s own updated is the older Jira read', async () => {
    const w = makeWorld(T0 + 10 * MIN);
    const record = (updated: number, eventAt?: number) => ({ issueId: '1', projectId: '10000', issueNum: 1, rev: 'r', sla: { hash: null, fired: [] },
      data: { v: 1 as const, key: 'SUP-1', covers: ['updated'], fields: { updated: iso(updated) }, histories: [], comments: [], ...(eventAt ? { eventAt } : {}) } });
    await putMirror(record(T0, T0 + 5 * MIN));
    expect(await saveBackfilled(w.deps, [record(T0 + 2 * MIN)])).toEqual(['1']);
    expect((await getMirror('1'))?.data.eventAt).toBe(T0 + 5 * MIN);
    expect(w.pushed.map((e) => e.body)).toContainEqual(expect.objectContaining({ kind: 'issue', issueId: '1' }));
  });

  it('refuses to overwrite a record whose rev changed since it was read, and saves one that did not', async () => {
    makeWorld(T0);
    const data = { v: 1 as const, key: 'SUP-1', covers: [], fields: {}, histories: [], comments: [] };
    await putMirror({ issueId: '1', projectId: '10000', issueNum: 1, rev: 'event', data, sla: { hash: null, fired: [] } });
    await putMirror({ issueId: '2', projectId: '10000', issueNum: 2, rev: 'read', data, sla: { hash: null, fired: [] } });
    const refused = await putMirrorsIfUnchanged([
      { record: { issueId: '1', projectId: '10000', issueNum: 1, rev: 'page', data, sla: { hash: 'x', fired: [] } }, expectedRev: 'read' },
      { record: { issueId: '2', projectId: '10000', issueNum: 2, rev: 'page', data, sla: { hash: 'x', fired: [] } }, expectedRev: 'read' },
    ]);
    expect(refused).toEqual(['1']);
    expect((await getMirror('1'))?.rev).toBe('event');
    expect((await getMirror('2'))?.rev).toBe('page');
  });
});
