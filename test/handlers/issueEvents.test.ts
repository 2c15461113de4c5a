import '../fakes/forgeKvs';

import { kvs } from '@forge/kvs';
import { triage, type IssueEvent } from '../../src/app/issueEvents';
import { handleIssueEvent } from '../../src/handlers/issueEvents';
import { saveConfig } from '../../src/store/config';
import { getDue, upsertDue } from '../../src/store/dueIndex';
import { iso, makeWorld, T0, testPolicy } from '../fakes/world';

const event = (eventType: string, items?: Array<{ field: string; fieldId?: string }>, projectId = '10000'): IssueEvent => ({
  eventType,
  issue: { id: '1', fields: { project: { id: projectId } } },
  ...(items ? { changelog: { items } } : {}),
});

describe('triage of issue events', () => {
  const policy = testPolicy({ metrics: [{ ...testPolicy().metrics[0]!, goals: [{ ...testPolicy().metrics[0]!.goals[0]!, match: { field: { fieldId: 'customfield_10042', optionIds: ['1'] } } }] }] });

  it('recomputes on creation, comments and changes to fields the policy reads', () => {
    expect(triage(event('avi:jira:created:issue'), policy)).toBe('push');
    expect(triage(event('avi:jira:commented:issue'), policy)).toBe('push');
    expect(triage(event('avi:jira:deleted:comment'), policy)).toBe('push');
    expect(triage(event('avi:jira:updated:issue', [{ field: 'status', fieldId: 'status' }]), policy)).toBe('push');
    expect(triage(event('avi:jira:updated:issue', [{ field: 'Severity', fieldId: 'customfield_10042' }]), policy)).toBe('push');
  });

  it('skips edits that cannot change an SLA', () => {
    expect(triage(event('avi:jira:updated:issue', [{ field: 'summary', fieldId: 'summary' }, { field: 'description', fieldId: 'description' }]), policy)).toBe('ignore');
  });

  it('ignores unconfigured projects unless an issue moved into or out of one', () => {
    expect(triage(event('avi:jira:created:issue'), null)).toBe('ignore');
    expect(triage(event('avi:jira:updated:issue', [{ field: 'project', fieldId: 'project' }]), null)).toBe('push');
  });

  it('removes index entries of deleted issues', () => {
    expect(triage(event('avi:jira:deleted:issue'), policy)).toBe('remove');
  });
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
