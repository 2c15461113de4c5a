import { validatePolicy } from '../../../src/core/policy';
import { goal, metric, policySpec } from '../evaluate/builders';
import type { MetricSpec } from '../../../src/core/policy/types';

/** The errors of a policy built from one metric (or a raw document), as [code, path] pairs. */
function errorsOf(input: unknown): Array<[string, string]> {
  const r = validatePolicy(input);
  return r.ok ? [] : r.error.map((e) => [e.code, e.path]);
}
const withMetric = (over: Partial<MetricSpec> | Record<string, unknown>) => policySpec([{ ...metric(), ...over } as MetricSpec]);

// The semantic rules are reached through validatePolicy, which runs them after the structural parse.
describe('validatePolicy', () => {
  it('requires at least one metric (POL_NO_METRICS)', () => {
    expect(errorsOf(policySpec([]))).toEqual([['POL_NO_METRICS', 'metrics']]);
  });

  it('rejects two metrics with the same key (POL_DUPLICATE_METRIC)', () => {
    expect(errorsOf(policySpec([metric(), metric()]))).toEqual([['POL_DUPLICATE_METRIC', 'metrics[1].key']]);
  });

  it('rejects a metric key that cannot serve as a JQL alias (POL_BAD_METRIC_KEY)', () => {
    expect(errorsOf(withMetric({ key: 'First response' }))).toEqual([['POL_BAD_METRIC_KEY', 'metrics[0].key']]);
  });

  it('reports a metric with nothing in it once (POL_EMPTY_METRIC)', () => {
    expect(errorsOf(withMetric({ start: [], pause: [], stop: [], goals: [] }))).toEqual([['POL_EMPTY_METRIC', 'metrics[0]']]);
  });

  it('requires a start, a stop and a goal (POL_NO_START, POL_NO_STOP, POL_NO_GOALS)', () => {
    expect(errorsOf(withMetric({ start: [] }))).toEqual([['POL_NO_START', 'metrics[0].start']]);
    expect(errorsOf(withMetric({ stop: [] }))).toEqual([['POL_NO_STOP', 'metrics[0].stop']]);
    expect(errorsOf(withMetric({ goals: [] }))).toEqual([['POL_NO_GOALS', 'metrics[0].goals']]);
  });

  it('requires a target on every goal (POL_GOAL_WITHOUT_TARGET)', () => {
    const { target: _target, ...noTarget } = goal();
    expect(errorsOf(withMetric({ goals: [noTarget] }))).toEqual([['POL_GOAL_WITHOUT_TARGET', 'metrics[0].goals[0].target']]);
  });

  it('rejects zero, negative and fractional-day targets (POL_BAD_TARGET)', () => {
    expect(errorsOf(withMetric({ goals: [goal({ target: { kind: 'minutes', minutes: 0 } })] }))).toEqual([['POL_BAD_TARGET', 'metrics[0].goals[0].target.minutes']]);
    expect(errorsOf(withMetric({ goals: [goal({ target: { kind: 'businessDays', days: 1.5 } })] }))).toEqual([['POL_BAD_TARGET', 'metrics[0].goals[0].target.days']]);
    expect(errorsOf(withMetric({ goals: [{ ...goal(), target: { kind: 'weeks' } }] }))).toEqual([['POL_BAD_TARGET', 'metrics[0].goals[0].target.kind']]);
  });

  it('rejects a goal on a calendar the policy does not define (POL_UNKNOWN_CALENDAR)', () => {
    const g = goal({ calendar: { kind: 'fromField', fieldId: 'customfield_1', map: { apac: 'sydney' }, fallbackCalendarId: 'nowhere' } });
    expect(errorsOf(withMetric({ goals: [g] }))).toEqual([
      ['POL_UNKNOWN_CALENDAR', 'metrics[0].goals[0].calendar.fallbackCalendarId'],
      ['POL_UNKNOWN_CALENDAR', 'metrics[0].goals[0].calendar.map.apac'],
    ]);
  });

  it('rejects a condition that both starts and stops a metric (POL_CONFLICTING_CONDITIONS)', () => {
    expect(errorsOf(withMetric({ stop: [{ kind: 'issueCreated' }] }))).toEqual([['POL_CONFLICTING_CONDITIONS', 'metrics[0].start[0]']]);
  });

  it('rejects moment-only pause conditions, empty status lists and unknown kinds (POL_BAD_CONDITION)', () => {
    expect(errorsOf(withMetric({ pause: [{ kind: 'commentByCustomer' }] }))).toEqual([['POL_BAD_CONDITION', 'metrics[0].pause[0]']]);
    expect(errorsOf(withMetric({ pause: [{ kind: 'inStatus', statusIds: [] }] }))).toEqual([['POL_BAD_CONDITION', 'metrics[0].pause[0].statusIds']]);
    expect(errorsOf(withMetric({ stop: [{ kind: 'moonPhase' }] }))).toEqual([['POL_BAD_CONDITION', 'metrics[0].stop[0].kind']]);
    expect(errorsOf(withMetric({ mode: 'recurring' }))).toEqual([['POL_BAD_CONDITION', 'metrics[0].start']]);
  });

  it('rejects warnings outside (0, 100) percent or not before the breach (POL_BAD_WARNING)', () => {
    expect(errorsOf(withMetric({ warnings: [{ kind: 'percent', percent: 100 }, { kind: 'beforeBreach', minutes: -5 }] }))).toEqual([
      ['POL_BAD_WARNING', 'metrics[0].warnings[0]'],
      ['POL_BAD_WARNING', 'metrics[0].warnings[1]'],
    ]);
  });

  it('rejects empty comments, labels with spaces and notifications to nobody (POL_BAD_ACTION)', () => {
    const breachActions = [{ kind: 'comment', body: ' ' }, { kind: 'label', label: 'two words' }, { kind: 'notify', to: [], subject: 'Late' }];
    expect(errorsOf(withMetric({ breachActions }))).toEqual([
      ['POL_BAD_ACTION', 'metrics[0].breachActions[0].body'],
      ['POL_BAD_ACTION', 'metrics[0].breachActions[1].label'],
      ['POL_BAD_ACTION', 'metrics[0].breachActions[2].to'],
    ]);
  });

  it('refuses at save a comment body, label or subject longer than Jira accepts (POL_ACTION_TOO_LONG)', () => {
    const breachActions = [
      { kind: 'comment', body: 'x'.repeat(60_000) },
      { kind: 'label', label: 'y'.repeat(256) },
      { kind: 'notify', to: ['assignee'], subject: 'z'.repeat(256) },
    ];
    expect(errorsOf(withMetric({ breachActions }))).toEqual([
      ['POL_ACTION_TOO_LONG', 'metrics[0].breachActions[0].body'],
      ['POL_ACTION_TOO_LONG', 'metrics[0].breachActions[1].label'],
      ['POL_ACTION_TOO_LONG', 'metrics[0].breachActions[2].subject'],
    ]);
  });

  it('accepts a comment body of exactly 32,767 characters and a label of exactly 255', () => {
    const warningActions = [{ kind: 'comment', body: 'x'.repeat(32_767) }, { kind: 'label', label: 'y'.repeat(255) }];
    expect(errorsOf(withMetric({ warningActions }))).toEqual([]);
  });

  it('rejects two goals of one metric with the same id (POL_DUPLICATE_GOAL)', () => {
    expect(errorsOf(withMetric({ goals: [goal(), goal()] }))).toEqual([['POL_DUPLICATE_GOAL', 'metrics[0].goals[1].id']]);
  });
});

describe('policy rules at their edges', () => {
  it('accepts a metric key of 24 characters and refuses one of 25 or one starting with a digit', () => {
    expect(errorsOf(withMetric({ key: `a${'b'.repeat(23)}` }))).toEqual([]);
    expect(errorsOf(withMetric({ key: `a${'b'.repeat(24)}` }))).toEqual([['POL_BAD_METRIC_KEY', 'metrics[0].key']]);
    expect(errorsOf(withMetric({ key: '1st' }))).toEqual([['POL_BAD_METRIC_KEY', 'metrics[0].key']]);
  });

  it('refuses a pause condition that also stops the metric, at the pause', () => {
    const waiting = { kind: 'inStatus', statusIds: ['10005'] };
    expect(errorsOf(withMetric({ pause: [waiting], stop: [{ kind: 'commentByAgent' }, waiting] }))).toEqual([
      ['POL_CONFLICTING_CONDITIONS', 'metrics[0].pause[0]'],
    ]);
  });

  it('accepts a recurring metric whose start describes a state', () => {
    expect(errorsOf(withMetric({ mode: 'recurring', start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }] }))).toEqual([]);
  });

  it('refuses a notification with a blank subject and a subject of 256 characters, accepts 255', () => {
    const notify = (subject: string) => ({ kind: 'notify', to: ['assignee'], subject });
    expect(errorsOf(withMetric({ breachActions: [notify('  '), notify('s'.repeat(256)), notify('s'.repeat(255))] }))).toEqual([
      ['POL_BAD_ACTION', 'metrics[0].breachActions[0].subject'],
      ['POL_ACTION_TOO_LONG', 'metrics[0].breachActions[1].subject'],
    ]);
  });

  it('accepts warnings just inside their bounds', () => {
    expect(errorsOf(withMetric({ warnings: [{ kind: 'percent', percent: 99.9 }, { kind: 'beforeBreach', minutes: 1 }] }))).toEqual([]);
    expect(errorsOf(withMetric({ warnings: [{ kind: 'percent', percent: 0 }] }))).toEqual([['POL_BAD_WARNING', 'metrics[0].warnings[0]']]);
  });
});
