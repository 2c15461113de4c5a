import { deltaOf, deltaSchema } from '../../src/app/eventDelta';

const AT = 1_772_445_600_000;
const updated = (over: Record<string, unknown> = {}) => ({
  eventType: 'avi:jira:updated:issue', timestamp: AT, issue: { fields: { status: { id: '3' }, project: { id: '10000' } } },
  changelog: { id: 42, items: [{ field: 'status', fieldId: 'status', from: '1', to: '3', fromString: 'Open', toString: 'In Progress' }] }, ...over,
});
const commented = (eventType: string, properties?: unknown) => ({
  eventType, timestamp: String(AT), issue: {}, comment: { id: 'c1', created: '2026-03-02T10:00:00.000+0000', author: { accountId: 'a', accountType: 'atlassian' }, jsdPublic: false, ...(properties ? { properties } : {}) },
});

describe('the mirror delta of a product event', () => {
  it('carries the changelog with a string id, Jira\'s toString as toText, and the status and project the event names', () => {
    expect(deltaOf(updated())).toEqual({
      at: AT, fields: { status: { id: '3' }, project: { id: '10000' } },
      changelog: { id: '42', items: [{ field: 'status', fieldId: 'status', from: '1', to: '3', fromString: 'Open', toText: 'In Progress' }] },
    });
  });

  it('turns missing from and to values of an item into null and ignores the inherited toString', () => {
    const d = deltaOf(updated({ changelog: { id: '7', items: [JSON.parse('{"field":"labels"}')] } }));
    expect(d?.changelog?.items).toEqual([{ field: 'labels', fieldId: undefined, from: null, to: null, fromString: null, toText: null }]);
  });

  it('carries a new comment, marked internal only when its service-desk property says so', () => {
    expect(deltaOf(commented('avi:jira:commented:issue'))?.comment).toEqual({ id: 'c1', created: '2026-03-02T10:00:00.000+0000', author: { accountId: 'a', accountType: 'atlassian' }, jsdPublic: false, internal: false });
    expect(deltaOf(commented('avi:jira:commented:issue', [{ key: 'sd.public.comment', value: { internal: true } }]))?.comment?.internal).toBe(true);
    expect(deltaOf(commented('avi:jira:commented:issue', [{ key: 'sd.public.comment', value: { internal: 'yes' } }]))?.comment?.internal).toBe(false);
  });

  it('carries only the id of a deleted comment', () => {
    const d = deltaOf(commented('avi:jira:deleted:comment'));
    expect(d).toEqual({ at: AT, fields: {}, deletedCommentId: 'c1' });
  });

  it('is absent when the event carries nothing the mirror can use, or does not parse', () => {
    expect(deltaOf(updated({ changelog: undefined }))).toBeUndefined();
    expect(deltaOf(updated({ timestamp: 'yesterday' }))).toBeUndefined();
    expect(deltaOf({ eventType: 'avi:jira:updated:issue' })).toBeUndefined();
    expect(deltaOf(null)).toBeUndefined();
  });
});

describe('a queued mirror delta', () => {
  it('parses back what deltaOf made, and refuses a delta without its instant', () => {
    const d = deltaOf(updated());
    expect(deltaSchema.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(deltaSchema.safeParse({ changelog: { id: '1', items: [] } }).success).toBe(false);
  });
});
