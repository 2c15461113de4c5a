import { conditionSchema, policySchema, targetSchema } from '../../../src/core/policy/schema';
import { INVALID, type ParseIssue, type Parser } from '../../../src/core/json/parse';
import { formatPath } from '../../../src/core/policy';
import { metric, policySpec } from '../evaluate/builders';

/** Runs a parser; answers the parsed value or the paths it complained about. */
function parse<T>(parser: Parser<T>, input: unknown): { value: T } | { paths: string[] } {
  const issues: ParseIssue[] = [];
  const value = parser(input, [], issues);
  return value === INVALID || issues.length > 0 ? { paths: issues.map((i) => formatPath(i.path)) } : { value };
}

describe('the structural schema of a policy', () => {
  it('accepts a complete policy document', () => {
    expect(parse(policySchema, policySpec([metric()]))).toHaveProperty('value');
  });

  it('accepts schema version 1 only', () => {
    expect(parse(policySchema, { ...policySpec([metric()]), schemaVersion: 2 })).toEqual({ paths: ['schemaVersion'] });
  });

  it('requires a name and lists of metrics and calendars', () => {
    expect(parse(policySchema, { schemaVersion: 1, name: '', metrics: {}, calendars: 'x' })).toEqual({ paths: ['name', 'metrics', 'calendars'] });
  });

  it('points into the metric at a field of the wrong type', () => {
    const doc = policySpec([{ ...metric(), mode: 'sometimes' } as never]);
    expect(parse(policySchema, doc)).toEqual({ paths: ['metrics[0].mode'] });
  });

  it('leaves calendars to the calendar engine: any list entry passes', () => {
    expect(parse(policySchema, { ...policySpec([metric()]), calendars: [1, 'x', null] })).toHaveProperty('value');
  });
});

describe('the schema of conditions and targets', () => {
  it('reads each condition kind with its own fields', () => {
    expect(parse(conditionSchema, { kind: 'inStatus', statusIds: ['3'] })).toEqual({ value: { kind: 'inStatus', statusIds: ['3'] } });
    expect(parse(conditionSchema, { kind: 'labelAdded' })).toEqual({ value: { kind: 'labelAdded' } });
  });

  it('refuses an unknown kind at its kind, and an empty field id at the field', () => {
    expect(parse(conditionSchema, { kind: 'moonPhase' })).toEqual({ paths: ['kind'] });
    expect(parse(conditionSchema, { kind: 'fieldChanged', fieldId: '' })).toEqual({ paths: ['fieldId'] });
  });

  it('refuses status categories Jira does not have', () => {
    expect(parse(conditionSchema, { kind: 'inStatusCategory', categories: ['blocked'] })).toEqual({ paths: ['categories[0]'] });
  });

  it('reads minutes, business days with optional end-of-day, and track-only targets', () => {
    expect(parse(targetSchema, { kind: 'businessDays', days: 2 })).toEqual({ value: { kind: 'businessDays', days: 2 } });
    expect(parse(targetSchema, { kind: 'trackOnly' })).toEqual({ value: { kind: 'trackOnly' } });
    expect(parse(targetSchema, { kind: 'minutes', minutes: '60' })).toEqual({ paths: ['minutes'] });
  });
});
