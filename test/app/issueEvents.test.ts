import { routeIssueEvent, triage, type IssueEvent } from '../../src/app/issueEvents';
import { saveConfig } from '../../src/store/config';
import { store } from '../fakes/forgeKvs';
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

describe('routing an issue event', () => {
  it('queues the job with what the event says about the change, serialised per issue', async () => {
    const w = makeWorld();
    await saveConfig({ projectId: '10000', policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: iso(T0) });
    const raw = { eventType: 'avi:jira:updated:issue', timestamp: T0, issue: { fields: {} }, changelog: { id: '5', items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] } };
    expect(await routeIssueEvent(w.deps, event('avi:jira:updated:issue', [{ field: 'status', fieldId: 'status' }]), raw)).toEqual({ kind: 'push' });
    expect(w.pushed).toHaveLength(1);
    expect(w.pushed[0]).toMatchObject({ body: { kind: 'issue', issueId: '1', projectId: '10000', delta: { at: T0, changelog: { id: '5' } } }, concurrency: { key: 'issue-1', limit: 1 } });
  });

  it('queues an event without a project in its payload without reading any configuration', async () => {
    const w = makeWorld();
    store.reads = 0;
    expect(await routeIssueEvent(w.deps, { eventType: 'avi:jira:created:issue', issue: { id: '1' } })).toEqual({ kind: 'push' });
    expect(store.reads).toBe(0);
    expect(w.pushed[0]?.body).toEqual({ kind: 'issue', issueId: '1' });
  });

  it('queues nothing for an event of an unconfigured project', async () => {
    const w = makeWorld();
    expect(await routeIssueEvent(w.deps, event('avi:jira:created:issue'))).toEqual({ kind: 'ignore' });
    expect(w.pushed).toEqual([]);
  });

  it('answers failed with the message, never throws, when the queue refuses', async () => {
    const w = makeWorld();
    w.deps.queue = { push: async () => { throw new Error('queue full'); } };
    expect(await routeIssueEvent(w.deps, { eventType: 'avi:jira:created:issue', issue: { id: '1' } })).toEqual({ kind: 'failed', message: 'queue full' });
  });
});
