import { describeNamed, NO_NAMES, statusList, type SiteNames } from '@contract';

const names: SiteNames = { statuses: { '10003': 'Waiting for customer', '10004': 'Pending' }, fields: { customfield_10042: 'Severity' } };

describe('conditions in words', () => {
  it('names statuses instead of showing their ids', () => {
    expect(describeNamed({ kind: 'inStatus', statusIds: ['10003'] }, names)).toBe('Waiting for customer');
    expect(describeNamed({ kind: 'inStatus', statusIds: ['10003', '10004'] }, names)).toBe('Waiting for customer or Pending');
    expect(describeNamed({ kind: 'statusEntered', statusIds: ['10004'] }, names)).toBe('moved to Pending');
    expect(describeNamed({ kind: 'fieldChanged', fieldId: 'customfield_10042' }, names)).toBe('Severity changed');
    expect(describeNamed({ kind: 'inStatusCategory', categories: ['indeterminate'] }, names)).toBe('in an In Progress status');
  });

  it('never shows an id it cannot name', () => {
    expect(describeNamed({ kind: 'inStatus', statusIds: ['99'] }, NO_NAMES)).toBe('the chosen status');
    expect(describeNamed({ kind: 'inStatus', statusIds: ['10003', '99'] }, names)).toBe('Waiting for customer or one more status');
    expect(describeNamed({ kind: 'fieldChanged', fieldId: 'customfield_1' }, NO_NAMES)).toBe('a field changed');
  });
});

describe('a list of statuses in words', () => {
  it('joins the names with commas and a final "or", and counts the statuses it cannot name', () => {
    expect(statusList(['10003', '10004', '98', '99'], names)).toBe('Waiting for customer, Pending or 2 more statuses');
  });

  it('says "one of the chosen statuses" or "the chosen status" when it can name none', () => {
    expect(statusList(['98', '99'], names)).toBe('one of the chosen statuses');
    expect(statusList(['98'], NO_NAMES)).toBe('the chosen status');
  });
});
