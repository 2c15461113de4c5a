import { array, INVALID, number, object, oneOf, optional, record, string, tagged, type ParseIssue, type Parser } from '../../../src/core/policy/parse';

/** The parsed value (or INVALID) and the issues as [path, ...] pairs. */
function run<T>(parser: Parser<T>, input: unknown): { value: T | typeof INVALID; paths: Array<Array<string | number>> } {
  const issues: ParseIssue[] = [];
  const value = parser(input, [], issues);
  return { value, paths: issues.map((i) => i.path) };
}

describe('the structural policy parser', () => {
  const goal = object({ id: string(1), target: optional(tagged({ minutes: { minutes: number }, trackOnly: {} })) });

  it('copies a valid object in schema order, dropping unknown keys and leaving missing optional keys absent', () => {
    const input = { extra: true, target: { minutes: 30, kind: 'minutes' }, id: 'g1' };
    const { value } = run(goal, input);
    expect(JSON.stringify(value)).toBe('{"id":"g1","target":{"kind":"minutes","minutes":30}}');
    expect(run(goal, { id: 'g1' }).value).toEqual({ id: 'g1' });
    expect('target' in (run(goal, { id: 'g1' }).value as object)).toBe(false);
  });

  it('reports every problem at the path of the offending value', () => {
    const { value, paths } = run(array(goal), [{ id: '' }, { id: 'ok', target: { kind: 'minutes', minutes: 'ten' } }, 'x']);
    expect(value).toBe(INVALID);
    expect(paths).toEqual([[0, 'id'], [1, 'target', 'minutes'], [2]]);
  });

  it('reports an unknown or missing kind at kind, and a non-object where it stands', () => {
    const target = tagged({ minutes: { minutes: number } });
    expect(run(target, { kind: 'weeks' }).paths).toEqual([['kind']]);
    expect(run(target, {}).paths).toEqual([['kind']]);
    expect(run(target, []).paths).toEqual([[]]);
  });

  it('rejects NaN and Infinity as numbers, and values outside an enumeration', () => {
    expect(run(number, Number.NaN).value).toBe(INVALID);
    expect(run(number, Infinity).value).toBe(INVALID);
    expect(run(oneOf(['once', 'recurring']), 'twice').paths).toEqual([[]]);
  });

  it('checks every value of a record under its key', () => {
    expect(run(record(string()), { apac: 'sydney', emea: 3 }).paths).toEqual([['emea']]);
  });

  it('never returns the input objects, so freezing the result cannot reach the caller', () => {
    const input = { id: 'g1', target: { kind: 'trackOnly' } };
    const { value } = run(goal, input);
    expect(value).not.toBe(input);
    expect(value !== INVALID && value.target).not.toBe(input.target);
  });
});
