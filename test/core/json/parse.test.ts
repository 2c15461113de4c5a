import { array, codedErrors, formatPath, INVALID, number, object, oneOf, optional, record, report, string, tagged, type ParseIssue, type Parser } from '../../../src/core/json/parse';

/** The parsed value (or INVALID) and the issues as [path, ...] pairs. */
function run<T>(parser: Parser<T>, input: unknown): { value: T | typeof INVALID; paths: Array<Array<string | number>> } {
  const issues: ParseIssue[] = [];
  const value = parser(input, [], issues);
  return { value, paths: issues.map((i) => i.path) };
}

describe('the structural parser shared by policies and calendars', () => {
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

describe('coded problems and their paths', () => {
  it('reports a wrong JSON type with the complaint of the document type instead of the generic message', () => {
    const issues: ParseIssue[] = [];
    const hours = object({ mon: array(string(), { code: 'CAL_MALFORMED', message: 'must be a list' }) }, { code: 'CAL_MALFORMED', message: 'week must be an object' });
    expect(hours([], ['week'], issues)).toBe(INVALID);
    expect(hours({ mon: 'x' }, ['week'], issues)).toBe(INVALID);
    expect(issues).toEqual([
      { path: ['week'], message: 'week must be an object', code: 'CAL_MALFORMED' },
      { path: ['week', 'mon'], message: 'must be a list', code: 'CAL_MALFORMED' },
    ]);
  });

  it('keeps the generic message and no code when no complaint is given', () => {
    const issues: ParseIssue[] = [];
    expect(array(number)('x', [], issues)).toBe(INVALID);
    expect(issues).toEqual([{ path: [], message: 'Expected a list, got string.' }]);
  });

  it('records a problem with its code and answers INVALID in one step', () => {
    const issues: ParseIssue[] = [];
    expect(report(issues, ['a', 0], 'bad', 'CODE')).toBe(INVALID);
    expect(report(issues, ['b'], 'worse')).toBe(INVALID);
    expect(issues).toEqual([{ path: ['a', 0], message: 'bad', code: 'CODE' }, { path: ['b'], message: 'worse' }]);
  });

  it('turns coded issues into the errors the validators answer, paths as text', () => {
    const issues: ParseIssue[] = [{ path: ['week', 'mon', 0], message: 'bad', code: 'CAL_BAD_TIME' }, { path: [], message: 'forgot its code' }];
    expect(codedErrors(issues, 'CAL_MALFORMED')).toEqual([
      { code: 'CAL_BAD_TIME', path: 'week.mon[0]', message: 'bad' },
      { code: 'CAL_MALFORMED', path: '', message: 'forgot its code' },
    ]);
  });

  it('writes a path as the JSON path users see, indexes in brackets', () => {
    expect(formatPath(['metrics', 0, 'goals', 2, 'target'])).toBe('metrics[0].goals[2].target');
    expect(formatPath([0, 'start'])).toBe('[0].start');
    expect(formatPath([])).toBe('');
  });
});
