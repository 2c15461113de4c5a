import '../fakes/forgeKvs';

import { kvs } from '@forge/kvs';
import type { IssueEvent } from '../../src/app/issueEvents';
import { handleIssueEvent } from '../../src/handlers/issueEvents';
import { saveConfig } from '../../src/store/config';
import { getDue, upsertDue } from '../../src/store/dueIndex';
import { iso, makeWorld, T0, testPolicy } from '../fakes/world';

const event = (eventType: string, items?: Array<{ field: string; fieldId?: string }>, projectId = '10000'): IssueEvent => ({
  eventType,
  issue: { id: '1', fields: { project: { id: projectId } } },
  ...(items ? { changelog: { items } } : {}),
});

describe('the issue event handler', () => {
  it('queues one job per event, serialised per issue', async () => {
    const w = makeWorld();
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    await handleIssueEvent(w.deps, event('avi:jira:commented:issue'));
    expect(w.pushed).toEqual([{ body: { kind: 'issue', issueId: '1', projectId: '10000' }, concurrency: { key: 'issue-1', limit: 1 } }]);
    expect(w.jira.calls).toEqual([]);
  });

  it('drops the due entry of a deleted issue without calling Jira', async () => {
    const w = makeWorld();
    await upsertDue('1', '10000', T0);
    await handleIssueEvent(w.deps, event('avi:jira:deleted:issue'));
    expect(await getDue('1')).toBeUndefined();
    expect(w.pushed).toEqual([]);
  });

  it('asks Forge to redeliver the event when the queue refuses it', async () => {
    const w = makeWorld();
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    w.deps.queue.push = async () => {
      throw new Error('429 rate limited');
    };
    expect(await handleIssueEvent(w.deps, event('avi:jira:created:issue'))).toMatchObject({ _retry: true, retryOptions: { retryAfter: 60 } });
  });

  it('asks Forge to redeliver the event when storage fails, instead of throwing and losing it', async () => {
    const w = makeWorld();
    const failing = { get: async () => { throw new Error('500 INTERNAL_SERVER_ERROR'); } };
    jest.spyOn(kvs, 'entity').mockReturnValueOnce(failing as unknown as ReturnType<typeof kvs.entity>);
    expect(await handleIssueEvent(w.deps, event('avi:jira:created:issue'))).toMatchObject({ _retry: true, retryOptions: { retryAfter: 60 } });
    expect(w.pushed).toEqual([]);
  });

  it('queues an event whose payload names no project, leaving the project to the consumer', async () => {
    const w = makeWorld();
    await handleIssueEvent(w.deps, { eventType: 'avi:jira:deleted:comment', issue: { id: '1' } });
    expect(w.pushed.map((e) => e.body)).toEqual([{ kind: 'issue', issueId: '1' }]);
  });

  it('ignores a payload of unexpected shape instead of crashing', async () => {
    const w = makeWorld();
    await expect(handleIssueEvent(w.deps, { nonsense: true })).resolves.toBeUndefined();
    expect(w.pushed).toEqual([]);
  });
});
