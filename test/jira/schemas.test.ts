import {
  changeItemSchema, commentPageSchema, createMetaFieldPageSchema, createMetaIssueTypePageSchema, historySchema, issueSchema, statusSchema,
} from '../../src/jira/schemas';

describe('a changelog item', () => {
  it("exposes Jira's own toString property as toText", () => {
    expect(changeItemSchema.parse({ field: 'labels', from: null, to: null, fromString: 'a', toString: 'a b' })).toMatchObject({ field: 'labels', fromString: 'a', toText: 'a b' });
  });

  it('never mistakes the toString every object inherits for a value', () => {
    const parsed = changeItemSchema.parse(JSON.parse('{"field":"status","from":"1","to":"3"}'));
    expect(parsed.toText).toBeUndefined();
    expect(parsed).toMatchObject({ from: '1', to: '3' });
  });

  it('accepts null ids and ignores fields it does not use, but refuses an item without a field name', () => {
    expect(changeItemSchema.parse({ field: 'assignee', from: null, to: null, toString: null, extra: 1 })).not.toHaveProperty('extra');
    expect(changeItemSchema.safeParse({ from: '1' }).success).toBe(false);
    expect(changeItemSchema.safeParse('status').success).toBe(false);
  });
});

describe('issue, history and comment slices', () => {
  it('keep the properties the app reads and drop the rest', () => {
    const issue = issueSchema.parse({ id: '1', key: 'SUP-1', fields: { status: { id: '1' } }, renderedFields: {}, changelog: { total: 0, histories: [] } });
    expect(Object.keys(issue).sort()).toEqual(['changelog', 'fields', 'id', 'key']);
  });

  it('fail loudly on a changed shape of a property the app relies on', () => {
    expect(historySchema.safeParse({ id: 1, created: '2026-03-02T10:00:00.000+0000', items: [] }).success).toBe(false);
    expect(commentPageSchema.safeParse({ total: 1 }).success).toBe(false);
    expect(statusSchema.safeParse({ id: '1', name: 'Open', statusCategory: {} }).success).toBe(false);
  });

  it('take a comment with neither author nor visibility flag', () => {
    expect(commentPageSchema.parse({ comments: [{ id: 'c1', created: '2026-03-02T10:00:00.000+0000' }] }).comments[0]).toEqual({ id: 'c1', created: '2026-03-02T10:00:00.000+0000' });
  });
});

describe('create-issue metadata pages', () => {
  it('take the list under either of its two names, and refuse a page with neither', () => {
    expect(createMetaIssueTypePageSchema.safeParse({ issueTypes: [{ id: '1' }] }).success).toBe(true);
    expect(createMetaIssueTypePageSchema.safeParse({ values: [{ id: '1' }] }).success).toBe(true);
    expect(createMetaIssueTypePageSchema.safeParse({ total: 0 }).success).toBe(false);
    expect(createMetaFieldPageSchema.safeParse({ fields: [{ fieldId: 'cf_1', name: 'Tier' }] }).success).toBe(true);
    expect(createMetaFieldPageSchema.safeParse({ values: [] }).success).toBe(true);
    expect(createMetaFieldPageSchema.safeParse({ startAt: 0 }).success).toBe(false);
  });
});
