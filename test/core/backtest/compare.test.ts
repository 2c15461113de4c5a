import { backtest, type BacktestIssue } from '../../../src/core/backtest';
import { at, comment, goal, history, HOUR, metric, policyOf } from '../evaluate/builders';

const NOW = at('2026-03-02T12:00:00Z');
const withGoal = (minutes: number) => policyOf(metric({ goals: [goal({ target: { kind: 'minutes', minutes } })] }));
const current = withGoal(240);
const proposed = withGoal(60);

/** Created 09:00 UTC; answered by an agent at `answered`, or never. */
const issue = (key: string, answered: string | null): BacktestIssue => ({
  key,
  history: history({ issueId: key, comments: answered ? [comment(`${key}-c`, answered)] : [] }),
});
const answeredAfterTwoHours = issue('A', '2026-03-02T11:00:00Z');
const answeredAfterHalfAnHour = issue('B', '2026-03-02T09:30:00Z');
const unanswered = issue('C', null);

describe('backtest: changed outcomes', () => {
  const report = backtest([answeredAfterTwoHours, answeredAfterHalfAnHour, unanswered], current, proposed, NOW);

  it('lists only the cycles whose outcome differs, by issue, metric and cycle index', () => {
    expect(report.changed.map((c) => [c.issueKey, c.metricKey, c.cycle, c.current.outcome, c.proposed.outcome])).toEqual([
      ['A', 'response', 0, 'met', 'breached'],
      ['C', 'response', 0, 'running', 'breached'],
    ]);
  });

  it('gives the breach instant on the breached side and, for a met cycle, when the goal would have run out', () => {
    const a = report.changed[0];
    expect(a?.proposed.dueAt).toBe(at('2026-03-02T10:00:00Z'));
    // Met at 11:00 with 2 h of the 4 h goal left: it would have run out at 13:00.
    expect(a?.current.dueAt).toBe(at('2026-03-02T11:00:00Z') + 2 * HOUR);
  });

  it('counts met → breached apart from other changes such as running → breached', () => {
    expect(report.totals).toMatchObject({ issues: 3, metToBreached: 1, breachedToMet: 0, otherChanges: 1 });
  });

  it('counts breached → met when the proposal is looser', () => {
    const looser = backtest([answeredAfterTwoHours], proposed, current, NOW);
    expect(looser.totals).toMatchObject({ metToBreached: 0, breachedToMet: 1, otherChanges: 0 });
  });
});

describe('backtest: compliance tallies', () => {
  it('tallies both policies per month, metric and goal, with percent met to two decimals', () => {
    const report = backtest([answeredAfterTwoHours, answeredAfterHalfAnHour, unanswered], current, proposed, NOW);
    expect(report.rows).toEqual([{
      month: '2026-03', metricKey: 'response', goalId: 'all',
      current: { met: 2, breached: 0, percentMet: 100 },
      proposed: { met: 1, breached: 1, percentMet: 50 },
    }]);
  });

  it('rounds a percentage met to two decimals', () => {
    const three = ['D', 'E', 'F'].map((k) => issue(k, '2026-03-02T11:00:00Z'));
    const report = backtest([...three, answeredAfterHalfAnHour], current, proposed, NOW);
    expect(report.totals.proposed).toEqual({ met: 1, breached: 3, percentMet: 25 });
    const thirds = backtest([three[0] as BacktestIssue, three[1] as BacktestIssue, answeredAfterHalfAnHour], current, proposed, NOW);
    expect(thirds.totals.proposed?.percentMet).toBe(33.33);
  });

  it('has a null percentage when nothing was counted', () => {
    const report = backtest([unanswered], current, null, at('2026-03-02T10:00:00Z'));
    expect(report.totals.current).toEqual({ met: 0, breached: 0, percentMet: null });
  });
});

describe('backtest without a proposal', () => {
  const report = backtest([answeredAfterTwoHours], current, null, NOW, { timeZone: 'Europe/Berlin' });

  it('reports the current policy alone: no changes, no proposed tallies', () => {
    expect(report.changed).toEqual([]);
    expect(report.totals.proposed).toBeNull();
    expect(report.rows.map((r) => r.proposed)).toEqual([null]);
  });

  it('echoes the evaluation instant and the reporting time zone, UTC by default', () => {
    expect([report.evaluatedAt, report.timeZone]).toEqual([NOW, 'Europe/Berlin']);
    expect(backtest([], current, null, NOW).timeZone).toBe('UTC');
  });
});
