import type { IssueBundle } from '../../src/jira/issueReads';
import { commentAuthor, isPublicComment, mapHistory, unknownStatuses } from '../../src/jira/mapHistory';
import type { RawComment, RawHistory } from '../../src/jira/schemas';

const T = (h: number) => `2026-03-02T${String(h).padStart(2, '0')}:00:00.000+0000`;
const item = (field: string, from: string | null, to: string | null, extra: Partial<RawHistory['items'][number]> = {}) => ({ field, fieldId: field, from, to, ...extra });

function bundle(over: Partial<IssueBundle> = {}): IssueBundle {
  return {
    id: '10001',
    key: 'SUP-1',
    fields: {
      created: T(9),
      status: { id: '5', statusCategory: { key: 'done' } },
      priority: { id: '1' },
      reporter: { accountId: 'reporter-1' },
      labels: ['vip', 'eu'],
      components: [{ id: '20' }, { id: '30' }],
      resolution: { id: '10000' },
      customfield_10042: { id: '7', value: 'Sev 1' },
    },
    histories: [],
    comments: [],
    slaProperty: undefined,
    ...over,
  };
}

const comment = (over: Partial<RawComment>): RawComment => ({ id: 'c1', created: T(10), author: { accountId: 'agent-1', accountType: 'atlassian' }, ...over });

describe('mapping Jira history into the core', () => {
  it('reconstructs initial values by undoing the changelog from current values', () => {
    const h = mapHistory(
      bundle({
        histories: [
          { id: '1', created: T(10), items: [item('status', '1', '3'), item('priority', '3', '1')] },
          { id: '2', created: T(11), items: [item('status', '3', '5'), item('resolution', null, '10000')] },
        ],
      }),
      ['customfield_10042'],
      {},
    );
    expect(h.initial).toMatchObject({ status: '1', priority: '3', resolution: null, customfield_10042: '7', issuetype: null });
    expect(h.changes.map((c) => [c.id, c.field, c.from, c.to])).toEqual([
      ['1#0', 'status', '1', '3'],
      ['1#1', 'priority', '3', '1'],
      ['2#0', 'status', '3', '5'],
      ['2#1', 'resolution', null, '10000'],
    ]);
    expect(h.createdAt).toBe(Date.parse('2026-03-02T09:00:00Z'));
  });

  it('keeps labels as space-joined lists from the changelog strings', () => {
    const h = mapHistory(bundle({ histories: [{ id: '1', created: T(10), items: [item('labels', null, null, { fromString: 'vip', toText: 'vip eu' })] }] }), [], {});
    expect(h.initial.labels).toBe('vip');
    expect(h.changes[0]).toMatchObject({ field: 'labels', from: 'vip', to: 'vip eu' });
  });

  it('replays per-element component changes backwards into whole lists', () => {
    const h = mapHistory(bundle({ histories: [{ id: '1', created: T(10), items: [item('components', null, '30')] }] }), [], {});
    expect(h.initial.components).toBe('20');
    expect(h.changes[0]).toMatchObject({ field: 'components', from: '20', to: '20 30' });
  });

  it('ignores changes to fields the policy does not use', () => {
    const h = mapHistory(bundle({ histories: [{ id: '1', created: T(10), items: [item('summary', null, null)] }] }), [], {});
    expect(h.changes).toEqual([]);
  });

  it('learns the current status category from the issue and lists unknown statuses', () => {
    const h = mapHistory(bundle({ histories: [{ id: '1', created: T(10), items: [item('status', '1', '5')] }] }), [], { '3': 'indeterminate' });
    expect(h.statusCategories).toEqual({ '3': 'indeterminate', '5': 'done' });
    expect(unknownStatuses(h)).toEqual(['1']);
  });
});

describe('the agent-versus-customer comment rule', () => {
  it('classes app authors as app, even when they are the reporter', () => {
    expect(commentAuthor(comment({ author: { accountId: 'reporter-1', accountType: 'app' } }), 'reporter-1')).toBe('app');
  });

  it('classes the reporter and portal customers as customer', () => {
    expect(commentAuthor(comment({ author: { accountId: 'reporter-1', accountType: 'atlassian' } }), 'reporter-1')).toBe('customer');
    expect(commentAuthor(comment({ author: { accountId: 'someone', accountType: 'customer' } }), 'reporter-1')).toBe('customer');
  });

  it('classes any other licensed user as agent', () => {
    expect(commentAuthor(comment({}), 'reporter-1')).toBe('agent');
  });

  it('treats JSM internal notes as not public, by flag or by property', () => {
    expect(isPublicComment(comment({ jsdPublic: false }))).toBe(false);
    expect(isPublicComment(comment({ properties: [{ key: 'sd.public.comment', value: { internal: true } }] }))).toBe(false);
    expect(isPublicComment(comment({ jsdPublic: true }))).toBe(true);
    expect(isPublicComment(comment({}))).toBe(true);
  });
});
