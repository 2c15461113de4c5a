import { analyzeCoverage } from '../../../src/core/analysis/coverage';
import { calendars, compile, goal, HOUR, metric, policySpec } from '../evaluate/builders';

describe('uncovered hours of the week', () => {
  it('lists the nights and the weekend of Saxony 9–17 as gaps, Friday 17:00 to Monday 09:00 as one', () => {
    const policy = compile(policySpec([metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: 'saxony-9-17' } })] })], calendars(['saxony-9-17'])));
    const report = analyzeCoverage(policy, Date.parse('2026-01-05T00:00:00Z'));
    expect(report.uncovered.minutesPerWeek).toBe(7 * 1440 - 5 * 480);
    expect(report.uncovered.gaps.at(-1)).toEqual({ from: { weekday: 'fri', time: '17:00' }, to: { weekday: 'mon', time: '09:00' }, minutes: 3840 });
  });

  it('finds no gap when a 24x7 calendar is in the policy', () => {
    const policy = compile(policySpec([metric()], calendars(['24x7', 'saxony-9-17'])));
    const report = analyzeCoverage(policy, Date.parse('2026-01-05T00:00:00Z'));
    expect(report.uncovered).toEqual({ timeZone: 'UTC', gaps: [], minutesPerWeek: 0 });
    expect(report.goals.map((g) => [g.goalId, g.worst?.wallMs])).toEqual([['all', 4 * HOUR]]);
  });
});
