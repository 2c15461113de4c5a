import type { PushEvent } from '@forge/events';
import { issueJob, MAX_PUSH, pushAll, type RecomputeJob } from '../../src/app/deps';

describe('a recompute job of one issue', () => {
  it('is serialised per issue and carries the project and delta only when given', () => {
    expect(issueJob('7')).toEqual({ body: { kind: 'issue', issueId: '7' }, concurrency: { key: 'issue-7', limit: 1 } });
    expect(issueJob('7', '10000', { at: 1 })).toEqual({ body: { kind: 'issue', issueId: '7', projectId: '10000', delta: { at: 1 } }, concurrency: { key: 'issue-7', limit: 1 } });
  });
});

describe('pushing many jobs', () => {
  it(`pushes at most ${MAX_PUSH} events a call, in order, and makes no call for none`, async () => {
    const calls: Array<Array<PushEvent<RecomputeJob>>> = [];
    const queue = { push: async (events: Array<PushEvent<RecomputeJob>>) => void calls.push(events) };
    await pushAll(queue, []);
    expect(calls).toEqual([]);
    const events = Array.from({ length: 2 * MAX_PUSH + 1 }, (_, i) => issueJob(String(i)));
    await pushAll(queue, events);
    expect(calls.map((c) => c.length)).toEqual([MAX_PUSH, MAX_PUSH, 1]);
    expect(calls.flat()).toEqual(events);
  });
});
