import { CategoryLookup } from '../../../src/core/evaluate/categories';

describe('status categories during a replay', () => {
  it('looks up the category of a status in the site table', () => {
    const lookup = new CategoryLookup({ '1': 'new', '5': 'done' });
    expect([lookup.of('1'), lookup.of('5')]).toEqual(['new', 'done']);
  });

  it('has no category for an unknown, empty or absent status', () => {
    const lookup = new CategoryLookup({ '1': 'new' });
    expect([lookup.of('99'), lookup.of(''), lookup.of(null), lookup.of(undefined)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads each status from the table once, including statuses it does not know', () => {
    const reads: string[] = [];
    const table = new Proxy<Record<string, 'new'>>({ '1': 'new' }, { get: (t, k) => (reads.push(String(k)), t[String(k)]) });
    const lookup = new CategoryLookup(table);
    lookup.of('1'); lookup.of('1'); lookup.of('99'); lookup.of('99');
    expect(reads).toEqual(['1', '99']);
  });
});
