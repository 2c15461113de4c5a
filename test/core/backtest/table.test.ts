import { backtest, changedCsvRows, comparisonCsvRows, formatBacktestTable, formatInstant, type BacktestIssue } from '../../../src/core/backtest';
import { at, comment, goal, history, metric, policyOf } from '../evaluate/builders';

const NOW = at('2026-03-02T12:00:00Z');
const withGoal = (minutes: number) => policyOf(metric({ goals: [goal({ target: { kind: 'minutes', minutes } })] }));
const issue = (key: string, answered: string): BacktestIssue => ({ key, history: history({ issueId: key, comments: [comment(`${key}-c`, answered)] }) });
const report = backtest([issue('SUP-1', '2026-03-02T11:00:00Z'), issue('SUP-2', '2026-03-02T09:30:00Z')], withGoal(240), withGoal(60), NOW, { timeZone: 'Europe/Berlin' });

describe('the backtest as a table', () => {
  const lines = formatBacktestTable(report).split('\n');

  it('heads the compliance table with the report zone and shows met/counted, percent and the change in points', () => {
    expect(lines[0]).toBe('Compliance (met/counted %), months in Europe/Berlin');
    expect(lines[2]?.split(/\s{2,}/)).toEqual(['2026-03', 'response', 'all', '2/2 100.0%', '1/2 50.0%', '-50.0']);
  });

  it('lists each changed outcome with its goal and due instant in the report zone, to the minute', () => {
    const changed = lines.slice(lines.indexOf('Outcomes that change (1)') + 2, lines.indexOf('Outcomes that change (1)') + 3);
    expect(changed[0]?.split(/\s{2,}/)).toEqual(['SUP-1', 'response', 'met (all), due 2026-03-02 14:00', 'breached (all), due 2026-03-02 11:00']);
  });

  it('ends with the totals', () => {
    expect(lines.at(-1)).toBe('Totals: 2 issues; current 2/2 100.0%; proposed 1/2 50.0%; met→breached 1, breached→met 0, other changes 0');
  });

  it('says (none) when no outcome changes, and shows a dash for a missing proposal', () => {
    const alone = formatBacktestTable(backtest([issue('SUP-2', '2026-03-02T09:30:00Z')], withGoal(240), null, NOW)).split('\n');
    expect(alone).toContain('(none)');
    expect(alone.at(-1)).toContain('proposed —;');
  });

  it('writes a dash for an instant that does not exist', () => {
    expect(formatInstant(null, 'UTC')).toBe('—');
  });
});

describe('the backtest as CSV rows', () => {
  it('writes one comparison row per month, metric and goal under a header', () => {
    expect(comparisonCsvRows(report)).toEqual([
      ['month', 'metric', 'goal', 'current_met', 'current_breached', 'current_percent_met', 'proposed_met', 'proposed_breached', 'proposed_percent_met'],
      ['2026-03', 'response', 'all', '2', '0', '100', '1', '1', '50'],
    ]);
  });

  it('writes changed outcomes with instants in ISO 8601 UTC', () => {
    expect(changedCsvRows(report)[1]).toEqual(['SUP-1', 'response', '0', 'met', 'all', '2026-03-02T13:00:00.000Z', 'breached', 'all', '2026-03-02T10:00:00.000Z']);
  });
});
