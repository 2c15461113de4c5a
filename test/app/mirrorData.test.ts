import { applyDelta, coversAll, fromBundle, toBundle } from '../../src/app/mirrorData';
import { deltaOf } from '../../src/app/eventDelta';
import type { IssueBundle } from '../../src/jira/issueReads';
import { mapHistory } from '../../src/jira/mapHistory';

const at = (min: number) => new Date(Date.UTC(2026, 2, 2, 9, min)).toISOString();
const COVERS = ['status', 'resolution', 'priority', 'issuetype', 'assignee', 'reporter', 'labels', 'components', 'created', 'project'];

function bundle(): IssueBundle {
  return {
    id: '10', key: 'SUP-10',
    fields: {
      created: at(0), status: { id: '3', statusCategory: { key: 'indeterminate' } }, priority: { id: '2', name: 'High' }, reporter: { accountId: 'cust' },
      project: { id: '10000' }, labels: ['vip'], components: [{ id: '501' }, { id: '502' }], resolution: null, summary: 'ignored',
    },
    histories: [
      { id: '100', created: at(5), items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }, { field: 'summary', fieldId: 'summary', from: null, to: null }] },
      { id: '101', created: at(6), items: [{ field: 'Component', fieldId: 'components', from: null, to: '502' }] },
      { id: '102', created: at(7), items: [{ field: 'labels', fieldId: 'labels', from: null, to: null, fromString: '', toText: 'vip' }] },
    ],
    comments: [{ id: 'c1', created: at(8), author: { accountId: 'agent', accountType: 'atlassian' }, jsdPublic: true }, { id: 'c2', created: at(9), author: { accountId: 'cust', accountType: 'customer' }, jsdPublic: false }],
    slaProperty: undefined,
  };
}

const categories = { '1': 'new', '3': 'indeterminate' } as const;

describe('the history mirror record', () => {
  it('maps to exactly the history a fresh Jira read maps to', () => {
    const mirrored = toBundle('10', fromBundle(bundle(), COVERS));
    expect(mapHistory(mirrored, [], categories)).toEqual(mapHistory(bundle(), [], categories));
  });

  it('keeps only the fields the policy needs, and says when a policy needs one it does not cover', () => {
    const data = fromBundle(bundle(), COVERS);
    expect(JSON.stringify(data)).not.toContain('summary');
    expect(coversAll(data, COVERS)).toBe(true);
    expect(coversAll(data, [...COVERS, 'customfield_10042'])).toBe(false);
  });

  it('after an event maps like a fresh read of the changed issue', () => {
    const before = bundle();
    const after = bundle();
    after.histories.push({ id: '103', created: at(20), items: [{ field: 'priority', fieldId: 'priority', from: '2', to: '1' }, { field: 'Component', fieldId: 'components', from: '501', to: null }] });
    after.fields.priority = { id: '1' };
    after.fields.components = [{ id: '502' }];
    const delta = { at: Date.parse(at(20)), changelog: { id: '103', items: [{ field: 'priority', fieldId: 'priority', from: '2', to: '1' }, { field: 'Component', fieldId: 'components', from: '501', to: null }] } };
    const mirrored = toBundle('10', applyDelta(fromBundle(before, COVERS), delta));
    expect(mapHistory(mirrored, [], categories)).toEqual(mapHistory(after, [], categories));
  });

  it('absorbs a redelivered event once', () => {
    const delta = { at: Date.parse(at(20)), changelog: { id: '103', items: [{ field: 'status', fieldId: 'status', from: '3', to: '1' }] }, comment: { id: 'c3', created: at(20) } };
    const once = applyDelta(fromBundle(bundle(), COVERS), delta);
    expect(applyDelta(once, delta)).toEqual(once);
  });

  it('keeps the value a newer change set when an older change arrives late', () => {
    const data = fromBundle(bundle(), COVERS);
    const newer = applyDelta(data, { at: Date.parse(at(30)), changelog: { id: '105', items: [{ field: 'priority', fieldId: 'priority', from: '2', to: '4' }] } });
    const late = applyDelta(newer, { at: Date.parse(at(20)), changelog: { id: '104', items: [{ field: 'priority', fieldId: 'priority', from: '2', to: '1' }] } });
    expect(late.fields.priority).toEqual({ id: '4' });
    expect(late.histories.map(([id]) => id)).toEqual(['100', '101', '102', '104', '105']);
  });

  it('drops a deleted comment', () => {
    const data = applyDelta(fromBundle(bundle(), COVERS), { at: Date.parse(at(30)), deletedCommentId: 'c1' });
    expect(data.comments.map(([id]) => id)).toEqual(['c2']);
  });
});

describe('the delta of a product event', () => {
  it('carries the changelog items, including the one Jira names toString', () => {
    const raw = JSON.parse('{"eventType":"avi:jira:updated:issue","timestamp":"1772442000000","issue":{"id":"10","fields":{"status":{"id":"3"}}},"changelog":{"id":"103","items":[{"field":"labels","fieldId":"labels","from":null,"fromString":"","to":null,"toString":"vip x"}]}}') as unknown;
    expect(deltaOf(raw)).toMatchObject({ at: 1772442000000, changelog: { id: '103', items: [{ fieldId: 'labels', toText: 'vip x' }] }, fields: { status: { id: '3' } } });
  });

  it('carries the comment of a comment event, internal when JSM marks it so', () => {
    const raw = { eventType: 'avi:jira:commented:issue', timestamp: '1772442000000', issue: { id: '10' }, comment: { id: 'c9', created: at(40), author: { accountId: 'agent', accountType: 'atlassian' }, properties: [{ key: 'sd.public.comment', value: { internal: true } }] } };
    expect(deltaOf(raw)).toMatchObject({ comment: { id: 'c9', internal: true } });
  });

  it('names the removed comment of a comment deletion', () => {
    expect(deltaOf({ eventType: 'avi:jira:deleted:comment', timestamp: '1', issue: { id: '10' }, comment: { id: 'c9' } })).toMatchObject({ deletedCommentId: 'c9' });
  });

  it('is absent when the event carries nothing the mirror can use', () => {
    expect(deltaOf({ eventType: 'avi:jira:created:issue', timestamp: '1', issue: { id: '10' } })).toBeUndefined();
  });
});
